import XCTest
import VectorMath
@testable import GloVe

final class VocabularyTests: XCTestCase {
    func testMostFrequentFirstAndTiesInByteOrder() {
        let vocabulary = Vocabulary(counting: Corpus(text: "the cat sat on the mat"))
        XCTAssertEqual(vocabulary.words, ["the", "cat", "mat", "on", "sat"])
        XCTAssertEqual(vocabulary.counts, [2, 1, 1, 1, 1])
        XCTAssertEqual(vocabulary.index(of: "mat"), 2)
        XCTAssertNil(vocabulary.index(of: "dog"))
        XCTAssertEqual(vocabulary.corpusTokenCount, 6)
    }

    func testMinCountAndMaxSizeCutTheRareWords() {
        let corpus = Corpus(text: "a a a a b b b c c d\ne e e e e")
        XCTAssertEqual(Vocabulary(counting: corpus, minCount: 2).words, ["e", "a", "b", "c"])
        XCTAssertEqual(Vocabulary(counting: corpus, minCount: 2, maxSize: 2).words, ["e", "a"])
        let cut = Vocabulary(counting: corpus, minCount: 3)
        XCTAssertEqual(cut.words, ["e", "a", "b"])
        XCTAssertEqual(cut.distinctWordCount, 5)
        XCTAssertEqual(cut.corpusTokenCount, 15)
    }

    func testTheSameOnAnyNumberOfThreads() {
        var random = SeededGenerator(seed: 3)
        let lines = (0..<500).map { _ in (0..<12).map { _ in "w\(random.nextInt(below: 300))" }.joined(separator: " ") }
        let corpus = Corpus(lines: lines)
        let one = Vocabulary(counting: corpus, minCount: 2, threads: 1)
        XCTAssertEqual(Vocabulary(counting: corpus, minCount: 2, threads: 3), one)
        XCTAssertEqual(one.counts, one.counts.sorted(by: >))
    }

    func testLooksUpWordsOfEveryLength() {
        let words = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnopq", "北京", "从Token到向量"]
        let vocabulary = Vocabulary(words: words)
        for (i, word) in words.enumerated() { XCTAssertEqual(vocabulary.index(of: word), i, word) }
        XCTAssertNil(vocabulary.index(of: "abcdefgx"))
        XCTAssertNil(vocabulary.index(of: "abcdefghj"))
        XCTAssertNil(vocabulary.index(of: ""))
    }

    func testAGrowingTableFindsEverything() {
        var table = WordTable(minimumCapacity: 4)
        let words = (0..<5000).map { "word\($0)" }
        for word in words {
            var w = word
            w.withUTF8 { b in table.values[table.insert(b.baseAddress!, b.count, readableUpTo: b.baseAddress! + b.count)] += 1 }
        }
        XCTAssertEqual(table.count, 5000)
        for (e, word) in words.enumerated() { XCTAssertEqual(table.word(e), word) }
    }
}

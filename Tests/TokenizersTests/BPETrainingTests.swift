import XCTest
import Tokenizers

final class BPETrainingTests: XCTestCase {
    func testTheFirstMergeOnAaabdaaabacIsAA() throws {
        let bpe = try BPETokenizer.train(on: "aaabdaaabac", vocabularySize: 257)
        let first = try XCTUnwrap(bpe.merges.first)
        XCTAssertEqual(first.pair, TokenPair(97, 97))   // ("a", "a")
        XCTAssertEqual(first.newID, 256)
        XCTAssertEqual(first.count, 4)
        XCTAssertEqual(first.readableText, "aa")
    }

    func testMergesComeInOrderWithTheirCounts() throws {
        // Same as karpathy/minbpe basic.py: after "aa", the pairs ("aa", "a") and ("a", "b")
        // both occur twice; the one seen first in the text wins.
        let bpe = try BPETokenizer.train(on: "aaabdaaabac", vocabularySize: 259)
        XCTAssertEqual(bpe.merges.map(\.pair), [TokenPair(97, 97), TokenPair(256, 97), TokenPair(257, 98)])
        XCTAssertEqual(bpe.merges.map(\.newID), [256, 257, 258])
        XCTAssertEqual(bpe.merges.map(\.count), [4, 2, 2])
        XCTAssertEqual(bpe.merges.map(\.readableText), ["aa", "aaa", "aaab"])
        XCTAssertEqual(bpe.vocabularySize, 259)
        XCTAssertEqual(bpe.encode("aaabdaaabac"), [258, 100, 258, 97, 99])
    }

    func testTrainingMatchesMinbpeOnChineseText() throws {
        // Reference: minbpe's BasicTokenizer.train(text, 270) on the same text.
        let text = "从Token到向量，从向量到Token：北京，北京，北京大学。"
        let bpe = try BPETokenizer.train(on: text, vocabularySize: 270)
        XCTAssertEqual(bpe.merges.map(\.pair), [
            TokenPair(239, 188), TokenPair(256, 140), TokenPair(229, 140), TokenPair(258, 151),
            TokenPair(259, 228), TokenPair(260, 186), TokenPair(261, 172), TokenPair(228, 187),
            TokenPair(263, 142), TokenPair(84, 111), TokenPair(265, 107), TokenPair(266, 101),
            TokenPair(267, 110), TokenPair(229, 136),
        ])
        XCTAssertEqual(bpe.merges.map(\.count), [4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2])
        // The first merge is two of the three bytes of the full-width comma "，" (EF BC 8C).
        XCTAssertEqual(bpe.merges[0].readableText, "<EF><BC>")
        XCTAssertEqual(bpe.merges[1].readableText, "，")
        XCTAssertEqual(bpe.merges[6].readableText, "北京")
        XCTAssertEqual(bpe.encode("北京大学"), [262, 229, 164, 167, 229, 173, 166])
    }

    func testTrainingIsDeterministic() throws {
        let text = "the cat sat on the mat; the dog sat on the log; the cow ate the grass by the barn. 猫坐在垫子上，狗坐在木头上，牛在谷仓旁吃草。"
        let first = try BPETokenizer.train(on: text, vocabularySize: 300)
        let second = try BPETokenizer.train(on: text, vocabularySize: 300)
        XCTAssertEqual(first.merges, second.merges)
        XCTAssertEqual(first.merges.count, 44)
        // The same first merges as minbpe: "e ", "th", "the ", "at", " the ".
        XCTAssertEqual(first.merges.prefix(5).map(\.readableText), ["e ", "th", "the ", "at", " the "])
        XCTAssertEqual(first.encode(text).count, 56)   // 149 bytes
    }

    func testEachMergeIsReportedAsItHappensAndTrainingCanStop() throws {
        var seen: [BPEMerge] = []
        let bpe = try BPETokenizer.train(on: "low lower lowest", vocabularySize: 300) { merge in
            seen.append(merge)
            return seen.count < 3   // stop after the third merge, as Ctrl-C would
        }
        XCTAssertEqual(seen.count, 3)
        XCTAssertEqual(bpe.merges, seen)
        XCTAssertEqual(seen.map(\.readableText), ["lo", "low", " low"])
    }

    func testTrainingStopsWhenNothingIsLeftToMerge() throws {
        let bpe = try BPETokenizer.train(on: "abab", vocabularySize: 1000)
        XCTAssertEqual(bpe.merges.map(\.readableText), ["ab", "abab"])
        XCTAssertEqual(bpe.encode("abab"), [257])
    }

    func testAVocabularySmallerThan256IsRefusedWithAHint() {
        XCTAssertThrowsError(try BPETokenizer.train(on: "hello", vocabularySize: 100)) { error in
            XCTAssertEqual(error as? TokenizerError, .vocabularyTooSmall(requested: 100))
            XCTAssertTrue("\(error)".contains("at least 256"))
        }
    }

    func testSavedMergesRebuildTheSameTokenizer() throws {
        let text = "tokens become vectors; 词向量把词变成数字"
        let trained = try BPETokenizer.train(on: text, vocabularySize: 280)
        let rebuilt = try BPETokenizer(merges: trained.merges)
        XCTAssertEqual(rebuilt.vocabulary, trained.vocabulary)
        XCTAssertEqual(rebuilt.encode(text), trained.encode(text))

        let outOfOrder = Array(trained.merges.dropFirst())
        XCTAssertThrowsError(try BPETokenizer(merges: outOfOrder))
    }
}

import Foundation
import XCTest
import VectorMath
@testable import GloVe

final class CooccurrenceMatrixTests: XCTestCase {
    /// "the cat sat on the mat", two words on each side, each co-occurrence weighted 1/distance:
    ///
    ///     the  cat  sat  on  the  mat
    ///      0    1    2    3   4    5
    func testCountsTheCatSatOnTheMatByHand() {
        let X = CooccurrenceMatrix(counting: "the cat sat on the mat", window: 2)
        XCTAssertEqual(X.vocabulary.words, ["the", "cat", "mat", "on", "sat"])
        XCTAssertEqual(X["the", "cat"], 1)          // the₀ cat₁ at distance 1; the₄ is 3 away from cat
        XCTAssertEqual(X["the", "sat"], 1)          // ½ from the₀ (distance 2) + ½ from the₄ (distance 2)
        XCTAssertEqual(X["the", "on"], 1)           // on₃ the₄ at distance 1; the₀ is 3 away
        XCTAssertEqual(X["the", "mat"], 1)
        XCTAssertEqual(X["the", "the"], 0)          // 4 apart: outside the window
        XCTAssertEqual(X["cat", "sat"], 1)
        XCTAssertEqual(X["cat", "on"], 0.5)
        XCTAssertEqual(X["cat", "mat"], 0)
        XCTAssertEqual(X["sat", "on"], 1)
        XCTAssertEqual(X["on", "mat"], 0.5)
        XCTAssertEqual(X["the", "dog"], 0)          // not in the vocabulary
    }

    func testIsSymmetric() {
        let X = CooccurrenceMatrix(counting: "the cat sat on the mat\nthe dog sat on the log", window: 3)
        for i in 0..<X.vocabulary.count {
            for j in 0..<X.vocabulary.count { XCTAssertEqual(X[i, j], X[j, i], "X[\(i), \(j)]") }
        }
    }

    func testReadsAsATable() {
        let X = CooccurrenceMatrix(counting: "the cat sat on the mat", window: 2)
        let table = X.table()
        XCTAssertEqual(table.rows, 5)
        XCTAssertEqual(table.row(0), [0, 1, 1, 1, 1])           // the: cat mat on sat
        XCTAssertEqual(table.row(1), [1, 0, 0, 0.5, 1])         // cat
        XCTAssertEqual(X.table(limit: 2), Matrix(rowVectors: [[0, 1], [1, 0]]))
        XCTAssertEqual(X.count, 16)                             // the nonzero entries
        XCTAssertEqual(X.row(1).map { Int($0.j) }, [0, 3, 4])  // cat's contexts, in column order
    }

    func testTheWindowStopsAtTheEndOfALine() {
        let X = CooccurrenceMatrix(counting: "a b\nc d", window: 5)
        XCTAssertEqual(X["a", "b"], 1)
        XCTAssertEqual(X["b", "c"], 0)
        XCTAssertEqual(X["a", "d"], 0)
    }

    /// As in cooccur.c, a word outside the vocabulary is dropped before the window is laid:
    /// it takes no place, so its neighbours become neighbours.
    func testWordsOutsideTheVocabularyTakeNoPlace() {
        let corpus = Corpus(text: "a rare b\na b")
        let vocabulary = Vocabulary(counting: corpus, minCount: 2)
        XCTAssertEqual(vocabulary.words, ["a", "b"])
        let X = CooccurrenceMatrix(counting: corpus, vocabulary: vocabulary, window: 1)
        XCTAssertEqual(X["a", "b"], 2)
    }

    /// As in cooccur.c, a word near itself counts once from each side.
    func testAWordNearItselfCountsTwice() {
        XCTAssertEqual(CooccurrenceMatrix(counting: "a a", window: 2)["a", "a"], 2)
        XCTAssertEqual(CooccurrenceMatrix(counting: "a b a", window: 2)["a", "a"], 1)
    }

    /// The fast counter gives what a plain transcription of cooccur.c's loop gives.
    func testMatchesTheReferenceLoopOnAGeneratedCorpus() {
        var random = SeededGenerator(seed: 11)
        var lines: [String] = []
        for _ in 0..<400 {
            let length = random.nextInt(below: 40)
            // Zipf-like: word k with probability about 1/(k+1).
            lines.append((0..<length).map { _ in "w\(Int(pow(200.0, random.nextDouble())) - 1)" }.joined(separator: " "))
        }
        let corpus = Corpus(lines: lines)
        let vocabulary = Vocabulary(counting: corpus, minCount: 3)
        XCTAssertLessThan(vocabulary.count, vocabulary.distinctWordCount, "some words must be left out")
        for window in [1, 5, 15] {
            let expected = referenceCounts(corpus, vocabulary, window: window)
            for threads in [1, 3] {
                let X = CooccurrenceMatrix(counting: corpus, vocabulary: vocabulary, window: window, threads: threads)
                XCTAssertEqual(X.count, expected.count, "window \(window), \(threads) threads")
                var previous: (Int32, Int32) = (-1, -1)
                for record in X {
                    XCTAssertTrue((record.i, record.j) > previous, "records in row, then column order")
                    previous = (record.i, record.j)
                    let x = expected[Pair(i: Int(record.i), j: Int(record.j))] ?? 0
                    XCTAssertEqual(Double(record.x), x, accuracy: 1e-6 * x)
                }
            }
        }
    }

    private struct Pair: Hashable { var i, j: Int }

    /// cooccur.c, symmetric, distance-weighted: for each word, look back over its history on
    /// this line, add 1/distance to both X[w1][w2] and X[w2][w1].
    private func referenceCounts(_ corpus: Corpus, _ vocabulary: Vocabulary, window: Int) -> [Pair: Double] {
        var X: [Pair: Double] = [:]
        for line in corpus.lines() {
            var history: [Int] = []
            for token in line {
                guard let w2 = vocabulary.index(of: token) else { continue }   // skip out-of-vocabulary words
                let j = history.count
                for k in stride(from: j - 1, through: max(0, j - window), by: -1) {
                    let w1 = history[k]
                    X[Pair(i: w1, j: w2), default: 0] += 1 / Double(j - k)
                    X[Pair(i: w2, j: w1), default: 0] += 1 / Double(j - k)
                }
                history.append(w2)
            }
        }
        return X
    }

    func testSortsColumnListsOfAnyLength() {
        var random = SeededGenerator(seed: 5)
        for n in [0, 1, 2, 17, 100, 1000] {
            var values = (0..<n).map { _ in Int32(random.nextInt(below: 500)) }
            let expected = values.sorted()
            values.withUnsafeMutableBufferPointer { sortInPlace($0) }
            XCTAssertEqual(values, expected)
        }
    }
}

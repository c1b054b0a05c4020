import Encoders
import XCTest

final class SentenceEncoderTests: XCTestCase {
    /// Our forward pass against PyTorch's on the same (int8-rounded) weights: cosine ≥ 0.999; and against
    /// PyTorch on the original float32 weights, which measures what int8 storage costs: cosine ≥ 0.99.
    func testSentenceVectorsAgreeWithTheReference() throws {
        let fixtures = try EncoderFixtures.load("minilm.json")
        let minilm = try Repo.minilm()
        // Every third fixture keeps the test fast in debug builds; the long, truncated texts are last.
        let chosen = fixtures.sentences.enumerated().filter { $0.offset % 3 == 0 || $0.offset >= fixtures.sentences.count - 3 }.map(\.element)
        let vectors = minilm.encode(chosen.map(\.text), batchSize: 16, threads: 2)
        var worstSame: Float = 1, worstOriginal: Float = 1
        for (i, s) in chosen.enumerated() {
            let v = vectors.row(i)
            worstSame = min(worstSame, cosine(v, s.vectorDequantised))
            worstOriginal = min(worstOriginal, cosine(v, try XCTUnwrap(s.vector)))
        }
        print("MiniLM vs reference on \(chosen.count) fixtures: worst cosine \(worstSame) (same int8 weights), \(worstOriginal) (float32 weights)")
        XCTAssertGreaterThanOrEqual(worstSame, 0.999, "same weights as the reference")
        XCTAssertGreaterThanOrEqual(worstOriginal, 0.99, "int8 weights vs the reference's float32")
    }

    func testSentenceVectorsHaveUnitLengthAndMeaning() throws {
        let minilm = try Repo.minilm()
        let v = minilm.encode(["a cat sat on the mat", "a kitten rested on the rug", "interest rates rose again"])
        XCTAssertEqual(v.columns, 384)
        XCTAssertEqual(cosine(v.row(0), v.row(0)), 1, accuracy: 1e-5)
        XCTAssertGreaterThan(cosine(v.row(0), v.row(1)), cosine(v.row(0), v.row(2)) + 0.2)
    }

    /// The same word, two meanings: the river's bank and the money bank get different vectors, and each is
    /// nearer another use of the same sense than the other sense.
    func testContextualVectorsOfOneWordDifferAcrossSenses() throws {
        let minilm = try Repo.minilm()
        let river = try minilm.contextualVector(of: "bank", in: "We sat on the river bank and watched the water.")
        let shore = try minilm.contextualVector(of: "bank", in: "The boat drifted toward the muddy bank of the stream.")
        let money = try minilm.contextualVector(of: "bank", in: "The bank raised its interest rates again.")
        let loan = try minilm.contextualVector(of: "Bank", in: "She asked the bank for a loan.")
        XCTAssertEqual(river.pieces, ["bank"])
        XCTAssertLessThan(cosine(river.vector, money.vector), 0.9)
        XCTAssertGreaterThan(cosine(river.vector, shore.vector), cosine(river.vector, money.vector))
        XCTAssertGreaterThan(cosine(money.vector, loan.vector), cosine(money.vector, shore.vector))
    }

    func testAWordOfSeveralPiecesAndAChineseWord() throws {
        let minilm = try Repo.minilm()
        XCTAssertEqual(try minilm.contextualVector(of: "embeddings", in: "Word embeddings are vectors.").pieces,
                       ["em", "##bed", "##ding", "##s"])
        XCTAssertEqual(try minilm.contextualVector(of: "北京", in: "他们明天去北京。").pieces, ["北", "京"])
        XCTAssertThrowsError(try minilm.contextualVector(of: "bank", in: "the river flows")) { error in
            XCTAssertEqual("\(error)", "'bank' is not a word of \"the river flows\" (its words: the river flows)")
        }
        XCTAssertThrowsError(try minilm.contextualVector(of: " ", in: "the river flows"))
    }
}

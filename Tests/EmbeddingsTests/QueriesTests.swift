import XCTest
@testable import Embeddings

final class QueriesTests: XCTestCase {
    let glove = Repo.glove

    func testKingMinusManPlusWomanIsQueen() throws {
        XCTAssertEqual(try glove.analogy(a: "man", b: "king", c: "woman", k: 3).first?.word, "queen")
        XCTAssertEqual(try glove.analogy(a: "man", b: "king", c: "woman", k: 3, method: .cosMul).first?.word, "queen")
    }

    func testCapitalsFollowTheirCountries() throws {
        XCTAssertEqual(try glove.analogy(a: "france", b: "paris", c: "italy", k: 1).first?.word, "rome")
        XCTAssertEqual(try glove.analogy(a: "china", b: "beijing", c: "france", k: 1).first?.word, "paris")
    }

    func testWithoutExclusionAnInputWordWins() throws {
        // The reason analogies leave their inputs out: b - a + c is usually nearest to b itself.
        let top = try glove.analogy(a: "man", b: "king", c: "woman", k: 1, excludeInputs: false)
        XCTAssertEqual(top.first?.word, "king")
    }

    func testNeighboursOfAWordLeaveTheWordOut() throws {
        let near = try glove.nearest(to: "frog", k: 10)
        XCTAssertFalse(near.map(\.word).contains("frog"))
        XCTAssertTrue(near.map(\.word).contains("toad"))
        XCTAssertEqual(near.map(\.score), near.map(\.score).sorted(by: >))
    }

    func testRestrictingSearchesOnlyFrequentWords() throws {
        let near = try glove.nearest(to: glove.vector("frog")!, k: 5, excluding: ["frog"], restrictTo: 1000)
        XCTAssertTrue(near.allSatisfy { $0.index < 1000 })
    }

    func testOddOneOutIsTheCar() throws {
        XCTAssertEqual(try glove.oddOneOut(["breakfast", "lunch", "dinner", "car"]).word, "car")
    }

    func testRankOfQueenAmongKingsNeighbours() throws {
        let rank = try XCTUnwrap(try glove.rank(of: "queen", amongNeighboursOf: "king"))
        let near = try glove.nearest(to: "king", k: 50).map(\.word)
        XCTAssertEqual(near.firstIndex(of: "queen").map { $0 + 1 }, rank)
    }

    func testAnUnknownWordSuggestsCloseSpellings() {
        XCTAssertThrowsError(try glove.similarity("kign", "queen")) { error in
            guard case EmbeddingsError.unknownWord(let w, let suggestions) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(w, "kign")
            XCTAssertTrue(suggestions.contains("king"), "\(suggestions)")
        }
    }

    func testSimilarityIsSymmetricAndOneForAWordWithItself() throws {
        XCTAssertEqual(try glove.similarity("cat", "dog"), try glove.similarity("dog", "cat"))
        XCTAssertEqual(try glove.similarity("cat", "cat"), 1, accuracy: 1e-5)
    }
}

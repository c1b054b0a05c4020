import Embeddings
import Workbench
import XCTest

/// `:use minilm`, `embed`, sentences in `sim`, and `WORD in "SENTENCE"` on an encoder and on a static model.
final class EncoderCommandTests: XCTestCase {
    func testAnEncoderGivesOneWordDifferentVectorsInDifferentSentences() throws {
        let s = try Models.session()
        XCTAssertNil(s.encoder, "encoders load only when asked for")
        try s.evaluate(":use minilm")
        XCTAssertEqual(s.encoder?.name, "minilm")
        let senses = try XCTUnwrap(s.evaluate(#"sim (bank in "We sat on the river bank and watched the water."), (bank in "The bank raised its interest rates again.")"#).value.number)
        XCTAssertLessThan(senses, 0.9)
        let same = try XCTUnwrap(s.evaluate(#"cos(bank in "the river bank", bank in "the river bank")"#).value.number)
        XCTAssertEqual(same, 1, accuracy: 1e-5)
    }

    func testSentencesAreVectorsOnAnEncoder() throws {
        let s = try Models.session()
        try s.evaluate(":use minilm")
        let close = try XCTUnwrap(s.evaluate(#"sim "a cat sat on the mat", "a kitten rested on the rug""#).value.number)
        let far = try XCTUnwrap(s.evaluate(#"sim "a cat sat on the mat", "interest rates rose again""#).value.number)
        XCTAssertGreaterThan(close, far + 0.2)
        guard case .vector(let v) = try s.evaluate(#"embed "the river bank""#).value else { return XCTFail("embed gives a vector") }
        XCTAssertEqual(v.values.count, 384)
        XCTAssertEqual(v.values.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
    }

    func testOnAStaticModelTheWordHasOneVectorAndSaysSo() throws {
        let s = try Models.session()
        let same = try XCTUnwrap(s.evaluate(#"sim (bank in "the river bank"), (bank in "the bank raised its rates")"#).value.number)
        XCTAssertEqual(same, 1, accuracy: 1e-6)
        guard case .vector(let v) = try s.evaluate(#"bank in "the river bank""#).value else { return XCTFail("a vector") }
        XCTAssertTrue(v.label.contains("static"), v.label)
        XCTAssertThrowsError(try s.evaluate(#"embed "the river bank""#)) { XCTAssertTrue("\($0)".contains(":use minilm")) }
    }

    func testMistakesGetOneClearLine() throws {
        let s = try Models.session()
        try s.evaluate(":use minilm")
        XCTAssertThrowsError(try s.evaluate(#"money in "the river bank""#)) { error in
            XCTAssertEqual((error as? WorkbenchError)?.message, "'money' is not a word of that sentence (its words: the river bank)")
        }
        try s.evaluate(":use glove-50d")
        XCTAssertNil(s.encoder)
        XCTAssertEqual(try s.evaluate("sim king queen").value.number ?? 0, 0.7839, accuracy: 1e-3)
    }
}

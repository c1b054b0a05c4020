import XCTest
@testable import Workbench
import Embeddings

/// search, recommend, classify, :load collection, index build / compare and :set search, as typed.
final class SearchCommandTests: XCTestCase {
    func rows(_ v: Value) -> [[String]] {
        if case .table(let t) = v { return t.rows }
        XCTFail("not a table: \(v)")
        return []
    }

    func testSearchRecommendAndClassifyOnTheBundledCollections() throws {
        let s = try Models.session()
        let hits = rows(try s.evaluate(#"search faq-en "I forgot my password" 3"#).value)
        XCTAssertEqual(hits.count, 3)
        XCTAssertEqual(hits[0][0], "1", "the document's number comes first")
        XCTAssertTrue(hits[0][2].hasPrefix("How do I reset my password?"), "\(hits)")
        let liked = rows(try s.evaluate(#"recommend items-en "Acoustic guitar""#).value).map { $0[2] }
        XCTAssertTrue(liked.prefix(3).allSatisfy { text in ["Drum kit", "Flute", "Violin"].contains { text.hasPrefix($0) } }, "\(liked)")
        let verdict = rows(try s.evaluate(#"classify polarity-en "wonderful""#).value)
        XCTAssertEqual(verdict.map { $0[1] }, ["pos", "pos"])
        let report = rows(try s.evaluate("classify polarity-en").value)
        XCTAssertEqual(report.count, 2)
        XCTAssertGreaterThanOrEqual(Double(report[0][1]) ?? 0, 0.85)
    }

    func testQuotedSentencesOnAWordModelAreSentenceVectors() throws {
        let s = try Models.session()
        func cosine(_ line: String) throws -> Double {
            guard let x = try s.evaluate(line).value.number else { XCTFail("no number for \(line)"); return 0 }
            return x
        }
        let near = try cosine(#"sim "a cat sat on the mat", "a dog lay on the rug""#)
        let far = try cosine(#"sim "a cat sat on the mat", "stock prices fell sharply""#)
        XCTAssertGreaterThan(near, far + 0.2, "related sentences are closer than unrelated ones")
        XCTAssertThrowsError(try s.evaluate(#"sim "zzqx qqzz", cat"#)) { XCTAssertTrue("\($0)".contains("none of the words"), "\($0)") }
        XCTAssertThrowsError(try s.evaluate("sim zzqx cat"), "one unknown word is still an unknown word, not a sentence")
    }

    func testUnknownCollectionsAndUnknownWordsSayWhatToDo() throws {
        let s = try Models.session()
        XCTAssertThrowsError(try s.evaluate(#"search nowhere "x""#)) { XCTAssertTrue("\($0)".contains("no collection named 'nowhere'"), "\($0)") }
        XCTAssertThrowsError(try s.evaluate(#"search faq-en "zxqwv""#)) { XCTAssertTrue("\($0)".contains("no word of"), "\($0)") }
        XCTAssertThrowsError(try s.evaluate("classify faq-en")) { XCTAssertTrue("\($0)".contains("has no labels"), "\($0)") }
    }

    func testALearnersOwnCollectionLoads() throws {
        let s = try Models.session()
        let path = NSTemporaryDirectory() + "embedlab-notes-\(UUID().uuidString).tsv"
        try "animal\tthe dog barked at the cat\r\nanimal\ta horse ran in the field\r\nfood\tbread and butter for breakfast\r\nfood\trice with fish and soup\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        XCTAssertTrue(try s.evaluate(":load collection \(path)").value == .text("collection \(name): 4 documents, labels animal, food; try search \(name) \"…\""))
        XCTAssertTrue(rows(try s.evaluate("search \(name) \"puppy\" 1").value)[0][2].contains("dog"))
    }

    func testAnIndexAnswersNearAndComparesWithExactSearch() throws {
        let s = try Models.session("toy")
        XCTAssertThrowsError(try s.evaluate("index compare")) { XCTAssertTrue("\($0)".contains("index build"), "\($0)") }
        guard case .text(let built) = try s.evaluate("index build m=4 ef=20").value else { return XCTFail() }
        XCTAssertTrue(built.contains("M=4, efConstruction=20"), built)
        let exact = try s.evaluate("near 猫").value.words
        try s.evaluate(":set search approx")
        try s.evaluate(":set ef 50")
        XCTAssertEqual(try s.evaluate("near 猫").value.words, exact, "a small index finds the same neighbours")
        let table = rows(try s.evaluate("index compare").value)
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(table[1][1], "1.000")
        XCTAssertThrowsError(try s.evaluate("index build m=1"))
    }
}

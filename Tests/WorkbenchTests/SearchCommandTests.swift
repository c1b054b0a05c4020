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

    func testASweepMeasuresRecallAndSpeedAtEachEfAsAnANNBenchmarksChart() throws {
        let s = try Models.session("toy")
        XCTAssertThrowsError(try s.evaluate("index sweep")) { XCTAssertTrue("\($0)".contains("index build"), "\($0)") }
        try s.evaluate("index build m=4 ef=20")
        guard case .table(let table) = try s.evaluate("index sweep queries=20 max-ef=50").value, case .sweep(let sweep)? = table.detail else {
            return XCTFail("index sweep is a table with its chart")
        }
        XCTAssertEqual(table.rows.map { $0[0] }.dropFirst(), ["HNSW ef=10", "HNSW ef=20", "HNSW ef=40", "HNSW ef=50"], "ef doubles from 10, and max-ef is the last")
        XCTAssertEqual(table.rows[0][1], "1.000", "brute force is exact")
        XCTAssertEqual(sweep.points.map(\.ef), [10, 20, 40, 50])
        XCTAssertEqual(sweep.queries, 20)
        XCTAssertTrue(sweep.points.allSatisfy { (0...1).contains($0.recall) && $0.queriesPerSecond > 0 }, "\(sweep.points)")
        XCTAssertEqual(sweep.points.last?.recall, 1, "ef=50 over a toy model's few words finds them all")
        XCTAssertGreaterThan(sweep.exactQueriesPerSecond, 0)
        XCTAssertThrowsError(try s.evaluate("index sweep max-ef=5")) { XCTAssertTrue("\($0)".contains("max-ef must be a whole number from 10 to 2000"), "\($0)") }
        XCTAssertTrue(Help.text("index", language: .en).contains("index sweep [queries=200] [max-ef=320]"))
        XCTAssertTrue(Help.text("index", language: .zh).contains("index sweep：最大的 ef"), Help.text("index", language: .zh))
    }

    func testAtThePromptAnIndexIsSavedBesideTheModelReadBackAndADamagedOneReplaced() throws {
        let folder = NSTemporaryDirectory() + "embedlab-index-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: try Models.catalog.resolve("toy"), toPath: folder + "/toy.embv")
        let catalog = ModelCatalog(directories: [folder])
        func prompt() throws -> Session {
            let s = Session(catalog: catalog, model: try catalog.load("toy"))
            s.searchState.keepsIndexFiles = true
            return s
        }
        func say(_ s: Session, _ line: String) throws -> String {
            guard case .text(let t) = try s.evaluate(line).value else { XCTFail("not a text"); return "" }
            return t
        }
        let first = try say(try prompt(), "index build m=4 ef=20")
        XCTAssertTrue(first.contains("built in") && first.contains("Saved to \(folder)/toy.hnsw"), first)
        let again = try prompt()
        let read = try say(again, "index build m=4 ef=20")
        XCTAssertTrue(read.contains("read from \(folder)/toy.hnsw"), read)
        try again.evaluate(":set search approx")
        XCTAssertEqual(try again.evaluate("near 猫").value.words?.isEmpty, false)
        XCTAssertTrue(try say(try prompt(), "index build m=5 ef=20").contains("built in"), "other parameters build anew")
        // A truncated file is refused with its reason and replaced by a fresh build.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/toy.hnsw"))
        try bytes.prefix(bytes.count - 7).write(to: URL(fileURLWithPath: folder + "/toy.hnsw"))
        let replaced = try say(try prompt(), "index build m=5 ef=20")
        XCTAssertTrue(replaced.contains("was refused (\(folder)/toy.hnsw: byte") && replaced.contains("truncated"), replaced)
        XCTAssertTrue(try say(try prompt(), "index build m=5 ef=20").contains("read from"))
        // Tests, lessons and notebooks never write beside a model.
        let s = Session(catalog: catalog, model: try catalog.load("toy"))
        XCTAssertFalse(try say(s, "index build m=6 ef=20").contains("Saved"))
    }

    func testHelpShowsWhatSearchRecommendAndClassifyTakeInBothLanguages() {
        XCTAssertTrue(Help.text("search", language: .en).hasPrefix(#"search COLLECTION "query" [k]"#), Help.text("search", language: .en))
        XCTAssertTrue(Help.text("search", language: .zh).hasPrefix(#"search 集合 "查询句" [k]"#))
        XCTAssertTrue(Help.text("recommend", language: .en).hasPrefix("recommend COLLECTION ITEM [k]"))
        XCTAssertTrue(Help.text("classify", language: .zh).hasPrefix(#"classify 集合 ["文本"]"#))
        XCTAssertTrue(Help.text("index", language: .en).hasPrefix("index build [m=16] [ef=200] | index compare"))
        XCTAssertTrue(Help.text("neighbours", language: .en).contains(#"search COLLECTION "query" [k]"#))
    }
}

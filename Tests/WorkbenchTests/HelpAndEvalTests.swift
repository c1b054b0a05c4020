import XCTest
@testable import Workbench
import Embeddings

/// :help names every topic in both languages; a refused search command says what it takes; an
/// evaluation section with no questions shows no accuracy.
final class HelpAndEvalTests: XCTestCase {
    func testHelpListsSearchIndexAndTheEncodersInBothLanguages() {
        for language in Language.allCases {
            let overview = Help.text(nil, language: language)
            for topic in ["collections", "ann", "encoders", "neighbours", "training", "lessons"] {
                XCTAssertTrue(overview.contains("  " + topic), "\(language): \(topic)\n\(overview)")
            }
            for command in ["search", "recommend", "classify", "index", "minilm", "e5-small"] {
                XCTAssertTrue(overview.contains(command), "\(language): the topic list names \(command)\n\(overview)")
            }
        }
        let search = Help.text("collections", language: .en)
        for command in ["search COLLECTION", "recommend COLLECTION ITEM", "classify"] { XCTAssertTrue(search.contains(command), search) }
        XCTAssertTrue(Help.text("encoders", language: .zh).contains(":use minilm"))
        XCTAssertTrue(Help.text("ann", language: .en).contains(":set search approx"))
    }

    func testARefusedRecommendSaysWhatItTakes() throws {
        let s = try Models.session()
        XCTAssertThrowsError(try s.evaluate("recommend guitar")) { error in
            let e = error as? WorkbenchError
            XCTAssertEqual(e?.hint, #"recommend takes recommend COLLECTION ITEM [k]: recommend items-en "guitar""#)
        }
        s.language = .zh
        XCTAssertThrowsError(try s.evaluate("recommend guitar")) { error in
            XCTAssertTrue((error as? WorkbenchError)?.hint?.hasPrefix("recommend 的写法是 recommend 集合 项 [k]") == true, "\(error)")
        }
    }

    func testASectionWithNoQuestionsShowsNoAccuracy() throws {
        let file = NSTemporaryDirectory() + "/sections-\(UUID().uuidString).txt"
        try ": capitals-zh\n北京 中国 巴黎 法国\n: capital-common-countries\nathens greece rome italy\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let s = try Models.session()
        guard case .table(let t) = try s.evaluate("eval \(file)").value else { return XCTFail("eval gives a table") }
        XCTAssertEqual(t.rows.first { $0.first == "capitals-zh" }?.last, "—", "\(t.rows)")
        XCTAssertNotEqual(t.rows.first { $0.first == "capital-common-countries" }?.last, "—")
    }
}

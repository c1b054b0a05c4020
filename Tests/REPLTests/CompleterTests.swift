import XCTest
@testable import REPL
import Embeddings
import Workbench

final class CompleterTests: XCTestCase {
    func session() throws -> Session {
        let catalog = ModelCatalog(directories: [Binary.root.appendingPathComponent("vectors").path])
        return Session(catalog: catalog, model: try catalog.load("glove-50d"))
    }

    func testWordsCompleteMostFrequentFirstAndShareAPrefix() throws {
        let c = Completer(session: try session())
        let words = c.candidates(for: "quee", lineBefore: "king - man + ")
        XCTAssertEqual(words.first, "queen")
        XCTAssertEqual(Completion.commonPrefix(["queen", "queens", "queensland"]), "queen")
        XCTAssertEqual(Completion.commonPrefix(["北京", "北方"]), "北")
    }

    func testMetaCommandsModelsAndVariables() throws {
        let s = try session()
        let c = Completer(session: s)
        XCTAssertEqual(c.candidates(for: ":us", lineBefore: ""), [":use"])
        XCTAssertEqual(c.candidates(for: "gl", lineBefore: ":use "), ["glove-50d"])
        try s.evaluate("let royalty = king - man")
        XCTAssertEqual(c.candidates(for: "royalt", lineBefore: "near ").first, "royalty")
        XCTAssertEqual(c.candidates(for: "ne", lineBefore: "").first, "near", "commands first at the start of a line")
        XCTAssertEqual(c.candidates(for: "ne", lineBefore: "sim ").first, "new", "the most frequent word in the middle")
    }
}

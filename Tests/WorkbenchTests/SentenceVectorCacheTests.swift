import Foundation
import Workbench
import XCTest

/// A collection's sentence vectors by a transformer encoder are computed once and read back by the next
/// session, until the collection or the model changes; a damaged file is refused and replaced.
final class CollectionVectorCacheTests: XCTestCase {
    func testTheNextSessionReadsTheVectorsBackUntilTheCollectionChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-\(UUID().uuidString)").path
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pets-\(UUID().uuidString).txt")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(at: file) }
        let name = file.deletingPathExtension().lastPathComponent
        try "my cat sleeps all day\nthe dog wants a walk\nfish swim in the tank\nthe bank raised its rates\n"
            .write(to: file, atomically: true, encoding: .utf8)
        func search(atThePrompt: Bool = false) throws -> (rows: [[String]], note: String?, source: SentenceVectorSource?) {
            let s = try Models.session()
            s.searchState.vectorCacheFolder = folder
            s.searchState.keepsIndexFiles = atThePrompt
            try s.evaluate(":use minilm")
            try s.evaluate(":load collection \(file.path)")
            guard case .table(let t) = try s.evaluate("search \(name) \"a sleepy kitten\" 4").value else { throw NotATable() }
            return (t.rows, s.runNote, s.searchState.vectorSources["minilm/\(name)"])
        }
        let cacheFile = "\(folder)/\(name).minilm.passage.vectors"

        let first = try search()
        XCTAssertEqual(first.source, .computed(saved: cacheFile, refused: nil))
        XCTAssertEqual(first.rows.first?.last, "my cat sleeps all day")
        let second = try search()
        XCTAssertEqual(second.source, .cached(path: cacheFile))
        XCTAssertEqual(second.rows, first.rows, "the same documents, the same cosines")

        // One document changes: the saved vectors are stale, computed again and saved again.
        try "my cat sleeps all day\nthe dog wants a walk\nfish swim in the pond\nthe bank raised its rates\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let changed = try search()
        guard case .computed(cacheFile, let why?) = changed.source else { return XCTFail("\(String(describing: changed.source))") }
        XCTAssertTrue(why.hasSuffix("was computed from other documents"), why)
        XCTAssertEqual(try search().source, .cached(path: cacheFile))

        // A damaged file is refused (never trusted), and replaced by vectors computed again.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cacheFile))
        bytes[bytes.count - 3] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: cacheFile))
        let repaired = try search()
        guard case .computed(cacheFile, let damaged?) = repaired.source else { return XCTFail("\(String(describing: repaired.source))") }
        XCTAssertTrue(damaged.hasSuffix("fails its checksum (byte 40): the file is damaged"), damaged)
        XCTAssertEqual(repaired.rows, changed.rows)
        // At the learner's prompt the search says how long it took and where the vectors came from,
        // beside the value (`runNote`), not in it: a saved notebook replays to the same output.
        let timed = try search(atThePrompt: true)
        XCTAssertEqual(timed.source, .cached(path: cacheFile))
        XCTAssertTrue(timed.note?.hasSuffix(" ms (the 4 documents' vectors read from the cache)") == true, timed.note ?? "")
        XCTAssertNil(first.note)
    }

    func testWithoutACacheFolderNothingIsSavedAndTheOutputCarriesNoTime() throws {
        let s = try Models.session()
        try s.evaluate(":use minilm")
        guard case .table(let t) = try s.evaluate(#"search faq-en "I forgot my password" 2"#).value else { return XCTFail("a table") }
        XCTAssertEqual(s.searchState.vectorSources["minilm/faq-en"], .computed(saved: nil, refused: nil))
        XCTAssertEqual(t.title, #"search faq-en "I forgot my password" (minilm sentence vectors, cosine)"#, "a piped script's output is the same every run")
    }
}

private struct NotATable: Error {}

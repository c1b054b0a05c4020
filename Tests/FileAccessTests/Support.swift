import Foundation
import XCTest
@testable import FileAccess

/// A fresh temporary folder per test, removed afterwards.
class FolderTestCase: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "fileaccess-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Asserts that `body` throws a FileAccessError of `kind` whose one-line message contains `text`.
    func assertRefused<T>(_ kind: FileAccessError.Kind, _ text: String, file: StaticString = #filePath, line: UInt = #line,
                          _ body: () throws -> T) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard let e = error as? FileAccessError else { return XCTFail("not a FileAccessError: \(error)", file: file, line: line) }
            XCTAssertEqual(e.kind, kind, "\(e)", file: file, line: line)
            XCTAssertTrue(e.description.contains(text), "\(e)", file: file, line: line)
            XCTAssertFalse(e.description.contains("\n"), "one line: \(e)", file: file, line: line)
        }
    }
}

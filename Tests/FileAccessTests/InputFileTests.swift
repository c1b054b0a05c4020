import Foundation
import XCTest
@testable import FileAccess

final class InputFileTests: FolderTestCase {
    func testReadsARegularFileWhole() throws {
        let path = try file("words.txt", "king queen\n")
        let input = try InputFile.open(path)
        XCTAssertEqual(input.size, 11)
        XCTAssertEqual(try input.readAll(), Array("king queen\n".utf8))
        XCTAssertEqual(try input.read(upTo: 4), Array("king".utf8))
        let mapping = try input.map()
        withExtendedLifetime(mapping) { XCTAssertEqual(Array(mapping.bytes), Array("king queen\n".utf8)) }
    }

    func testAnEmptyFileMapsToNoBytes() throws {
        let path = try file("empty.txt", "")
        XCTAssertEqual(try InputFile.open(path).map().count, 0)
    }

    func testAFolderIsRefusedNotRead() {
        assertRefused(.isDirectory, "is a folder") { try InputFile.open(folder, what: "corpus") }
    }

    func testANamedPipeIsRefusedWithoutBlocking() {
        let path = folder + "/pipe"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        assertRefused(.isPipe, "named pipe") { try InputFile.open(path) }
    }

    func testADeviceIsRefused() {
        assertRefused(.isDevice, "is a device") { try InputFile.open("/dev/zero") }
        assertRefused(.isDevice, "is a device") { try InputFile.open("/dev/null") }
    }

    func testASymbolicLinkLoopIsNamedAsOne() {
        let a = folder + "/a", b = folder + "/b"
        XCTAssertEqual(symlink(b, a), 0)
        XCTAssertEqual(symlink(a, b), 0)
        assertRefused(.symlinkLoop, "loop of symbolic links") { try InputFile.open(a) }
    }

    func testAMissingFileAndAFileUsedAsAFolder() throws {
        assertRefused(.notFound, "no such file") { try InputFile.open(folder + "/missing.txt") }
        let path = try file("plain.txt", "x")
        assertRefused(.notAFolderOnTheWay, "is a file, not a folder") { try InputFile.open(path + "/inside.txt") }
        assertRefused(.notFound, "empty path") { try InputFile.open("") }
    }

    func testAnUnreadableFileSaysSo() throws {
        guard getuid() != 0 else { return }   // root reads everything; the message is covered by openError below
        let path = try file("secret.txt", "x")
        chmod(path, 0)
        assertRefused(.permissionDenied, "permission denied") { try InputFile.open(path) }
    }

    func testOpenErrorsAreOneLineEach() {
        XCTAssertEqual(InputFile.openError("p", EACCES, what: "file").kind, .permissionDenied)
        XCTAssertEqual(InputFile.openError("p", ELOOP, what: "file").kind, .symlinkLoop)
        XCTAssertEqual(InputFile.openError("p", EIO, what: "file").kind, .readFailed)
    }

    func testAFileLargerThanTheLimitIsRefusedBeforeReading() throws {
        let path = try file("big.txt", String(repeating: "x", count: 100))
        assertRefused(.tooLarge, "100 bytes, more than the 10 bytes a lesson file may have") {
            try InputFile.open(path, maxBytes: 10, what: "lesson")
        }
    }

    func testPathsWithControlCharactersAreShownEscaped() {
        let e = FileAccessError("evil\u{1B}]2;title\u{07}.txt", .notFound, "no such file")
        XCTAssertEqual(e.description, "evil\\e]2;title\\a.txt: no such file")
    }
}

/// Issue 25: under a read policy, the policy decides before anything about the path is examined.
final class PolicyDecidesFirstTests: XCTestCase {
    func testARefusedPathSaysNothingAboutTheFile() throws {
        let allowed = NSTemporaryDirectory() + "embedlab-allowed-" + UUID().uuidString
        let other = NSTemporaryDirectory() + "embedlab-other-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: allowed, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(other + "/pipe", 0o600), 0)
        FileManager.default.createFile(atPath: other + "/huge", contents: nil)
        XCTAssertEqual(truncate(other + "/huge", 20 << 30), 0)
        let policy = ReadPolicy(readable: [allowed])
        var problems: Set<String> = []
        for path in [other, other + "/missing", other + "/pipe", other + "/huge", "/dev/zero", "/etc/passwd"] {
            do {
                _ = try InputFile.open(path, maxBytes: 1 << 20, policy: policy)
                XCTFail("\(path) was opened")
            } catch let error as FileAccessError {
                XCTAssertEqual(error.kind, .outsideAllowedFolders, "\(path): \(error)")
                problems.insert(error.problem)
            }
        }
        XCTAssertEqual(problems.count, 1, "\(problems)")
    }
}

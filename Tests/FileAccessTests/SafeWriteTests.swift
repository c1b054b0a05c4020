import Foundation
import XCTest
@testable import FileAccess

final class SafeWriteTests: FolderTestCase {
    func testWritesANewFileAndReplacesAnOldOne() throws {
        let path = folder + "/notes.md"
        try SafeWrite.replace(path, with: Array("one\n".utf8))
        try SafeWrite.replace(path, with: Array("two\n".utf8))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "two\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["notes.md"], "no temporary file left")
    }

    func testKeepsThePermissionsOfThePrivateFileItReplaces() throws {
        let path = try file("private.md", "secret")
        chmod(path, 0o600)
        try SafeWrite.replace(path, with: Array("still secret".utf8))
        var st = stat()
        stat(path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }

    func testRefusesToReplaceAnythingButARegularFile() throws {
        let pipe = folder + "/pipe"
        mkfifo(pipe, 0o600)
        assertRefused(.targetNotRegular, "not a regular file") { try SafeWrite.replace(pipe, with: [1]) }
        assertRefused(.targetNotRegular, "is a folder") { try SafeWrite.replace(folder, with: [1]) }
        assertRefused(.targetNotRegular, "not a regular file") { try SafeWrite.replace("/dev/null", with: [1]) }
        let target = try file("target.txt", "keep me")
        let link = folder + "/link.txt"
        symlink(target, link)
        assertRefused(.targetNotRegular, "symbolic link") { try SafeWrite.replace(link, with: [1]) }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "keep me")
    }

    func testAMissingFolderIsAOneLineError() {
        assertRefused(.writeFailed, "check that the folder exists") { try SafeWrite.replace(folder + "/no/such/out.txt", with: [1]) }
    }

    func testStaleTemporaryFilesOfDeadWritersAreRemoved() throws {
        // PID 2^22+1 is above Linux's pid_max limit, so no process has it.
        try file(".model.embv.tmp-4194305-1", "half a file")
        try file(".model.embv.tmp-\(getpid())-999", "a write under way in this process")
        try file(".other.tmp-4194305-1", "another file's temporary")
        try SafeWrite.replace(folder + "/model.embv", with: [1, 2, 3])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(),
                       [".model.embv.tmp-\(getpid())-999", ".other.tmp-4194305-1", "model.embv"])
    }

    func testAFailedProducerLeavesTheOldFileAndNoTemporary() throws {
        let path = try file("model.txt", "old")
        struct Stop: Error {}
        XCTAssertThrowsError(try SafeWrite.replace(path) { write in
            try [UInt8]("new".utf8).withUnsafeBytes { try write($0) }
            throw Stop()
        })
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["model.txt"])
    }

    func testARelativePathIsWrittenInTheCurrentFolder() throws {
        let saved = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder)
        defer { FileManager.default.changeCurrentDirectoryPath(saved) }
        try SafeWrite.replace("plain.txt", with: Array("x".utf8))
        XCTAssertEqual(try String(contentsOfFile: folder + "/plain.txt", encoding: .utf8), "x")
    }
}

final class SafeWriteRegressionTests: FolderTestCase {
    /// Found by fuzz-models under AddressSanitizer: the stale-file scan copied each directory
    /// entry's whole 256-byte name field, reading past entries with short names. Names of every
    /// length must be read in place (run `swift test --sanitize address` to see an overread).
    func testTheStaleFileScanReadsEachNameInPlace() throws {
        for length in 1...40 { try file(String(repeating: "n", count: length), "") }
        try file(".m.tmp-4194305-1", "stale")
        try SafeWrite.replace(folder + "/m", with: [1])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertFalse(names.contains(".m.tmp-4194305-1"))
        XCTAssertEqual(names.count, 41)
    }
}

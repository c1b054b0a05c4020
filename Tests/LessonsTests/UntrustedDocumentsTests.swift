import FileAccess
import Foundation
import XCTest
@testable import Lessons

/// Lessons, notebooks and the progress file are read the same whatever their line ends, and
/// the progress file is never lost or replaced by something that is not a plain file.
final class UntrustedDocumentsTests: XCTestCase {
    let dir = temporaryDirectory()

    func crlf(_ text: String) -> String { "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n") }

    func testALessonWithCRLFAndAByteOrderMarkHasTheSameStepsAsWithLF() throws {
        let original = Repo.path("lessons/03-arithmetic.md")
        let text = try String(contentsOfFile: original, encoding: .utf8)
        try crlf(text).write(toFile: dir + "/03-arithmetic.md", atomically: true, encoding: .utf8)
        let lf = try LessonCatalog.read(path: original)
        let windows = try LessonCatalog.read(path: dir + "/03-arithmetic.md")
        XCTAssertGreaterThan(lf.steps.count, 0)
        XCTAssertEqual(windows.id, lf.id)
        XCTAssertEqual(windows.steps.map(\.id), lf.steps.map(\.id))
        XCTAssertEqual(windows.steps.map { $0.exercise != nil }, lf.steps.map { $0.exercise != nil })
    }

    func testANotebookWithCRLFHasTheSameCellsAndOutputsAsWithLF() throws {
        let text = "---\ntitle: t\nmodel: toy\n---\n```embedlab\n> sim 猫 狗\ncos(猫, 狗) = 0.98\n> 猫\n猫 = [0.3, 0.8, -0.2]\n```\n"
        try text.write(toFile: dir + "/lf.md", atomically: true, encoding: .utf8)
        try crlf(text).write(toFile: dir + "/crlf.md", atomically: true, encoding: .utf8)
        let lf = try Notebook.load(path: dir + "/lf.md"), windows = try Notebook.load(path: dir + "/crlf.md")
        XCTAssertEqual(lf.cells.count, 2)
        XCTAssertEqual(windows, lf)
    }

    func testANotebookThatIsAFolderOrAPipeIsOneLine() {
        mkfifo(dir + "/pipe.md", 0o600)
        for path in [dir, dir + "/pipe.md"] {
            XCTAssertThrowsError(try Notebook.load(path: path)) { error in
                XCTAssertTrue("\(error)".contains(path), "\(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
        XCTAssertThrowsError(try LessonCatalog.read(path: dir + "/pipe.md")) { XCTAssertTrue("\($0)".contains("named pipe"), "\($0)") }
    }

    func testProgressLivesUnderHOMEWhenXDGStateHomeIsUnset() {
        XCTAssertEqual(ProgressStore.defaultPath(environment: ["HOME": "/home/ada"]), "/home/ada/.local/state/embedlab/progress.json")
        XCTAssertEqual(ProgressStore.defaultPath(environment: ["HOME": "/home/ada", "XDG_STATE_HOME": ""]), "/home/ada/.local/state/embedlab/progress.json")
        XCTAssertEqual(ProgressStore.defaultPath(environment: ["HOME": "/home/ada", "XDG_STATE_HOME": "/s"]), "/s/embedlab/progress.json")
    }

    func testTemporaryFilesOfAKilledRunAreRemovedAtTheNextSave() throws {
        let path = dir + "/progress.json"
        try "stale".write(toFile: dir + "/.progress.json.tmp-4194305-1", atomically: true, encoding: .utf8)
        try "stale".write(toFile: dir + "/progress.json.tmp-4194305", atomically: true, encoding: .utf8)
        let store = ProgressStore(path: path)
        try store.update("arithmetic") { $0.current = "king-queen" }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertEqual(files, ["progress.json"])
        XCTAssertEqual(ProgressStore(path: path).progress(of: "arithmetic").current, "king-queen")
    }

    func testAProgressFileThatIsNotAFileIsNeverReplaced() throws {
        let path = dir + "/progress.json"
        mkfifo(path, 0o600)
        let store = ProgressStore(path: path)
        XCTAssertTrue(store.warning?.contains("named pipe") ?? false, store.warning ?? "no warning")
        // Progress never blocks learning: kept for the session, never saved over the pipe.
        XCTAssertNoThrow(try store.update("x") { $0.finished = true })
        XCTAssertTrue(store.progress(of: "x").finished)
        XCTAssertThrowsError(try store.save())
        var st = stat()
        lstat(path, &st)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the pipe is still there")
    }

    func testEachCorruptProgressFileIsMovedAsideToItsOwnName() throws {
        let path = dir + "/progress.json"
        for attempt in 0..<3 {
            try "{ broken \(attempt)".write(toFile: path, atomically: true, encoding: .utf8)
            let store = ProgressStore(path: path)
            XCTAssertTrue(store.warning?.contains("moved to") ?? false)
            try store.update("x") { $0.finished = true }
        }
        // Three corrupt files within the same second: three names, none overwritten.
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("progress.json.corrupt-") }
        XCTAssertEqual(aside.count, 3, "\(aside)")
        let contents = try Set(aside.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) })
        XCTAssertEqual(contents, ["{ broken 0", "{ broken 1", "{ broken 2"])
    }

    func testAPrivateProgressFileStaysPrivate() throws {
        let path = dir + "/progress.json"
        let store = ProgressStore(path: path)
        try store.update("x") { $0.finished = true }
        chmod(path, 0o600)
        try store.update("y") { $0.finished = true }
        var st = stat()
        stat(path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }
}

import Foundation
import XCTest

/// The executable given hostile or unusual files: one line on standard error and exit 1, never
/// a hang or a signal; CRLF files behave like LF ones; notebooks and graded answers cannot read
/// outside their folder.
final class UntrustedInputTests: XCTestCase {
    let dir = temporaryDirectory()

    func assertOneLineFailure(_ r: (status: Int32, out: String, err: String), contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.err, file: file, line: line)
        XCTAssertTrue(r.err.contains(text), r.err, file: file, line: line)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)", file: file, line: line)
    }

    func testModelPathsThatAreNotFilesAreOneLineErrors() throws {
        mkfifo(dir + "/pipe.embv", 0o600)
        symlink(dir + "/b", dir + "/a")
        symlink(dir + "/a", dir + "/b")
        assertOneLineFailure(try Binary.run(["convert", dir + "/pipe.embv", dir + "/out.embv"]), contains: "named pipe")
        assertOneLineFailure(try Binary.run(["convert", dir, dir + "/out.embv"]), contains: "is a folder")
        assertOneLineFailure(try Binary.run(["convert", "/dev/zero", dir + "/out.embv"]), contains: "is a device")
        assertOneLineFailure(try Binary.run(["convert", dir + "/a", dir + "/out.embv"]), contains: "loop of symbolic links")
        assertOneLineFailure(try Binary.run(["train", dir, dir + "/out.embv"]), contains: "is a folder")
    }

    func testConvertWithANegativeLimitIsAnErrorNotATrap() throws {
        // A bad option is a usage error (exit 64), checked by the command table: one line.
        let r = try Binary.run(["convert", "vectors/toy.embv", dir + "/out.embv", "--limit=-1"])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("limit must be a whole number ≥ 1"), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)")
    }

    func testConvertRefusesToReplaceAPipeAndKeepsAPrivateFilePrivate() throws {
        mkfifo(dir + "/out.txt", 0o600)
        assertOneLineFailure(try Binary.run(["convert", "vectors/toy.embv", dir + "/out.txt"]), contains: "not a regular file")
        FileManager.default.createFile(atPath: dir + "/private.embv", contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        XCTAssertEqual(try Binary.run(["convert", "vectors/toy.embv", dir + "/private.embv"]).status, 0)
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/private.embv")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testAnEvaluationFileWithCRLFScoresLikeLF() throws {
        let text = "\u{FEFF}: capital-cities\r\nathens greece berlin germany\r\nparis france rome italy\r\n"
        try text.write(toFile: dir + "/q.txt", atomically: true, encoding: .utf8)
        let r = try Binary.run(["eval", "glove-50d", dir + "/q.txt", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let evaluation = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])?["evaluation"] as? [String: Any], r.out)
        XCTAssertEqual((evaluation["sections"] as? [[String: Any]])?.first?["section"] as? String, "capital-cities", r.out)
        let total = try XCTUnwrap(evaluation["total"] as? [String: Any], r.out)
        XCTAssertEqual(total["correct"] as? Int, 2)
        XCTAssertEqual(total["total"] as? Int, 2)
        assertOneLineFailure(try Binary.run(["eval", "glove-50d", dir]), contains: "is a folder")
    }

    func testANotebookReadsOnlyBesideItself() throws {
        try "the cat sat on the mat\n".write(toFile: dir + "/corpus.txt", atomically: true, encoding: .utf8)
        let notebook = """
        ```embedlab
        :load /etc/passwd
        ```
        ```embedlab
        train glove corpus=/etc/passwd dims=2 epochs=1
        ```
        ```embedlab
        eval /etc/passwd
        ```
        """
        try notebook.write(toFile: dir + "/nb.md", atomically: true, encoding: .utf8)
        let r = try Binary.run(["run", dir + "/nb.md"])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(r.out.contains("root:"), r.out)
        XCTAssertEqual(r.out.components(separatedBy: "outside the lesson's folder").count - 1, 3, r.out)
        try "---\nmodel: /etc/passwd\n---\n```embedlab\nsim cat dog\n```\n".write(toFile: dir + "/model.md", atomically: true, encoding: .utf8)
        let m = try Binary.run(["run", dir + "/model.md"])
        XCTAssertEqual(m.status, 1)
        XCTAssertTrue((m.out + m.err).contains("outside the lesson's folder"), m.out + m.err)
    }

    func testACRLFNotebookIsCheckedCellByCell() throws {
        let notebook = "```embedlab\r\n> sim cat dog\r\ncos(cat, dog) = 0.10\r\n```\r\n"
        try notebook.write(toFile: dir + "/nb.md", atomically: true, encoding: .utf8)
        let r = try Binary.run(["check", dir + "/nb.md"])
        XCTAssertEqual(r.status, 1, "a wrong recorded output fails")
        XCTAssertTrue(r.out.contains("1 cells checked, 1 differ"), r.out)
    }

    func testACRLFAnswersFileGradesLikeLF() throws {
        let answers = "king-queen: king - man + woman\ncapitals: paris - france + italy\n"
        try answers.write(toFile: dir + "/lf.txt", atomically: true, encoding: .utf8)
        try ("\u{FEFF}" + answers.replacingOccurrences(of: "\n", with: "\r\n")).write(toFile: dir + "/crlf.txt", atomically: true, encoding: .utf8)
        let lf = try Binary.run(["lesson", "grade", "lessons/03-arithmetic.md", "--answers", dir + "/lf.txt"])
        let crlf = try Binary.run(["lesson", "grade", "lessons/03-arithmetic.md", "--answers", dir + "/crlf.txt"])
        XCTAssertEqual(lf.status, 0, lf.err)
        XCTAssertTrue(lf.out.contains("\"score\" : 2"), lf.out)
        // The same report but for the learner's name (taken from the file name) and the time each answer took.
        func sameRun(_ report: String) -> String {
            report.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.contains("\"seconds\" :") ? "\"seconds\" : <time>" : String($0) }
                .joined(separator: "\n")
        }
        XCTAssertEqual(sameRun(crlf.out.replacingOccurrences(of: "\"learner\" : \"crlf\"", with: "\"learner\" : \"lf\"")), sameRun(lf.out))
        assertOneLineFailure(try Binary.run(["lesson", "grade", "lessons/03-arithmetic.md", "--answers", dir + "/missing.txt"]), contains: "no answers file")
    }

    func testSavingASessionOverAPipeIsRefused() throws {
        mkfifo(dir + "/pipe.md", 0o600)
        let r = try Binary.run([], input: "sim cat dog\n:save \(dir)/pipe.md\n")
        XCTAssertTrue((r.out + r.err).contains("not a regular file"), r.out + r.err)
    }
}

/// Issue 25: content never carries escape sequences to the terminal, through a pipe or on a terminal.
final class ContentEscapesTests: XCTestCase {
    func testAColourSequenceInAnAnswerOrWordNeverReachesThePipe() throws {
        let r = try Binary.run([], input: "tokens \"\u{1B}[30;40mhidden\"\nsim \u{1B}[30;40mcat dog\n:help \u{1B}[30;40mx\n")
        XCTAssertFalse(r.out.contains("\u{1B}"), r.out)
        XCTAssertFalse(r.err.contains("\u{1B}"), r.err)
        XCTAssertTrue(r.out.contains("\\e[30;40m") || r.err.contains("\\e[30;40m"), r.out + r.err)
    }

    func testOnATerminalOnlyOurOwnColoursAreObeyed() throws {
        try Terminal.require()
        let dir = temporaryDirectory()
        try "---\ntitle: T\nmodel: toy\n---\n\n```embedlab\ntokens \"\u{1B}[30;40mhidden\"\n```\n".write(toFile: dir + "/n.md", atomically: true, encoding: .utf8)
        let t = try Terminal(command: "cd '\(Binary.root.path)' && XDG_STATE_HOME='\(dir)' LANG=C.UTF-8 '\(Binary.path)' run '\(dir)/n.md'; sleep 30", width: 100)
        let screen = try t.waitFor("hidden")
        XCTAssertTrue(screen.contains("\\e[30;40mhidden"), "the sequence is shown, not obeyed:\n\(screen)")
    }
}

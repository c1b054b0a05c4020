import XCTest
import Foundation

/// `embedlab lesson autograder` as an instructor uses it: the folder Gradescope takes, graded by
/// its own `run_autograder` in an environment with no Swift toolchain or runtime on any path.
///
/// The folder needs an embedlab linked statically against the Swift runtime. The test uses
/// `.build-static/release/embedlab` when it is there, newer than every file under Sources/ and
/// Package.swift/Package.resolved (`isCurrent`), and has `lesson autograde` (what run_autograder
/// runs); otherwise, or with EMBEDLAB_STATIC_REBUILD=1, it builds it first with
/// `swift build -c release --static-swift-stdlib --product embedlab --scratch-path .build-static`:
/// a release build of the whole package, 656 s measured on 2 cores under load 13 the first time,
/// minutes again after changes. The grading itself is the dynamic binary's, tested in
/// GradeCommandTests; this test is about the package: its layout, the static link, and
/// run_autograder with no Swift on any path.
final class AutograderTests: XCTestCase {
    static let staticBinary = Binary.root.appendingPathComponent(".build-static/release/embedlab").path

    /// Whether the binary at `path` was built after the last change to the package: no file under
    /// Sources/, nor Package.swift or Package.resolved, is newer than it. A stale static binary
    /// would grade with yesterday's code (it still answers --help), so it is rebuilt; a fresh
    /// clone has no binary and builds once either way. Reading the dates of the source files
    /// takes milliseconds.
    static func isCurrent(_ path: String, root: URL = Binary.root) -> Bool {
        let files = FileManager.default
        guard let built = (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return false }
        func newer(_ url: URL) -> Bool {
            ((try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate).map { $0 > built } ?? false
        }
        for name in ["Package.swift", "Package.resolved"] where newer(root.appendingPathComponent(name)) { return false }
        guard let walk = files.enumerator(at: root.appendingPathComponent("Sources"), includingPropertiesForKeys: [.contentModificationDateKey]) else { return false }
        for case let url as URL in walk where newer(url) { return false }
        return true
    }

    /// The static binary: the one present if it is current and can grade, else built once per test run.
    static let built: Result<String, Error> = {
        if ProcessInfo.processInfo.environment["EMBEDLAB_STATIC_REBUILD"] != "1", FileManager.default.isExecutableFile(atPath: staticBinary), isCurrent(staticBinary) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: staticBinary)
            probe.arguments = ["lesson", "autograde", "--help"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            if (try? probe.run()) != nil {
                probe.waitUntilExit()
                if probe.terminationStatus == 0 { return .success(staticBinary) }
            }
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "embedlab", "--scratch-path", ".build-static"]
        p.currentDirectoryURL = Binary.root
        let log = NSTemporaryDirectory() + "embedlab-static-build-\(getpid()).log"
        FileManager.default.createFile(atPath: log, contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: log)
        p.standardError = FileHandle(forWritingAtPath: log)
        p.standardInput = FileHandle.nullDevice
        do {
            try p.run()
            p.waitUntilExit()
        } catch { return .failure(error) }
        guard p.terminationStatus == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            return .failure(NSError(domain: "swift build --static-swift-stdlib failed: " + String(text.suffix(2000)), code: Int(p.terminationStatus)))
        }
        return .success(staticBinary)
    }()

    func ldd(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        p.arguments = [path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `command` with nothing of this environment: `env -i PATH=/usr/bin:/bin` and the given variables.
    func clean(_ command: [String], _ variables: [String: String]) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["-i", "PATH=/usr/bin:/bin"] + variables.map { "\($0.key)=\($0.value)" }.sorted() + command
        p.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testAStaticBinaryOlderThanASourceFileIsBuiltAgain() throws {
        let root = URL(fileURLWithPath: temporaryDirectory())
        let files = FileManager.default
        try files.createDirectory(at: root.appendingPathComponent("Sources/Lessons"), withIntermediateDirectories: true)
        let source = root.appendingPathComponent("Sources/Lessons/Lesson.swift").path
        let package = root.appendingPathComponent("Package.swift").path
        let binary = root.appendingPathComponent("embedlab").path
        for path in [source, package, binary] { XCTAssertTrue(files.createFile(atPath: path, contents: Data("x".utf8))) }
        func date(_ path: String, _ seconds: TimeInterval) throws {
            try files.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000 + seconds)], ofItemAtPath: path)
        }
        try date(source, 0); try date(package, 0); try date(binary, 10)
        XCTAssertTrue(Self.isCurrent(binary, root: root), "built after every source")
        try date(source, 20)
        XCTAssertFalse(Self.isCurrent(binary, root: root), "a source file changed after the build")
        try date(source, 0); try date(package, 20)
        XCTAssertFalse(Self.isCurrent(binary, root: root), "Package.swift changed after the build")
        try date(package, 0)
        XCTAssertFalse(Self.isCurrent(root.appendingPathComponent("missing").path, root: root), "no binary is never current")
    }

    func testTheAutograderFolderGradesSubmissionsWithoutSwift() throws {
        // The running (debug) embedlab needs the Swift runtime: it refuses to be packed, and says how.
        let dir = temporaryDirectory()
        let refused = try Binary.run(["lesson", "autograder", "arithmetic", "--out", dir + "/refused"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.err.contains("--static-swift-stdlib") && refused.err.contains("libswiftCore"), refused.err)

        let binary = try Self.built.get()
        let linked = try ldd(binary)
        XCTAssertFalse(linked.contains("libswift"), "static: \(linked)")
        let root = dir + "/autograder"
        let made = try Binary.run(["lesson", "autograder", "arithmetic", "--out", root + "/source", "--binary", binary])
        XCTAssertEqual(made.status, 0, made.err)
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/source").sorted()
        XCTAssertEqual(files, ["collections", "embedlab", "lessons", "run_autograder", "setup.sh", "vectors"])
        let models = try FileManager.default.contentsOfDirectory(atPath: root + "/source/vectors").sorted()
        XCTAssertEqual(models, ["README.md", "glove-50d.embv", "zh-wiki.embv"], "the lesson's models (it :uses zh-wiki) and their licences")
        let packed = try ldd(root + "/source/embedlab")
        for library in ["libswiftCore", "libFoundation", "libdispatch"] { XCTAssertFalse(packed.contains(library), packed) }

        // Gradescope's layout: /autograder/source, /autograder/submission, /autograder/results.
        func grade(_ submission: [String: Data]) throws -> [String: Any] {
            try? FileManager.default.removeItem(atPath: root + "/submission")
            try? FileManager.default.removeItem(atPath: root + "/results")
            try FileManager.default.createDirectory(atPath: root + "/submission", withIntermediateDirectories: true)
            for (name, bytes) in submission { try bytes.write(to: URL(fileURLWithPath: root + "/submission/" + name)) }
            let run = try clean([root + "/source/run_autograder"], ["AUTOGRADER_ROOT": root, "TMPDIR": dir])
            XCTAssertEqual(run.status, 0, run.out)
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/results/results.json"))
            return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        let good = try grade(["answers.txt": Data("king-queen: king - man + woman\ncapitals: rome\nbeijing-paris: london\n".utf8)])
        XCTAssertEqual(good["score"] as? Int, 2)
        XCTAssertEqual(good["max_score"] as? Int, 5)
        XCTAssertNotNil(good["execution_time"] as? Double)
        let tests = try XCTUnwrap(good["tests"] as? [[String: Any]])
        XCTAssertEqual(tests.count, 5)
        XCTAssertEqual(tests.map { $0["name"] as? String }.first, "king-queen: King and queen")
        XCTAssertEqual(tests.map { $0["score"] as? Int }, [1, 1, 0, 0, 0])
        XCTAssertEqual(tests.map { $0["max_score"] as? Int }, [1, 1, 1, 1, 1])
        XCTAssertEqual(tests.map { $0["visibility"] as? String }, Array(repeating: "visible", count: 5))
        XCTAssertTrue(tests.allSatisfy { ($0["execution_time"] as? Double).map { $0 >= 0 } ?? false })
        XCTAssertEqual(tests[2]["output"] as? String, "answer: london\nlondon is not the answer to this question.")
        XCTAssertEqual(tests[3]["output"] as? String, "no answer")

        // A file that is not text is that submission's failure, with the reason; results.json is still written.
        let broken = try grade(["ANSWERS.TXT": Data([0x6b, 0x69, 0xff, 0xfe, 0x0a])])
        XCTAssertEqual(broken["score"] as? Int, 0)
        XCTAssertEqual((broken["tests"] as? [[String: Any]])?.count, 5)
        XCTAssertTrue((broken["output"] as? String ?? "").contains("UTF-8"), "\(broken["output"] ?? "")")
        let none = try grade(["notes.pdf": Data("x".utf8)])
        XCTAssertTrue((none["output"] as? String ?? "").contains("submit arithmetic.txt"), "\(none["output"] ?? "")")
    }
}

/// A learner whose file cannot be read is counted as every other learner: the same steps, the same maximum.
final class UnreadableAnswersRowTests: XCTestCase {
    func testAnUnreadableFilesRowHasTheStepsOfTheLanguageGraded() throws {
        let dir = temporaryDirectory()
        try "king-queen: queen\n".write(toFile: dir + "/ana.txt", atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x20, 0x0A]).write(to: URL(fileURLWithPath: dir + "/bob.txt"))
        // Lesson 03 has steps for one language only (a zh-wiki step, an English one): 5 in English, 4 in 中文.
        for (lang, max) in [("en", "5"), ("zh", "4")] {
            let csv = try Binary.run(["lesson", "grade", "lessons/03-arithmetic.md", "--answers", dir, "--format", "csv", "--lang", lang])
            XCTAssertEqual(csv.status, 1, "bob's file is an error: \(csv.err)")
            let rows = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.split(separator: ",") }
            XCTAssertEqual(rows.count, 3, csv.out)
            XCTAssertEqual(rows[1].count, rows[0].count, "ana's row has a cell per column")
            XCTAssertEqual(rows[2].count, rows[0].count, "bob's row has the same steps as ana's (\(lang)):\n\(csv.out)")
            XCTAssertEqual(rows[1].last.map(String.init), max)
            XCTAssertEqual(rows[2].last.map(String.init), max)
        }
    }
}

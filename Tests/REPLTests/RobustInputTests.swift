import Foundation
import XCTest

/// Issue 10's inputs, each given to the real `embedlab` executable: a one-line error and exit 1
/// (runtime) or 64 (usage), never a signal, never a hang, never a raw escape on the
/// terminal, never a file read from outside a lesson's folder. Each process is started with
/// posix_spawn and reaped with wait4, so the test sees how it ended (exit or signal), its peak
/// memory (VmHWM sampled from /proc while it runs: wait4's ru_maxrss is not the child's own,
/// since posix_spawn's child shares this test process's memory until it execs), and can kill
/// it when it runs over its time.
final class RobustInputTests: XCTestCase {
    let dir = temporaryDirectory()

    struct Outcome {
        var status: Int32
        var signal: Int32?
        var timedOut: Bool
        var out: String
        var err: String
        var seconds: Double
        /// Peak resident memory, in KB (includes the test process's own until exec: see the notebook test).
        var maxRSS: Int
    }

    /// Runs embedlab with `arguments` and `input` on standard input; kills it after `limit` seconds.
    /// The limit is a hang guard, not a speed test (speed is measured in benchmarks): generous
    /// enough for a debug build on a busy machine, far below what a hang would take.
    /// `dataLimitKB` caps the process's heap (`ulimit -d`): work that is not linear in memory then fails.
    func embedlab(_ arguments: [String], input: String = "", environment: [String: String] = [:], limit: Double = 30,
                  dataLimitKB: Int? = nil) throws -> Outcome {
        let inputFile = dir + "/stdin-\(UUID().uuidString)", outFile = inputFile + ".out", errFile = inputFile + ".err"
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputFile))
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputFile, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env["XDG_STATE_HOME"] = temporaryDirectory()
        for key in ["LC_ALL", "LC_MESSAGES"] { env.removeValue(forKey: key) }
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (k, v) in environment { env[k] = v }
        // sh changes to the checkout (relative paths such as vectors/toy.embv) and execs embedlab in its place.
        let script = (dataLimitKB.map { "ulimit -d \($0) && " } ?? "") + "cd \"$0\" && exec \"$@\""
        let argv = (["/bin/sh", "-c", script, Binary.root.path, Binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard rc == 0 else { throw NSError(domain: "posix_spawn", code: Int(rc)) }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var peakKB = 0
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            peakKB = max(peakKB, Self.highWaterMarkKB(of: pid))
            if Date().timeIntervalSince(started) > limit && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(10_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let termination = status & 0x7f
        // Through FileHandle: Foundation's Data(contentsOf:) leaks a buffer for an empty file (LeakSanitizer).
        let read = { (path: String) in String(decoding: FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data(), as: UTF8.self) }
        return Outcome(status: termination == 0 ? (status >> 8) & 0xff : -1, signal: termination == 0 ? nil : termination,
                       timedOut: timedOut, out: read(outFile), err: read(errFile), seconds: seconds, maxRSS: peakKB)
    }

    /// The peak resident memory (KB) of the program `pid` runs now, from `VmHWM` in /proc; 0 when gone.
    static func highWaterMarkKB(of pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    /// Exit `status`, no signal, no hang, and standard error is one line containing `text`.
    func assertOneLine(_ r: Outcome, status: Int32 = 1, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(r.timedOut, "took over the time limit", file: file, line: line)
        XCTAssertNil(r.signal, "ended by signal \(r.signal ?? 0): \(r.err)", file: file, line: line)
        XCTAssertEqual(r.status, status, r.err + r.out, file: file, line: line)
        XCTAssertTrue(r.err.contains(text), "expected '\(text)' in: \(r.err)", file: file, line: line)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)", file: file, line: line)
    }

    /// A line typed at a piped prompt: its error is one line `line 1: …` and the exit status is 1.
    func piped(_ line: String, model: String = "glove-50d") throws -> Outcome {
        try embedlab(["--model", model], input: line + "\n")
    }

    // MARK: numbers

    func testAnOverflowIsAnErrorThatNamesTheOperation() throws {
        assertOneLine(try piped("1e400"), contains: "1e400 is too large a number")
        assertOneLine(try piped("near king*1e39"), contains: "king * 1e+39 has values too large")
        assertOneLine(try piped("plot (king*1e39) queen"), contains: "king * 1e+39 has values too large")
        assertOneLine(try piped("sim king*1e39, queen"), contains: "king * 1e+39 has values too large")
        assertOneLine(try piped("1e308 * 10"), contains: "1e+308 * 10 is not a finite number")
        assertOneLine(try piped("let v = [1e20, 1e20] * 1e19"), contains: "has values too large")
        // --json: the error is the JSON object, never `{}` or "Infinity".
        let json = try embedlab(["query", "glove-50d", "--json", "norm [1e39,0,0]"])
        XCTAssertEqual(json.status, 1, json.out + json.err)
        XCTAssertTrue(json.out.contains("\"type\":\"error\"") && json.out.contains("[1e+39, 0, 0] has values too large"), json.out)
        XCTAssertFalse(json.out.contains("Infinity") || json.out.contains("NaN"), json.out)
        // Large but finite is fine.
        let fine = try piped("norm king * 1e18")
        XCTAssertEqual(fine.status, 0, fine.err)
    }

    // MARK: regular expressions

    func testCatastrophicPatternsFinishAtOnce() throws {
        let r = try piped("vocab /(.*.*)*x/")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertFalse(r.timedOut)
        XCTAssertTrue(r.out.contains("words match '/(.*.*)*x/'"), r.out)
        let nested = try piped("vocab /(a+)+$/")
        XCTAssertEqual(nested.status, 0, nested.err)
        XCTAssertTrue(nested.out.contains("china"), nested.out)
        // What would need backtracking is refused with the reason.
        assertOneLine(try piped("vocab /(\\w)\\1/"), contains: "back-reference")
        assertOneLine(try piped("vocab /(x{1000}){1000}/"), contains: "too large")
    }

    func testALessonPatternAgainstALongOutputIsGradedInTime() throws {
        let lessons = dir + "/course"
        try FileManager.default.createDirectory(atPath: lessons, withIntermediateDirectories: true)
        let long = String(repeating: "a", count: 3000) + "!"
        try """
        ---
        id: slow
        title: { en: Slow, zh: 慢 }
        model: toy
        ---
        ## Tokens | 词元 {#tokens}
        ::: en
        Split the text.
        :::
        ::: zh
        切分文本。
        :::
        ```check
        text matches /(a+)+$/
        ```
        ```embedlab
        tokens "\(long)"
        ```
        ```reject
        sim 猫 狗
        ```
        ```hint
        en: Use tokens.
        zh: 用 tokens。
        ```
        """.write(toFile: lessons + "/slow.md", atomically: true, encoding: .utf8)
        let r = try embedlab(["lesson", "lint", lessons])
        XCTAssertFalse(r.timedOut, "grading a pattern against \(long.count) characters took over 5 s")
        XCTAssertNil(r.signal)
        // The solution's output does not end in a's: the linter says the solution fails its check.
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.out.contains("fails 'text matches /(a+)+$/'"), r.out)
    }

    // MARK: notebooks

    func testCheckingALargeNotebookIsLinear() throws {
        // 40,000 recorded lines against 1,000 computed ones: a quadratic diff needs 40 million cells.
        let recorded = (0..<40_000).map { "\($0) recorded output line" }.joined(separator: "\n")
        try "```embedlab\n> :set k 1000\n> near king\n\(recorded)\n```\n".write(toFile: dir + "/big.md", atomically: true, encoding: .utf8)
        // 200 MB of heap: plenty for a linear diff (about 50 MB), too little for the 320 MB table
        // a quadratic one needs. (The child's ru_maxrss cannot tell: posix_spawn's child starts
        // in the test process's memory, and Linux carries that high-water mark across exec.)
        // Under AddressSanitizer (`swift test --sanitize=address`) the binary reserves terabytes of
        // shadow memory at start, so no heap cap can be set; there the time limit is the guard.
        let r = try embedlab(["check", dir + "/big.md"], limit: 60, dataLimitKB: Self.underAddressSanitizer ? nil : 200_000)
        XCTAssertFalse(r.timedOut)
        XCTAssertNil(r.signal, r.err)
        XCTAssertEqual(r.status, 1, "the outputs differ: \(r.err)")
        XCTAssertTrue(r.out.contains("2 cells checked, 2 differ"), String(r.out.suffix(300)))
    }

    /// True when this test binary (and so the embedlab built with it) runs under AddressSanitizer
    /// (glibc: a nil handle is RTLD_DEFAULT, every loaded object).
    static let underAddressSanitizer = dlsym(nil, "__asan_init") != nil

    func testASessionWithFenceLinesRoundTrips() throws {
        let saved = dir + "/session.md"
        let r = try piped("sim 猫 狗\n```\n```embedlab\ntokens \"```\"\n:save \(saved)", model: "toy")
        XCTAssertTrue(r.out.contains("saved 4 cells"), r.out + r.err)
        let check = try embedlab(["check", saved])
        XCTAssertEqual(check.status, 0, check.out + check.err)
        XCTAssertTrue(check.out.contains("4 cells checked, 0 differ"), check.out)
        let run = try embedlab(["run", saved])
        XCTAssertNil(run.signal)
        XCTAssertTrue(run.out.hasPrefix("> sim 猫 狗") && run.out.contains("\n> tokens \"```\"\n"), run.out)
    }

    // MARK: options

    func testOutOfRangeOptionsAreUsageErrors() throws {
        try "```embedlab\nsim cat dog\n```\n".write(toFile: dir + "/nb.md", atomically: true, encoding: .utf8)
        try ": s\nathens greece berlin germany\n".write(toFile: dir + "/q.txt", atomically: true, encoding: .utf8)
        assertOneLine(try embedlab(["demo", "--auto", "5000", dir + "/nb.md"]), status: 64, contains: "auto must be a number from 0 to 3600")
        assertOneLine(try embedlab(["demo", "--speed", "nan", dir + "/nb.md"]), status: 64, contains: "speed must be a number from 0 to 1000")
        assertOneLine(try embedlab(["demo", "--speed", "1e400", dir + "/nb.md"]), status: 64, contains: "speed must be")
        assertOneLine(try embedlab(["eval", "glove-50d", dir + "/q.txt", "--restrict=-5"]), status: 64, contains: "restrict must be a whole number ≥ 1")
        assertOneLine(try embedlab(["convert", "vectors/toy.embv", dir + "/o.embv", "--limit=-1"]), status: 64, contains: "limit must be a whole number ≥ 1")
        // After a training, at the prompt: each bad value is its line's error.
        let lines = ["train glove corpus=small-world epochs=1", "train glove corpus=small-world eta=1e19",
                     "train glove corpus=small-world x-max=1e400", "train glove corpus=small-world alpha=1e19"]
        let r = try embedlab(["--model", "toy"], input: lines.joined(separator: "\n") + "\n", limit: 30)
        XCTAssertNil(r.signal)
        XCTAssertEqual(r.status, 1)
        let errors = r.err.split(separator: "\n")
        XCTAssertEqual(errors.count, 3, r.err)
        XCTAssertTrue(errors[0].hasPrefix("line 2: eta must be a positive number up to 10"), r.err)
        XCTAssertTrue(errors[1].hasPrefix("line 3: x-max must be a positive number"), r.err)
        XCTAssertTrue(errors[2].hasPrefix("line 4: alpha must be a positive number up to 10"), r.err)
    }

    // MARK: lessons

    func testABrokenCheckLineIsOneLintErrorAndTheFolderStillLoads() throws {
        let lessons = dir + "/course"
        try FileManager.default.createDirectory(atPath: lessons, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Binary.root.path + "/lessons/01-library.md", toPath: lessons + "/01-library.md")
        try """
        ---
        id: broken
        title: { en: Broken, zh: 坏 }
        model: toy
        ---
        ## One | 一 {#one}
        ::: en
        x
        :::
        ::: zh
        x
        :::
        ```check
        vector ≈ ] [ ±
        ```
        ```embedlab
        猫
        ```

        ## Two | 二 {#two}
        ::: en
        x
        :::
        ::: zh
        x
        :::
        ```check
        top -5 contains 狗
        ```
        ```embedlab
        near 猫
        ```
        """.write(toFile: lessons + "/99-broken.md", atomically: true, encoding: .utf8)
        let r = try embedlab(["lesson", "lint", lessons], limit: 60)
        XCTAssertNil(r.signal)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains("01-library.md: 8 steps, 4 exercises, ok"), r.out)
        XCTAssertTrue(r.out.contains("99-broken.md:14: expected 'vector ≈ [a, b, …] ± T'"), r.out)
        XCTAssertTrue(r.out.contains("99-broken.md:28: expected 'top K contains WORD …'"), r.out)
    }

    func testALessonWithNoStepsIsOneErrorAndThePromptGoesOn() throws {
        try "---\nid: empty\ntitle: { en: Empty, zh: 空 }\nmodel: toy\n---\nJust prose.\n".write(toFile: dir + "/empty.md", atomically: true, encoding: .utf8)
        let r = try embedlab(["--model", "toy"], input: ":lesson \(dir)/empty.md\nsim 猫 狗\n")
        XCTAssertNil(r.signal)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertTrue(r.err.contains("the lesson empty has no steps"), r.err)
        XCTAssertTrue(r.out.contains("cos(猫, 狗) = 0.98"), r.out)
    }

    func testALessonsOwnCellsReadOnlyBesideItAtThePrompt() throws {
        try "secretword 0.1 0.2 0.3\n".write(toFile: dir + "/secret.txt", atomically: true, encoding: .utf8)
        let course = dir + "/course"
        try FileManager.default.createDirectory(atPath: course, withIntermediateDirectories: true)
        try """
        ---
        id: leak
        title: { en: Leak, zh: 漏 }
        model: toy
        ---
        ## One | 一 {#one}
        ::: en
        x
        :::
        ::: zh
        x
        :::
        ```embedlab
        :load \(dir)/secret.txt
        vocab
        ```
        """.write(toFile: course + "/leak.md", atomically: true, encoding: .utf8)
        // The lesson's cells run under its sandbox; afterwards the learner's own :load works.
        let r = try embedlab(["--model", "toy"], input: ":lesson \(course)/leak.md\n\n\n\n:load \(dir)/secret.txt\nvocab\n")
        XCTAssertNil(r.signal)
        let lesson = r.out.components(separatedBy: "Lesson finished")[0]
        XCTAssertTrue(lesson.contains("is outside the lesson's folder and the bundled models"), r.out)
        XCTAssertFalse(lesson.contains("secretword"), r.out)
        XCTAssertTrue(r.out.components(separatedBy: "Lesson finished")[1].contains("secretword"), "the learner keeps full access: \(r.out)")
    }

    // MARK: files that are not files

    func testPipesFoldersDevicesAndLinkLoopsAreOneLineEverywhere() throws {
        mkfifo(dir + "/pipe.txt", 0o600)
        try FileManager.default.createDirectory(atPath: dir + "/folder.txt", withIntermediateDirectories: true)
        symlink(dir + "/loop-b", dir + "/loop-a")
        symlink(dir + "/loop-a", dir + "/loop-b")
        let cases: [(String, String)] = [(dir + "/pipe.txt", "named pipe"), (dir + "/folder.txt", "is a folder"),
                                         ("/dev/zero", "is a device"), (dir + "/loop-a", "loop of symbolic links")]
        for (path, says) in cases {
            assertOneLine(try embedlab(["query", path, "sim a b"]), contains: says)                       // a model
            assertOneLine(try embedlab(["train", path, dir + "/out.embv"]), contains: says)               // a corpus
            assertOneLine(try piped(":load collection \(path)", model: "toy"), contains: says)          // a collection
            assertOneLine(try piped("eval \(path)", model: "toy"), contains: says)                      // an evaluation file
            assertOneLine(try embedlab(["run", path]), contains: says)                                    // a notebook
        }
        assertOneLine(try embedlab(["lesson", "grade", "lessons/03-arithmetic.md", "--answers", dir + "/pipe.txt"]), contains: "named pipe")
        assertOneLine(try piped("eval \(dir)/folder.txt", model: "toy"), contains: "is a folder, not an evaluation file;")
    }

    func testALessonModelAndAModelsFolderEntryThatArePipes() throws {
        let course = dir + "/course"
        try FileManager.default.createDirectory(atPath: course, withIntermediateDirectories: true)
        mkfifo(course + "/m.txt", 0o600)
        try "---\nid: fm\ntitle: { en: FM, zh: FM }\nmodel: m.txt\n---\n## One | 一 {#one}\n::: en\nx\n:::\n::: zh\nx\n:::\n```embedlab\nsim a b\n```\n"
            .write(toFile: course + "/fm.md", atomically: true, encoding: .utf8)
        let lint = try embedlab(["lesson", "lint", course + "/fm.md"])
        XCTAssertFalse(lint.timedOut)
        XCTAssertTrue(lint.out.contains("m.txt: is a named pipe"), lint.out)
        // run reads a notebook's model beside it, as a lesson's: the pipe is named, not "no such model".
        assertOneLine(try embedlab(["run", course + "/fm.md"]), contains: "m.txt: is a named pipe")
        // A host command's error at a piped prompt: one line, and the prompt goes on.
        let started = try piped(":lesson \(course)/fm.md", model: "toy")
        XCTAssertNil(started.signal)
        XCTAssertFalse(started.timedOut)
        XCTAssertEqual(started.err.split(separator: "\n").count, 1, started.err)
        XCTAssertTrue(started.err.contains("is a named pipe"), started.err)
        let models = dir + "/models"
        try FileManager.default.createDirectory(atPath: models, withIntermediateDirectories: true)
        mkfifo(models + "/pipe.embv", 0o600)
        let listed = try embedlab(["--model", "toy"], input: ":models\n", environment: ["EMBEDLAB_VECTORS": models])
        XCTAssertEqual(listed.status, 0, listed.err)
        XCTAssertTrue(listed.out.contains("pipe") && listed.out.contains("unreadable"), listed.out)
        assertOneLine(try embedlab(["--model", "toy"], input: ":use pipe\n", environment: ["EMBEDLAB_VECTORS": models]), contains: "named pipe")
    }

    func testAHistoryFileThatIsAPipeOrAFolderDoesNotHangThePrompt() throws {
        try Terminal.require()
        for kind in ["pipe", "folder"] {
            let state = dir + "/state-\(kind)"
            try FileManager.default.createDirectory(atPath: state + "/embedlab", withIntermediateDirectories: true)
            if kind == "pipe" { mkfifo(state + "/embedlab/history", 0o600) } else {
                try FileManager.default.createDirectory(atPath: state + "/embedlab/history", withIntermediateDirectories: true)
            }
            let t = try Terminal(command: "cd '\(Binary.root.path)' && XDG_STATE_HOME='\(state)' LANG=C.UTF-8 '\(Binary.path)' --model toy")
            try t.waitFor("toy [1]>", timeout: 30)
            try t.type("sim 猫 狗")
            try t.press("Enter")
            try t.waitFor("cos(猫, 狗) = 0.98", timeout: 30)
        }
    }

    func testConvertingToFloat16RefusesValuesItCannotHold() throws {
        try "2 3\nbig 1e30 0 0\nsmall 1 2 3\n".write(toFile: dir + "/big.txt", atomically: true, encoding: .utf8)
        assertOneLine(try embedlab(["convert", dir + "/big.txt", dir + "/big.embv", "--float16"]), contains: "beyond float16's ±65504")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/big.embv"), "nothing written")
        let float32 = try embedlab(["convert", dir + "/big.txt", dir + "/big.embv"])
        XCTAssertEqual(float32.status, 0, float32.err)
    }

    /// Issue 25: an encoder file whose weights are finite but huge (3e38) printed `-nan`, and with
    /// --json nothing at all with exit 0. Now its load is refused: one line (the JSON error object
    /// with --json), exit 1, and never a vector.
    func testAnEncoderFileWithHugeWeightsIsRefusedOnOneLine() throws {
        var b = Array(try Data(contentsOf: Binary.root.appendingPathComponent("Tests/EncodersTests/Fixtures/tiny.embt")))
        // The second tensor's (embeddings.position, float32) first value: its offset is in the directory.
        let directory = Int(b[32]) | Int(b[33]) << 8
        let offset = (0..<8).reduce(0) { $0 | Int(b[directory + 96 + 88 + $1]) << (8 * $1) }
        withUnsafeBytes(of: Float(3e38).bitPattern.littleEndian) { b.replaceSubrange(offset..<(offset + 4), with: $0) }
        let path = dir + "/huge.embt"
        try Data(b).write(to: URL(fileURLWithPath: path))

        let plain = try embedlab(["embed", path, "a cat"])
        assertOneLine(plain, contains: "beyond ±10000")
        XCTAssertEqual(plain.out, "")
        let json = try embedlab(["embed", path, "a cat", "--json"])
        XCTAssertEqual(json.status, 1, json.out + json.err)
        XCTAssertNil(json.signal)
        XCTAssertEqual(json.out.split(separator: "\n").count, 1, json.out)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        XCTAssertEqual(object?["type"] as? String, "error", json.out)
        XCTAssertTrue((object?["message"] as? String ?? "").contains("beyond ±10000"), json.out)
        XCTAssertFalse(json.out.contains("nan") || json.out.contains("vector"), json.out)
        // The same file unbroken is an encoder named by its path, not a word model read as text.
        try Data(contentsOf: Binary.root.appendingPathComponent("Tests/EncodersTests/Fixtures/tiny.embt")).write(to: URL(fileURLWithPath: dir + "/tiny.embt"))
        let fine = try embedlab(["embed", dir + "/tiny.embt", "the river bank", "--json"])
        XCTAssertEqual(fine.status, 0, fine.err)
        XCTAssertTrue(fine.out.contains("\"vector\""), fine.out)
    }

    /// Issue 25: an encoder file between 512 MB and 1 GB was mapped and read at every forward pass
    /// with no check that it was unchanged. Every encoder is now a private copy, so a larger file is
    /// refused before anything is read: one line naming the size and the limit, exit 1.
    func testAnEncoderFileTooLargeToCopyIsRefusedBeforeItIsRead() throws {
        let path = dir + "/big.embt"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        XCTAssertEqual(truncate(path, off_t(513 << 20)), 0)   // sparse: no disk used
        let r = try embedlab(["embed", path, "a cat"])
        assertOneLine(r, contains: "more than the \(512 << 20) bytes")
        XCTAssertEqual(r.out, "")
    }

    func testAPairFileWithAnInfiniteOrMissingScoreCallsThoseLinesInvalid() throws {
        try "king\tqueen\t1e400\nman\twoman\tnan\ncat\tdog\t5\nparis\tfrance\t7\nbig\tsmall\t1\n".write(toFile: dir + "/p.tsv", atomically: true, encoding: .utf8)
        let r = try embedlab(["eval", "glove-50d", dir + "/p.tsv", "--pairs", "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("\"invalidLines\":[1,2]") && r.out.contains("\"pairs\":3"), r.out)
        XCTAssertFalse(r.out.contains("NaN") || r.out.contains("Infinity"), r.out)
    }

    // MARK: lines

    func testAPipedScriptWithCRLFAndAByteOrderMarkRunsLikeLF() throws {
        let lf = try embedlab(["--model", "toy"], input: ":set k 2\nsim 猫 狗\nnear 猫\n")
        let windows = try embedlab(["--model", "toy"], input: "\u{FEFF}:set k 2\r\nsim 猫 狗\r\nnear 猫\r\n")
        XCTAssertEqual(lf.status, 0, lf.err)
        XCTAssertEqual(windows.status, 0, windows.err)
        XCTAssertEqual(windows.out, lf.out)
    }

    func testALineOfCombiningMarksIsCountedInBytes() throws {
        let marks = "sim a" + String(repeating: "\u{0301}", count: 200_000) + " b"
        let r = try piped(marks, model: "toy")
        assertOneLine(r, contains: "400007 bytes long; a line may have at most 16384 bytes")
        XCTAssertLessThan(r.err.utf8.count, 300, "the line is not echoed back")
    }

    // MARK: escapes

    func testEscapesInAModelOrALessonAreShownNotObeyed() throws {
        try "3 2\ncat 0.1 0.2\n\u{1B}]52;c;SGVsbG8=\u{07} 0.1 0.21\nevil\u{1B}[2J 0.3 0.1\n".write(toFile: dir + "/m.txt", atomically: true, encoding: .utf8)
        let words = try embedlab(["--model", dir + "/m.txt"], input: "vocab\nnear cat\n")
        XCTAssertEqual(words.status, 0, words.err)
        XCTAssertTrue(words.out.contains("\\e]52;c;SGVsbG8=\\a") && words.out.contains("evil\\e[2J"), words.out)
        XCTAssertFalse(words.out.contains("\u{1B}"), "a raw escape reached the terminal")
        try """
        ---
        id: esc
        title: { en: "T\\e]2;pwned\\a", zh: 标题 }
        model: toy
        ---
        ## One\u{1B}]52;c;SGk=\u{07} | 一 {#one}
        ::: en
        Prose \u{1B}[2J here.
        :::
        ::: zh
        中文
        :::
        ```check
        top 3 contains 狗
        ```
        ```embedlab
        near 猫
        ```
        ```reject
        sim 猫 狗
        ```
        ```hint
        en: a hint \u{1B}[31m in red
        zh: 提示
        ```
        """.write(toFile: dir + "/esc.md", atomically: true, encoding: .utf8)
        let lesson = try embedlab(["--model", "toy"], input: ":lesson \(dir)/esc.md\nsim 猫 狗\nsim 猫 狗\n:hint\n")
        XCTAssertNil(lesson.signal)
        XCTAssertTrue(lesson.out.contains("T\\e]2;pwned\\a") && lesson.out.contains("One\\e]52;c;SGk=\\a") && lesson.out.contains("a hint \\e[31m in red"), lesson.out)
        XCTAssertFalse((lesson.out + lesson.err).contains("\u{1B}"), "a raw escape reached the terminal: \(lesson.out)")
        // The linter quotes a lesson's lines; the notebook runner its cells: escaped too.
        let text = try String(contentsOfFile: dir + "/esc.md", encoding: .utf8).replacingOccurrences(of: "near 猫", with: "near 猫\u{1B}]2;x\u{07}")
        try text.write(toFile: dir + "/esc.md", atomically: true, encoding: .utf8)
        let lint = try embedlab(["lesson", "lint", dir + "/esc.md"])
        XCTAssertEqual(lint.status, 1, lint.out)
        XCTAssertTrue(lint.out.contains("near 猫\\e]2;x\\a"), lint.out)
        XCTAssertFalse((lint.out + lint.err).contains("\u{1B}"), "a raw escape reached the terminal: \(lint.out)")
        let run = try embedlab(["run", dir + "/esc.md"])
        XCTAssertFalse((run.out + run.err).contains("\u{1B}"), "a raw escape reached the terminal: \(run.out)")
    }
}

import XCTest
import Foundation

/// Shell completion (`embedlab --generate-completion-script bash|zsh|fish`): model names, lesson
/// ids and files are completed, and the names come from the executable's own folders.
final class CompletionScriptTests: XCTestCase {
    /// What `embedlab ---completion …` (the call each script makes) answers for `words` with the
    /// cursor at the end of the last one.
    func complete(_ command: [String], _ argument: String, _ words: [String]) throws -> [String] {
        let result = try Binary.run(["---completion"] + command + ["--", argument, String(words.count - 1), String(words.last!.utf8.count)] + words)
        XCTAssertEqual(result.status, 0, result.err)
        return result.out.split(separator: "\n").map(String.init)
    }

    func testEveryShellsScriptAsksForModelsLessonsAndFiles() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try Binary.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.err)
            for call in ["---completion query -- positional@0", "---completion eval -- positional@0", "---completion projector -- positional@0",
                         "---completion repl -- --model", "---completion run -- --model",
                         "---completion lesson handout -- positional@0", "---completion lesson autograder -- positional@0", "---completion repl -- --lesson"] {
                XCTAssertTrue(script.out.contains(call), "\(shell): \(call)")
            }
        }
        let bash = try Binary.run(["--generate-completion-script", "bash"]).out
        XCTAssertTrue(bash.contains("'!*.@(md)'"), "notebooks and lessons complete as .md files")
        XCTAssertTrue(bash.contains("'!*.@(html)'"), "--html completes .html files")
        XCTAssertTrue(bash.contains("'en'$'\\n''zh'"), "--lang completes en and zh")
    }

    func testModelArgumentsCompleteEveryBundledModelAndVectorsFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Binary.root.appendingPathComponent("vectors").path)
        let bundled = Set(files.filter { $0.hasSuffix(".embv") || $0.hasSuffix(".embt") }.map { String($0.dropLast(5)) })
        XCTAssertTrue(bundled.isSuperset(of: ["glove-50d", "toy"]))
        let all = try complete(["query"], "positional@0", ["embedlab", "query", ""])
        XCTAssertTrue(Set(all).isSuperset(of: bundled), "every bundled model: \(all)")
        XCTAssertTrue(all.contains("vectors/"), "folders, to go on into a path: \(all)")
        XCTAssertEqual(try complete(["eval"], "positional@0", ["embedlab", "eval", "glo"]), ["glove-50d"])
        XCTAssertEqual(try complete(["repl"], "--model", ["embedlab", "--model", "to"]), ["toy"])
        let inFolder = try complete(["projector"], "positional@0", ["embedlab", "projector", "vectors/gl"])
        XCTAssertEqual(inFolder, ["vectors/glove-50d.embv"])
        XCTAssertEqual(try complete(["eval"], "positional@1", ["embedlab", "eval", "toy", "small"]), ["small-world"])
    }

    func testLessonArgumentsCompleteTheBundledLessonIds() throws {
        let list = try Binary.run(["lesson", "list"])
        let ids = list.out.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        XCTAssertGreaterThan(ids.count, 5)
        let all = try complete(["lesson", "handout"], "positional@0", ["embedlab", "lesson", "handout", ""])
        XCTAssertEqual(Array(all.prefix(ids.count)), ids, "the lesson ids, in course order, then files")
        XCTAssertEqual(try complete(["repl"], "--lesson", ["embedlab", "--lesson", "arith"]), ["arithmetic"])
        let files = try complete(["lesson", "autograder"], "positional@0", ["embedlab", "lesson", "autograder", "lessons/03"])
        XCTAssertEqual(files, ["lessons/03-arithmetic.md"])
    }

    func testBashCompletesAModelNameAtTheTabKey() throws {
        let dir = temporaryDirectory()
        try Binary.run(["--generate-completion-script", "bash"]).out.write(toFile: dir + "/embedlab.bash", atomically: true, encoding: .utf8)
        let folder = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().path
        // What bash does at Tab after `embedlab query gl`: the completion function fills COMPREPLY.
        let script = """
            source \(dir)/embedlab.bash
            COMP_WORDS=(embedlab query gl); COMP_CWORD=2; COMP_LINE='embedlab query gl'; COMP_POINT=${#COMP_LINE}
            _embedlab; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = Binary.root
        p.environment = ["PATH": folder + ":/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "glove-50d\n")
    }
}

/// `--help` is wrapped by the width of the terminal (COLUMNS, else the terminal, else 80 in a pipe),
/// never by line breaks written into the text.
final class HelpWrappingTests: XCTestCase {
    static let commands: [[String]] = [[], ["repl"], ["query"], ["eval"], ["convert"], ["train"], ["models"], ["embed"], ["run"], ["check"],
                                       ["demo"], ["export"], ["projector"], ["lesson"], ["lesson", "lint"], ["lesson", "grade"],
                                       ["lesson", "handout"], ["lesson", "autograder"], ["lesson", "list"]]

    /// Columns a line takes on a terminal: 汉字 and other wide characters take two.
    func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { n, s in
            n + ((0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value) || (0xAC00...0xD7A3).contains(s.value)
                 || (0xF900...0xFAFF).contains(s.value) || (0xFF00...0xFF60).contains(s.value) ? 2 : 1)
        }
    }

    func testEverySubcommandsHelpFitsTheWidthItIsGiven() throws {
        for command in Self.commands {
            for (width, lang) in [(60, "en"), (100, "en"), (60, "zh"), (100, "zh")] {
                let help = try Binary.run(command + ["--help", "--lang", lang], environment: ["COLUMNS": String(width)])
                XCTAssertEqual(help.status, 0, help.err)
                for line in help.out.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                    // A word longer than the width (a path, a URL) may stick out; nothing else does.
                    let longestWord = line.split(separator: " ").map { columns($0) }.max() ?? 0
                    XCTAssertTrue(columns(line) <= width || longestWord > width / 3,
                                  "\(command.joined(separator: " ")) --help at \(width) columns:\n\(line)")
                }
            }
        }
    }

    func testNoSentenceIsBrokenWhereTheSourceBrokeIt() throws {
        for command in Self.commands {
            // Wide enough that only the text's own line breaks remain.
            for lang in ["en", "zh"] {
            let help = try Binary.run(command + ["--help", "--lang", lang], environment: ["COLUMNS": "1000"])
            let overview = help.out.components(separatedBy: "USAGE:")[0].split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(overview, overview.dropFirst()) where !line.isEmpty && !next.isEmpty {
                // A line goes on without a blank line only into an indented example after "Examples:".
                XCTAssertTrue(next.hasPrefix(" ") && (line.hasSuffix(":") || line.hasSuffix("：") || line.hasPrefix(" ")),
                              "\(command.joined(separator: " ")) --help --lang \(lang) breaks a paragraph:\n\(line)\n\(next)")
            }
            }
        }
    }

    func testHelpIsInChineseUnderLangZhOrAChineseLocale() throws {
        for command in Self.commands {
            for (arguments, environment) in [(["--lang", "zh"], [String: String]()), ([], ["LANG": "zh_CN.UTF-8"])] {
                let help = try Binary.run(command + ["--help"] + arguments, environment: environment.merging(["COLUMNS": "100"]) { $1 })
                let overview = help.out.components(separatedBy: "USAGE:")[0]
                XCTAssertTrue(overview.unicodeScalars.contains { $0.properties.isIdeographic }, "\(command) \(arguments) \(environment):\n\(help.out)")
            }
        }
        let options = try Binary.run(["train", "--help", "--lang", "zh"]).out
        XCTAssertTrue(options.contains("每个向量的长度（1–1000）。"), options)
        XCTAssertTrue(try Binary.run(["train", "--help"]).out.contains("The length of each vector (1–1000)."), "English stays English")
    }

    func testInAPipeHelpIsEightyColumnsWide() throws {
        // An empty COLUMNS is no width; standard output is a pipe: 80.
        let help = try Binary.run(["eval", "--help"], environment: ["COLUMNS": ""])
        let widest = help.out.split(separator: "\n").filter { !$0.hasPrefix("USAGE:") }.map { columns($0) }.max() ?? 0
        XCTAssertLessThanOrEqual(widest, 80)
        XCTAssertGreaterThan(widest, 70, "the pipe's 80 columns are used, not a narrower fixed break")
    }
}

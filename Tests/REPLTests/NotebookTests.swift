import XCTest

/// :save writes a notebook; run replays it; check fails when an output was altered.
final class NotebookTests: XCTestCase {
    func testASavedSessionPassesCheckAndAnAlteredOneFails() throws {
        let dir = temporaryDirectory()
        let file = dir + "/session.md"
        let r = try Binary.run([], input: "king - man + woman\nsim 猫 狗\n:use toy\nsim 猫 狗\nnear 3 猫\nkign\n:save \(file)\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: file), r.out + r.err)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\ntitle: EmbedLab session\nmodel: glove-50d\n---"))
        XCTAssertTrue(text.contains("```embedlab\n> king - man + woman\n"))

        let check = try Binary.run(["check", file])
        XCTAssertEqual(check.status, 0, check.out)
        XCTAssertTrue(check.out.contains("6 cells checked, 0 differ"), check.out)

        let altered = text.replacingOccurrences(of: "cos(猫, 狗) = 0.9819", with: "cos(猫, 狗) = 0.5000")
        XCTAssertNotEqual(altered, text)
        try altered.write(toFile: file, atomically: true, encoding: .utf8)
        let failed = try Binary.run(["check", file])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.out.contains("the output of 'sim 猫 狗' differs"), failed.out)
        XCTAssertTrue(failed.out.contains("- cos(猫, 狗) = 0.5000"), failed.out)
        XCTAssertTrue(failed.out.contains("+ cos(猫, 狗) = 0.9819"), failed.out)
    }

    func testASessionThatSwitchedLanguageSavesTheLanguageItStartedIn() throws {
        let file = temporaryDirectory() + "/switched.md"
        let r = try Binary.run(["--lang", "zh"], input: "sim cat dog\nnear 2 paris\n:lang en\nnear 2 paris\n:save \(file)\n")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.contains("lang: zh\n"), text + r.err)
        let check = try Binary.run(["check", file])
        XCTAssertEqual(check.status, 0, check.out)
        XCTAssertTrue(check.out.contains("0 differ"), check.out)
    }

    func testRunPrintsEveryCellAndJSON() throws {
        let dir = temporaryDirectory()
        let file = dir + "/demo.md"
        try "---\nmodel: toy\n---\n# Demo\n\nSome prose.\n\n```embedlab\nsim 猫 狗\nnear 2 汽车\n```\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["run", file])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("> sim 猫 狗\ncos(猫, 狗) = 0.9819"), r.out)
        XCTAssertTrue(r.out.contains("飞机"))
        let json = try Binary.run(["run", file, "--json"])
        let first = try JSONSerialization.jsonObject(with: Data(json.out.split(separator: "\n")[0].utf8)) as! [String: Any]
        XCTAssertEqual((first["value"] as! [String: Any])["value"] as! Double, 0.98193, accuracy: 1e-4)
    }

    func testANotebookWithoutRecordedOutputsFailsCheckWithOneLine() throws {
        let file = temporaryDirectory() + "/unrecorded.md"
        try "---\nmodel: toy\n---\n```embedlab\nsim 猫 狗\nnear 2 汽车\n```\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["check", file])
        XCTAssertEqual(r.status, 1, r.out)
        let lines = r.err.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, r.err)
        XCTAssertTrue(r.err.contains("none of its 2 cells has a recorded output"), r.err)
    }

    func testTimingsAreNotComparedButWordsAndScoresAre() throws {
        let dir = temporaryDirectory()
        let file = dir + "/timed.md"
        let r = try Binary.run(["--model", "toy"], input: "train glove corpus=small-world dim=10 epochs=5\n:use toy\nindex build m=8 ef=50\nindex compare queries=20\n:save \(file)\n")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.contains(" s\n") && text.contains("ms per query"), text + r.err)
        // Another machine, another run: every duration differs.
        var timings = text.replacingOccurrences(of: #"in [0-9.]+ s"#, with: "in 12.34 s", options: .regularExpression)
            .replacingOccurrences(of: #"built in [0-9.]+ s"#, with: "built in 0.01 s", options: .regularExpression)
        timings = timings.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("exact") || line.hasPrefix("HNSW ef=") ? line.replacingOccurrences(of: #"[0-9.]+$"#, with: "123.456", options: .regularExpression) : String(line)
        }.joined(separator: "\n")
        XCTAssertNotEqual(timings, text)
        try timings.write(toFile: file, atomically: true, encoding: .utf8)
        let same = try Binary.run(["check", file])
        XCTAssertEqual(same.status, 0, same.out)
        XCTAssertTrue(same.out.contains("4 cells checked, 0 differ"), same.out)
        // A changed word or score still fails.
        for (from, to) in [("316 words", "317 words"), ("recall@10", "recall@5"), ("now using toy", "now using glove-50d")] {
            XCTAssertTrue(timings.contains(from), from)
            try timings.replacingOccurrences(of: from, with: to).write(toFile: file, atomically: true, encoding: .utf8)
            let changed = try Binary.run(["check", file])
            XCTAssertEqual(changed.status, 1, "\(from) → \(to): \(changed.out)")
            XCTAssertTrue(changed.out.contains("1 differ"), changed.out)
        }
    }
}

/// Issue 25: notebooks quote their outputs, so no output line is ever read back as a command.
final class NotebookQuotingTests: XCTestCase {
    func testAnOutputThatLooksLikeACommandIsNeverRunAndChecksAsSaved() throws {
        let file = temporaryDirectory() + "/hidden.md"
        _ = try Binary.run([], input: "tokens \"> near paris #\"\ntokens \"\\\\> sim a b\"\n:save \(file)\n")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertFalse(text.split(separator: "\n").contains("> near paris #: 4 words, 14 characters, 14 bytes"), text)
        XCTAssertTrue(text.split(separator: "\n").contains("\\> near paris #: 4 words, 14 characters, 14 bytes"), text)
        let check = try Binary.run(["check", file])
        XCTAssertEqual(check.status, 0, check.out + check.err)
        XCTAssertTrue(check.out.contains("2 cells checked, 0 differ"), check.out)
    }
}

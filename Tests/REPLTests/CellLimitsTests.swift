import Foundation
import XCTest

/// Every document run has a time limit and a memory budget a line (issue 25, finding 5): the heavy
/// cell that ran 38 minutes in each of these commands stops within the limit, with one clear line and
/// exit 1; training over the budget is refused before it starts, with its estimate.
final class CellLimitsTests: XCTestCase {
    let dir = temporaryDirectory()
    static let heavy = "train word2vec corpus=small-world dim=1000 epochs=1000 window=100 negative=100"

    /// A lesson whose first step runs `cell` as a demo, then asks a question.
    func lesson(demo cell: String) -> String {
        let path = dir + "/heavy.md"
        let text = """
            ---
            id: heavy
            title: { en: Heavy, zh: 重 }
            model: toy
            ---

            ## Train | 训练 {#train}

            ::: en
            Train some vectors.
            :::
            ::: zh
            训练一些向量。
            :::

            ```embedlab
            \(cell)
            ```

            ## Distance | 距离 {#gap}

            ::: en
            How far apart are 8 and 17?
            :::
            ::: zh
            8 和 17 相隔多远？
            :::

            ```embedlab
            dist [8], [17]
            ```

            ```check
            number ≈ 9 ± 0.01
            ```

            """
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func notebook(_ cells: [String]) -> String {
        let path = dir + "/notebook.md"
        let text = "---\nmodel: toy\n---\n\n```embedlab\n" + cells.joined(separator: "\n") + "\n```\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Runs embedlab and returns its result and how long it took.
    func timed(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String, seconds: Double) {
        let start = Date()
        let r = try Binary.run(arguments, input: input)
        return (r.status, r.out, r.err, Date().timeIntervalSince(start))
    }

    func testTheHeavyCellStopsWithinTheTimeLimitInEveryDocumentCommand() throws {
        let notebook = notebook([Self.heavy])
        // check needs a recorded output to compare with.
        let recorded = dir + "/recorded.md"
        FileManager.default.createFile(atPath: recorded, contents: Data("```embedlab\n> \(Self.heavy)\ntrained\n```\n".utf8))
        let lesson = lesson(demo: Self.heavy)
        FileManager.default.createFile(atPath: dir + "/ana.txt", contents: Data("gap: dist [8], [17]\n".utf8))
        let runs: [(String, [String], String)] = [
            ("run", ["run", notebook, "--time-limit", "2"], ""),
            ("check", ["check", recorded, "--time-limit", "2"], ""),
            ("demo", ["demo", notebook, "--time-limit", "2", "--auto", "0", "--speed", "0"], ""),
            ("export", ["export", notebook, "--time-limit", "2", "--html", dir + "/page.html"], ""),   // and writes no page
            ("lesson lint", ["lesson", "lint", lesson, "--time-limit", "2"], ""),
            ("--lesson", ["--lesson", lesson, "--time-limit", "2"], "\n\n9\n"),
            ("lesson grade", ["lesson", "grade", lesson, "--answers", dir + "/ana.txt", "--time-limit", "2"], ""),
        ]
        defer { XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/page.html"), "an incomplete page is not written") }
        for (name, arguments, input) in runs {
            let r = try timed(arguments, input: input)
            // Two seconds, then the trainer's next look at the flag (a few ms) and the toy model's start.
            XCTAssertLessThan(r.seconds, 12, "\(name) took \(r.seconds) s")
            let said = r.out + r.err
            if name == "lesson grade" {
                // The earlier cell is stopped for the learner; their own answer is still graded.
                XCTAssertEqual(r.status, 0, "\(name): \(said)")
                XCTAssertTrue(said.contains("\"outcome\" : \"passed\""), "\(name): \(said)")
            } else {
                XCTAssertEqual(r.status, 1, "\(name): \(said)")
                XCTAssertTrue(said.contains("ran longer than the time limit (2 s) and was stopped"), "\(name): \(said)")
            }
        }
    }

    func testTrainingOverTheMemoryBudgetIsRefusedBeforeItStartsWithItsEstimate() throws {
        // 20,000 different words: GloVe's records at window=100 alone are an estimated 100 MB or more.
        var generator = SystemRandomNumberGenerator()
        let lines = (0..<10_000).map { _ in (0..<20).map { _ in "w\(Int.random(in: 0..<20_000, using: &generator))" }.joined(separator: " ") }
        FileManager.default.createFile(atPath: dir + "/corpus.txt", contents: Data(lines.joined(separator: "\n").utf8))
        let notebook = notebook(["train glove corpus=corpus.txt dim=8 window=100 min-count=1 epochs=1", "train clip pictures=100000 epochs=1"])
        let r = try timed(["run", notebook, "--memory-limit", "64"])
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertLessThan(r.seconds, 10)
        // Each cell says what it would need and what the budget is.
        XCTAssertEqual(r.out.components(separatedBy: "of memory, over the budget (64 MB); nothing was trained").count, 3, r.out)
        XCTAssertTrue(r.out.contains("would need about 1.6 GB"), r.out)   // 100,000 pictures of 16 KB
        // The default budget (768 MB) refuses the pictures too.
        XCTAssertTrue(try Binary.run(["run", notebook]).out.contains("1.6 GB of memory, over the budget (768 MB)"))
    }

    func testALineThatGrowsTheProcessPastTheBudgetIsStopped() throws {
        // An HNSW index over glove-50d's words grows a fresh process by tens of MB; the sample every
        // 50 ms stops it at the first one over 1 MB. (In a long-lived test process malloc reuses freed
        // pages, so this is measured in a process of its own.)
        let path = dir + "/index.md"
        FileManager.default.createFile(atPath: path, contents: Data("```embedlab\nindex build\ndist [8], [17]\n```\n".utf8))
        let r = try timed(["run", path, "--model", "glove-50d", "--memory-limit", "1", "--time-limit", "30"])
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertLessThan(r.seconds, 20)
        XCTAssertTrue(r.out.contains("more memory, over its budget (1.0 MB), and was stopped"), r.out)
        XCTAssertTrue(r.out.contains("9"), "the next line runs: \(r.out)")
    }

    func testZeroMeansNoLimitAndBadValuesNameTheOptionAndItsRange() throws {
        let notebook = notebook(["dist [8], [17]"])
        XCTAssertEqual(try Binary.run(["run", notebook, "--time-limit", "0", "--memory-limit", "0"]).status, 0)
        for (arguments, said) in [(["--time-limit", "-1"], "--time-limit takes seconds from 0 to 86400 (0: no limit), not -1"),
                                  (["--memory-limit", "-5"], "--memory-limit takes megabytes from 0 (no limit)"),
                                  (["--time-limit", "nan"], "--time-limit takes seconds")] {
            let r = try Binary.run(["run", notebook] + arguments)
            XCTAssertEqual(r.status, 64, r.err)
            XCTAssertTrue(r.err.contains(said), r.err)
        }
        // In a line as in a command line, a negative value names its option and range.
        let k = try Binary.run(["run", self.notebook(["near king k=-1"])])
        XCTAssertTrue(k.out.contains("k must be a whole number from 1 to 1000, not '-1'"), k.out)
        // Every document command states both in --help.
        for command in [["run"], ["check"], ["demo"], ["export"], ["lesson", "lint"], ["lesson", "grade"], ["repl"]] {
            let help = try Binary.run(command + ["--help"]).out
            XCTAssertTrue(help.contains("--time-limit") && help.contains("--memory-limit") && help.contains("0: no limit"), "\(command): \(help)")
        }
    }
}

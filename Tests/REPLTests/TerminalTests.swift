import XCTest

/// The real REPL in a real terminal (tmux): completion, history across runs, Ctrl-C, Chinese input.
final class TerminalTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        try Terminal.require()
        dir = temporaryDirectory()
    }

    /// A shell command that starts embedlab with its own history folder and a UTF-8 locale.
    func command(_ arguments: String = "") -> String {
        "cd '\(Binary.root.path)' && XDG_STATE_HOME='\(dir)/state' LANG=C.UTF-8 '\(Binary.path)' \(arguments)"
    }

    func testTabCompletesVocabularyWordsAndCommands() throws {
        let t = try Terminal(command: command())
        try t.waitFor("glove-50d [1]>")
        try t.type("beijing - china + spai")
        try t.press("Tab")
        try t.waitFor("beijing - china + spain")
        try t.press("Enter")
        try t.waitFor("1  madrid")
        try t.type("near frien")   // friend, friends, friendly …: Tab keeps the shared prefix, Tab Tab lists them
        try t.press("Tab")
        try t.press("Tab")
        try t.waitFor("friendship")
        try t.press("C-u")
        try t.type(":mod")
        try t.press("Tab")
        try t.waitFor(":models")
        try t.press("Enter")
        try t.waitFor("bundled models")
    }

    func testUpRecallsALineFromThePreviousRun() throws {
        do {
            let first = try Terminal(command: command())
            try first.waitFor("[1]>")
            try first.type("sim cat dog")
            try first.press("Enter")
            try first.waitFor("cos(cat, dog)")
            try first.press("C-d")   // Ctrl-D leaves cleanly
            usleep(300_000)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/state/embedlab/history"))
        let second = try Terminal(command: command())
        try second.waitFor("[1]>")
        try second.press("Up")
        try second.waitFor("[1]> sim cat dog")
        try second.press("Enter")
        try second.waitFor("cos(cat, dog) = 0.9218")
    }

    func testCtrlCClearsTheLineAndStopsALongCommand() throws {
        // A long command: 200,000 analogy questions over the whole vocabulary.
        let words = ["king", "queen", "man", "woman", "paris", "france", "rome", "italy", "boy", "girl"]
        var questions = ": many\n"
        for i in 0..<200_000 { questions += "\(words[i % 10]) \(words[(i / 10) % 10]) \(words[(i / 100) % 10]) \(words[(i / 1000) % 10])\n" }
        try questions.write(toFile: dir + "/many.txt", atomically: true, encoding: .utf8)

        let t = try Terminal(command: command())
        try t.waitFor("[1]>")
        try t.type("sim cat do")
        try t.press("C-c")
        try t.waitFor("glove-50d [1]>", count: 2)
        try t.type("eval \(dir)/many.txt")
        try t.press("Enter")
        usleep(700_000)
        try t.press("C-c")
        try t.waitFor("stopped by Ctrl-C after", timeout: 20)
        try t.waitFor("glove-50d [2]>")
        try t.type("sim cat dog")
        try t.press("Enter")
        try t.waitFor("cos(cat, dog)")
        // The prompt names what answers the next line: the encoder after `:use minilm`.
        try t.type(":use minilm")
        try t.press("Enter")
        try t.waitFor("minilm [", timeout: 20)
    }

    func testChineseIsTypedEditedWithArrowKeysAndEvaluated() throws {
        // A tiny Chinese model in which 北京 − 中国 + 法国 is exactly 巴黎.
        try """
        6 3
        中国 1 0 0
        北京 1 1 0
        法国 0 0 1
        巴黎 0 1 1
        日本 -1 0 0.2
        东京 -1 1 0.2

        """.write(toFile: dir + "/zh.txt", atomically: true, encoding: .utf8)
        let t = try Terminal(command: command("--model '\(dir)/zh.txt'"))
        try t.waitFor("zh [1]>")
        try t.type("北京 - 中国 + 国")
        try t.press("Left")
        try t.type("法")
        try t.waitFor("北京 - 中国 + 法国")
        try t.press("Enter")
        let screen = try t.waitFor("1  巴黎")
        XCTAssertTrue(screen.contains("input words left out: 北京, 中国, 法国"), screen)
        try t.type("near 1 东")
        try t.press("Tab")
        try t.waitFor("near 1 东京")
    }

    func testALessonInChineseResumesAtTheSameStepAfterQuitting() throws {
        do {
            let t = try Terminal(command: command("--lang zh"))
            try t.waitFor("[1]>")
            try t.type(":lesson arithmetic")
            try t.press("Enter")
            try t.waitFor("arithmetic 1/")
            try t.type("国王 - 男人 + 女人")
            try t.press("Enter")
            try t.waitFor("答对了")
            try t.waitFor("arithmetic 2/")
            try t.press("C-d")
            usleep(300_000)
        }
        let t = try Terminal(command: command("--lang zh"))
        try t.waitFor("[1]>")
        try t.type(":lesson")
        try t.press("Enter")
        try t.waitFor("第 2/")
        try t.type(":lesson arithmetic")
        try t.press("Enter")
        let screen = try t.waitFor("arithmetic 2/")
        XCTAssertTrue(screen.contains("[2/"), screen)
    }

    func testWhatIsTypedDuringAProgressBarWaitsForThePromptAndIsNotDrawnOver() throws {
        let t = try Terminal(command: command("--lesson lessons/10-finding-neighbours-fast.md"), width: 80)
        try t.waitFor("ann 1/")
        try t.type("30000")
        try t.press("Enter")
        try t.waitFor("ann 2/")
        try t.type("index build m=8 ef=50")
        try t.press("Enter")
        try t.waitFor("building an HNSW index")
        // Typed ahead while the index is built: echoed, it ran past the bar's line and the next
        // redraw left a cut copy behind ("…5580/30000hello the").
        try t.type("hello there, typed while the bar is drawn")
        usleep(300_000)
        let during = try t.screen()
        XCTAssertFalse(during.contains("hello"), "nothing typed is drawn while the bar is up:\n\(during)")
        let screen = try t.waitFor("ann 3/", timeout: 60)
        let lines = screen.split(separator: "\n").filter { $0.contains("hello") }
        XCTAssertEqual(lines.count, 1, "the typed text appears once:\n\(screen)")
        XCTAssertTrue(lines.first?.hasSuffix("]> hello there, typed while the bar is drawn") == true, "at the next prompt, whole:\n\(screen)")
    }
}

import XCTest

/// A lesson in a real terminal (tmux): the training progress line is cleared before anything
/// else is printed, and a Chinese paragraph never passes the right edge.
final class LessonDisplayTests: XCTestCase {
    var dir = ""
    let paragraph = "EmbedLab 自带一个中文模型 `zh-pd1998`：用一个月的《人民日报》（1998 年 1 月，清理后 729,043 个词）由 EmbedLab 自己训练的 100 维 GloVe 向量。排第一的是巴黎，但余弦只有 0.56 左右，后面混着别的首都和人名。一个月的报纸是很小的语料：方向学到了，但噪声不少。北京 − 中国 + 日本 同样能找到东京。最后一格切回 `glove-50d`，继续本课。"

    override func setUpWithError() throws {
        try Terminal.require()
        dir = temporaryDirectory()
        try """
            ---
            id: display
            title: { en: Display, zh: 显示 }
            model: toy
            ---
            ## Train | 训练 {#train}
            ::: en
            Train the small world.
            :::
            ::: zh
            \(paragraph)
            :::
            ```embedlab
            train glove corpus=small-world dim=5 epochs=15
            ```

            """.write(toFile: dir + "/display.md", atomically: true, encoding: .utf8)
    }

    func command(_ arguments: String) -> String {
        "cd '\(Binary.root.path)' && XDG_STATE_HOME='\(dir)/state' LANG=C.UTF-8 '\(Binary.path)' \(arguments)"
    }

    /// Columns on a terminal: East Asian wide characters take two.
    func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    func testTheProgressLineIsClearedInALesson() throws {
        let t = try Terminal(command: command("--lang en --lesson '\(dir)/display.md'"), width: 100)
        try t.waitFor("Press Enter to run")
        try t.press("Enter")
        let screen = try t.waitFor("Press Enter to go on", timeout: 60)
        for line in screen.split(separator: "\n") {
            XCTAssertFalse(line.contains("%  epoch"), "a progress line was left on the screen: \(line)\n\(screen)")
        }
        XCTAssertTrue(screen.split(separator: "\n").contains { $0.hasPrefix("> train glove") }, "the command starts its own line:\n\(screen)")
    }

    func testAChineseParagraphNeverPassesTheRightEdge() throws {
        for width in [40, 80, 110] {
            let t = try Terminal(command: command("--lang zh --lesson '\(dir)/display.md'"), width: width, height: 50)
            try t.waitFor("按回车运行")
            // -J joins lines the terminal wrapped itself, so a line that overran shows as too long.
            let screen = try t.tmux(["capture-pane", "-t", "t", "-p", "-J"])
            // The step's prose: from the line after its heading to the line before the prompt to press Enter.
            let lines = screen.split(separator: "\n").map(String.init)
            let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("[1/1]") }, screen) + 1
            let end = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("按回车运行") }, screen)
            XCTAssertGreaterThan(end - start, 1, screen)
            for line in lines[start..<end] {
                XCTAssertLessThanOrEqual(columns(line), width, "width \(width): \(line)")
            }
            XCTAssertTrue(screen.contains("东京"), screen)
        }
    }

    /// Everything on the screen of a lesson fits the terminal: the banner, the step's heading, the
    /// "Press Enter" line with its long command, a hint, feedback and help, in both languages.
    func testEveryLineOfALessonFitsTheTerminal() throws {
        for (lang, enter) in [("en", "Press Enter to run"), ("zh", "按回车运行")] {
            for width in [40, 80, 110] {
                let t = try Terminal(command: command("--lang \(lang) --lesson '\(dir)/display.md'"), width: width, height: 80)
                try t.waitFor(enter)
                try t.type(":help training")
                try t.press("Enter")
                try t.waitFor("Ctrl-C")
                try t.type(":hint")
                try t.press("Enter")
                try t.waitFor(lang == "en" ? "This step has no exercise" : "这一步没有练习")
                let screen = try t.tmux(["capture-pane", "-t", "t", "-p", "-J", "-S", "-200"])
                XCTAssertTrue(screen.contains("EmbedLab"), screen)
                for line in screen.split(separator: "\n") where !line.contains("]> ") {
                    XCTAssertLessThanOrEqual(columns(String(line)), width, "\(lang), width \(width): \(line)\n\(screen)")
                }
                // Latin words are never cut at the margin.
                let joined = screen.split(separator: "\n").joined(separator: " ")
                XCTAssertTrue(joined.contains("corpus=small-world"), screen)
                if lang == "en" { XCTAssertTrue(joined.contains(":quit to leave."), screen) }
            }
        }
    }
}

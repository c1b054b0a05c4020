import XCTest
import Foundation

/// `embedlab demo` in front of a class, in a real terminal (tmux): prose, then each command typed
/// out; the output waits for a key so the class can guess; b goes back, q quits.
final class DemoTests: XCTestCase {
    func notebook() throws -> String {
        let dir = temporaryDirectory()
        let path = dir + "/class.md"
        try Data("""
            ---
            title: For the class
            model: toy
            ---
            ## Cats | 猫 {#cats}
            ::: en
            Which animal is nearest to the cat? Guess before the answer appears.
            :::
            ::: zh
            哪种动物离猫最近？先猜，再看答案。
            :::
            ```embedlab
            near 猫
            sim 猫 汽车
            ```

            """.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTheClassGuessesFirstAndKeysTypedMeanwhileAreNotInserted() throws {
        XCTAssertTrue(Terminal.available, "tmux is installed by scripts/install-deps.sh")
        let path = try notebook()
        let t = try Terminal(command: "cd '\(Binary.root.path)' && LANG=C.UTF-8 XDG_STATE_HOME='\(temporaryDirectory())' '\(Binary.path)' demo '\(path)' --speed 4; echo DEMO-EXIT=$?; sleep 60")
        try t.waitFor("Guess before the answer appears")
        try t.waitFor("toy [1]> ne")
        // Keys pressed while the command is typed out are thrown away: neither inserted nor obeyed.
        try t.type("qxb")
        try t.press("Enter")
        var screen = try t.waitFor("Enter: show the output")
        XCTAssertTrue(screen.contains("toy [1]> near 猫\n"), screen)
        XCTAssertFalse(screen.contains("qxb") || screen.contains("狗"), "nothing typed is inserted and the output waits:\n\(screen)")
        XCTAssertFalse(screen.contains("哪种动物"), "only the language shown")
        try t.press("Enter")
        screen = try t.waitFor("狗")
        try t.waitFor("Enter: next")
        try t.press("Enter")
        try t.waitFor("toy [2]> sim 猫 汽车")
        try t.waitFor("Enter: show the output")
        try t.press("Enter")
        try t.waitFor("cos(猫, 汽车)")
        // Back: the first cell again, with its output (not run again), and nothing of the second.
        try t.press("b")
        screen = try t.waitFor("toy [1]> near 猫")
        XCTAssertTrue(screen.contains("狗"), screen)
        XCTAssertFalse(screen.contains("cos(猫, 汽车)"), screen)
        try t.press("q")
        try t.waitFor("DEMO-EXIT=0")
    }

    func testIntoAPipeOnADumbTerminalOnlyTextIsWritten() throws {
        XCTAssertTrue(Terminal.available, "tmux is installed by scripts/install-deps.sh")
        let path = try notebook()
        let out = temporaryDirectory() + "/out.txt"
        let t = try Terminal(command: "cd '\(Binary.root.path)' && NO_COLOR=1 TERM=dumb LANG=C.UTF-8 XDG_STATE_HOME='\(temporaryDirectory())' '\(Binary.path)' demo '\(path)' | cat > '\(out)'; echo DEMO-EXIT=$?; sleep 60")
        // The presenter still sees the keys on the terminal; the pipe gets none of it.
        for (prompt, count) in [("Enter: show the output", 1), ("Enter: next", 1), ("Enter: show the output", 2), ("the end", 1)] {
            try t.waitFor(prompt, count: count)
            try t.press("Enter")
        }
        try t.waitFor("DEMO-EXIT=0")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertFalse(text.contains("\u{1B}") || text.contains("\r"), "no escape or carriage return: \(text.debugDescription)")
        XCTAssertFalse(text.contains("Enter:"), "no key prompts in the output")
        XCTAssertTrue(text.contains("\nCats\n"), "the heading as the prompt shows it, without its Markdown marks: \(text)")
        XCTAssertFalse(text.contains("#"), text)
        for part in ["Cats", "Guess before the answer appears", "toy [1]> near 猫", "狗", "toy [2]> sim 猫 汽车", "cos(猫, 汽车)"] {
            XCTAssertTrue(text.contains(part), "\(part) in \(text)")
        }
    }

    func testAStepForTheOtherLanguageIsLeftOut() throws {
        // Lesson 03 has steps for one language only ({#king-queen-zh lang=zh}): English shows none of them.
        let en = try Binary.run(["demo", "lessons/03-arithmetic.md", "--speed", "0"], input: "")
        XCTAssertEqual(en.status, 0, en.err)
        XCTAssertTrue(en.out.contains("glove-50d [1]> king - man + woman"), en.out)
        XCTAssertFalse(en.out.contains("国王 - 男人 + 女人"), "the Chinese step is not shown in English:\n\(en.out)")
    }
}

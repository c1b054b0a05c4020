import XCTest

/// What a learner meets walking through a lesson at the prompt.
final class LessonWalkTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = temporaryDirectory()
        try """
            ---
            id: walk
            title: { en: Walk, zh: 走一走 }
            model: toy
            ---
            ## Nearest | 最近 {#nearest}
            ::: en
            Which word is nearest to 汽车?
            :::
            ::: zh
            离 汽车 最近的是哪个词？
            :::
            ```embedlab
            near 汽车
            ```
            ```check
            answer 飞机 plane
            nearest is 飞机
            uses near 汽车
            ```
            ```reject
            near 飞机
            ```
            ```hint
            en: near 汽车
            zh: near 汽车
            ```

            """.write(toFile: dir + "/walk.md", atomically: true, encoding: .utf8)
    }

    func testSkippingTheLastStepFinishesTheLessonOnce() throws {
        let r = try Binary.run(["--lesson", dir + "/walk.md"], input: ":skip\n\n\nsim 猫 狗\n")
        XCTAssertEqual(r.out.components(separatedBy: "Lesson finished").count - 1, 1, r.out)
        XCTAssertTrue(r.out.contains("cos(猫, 狗) = 0.9819"), "after the lesson, lines are commands again:\n\(r.out)")
    }

    func testTheLearnersOwnAnswerIsNotEchoedButTheComputationIs() throws {
        try XCTSkipUnless(Terminal.available, "tmux is not installed (scripts/install-deps.sh installs it)")
        let t = try Terminal(command: "cd '\(Binary.root.path)' && XDG_STATE_HOME='\(dir)/state' LANG=C.UTF-8 '\(Binary.path)' --lang en --lesson '\(dir)/walk.md'", width: 100)
        try t.waitFor("Type your answer")
        try t.type("near 汽车")
        try t.press("Enter")
        var screen = try t.waitFor("Lesson finished")
        XCTAssertFalse(screen.split(separator: "\n").contains { $0.hasPrefix("> near 汽车") }, "the answer typed at the prompt is not shown again:\n\(screen)")
        XCTAssertTrue(screen.contains("EmbedLab on toy"), "the banner names the lesson's model:\n\(screen)")
        let t2 = try Terminal(command: "cd '\(Binary.root.path)' && XDG_STATE_HOME='\(dir)/state2' LANG=C.UTF-8 '\(Binary.path)' --lang en --lesson '\(dir)/walk.md'", width: 100)
        try t2.waitFor("Type your answer")
        try t2.type("plane")
        try t2.press("Enter")
        screen = try t2.waitFor("Lesson finished")
        XCTAssertTrue(screen.contains("Computed:\n> near 汽车"), "a plain answer shows the computation behind it:\n\(screen)")
    }
}

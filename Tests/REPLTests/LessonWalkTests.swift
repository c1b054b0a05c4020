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
        try Terminal.require()
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

/// Issue 25: progress never blocks learning. Whatever stands at progress.json, the lesson runs,
/// progress is kept for the session, and one plain line says why.
final class ProgressNeverBlocksTests: XCTestCase {
    func lessonFile() throws -> String {
        let dir = temporaryDirectory()
        try "---\nid: walk\ntitle: Walk\nmodel: toy\n---\n## Nearest {#nearest}\nWhich word is nearest to 汽车?\n```embedlab\nnear 汽车\n```\n```check\nanswer 飞机 plane\nnearest is 飞机\n```\n"
            .write(toFile: dir + "/walk.md", atomically: true, encoding: .utf8)
        return dir + "/walk.md"
    }

    func testAFolderAPipeABlockedStateFolderOrADanglingLinkNeverStopTheLesson() throws {
        let lesson = try lessonFile()
        var cases: [(String, String)] = []
        for kind in ["folder", "fifo", "blocked", "dangling"] {
            let state = temporaryDirectory()
            switch kind {
            case "folder": try FileManager.default.createDirectory(atPath: state + "/embedlab/progress.json", withIntermediateDirectories: true)
            case "fifo":
                try FileManager.default.createDirectory(atPath: state + "/embedlab", withIntermediateDirectories: true)
                XCTAssertEqual(mkfifo(state + "/embedlab/progress.json", 0o600), 0)
            case "blocked": try "a file where the folder should be".write(toFile: state + "/embedlab", atomically: true, encoding: .utf8)
            default:
                try FileManager.default.createDirectory(atPath: state + "/embedlab", withIntermediateDirectories: true)
                XCTAssertEqual(symlink(state + "/nowhere/progress.json", state + "/embedlab/progress.json"), 0)
            }
            cases.append((kind, state))
        }
        for (kind, state) in cases {
            let r = try Binary.run(["--lang", "en", "--lesson", lesson], input: "plane\n", environment: ["XDG_STATE_HOME": state])
            XCTAssertTrue(r.out.contains("Lesson finished"), "\(kind): the lesson ran\n\(r.out)\n\(r.err)")
            let all = r.out + r.err
            XCTAssertFalse(all.contains("NSCocoaErrorDomain"), "\(kind): \(all)")
            XCTAssertTrue(all.contains("kept for this session only"), "\(kind): one line says why\n\(all)")
        }
    }

    func testALinkedProgressFileIsFollowedAndStaysALink() throws {
        let lesson = try lessonFile()
        let state = temporaryDirectory()
        let dotfiles = temporaryDirectory() + "/progress.json"
        try "{\"version\":1,\"lessons\":{}}".write(toFile: dotfiles, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: state + "/embedlab", withIntermediateDirectories: true)
        XCTAssertEqual(symlink(dotfiles, state + "/embedlab/progress.json"), 0)
        let r = try Binary.run(["--lang", "en", "--lesson", lesson], input: "plane\n", environment: ["XDG_STATE_HOME": state])
        XCTAssertTrue(r.out.contains("Lesson finished"), r.out + r.err)
        XCTAssertFalse((r.out + r.err).contains("session only"), r.out + r.err)
        var st = stat()
        XCTAssertEqual(lstat(state + "/embedlab/progress.json", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "the link stays a link")
        XCTAssertTrue(try String(contentsOfFile: dotfiles, encoding: .utf8).contains("\"walk\""), "progress went to the file the link names")
    }
}

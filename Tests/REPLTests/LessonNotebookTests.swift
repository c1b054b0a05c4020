import XCTest
import Lessons

/// A walk through lessons, saved with :save, is a notebook that `embedlab check` replays to the same outputs:
/// the lesson's model, the lines a lesson replays, graded answers, a collection loaded and the language
/// of every cell are all recorded.
final class LessonNotebookTests: XCTestCase {
    /// What a learner types to walk `lesson`: each exercise's solution, Enter for each demo cell and step.
    func walk(_ id: String) throws -> String {
        let lesson = try XCTUnwrap(LessonCatalog(directory: Binary.root.appendingPathComponent("lessons").path).lesson(id: id))
        var input = ":lesson \(id)\n"
        for step in lesson.steps {
            if let exercise = step.exercise { input += exercise.solution + "\n" } else { input += String(repeating: "\n", count: step.demo.count + 1) }
        }
        return input
    }

    func testAWalkThroughLessonsSavesANotebookThatChecks() throws {
        for (lessons, language) in [(["arithmetic", "ann"], "en"), (["ann", "vector-space"], "zh")] {
            let dir = temporaryDirectory()
            let file = dir + "/walk.md"
            // After the lessons: a collection of the learner's own beside the notebook, and the other language for a while.
            try "animal\ta puppy plays with a ball\nanimal\tthe cat sleeps on the sofa\nfood\tfresh bread and butter\nfood\ta bowl of rice\n"
                .write(toFile: dir + "/pets.txt", atomically: true, encoding: .utf8)
            let other = language == "en" ? "zh" : "en"
            let input = try lessons.map(walk).joined()
                + ":load collection \(dir)/pets.txt\nsearch pets \"a small dog\" 2\n:lang \(other)\nnear 3 king\nsim cat dog\n:lang \(language)\n"
                + "near 3 king\n:save \(file)\n"
            let r = try Binary.run(["--lang", language], input: input)
            XCTAssertEqual(r.status, 0, r.err)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            XCTAssertTrue(text.contains("> index build m=8 ef=50"), "the graded index build is recorded:\n\(text)")
            XCTAssertTrue(text.contains("> :use glove-50d"), "the lesson's own :use is recorded:\n\(text)")
            XCTAssertTrue(text.contains("> :load collection"), "the collection load is recorded:\n\(text)")
            let check = try Binary.run(["check", file])
            XCTAssertEqual(check.status, 0, "\(lessons) in \(language):\n\(check.out)\n\(text)")
            XCTAssertTrue(check.out.contains(" 0 differ"), check.out)
        }
    }

    func testALanguageTypedAtThePromptLastsForThatSessionUnlessSaved() throws {
        let state = temporaryDirectory()
        try Binary.run([], input: ":lang zh\n", environment: ["XDG_STATE_HOME": state])
        XCTAssertTrue(try Binary.run([], input: "sim cat\n", environment: ["XDG_STATE_HOME": state]).err.contains("sim takes"),
                      "a later piped run under LANG=C speaks English")
        try Binary.run([], input: ":lang zh save=on\n", environment: ["XDG_STATE_HOME": state])
        let later = try Binary.run([], input: "sim cat\n", environment: ["XDG_STATE_HOME": state])
        XCTAssertFalse(later.err.contains("sim takes"), later.err)
    }
}

import XCTest
import Foundation
import Workbench
import Embeddings
import Lessons
@testable import Rendering

/// A lesson handed out to a class, read in a real browser (headless Chromium): room to answer
/// every exercise, and not one solution anywhere in the page's DOM.
final class HandoutBrowserTests: XCTestCase {
    func testTheHandoutHasAnswerBoxesAndNoSolutionInTheDOM() throws {
        let browser = try Browser.required()
        let folder = NSTemporaryDirectory() + "embedlab-handout-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lesson = try XCTUnwrap(LessonCatalog(directory: Models.root.appendingPathComponent("lessons").path).lesson(id: "arithmetic"))
        let exercises = lesson.steps.filter { $0.exercise != nil }
        XCTAssertGreaterThanOrEqual(exercises.count, 4)

        let handout = folder + "/handout.html"
        try Data(NotebookPageHTML.render(LessonHandout.page(lesson, session: try LessonHandout.session(for: lesson, catalog: Models.catalog))).utf8)
            .write(to: URL(fileURLWithPath: handout))
        let dom = try browser.dom(of: "file://" + handout)
        XCTAssertEqual(dom.components(separatedBy: "<section class=\"answer\"").count - 1, exercises.count, "one answer box per exercise")
        for step in exercises {
            XCTAssertTrue(dom.contains("data-step=\"\(step.id)\""), "the box for \(step.id) is labelled with its id")
            // What follows the box up to the next step is not the solution (a later step of this lesson
            // shows king - man + woman again, after it was asked; the lesson below checks the whole DOM).
            let exercise = try XCTUnwrap(step.exercise)
            let after = try XCTUnwrap(dom.range(of: "data-step=\"\(step.id)\""))
            let rest = dom[after.upperBound...]
            let untilNextStep = rest[..<(rest.range(of: "<h2")?.lowerBound ?? rest.endIndex)]
            XCTAssertFalse(untilNextStep.contains(exercise.solution), "the solution of \(step.id) is not under its box: \(exercise.solution)")
            for hint in exercise.hints where hint.text.count > 20 {
                XCTAssertFalse(dom.contains(hint.text), "no hint of \(step.id): \(hint.text)")
            }
        }
        XCTAssertTrue(dom.contains("sim king - man, queen - woman"), "the demo cells are there")
        XCTAssertTrue(dom.contains("巴黎"), "with their outputs (北京 - 中国 + 法国 on zh-pd1998)")
        XCTAssertTrue(dom.contains("国王与王后") && dom.contains("King and queen"), "both languages")

        // A lesson whose solution, hints and rejects are words found nowhere else: none is in the DOM.
        try Data("""
            ---
            id: secret
            title: { en: Secret, zh: 秘密 }
            model: toy
            ---
            ## Nearest | 最近 {#nearest points=2}
            ::: en
            Which word is nearest to the cat? Show it with a command.
            :::
            ::: zh
            离猫最近的是哪个词？用一个命令显示出来。
            :::
            ```embedlab
            near 猫 k=4
            ```
            ```check
            nearest is 狗
            ```
            ```reject
            sim 猫 飞机
            ```
            ```hint
            en: Try the word for neighbours: quite literally near.
            zh: 试试“邻居”这个词：就是 near。
            ```
            ## After | 之后 {#after}
            ::: en
            Planes and cars.
            :::
            ```embedlab
            sim 飞机 汽车
            ```

            """.utf8).write(to: URL(fileURLWithPath: folder + "/secret.md"))
        let secret = try LessonCatalog.read(path: folder + "/secret.md")
        XCTAssertEqual(secret.problems, [])
        let secretPage = folder + "/secret.html"
        try Data(NotebookPageHTML.render(LessonHandout.page(secret, session: try LessonHandout.session(for: secret, catalog: Models.catalog))).utf8)
            .write(to: URL(fileURLWithPath: secretPage))
        let secretDom = try browser.dom(of: "file://" + secretPage)
        for hidden in ["near 猫 k=4", "sim 猫 飞机", "quite literally", "邻居", "nearest is"] {
            XCTAssertFalse(secretDom.contains(hidden), "\(hidden) is not in the handout's DOM")
        }
        XCTAssertTrue(secretDom.contains("data-step=\"nearest\"") && secretDom.contains("2 points"), "room to answer, worth 2 points")
        XCTAssertTrue(secretDom.contains("sim 飞机 汽车") && secretDom.contains("cos(飞机, 汽车)"), "the demo cell and its output")

        // The instructor's copy has every solution, each under its box.
        let key = folder + "/key.html"
        try Data(NotebookPageHTML.render(LessonHandout.page(lesson, session: try LessonHandout.session(for: lesson, catalog: Models.catalog), solutions: true)).utf8)
            .write(to: URL(fileURLWithPath: key))
        let keyDom = try browser.dom(of: "file://" + key)
        for step in exercises { XCTAssertTrue(keyDom.contains(try XCTUnwrap(step.exercise).solution), "the key shows \(step.id)'s solution") }
        XCTAssertTrue(keyDom.contains("queen"), "and its output")
    }
}

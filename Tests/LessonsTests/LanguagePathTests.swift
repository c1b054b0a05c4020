import XCTest
@testable import Lessons
import Embeddings
import Workbench

/// A lesson may give a language its own model and its own steps (`model: { en: …, zh: … }`,
/// `{#id lang=zh}`): each learner takes their language's path, and lint proves both.
final class LanguagePathTests: XCTestCase {
    let text = """
    ---
    id: paths
    title: { en: Paths, zh: 路径 }
    model: { en: glove-50d, zh: zh-wiki }
    ---
    ## Cat and dog | 猫和狗 {#cat lang=en}
    ::: en
    How similar are cat and dog?
    :::
    ```embedlab
    sim cat dog
    ```
    ```check
    answer number 0.922 ± 0.005
    uses sim cat dog
    ```
    ```reject
    sim cat car
    ```
    ```hint
    en: sim cat dog
    zh: sim cat dog
    ```
    ## Cat and dog | 猫和狗 {#cat-zh lang=zh}
    ::: zh
    猫 和 狗 有多相似？
    :::
    ```embedlab
    sim 猫 狗
    ```
    ```check
    answer number 0.810 ± 0.005
    uses sim 猫 狗
    ```
    ```reject
    sim 猫 汽车
    ```
    ```hint
    en: sim 猫 狗
    zh: sim 猫 狗
    ```
    ## The end | 结束 {#end}
    ::: en
    Done.
    :::
    ::: zh
    完成。
    :::
    """

    func testEachLanguageTakesItsOwnStepsOnItsOwnModel() throws {
        let lesson = Lesson(document: Document.parse(text), path: "paths.md")
        XCTAssertEqual(lesson.problems, [])
        XCTAssertEqual(lesson.model, "glove-50d")
        XCTAssertEqual(lesson.inLanguage(.en).steps.map(\.id), ["cat", "end"])
        XCTAssertEqual(lesson.inLanguage(.zh).steps.map(\.id), ["cat-zh", "end"])
        XCTAssertEqual(lesson.inLanguage(.zh).model, "zh-wiki")
        XCTAssertEqual(LessonLinter(catalog: Repo.catalog).lint(lesson), [], "a one-language step needs prose in its language only")
        let session = Session(catalog: Repo.catalog, model: try Repo.catalog.load("toy"))
        let runner = try LessonRunner(lesson: lesson, session: session, store: ProgressStore(path: temporaryDirectory() + "/p.json"), language: .zh)
        XCTAssertEqual(runner.step.id, "cat-zh")
        XCTAssertEqual(session.model.name, "zh-wiki")
        let report = LessonGrader(catalog: Repo.catalog).grade(lesson, sheet: AnswerSheet(text: "cat-zh: 0.81\n", source: "a", lesson: lesson), learner: "a", language: .zh)
        XCTAssertEqual(report.exercises.map(\.step), ["cat-zh"])
        XCTAssertEqual(report.exercises.first?.points, 1)
    }

    func testLintProvesTheChinesePathOnItsOwnModel() {
        let wrong = text.replacingOccurrences(of: "answer number 0.810 ± 0.005\nuses sim 猫 狗", with: "answer number 0.810 ± 0.005\nnumber ≈ 0.5 ± 0.01")
        let problems = LessonLinter(catalog: Repo.catalog).lint(Lesson(document: Document.parse(wrong), path: "paths.md"))
        XCTAssertFalse(problems.isEmpty)
        XCTAssertTrue(problems.allSatisfy { $0.contains("step 'cat-zh'") }, "only the Chinese step: " + problems.joined(separator: "\n"))
        XCTAssertTrue(problems.contains { $0.contains("step 'cat-zh': the solution 'sim 猫 狗' fails") }, problems.joined(separator: "\n"))
    }

    func testABadModelMapOrLanguageIsReported() {
        let bad = text.replacingOccurrences(of: "model: { en: glove-50d, zh: zh-wiki }", with: "model: { fr: glove-50d }")
            .replacingOccurrences(of: "{#end}", with: "{#end lang=fr}")
        let problems = Lesson(document: Document.parse(bad), path: "paths.md").problems
        XCTAssertTrue(problems.contains { $0.contains("the model has a 'fr' version") }, problems.joined(separator: "\n"))
        XCTAssertTrue(problems.contains { $0.contains("no en: model") }, problems.joined(separator: "\n"))
        XCTAssertTrue(problems.contains { $0.contains("unknown heading attribute 'lang=fr'") }, problems.joined(separator: "\n"))
    }
}

import XCTest
@testable import Lessons
import Embeddings
import Workbench

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ p: String) -> String { root.appendingPathComponent(p).path }
    static let catalog = ModelCatalog(directories: [path("vectors")])
}

func temporaryDirectory() -> String {
    let dir = NSTemporaryDirectory() + "embedlab-lessons-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Every bundled lesson: its solutions pass, its rejects fail, both languages are there.
final class BundledLessonsTests: XCTestCase {
    func testEveryBundledLessonLintsClean() {
        let lessons = LessonCatalog(directory: Repo.path("lessons")).lessons
        XCTAssertGreaterThanOrEqual(lessons.count, 4)
        let linter = LessonLinter(catalog: Repo.catalog)
        for lesson in lessons {
            XCTAssertEqual(linter.lint(lesson), [], lesson.path)
            XCTAssertGreaterThanOrEqual(lesson.steps.filter { $0.exercise != nil }.count, 3, "\(lesson.id) needs three exercises")
        }
    }

    func testABrokenSolutionAPassingRejectAndAMissingTranslationFailLint() throws {
        let lesson = try XCTUnwrap(LessonCatalog.load(path: Repo.path("Tests/LessonsTests/Fixtures/broken.md")))
        let problems = LessonLinter(catalog: Repo.catalog).lint(lesson)
        XCTAssertTrue(problems.contains { $0.contains("'wrong-solution': the solution 'near 汽车' fails") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("the reject 'sim 狗 猫' passes") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("'english-only' has no Chinese (::: zh) prose") }, "\(problems)")
    }
}

final class CheckTests: XCTestCase {
    func evaluate(_ line: String, model: String = "glove-50d") throws -> Session.Evaluation {
        try Session(catalog: Repo.catalog, model: try Repo.catalog.load(model)).evaluate(line)
    }

    func testChecksGradeValuesNotText() throws {
        let queen = try evaluate("king - man + woman")
        XCTAssertEqual(try Check.parse("top 3 contains queen").grade(queen, language: .en), .passed)
        XCTAssertEqual(try Check.parse("nearest is queen").grade(queen, language: .en), .passed)
        XCTAssertEqual(try Check.parse("uses analogy").grade(queen, language: .en), .passed)
        XCTAssertEqual(try Check.parse("top 3 excludes king").grade(queen, language: .en), .passed)
        let sim = try evaluate("cos 猫 狗", model: "toy")
        XCTAssertEqual(try Check.parse("number ≈ 0.98 ± 0.01").grade(sim, language: .en), .passed)
        XCTAssertEqual(try Check.parse("number ≈ 0.98 ± 1%").grade(sim, language: .en), .passed)
        XCTAssertEqual(try Check.parse("number in 0.9..1").grade(sim, language: .en), .passed)
        XCTAssertEqual(try Check.parse("uses sim").grade(sim, language: .en), .passed, "cos is sim")
        let cat = try evaluate("猫", model: "toy")
        XCTAssertEqual(try Check.parse("vector ≈ [0.3, 0.8, -0.2] ± 0.001").grade(cat, language: .en), .passed)
        XCTAssertEqual(try Check.parse("is vector").grade(cat, language: .en), .passed)
    }

    func testFailuresSayWhatKindOfThingIsWrongWithoutTheExpectedValue() throws {
        let wrong = try evaluate("king + man - woman")
        let check = try Check.parse("top 3 contains queen")
        guard case .failed(let en) = check.grade(wrong, language: .en), case .failed(let zh) = check.grade(wrong, language: .zh) else { return XCTFail() }
        XCTAssertTrue(en.contains("not in the first 3 of your list"), en)
        XCTAssertFalse(en.contains("queen"), "the first ✗ never names the expected word: \(en)")
        XCTAssertTrue(zh.contains("前 3 个"), zh)
        let number = try Check.parse("number ≈ 15 ± 0.01")
        guard case .failed(let tooLow) = number.grade(try evaluate("5 * 2"), language: .en) else { return XCTFail() }
        XCTAssertEqual(tooLow, "10 is too low.")
        let vector = try evaluate("猫", model: "toy")
        guard case .failed(let type) = number.grade(vector, language: .en) else { return XCTFail() }
        XCTAssertEqual(type, "This step asks for a number; you got a vector of 3 dimensions.")
    }

    func testUsesChecksTellWhichPartOfTheExpressionIsWrong() throws {
        let analogy = try Check.parse("uses analogy apple fruit company")
        XCTAssertEqual(analogy.grade(try evaluate("apple - fruit + company"), language: .en), .passed)
        XCTAssertEqual(analogy.grade(try evaluate("company - fruit + apple"), language: .en), .passed, "b − a + c = c − a + b")
        XCTAssertEqual(analogy.grade(try evaluate("fruit : apple :: company : ?"), language: .en), .passed)
        XCTAssertEqual(analogy.grade(try evaluate("apple + company - fruit"), language: .en), .passed)
        XCTAssertEqual(analogy.grade(try evaluate("apple - banana + company"), language: .en),
                       .failed("The word you subtract (banana) is not the one this question is about."))
        XCTAssertEqual(analogy.grade(try evaluate("near 3 google"), language: .en),
                       .failed("This step asks for an analogy, written as start − word + word; the command near is not one."))
        let plot = try Check.parse("uses plot with 8 words")
        XCTAssertFalse(plot.grade(try evaluate("plot king queen man woman"), language: .en).passed)
        XCTAssertTrue(plot.grade(try evaluate("plot king queen man woman prince princess boy girl"), language: .en).passed)
        let sim = try Check.parse("uses sim 电脑 计算机")
        XCTAssertTrue(sim.grade(try evaluate("sim 计算机 电脑", model: "toy"), language: .en).passed)
        XCTAssertFalse(sim.grade(try evaluate("sim 猫 狗", model: "toy"), language: .en).passed)
        let bpe = try Check.parse(#"uses bpe "aaabdaaabac" vocab=258"#)
        XCTAssertTrue(bpe.grade(try evaluate(#"bpe train "aaabdaaabac" vocab 258"#), language: .en).passed)
        XCTAssertFalse(bpe.grade(try evaluate(#"bpe train "aa aaa" vocab 258"#), language: .en).passed)
        XCTAssertFalse(bpe.grade(try evaluate(#"bpe train "aaabdaaabac" vocab 259"#), language: .en).passed)
    }

    func testAChecksOwnMessageReplacesTheGenericOne() throws {
        let lesson = Lesson(document: Document.parse("""
            ---
            id: own
            title: { en: Own, zh: 自己 }
            model: toy
            ---
            ## Dog | 狗 {#dog}
            ::: en
            Show 狗.
            :::
            ::: zh
            显示 狗。
            :::
            ```embedlab
            狗
            ```
            ```check
            uses expression 狗
              en: Type the word 狗 itself.
              zh: 直接输入 狗。
            ```
            """), path: "own.md")
        XCTAssertEqual(lesson.problems, [])
        let check = try XCTUnwrap(lesson.steps[0].exercise?.checks.first)
        XCTAssertEqual(check.grade(try evaluate("猫", model: "toy"), language: .zh), .failed("直接输入 狗。"))
        XCTAssertEqual(check.description, "uses expression 狗", "the linter quotes the line as written, never an internal name")
    }

    func testBadCheckLinesAreRefusedWithWhatToWrite() {
        XCTAssertThrowsError(try Check.parse("top three contains queen")) { XCTAssertTrue("\($0)".contains("top K contains")) }
        XCTAssertThrowsError(try Check.parse("top -5 contains queen")) { XCTAssertTrue("\($0)".contains("top K contains")) }
        XCTAssertThrowsError(try Check.parse("number about 3")) { XCTAssertTrue("\($0)".contains("not a number")) }
        XCTAssertThrowsError(try Check.parse("vector ≈ ] [ ±")) { XCTAssertTrue("\($0)".contains("vector ≈ [a, b, …] ± T")) }
        XCTAssertThrowsError(try Check.parse("uses analogy king man")) { XCTAssertTrue("\($0)".contains("three words")) }
        XCTAssertThrowsError(try Check.parse("smells right"))
    }
}

/// Start, answer, quit, resume at the same step; the file survives anything.
final class RunnerAndProgressTests: XCTestCase {
    func testALearnerResumesAtTheSameStepAfterQuitting() throws {
        let dir = temporaryDirectory()
        let lesson = try XCTUnwrap(LessonCatalog(directory: Repo.path("lessons")).lesson(id: "arithmetic"))
        do {
            let store = ProgressStore(path: dir + "/progress.json")
            let runner = try LessonRunner(lesson: lesson, session: Session(catalog: Repo.catalog, model: try Repo.catalog.load("toy")), store: store, language: .zh)
            XCTAssertEqual(runner.session.model.name, "zh-wiki", "the lesson's model in 中文")
            let wrong = try runner.submit("国王 + 男人 - 女人")
            XCTAssertTrue(wrong.contains { if case .feedback(false, _) = $0 { return true }; return false })
            let right = try runner.submit("国王 - 男人 + 女人")
            XCTAssertTrue(right.contains(.feedback(passed: true, messages: ["答对了！"])))
            XCTAssertEqual(runner.stepIndex, 1)
        }
        let store = ProgressStore(path: dir + "/progress.json")
        XCTAssertEqual(store.progress(of: "arithmetic").completed, ["king-queen-zh"])
        let again = try LessonRunner(lesson: lesson, session: Session(catalog: Repo.catalog, model: try Repo.catalog.load("toy")), store: store, language: .zh)
        XCTAssertEqual(again.stepIndex, 1, "resumed where the learner left")
        XCTAssertEqual(again.step.id, lesson.inLanguage(.zh).steps[1].id)
    }

    func testHintsClimbTheLadderAndSkipShowsTheSolution() throws {
        let dir = temporaryDirectory()
        let lesson = try XCTUnwrap(LessonCatalog(directory: Repo.path("lessons")).lesson(id: "arithmetic"))
        let runner = try LessonRunner(lesson: lesson, session: Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d")), store: ProgressStore(path: dir + "/p.json"), language: .en)
        guard case .hint(1, let total, _) = runner.hint().first, case .hint(2, total, _) = runner.hint().first else { return XCTFail() }
        let skipped = try runner.skip()
        XCTAssertTrue(skipped.contains { if case .ran(let input, _) = $0 { return input == lesson.steps[0].exercise!.solution }; return false })
        XCTAssertEqual(runner.stepIndex, 1)
        XCTAssertEqual(ProgressStore(path: dir + "/p.json").progress(of: "arithmetic").skipped, ["king-queen"])
        _ = try runner.back()
        XCTAssertEqual(runner.stepIndex, 0)
    }

    func testACorruptProgressFileIsMovedAsideWithAMessage() throws {
        let dir = temporaryDirectory()
        try "{ not json".write(toFile: dir + "/progress.json", atomically: true, encoding: .utf8)
        let store = ProgressStore(path: dir + "/progress.json")
        XCTAssertTrue(store.warning?.contains("moved to") ?? false)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertTrue(files.contains { $0.hasPrefix("progress.json.corrupt-") }, "\(files)")
        XCTAssertEqual(store.progress(of: "x"), ProgressStore.LessonProgress())
    }

    func testLanguageComesFromLANG() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]), .zh)
    }
}

/// `embedlab check` compares outputs without the figures that change from run to run.
final class RecordedOutputTests: XCTestCase {
    func testDurationsAndRatesAreMaskedOnBothSides() {
        XCTAssertTrue(Notebook.same("5 of 5 epochs in 0.12 s", "5 of 5 epochs in 3.40 s"))
        XCTAssertTrue(Notebook.same("took 0.8 s, 35 ms a query", "took 12 s, 3.5 ms a query"))
        XCTAssertTrue(Notebook.same("12000 words/s", "9800.5 words/s"))
        XCTAssertTrue(Notebook.same("用时 1.12 秒。", "用时 0.30 秒。"))
        XCTAssertTrue(Notebook.same("search  recall@10  ms per query\nexact      1.000         1.505\nHNSW       0.970         0.074",
                                    "search  recall@10  ms per query\nexact      1.000        11.505\nHNSW       0.970         0.174"))
        XCTAssertTrue(Notebook.same("search  recall@10  每次查询毫秒\nexact      1.000         1.505", "search  recall@10  每次查询毫秒\nexact      1.000         2.5"))
        // Words, scores, counts and the recall beside a timing are compared.
        XCTAssertFalse(Notebook.same("5 of 5 epochs in 0.12 s", "4 of 5 epochs in 0.12 s"))
        XCTAssertFalse(Notebook.same("cos(猫, 狗) = 0.9819", "cos(猫, 狗) = 0.5000"))
        XCTAssertFalse(Notebook.same("316 words × 10 dimensions", "316 words × 12 dimensions"))
        XCTAssertFalse(Notebook.same("search  recall@10  ms per query\nHNSW       0.970         0.074",
                                     "search  recall@10  ms per query\nHNSW       0.870         0.074"))
        XCTAssertFalse(Notebook.same("10 steps", "12 steps"), "a count followed by a word that starts with s is not a duration")
    }
}


/// What a learner of lesson 1 meets in 中文 when a literal vector is one number short.
final class LocalizedErrorTests: XCTestCase {
    func testAVectorOfTheWrongLengthIsExplainedInTheSessionsLanguage() throws {
        let session = Session(catalog: Repo.catalog, model: try Repo.catalog.load("library"))
        session.language = .zh
        XCTAssertThrowsError(try session.evaluate("near [0.9, 0.1, 0.8]")) { error in
            XCTAssertEqual((error as? WorkbenchError)?.message, "3 维的向量和 4 维的模型对不上")
        }
        session.language = .en
        XCTAssertThrowsError(try session.evaluate("near [0.9, 0.1, 0.8]")) { error in
            XCTAssertEqual((error as? WorkbenchError)?.message, "a vector of 3 dimensions does not fit a model of 4 dimensions")
        }
    }
}

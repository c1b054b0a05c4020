import XCTest
@testable import Lessons
import Workbench

/// A plain answer is read the way a person means it, in English and 中文; named mistakes get
/// their own feedback; a computation does not answer a yes/no question; lint holds authors to it.
final class AnswerFormsTests: XCTestCase {
    func lesson(_ steps: String) -> Lesson {
        Lesson(document: Document.parse("---\nid: forms\ntitle: { en: Forms, zh: 形式 }\nmodel: toy\n---\n" + steps), path: "forms.md")
    }

    func step(_ id: String, question: String, solution: String, check: String, reject: String = "0", hints: String = "en: Look.\nzh: 看。") -> String {
        """
        ## \(id) | \(id) {#\(id)}
        ::: en
        \(question)
        :::
        ::: zh
        \(question)（中文）
        :::
        ```embedlab
        \(solution)
        ```
        ```check
        \(check)
        ```
        ```reject
        \(reject)
        ```
        ```hint
        \(hints)
        ```

        """
    }

    lazy var forms = lesson(
        step("count", question: "How many of the 162 questions did it answer correctly?", solution: "129",
             check: "answer number 129\nnumber ≈ 129 ± 0.5\nmistake 302 \"that is the small world's count\"\n  zh: 这是小世界的题数")
        + step("share", question: "What accuracy did it reach?", solution: "0.908",
               check: "answer number 0.908 ± 0.005\nnumber ≈ 0.908 ± 0.005\nmistake 0.917 \"that is the other row\"\n  zh: 这是另一行")
        + step("big", question: "How many cosines?", solution: "30000", check: "answer number 30000\nnumber ≈ 30000 ± 0.5")
        + step("small", question: "How many predictions?", solution: "4",
               check: "answer number 4\nnumber ≈ 4 ± 0.01\nmistake 1.18 \"that is log₁₀; word2vec uses the natural log\"\n  zh: 这是 log₁₀；word2vec 用的是自然对数")
        + step("recall", question: "What recall did the index reach?", solution: "0.95", check: "answer number 0.95 ± 0.005\nnumber ≈ 0.95 ± 0.005")
        + step("yesno", question: "Is 狗 the nearest word to 猫? Answer yes or no.", solution: "near 猫",
               check: "answer yes\nnearest is 狗\nuses near 猫", reject: "no"))

    lazy var session = Session(catalog: Repo.catalog, model: try! Repo.catalog.load("toy"))

    func grade(_ id: String, _ answer: String, _ language: Language = .en) -> ExerciseGrade {
        guard let index = forms.stepIndex(id: id), let exercise = forms.steps[index].exercise else {
            XCTFail("\(forms.problems) \(forms.steps.map(\.id))")
            return ExerciseGrade(outcome: .error, answeredPlainly: false, evaluation: nil, error: nil, checks: [], feedback: nil)
        }
        return exercise.grade(answer, in: session, language: language, limits: AnswerLimits())
    }

    func testNumbersInEveryFormAPersonTypes() {
        for typed in ["30000", "3万", "三万", "30,000", "3e4", "３万", "30000."] {
            let g = grade("big", typed)
            XCTAssertTrue(g.passed && g.answeredPlainly, "\(typed): \(g.feedback ?? "")")
        }
        for typed in ["four", "Four", "四", "4"] { XCTAssertTrue(grade("small", typed).passed, typed) }
        XCTAssertEqual(grade("small", "five").feedback, "five is too high.")
        XCTAssertEqual(grade("small", "三", .zh).feedback, "三 太小了。")
        XCTAssertEqual(grade("small", "four").evaluation, nil, "a number word is never run as a command (it was shown as a vector)")
        for typed in ["一百二十九", "129"] { XCTAssertTrue(grade("count", typed).passed, typed) }
        XCTAssertEqual(grade("count", "130").feedback, "130 is too high.")
        XCTAssertEqual(grade("count", "79.6%").feedback, "That is the share; the question asks for the count.")
        XCTAssertEqual(grade("count", "百分之79.6", .zh).feedback, "这是比例；题目问的是个数。")
        XCTAssertEqual(grade("count", "128", .zh).feedback, "128 太小了。")
        for typed in ["四个", "4个", "4 predictions"] { XCTAssertTrue(grade("small", typed, .zh).passed, typed) }
        XCTAssertEqual(grade("small", "三个", .zh).feedback, "三个 太小了。")
    }

    func testPercentagesAndRoundingToThePlacesTyped() {
        for typed in ["0.908", ".908", "90.8%", "90.8", "91%", "0.91", "0.9", "９０.８％"] {
            XCTAssertTrue(grade("share", typed).passed, "\(typed): \(grade("share", typed).feedback ?? "")")
        }
        XCTAssertEqual(grade("share", "50%").feedback, "50% is too low.")
        XCTAssertEqual(grade("share", "0.95", .zh).feedback, "0.95 太大了。")
        XCTAssertFalse(grade("share", "1").passed)
        // Rounding accepts what every allowed number rounds to: 0.95 ± 0.005 is neither 0.9 nor 1.0.
        for typed in ["0.95", "95%", "95", "0.950"] { XCTAssertTrue(grade("recall", typed).passed, typed) }
        XCTAssertEqual(grade("recall", "0.9").feedback, "0.9 is too low.")
        XCTAssertEqual(grade("recall", "1.0", .zh).feedback, "1.0 太大了。")
        // A bare wrong number is judged as typed: 4 is not 4% where a share is asked.
        XCTAssertEqual(grade("share", "4").feedback, "4 is too high.")
        XCTAssertEqual(grade("share", "4", .zh).feedback, "4 太大了。")
        XCTAssertEqual(grade("share", "91.7").feedback, "that is the other row", "a share typed without its % sign is still the named mistake")
    }

    func testEveryFormPassesInBothLanguages() {
        let forms: [(step: String, typed: [String])] = [
            ("big", ["30000", "3万", "三万", "30,000", "3e4", "３万"]), ("small", ["four", "Four", "四", "4"]),
            ("count", ["129", "一百二十九", "one hundred and twenty-nine"]),
            ("share", ["0.908", ".908", "90.8%", "百分之90.8", "90.8", "91%", "0.91", "109/120", "９０.８％"]),
            ("recall", ["0.95", "95%", "95", "九成五"]), ("yesno", ["yes", "Yes.", "Y", "y", "是", "对", "是的"])]
        for language in [Language.en, .zh] {
            for (step, typed) in forms {
                for t in typed { XCTAssertTrue(grade(step, t, language).passed, "\(language) \(step): \(t) → \(grade(step, t, language).feedback ?? "")") }
            }
            for t in ["no", "No", "n", "不是", "否", "不对"] { XCTAssertFalse(grade("yesno", t, language).passed, "\(language): \(t)") }
        }
    }

    func testAFractionWhereACountIsAskedIsToldItIsTheShare() {
        let g = grade("count", "129/162")
        XCTAssertFalse(g.passed)
        XCTAssertNil(g.evaluation, "the fraction is not computed and then judged too low")
        XCTAssertEqual(g.feedback, "That is the share; the question asks for the count.")
        XCTAssertEqual(grade("count", "129/162", .zh).feedback, "这是比例；题目问的是个数。")
        XCTAssertTrue(grade("share", "109/120").passed, "where a share is asked, the fraction is one")
    }

    func testNamedMistakesGetTheirOwnFeedbackInBothLanguages() {
        XCTAssertEqual(grade("small", "1.18").feedback, "that is log₁₀; word2vec uses the natural log")
        XCTAssertEqual(grade("small", "1.18", .zh).feedback, "这是 log₁₀；word2vec 用的是自然对数")
        XCTAssertEqual(grade("count", "302").feedback, "that is the small world's count")
        XCTAssertEqual(grade("share", "91.7%", .zh).feedback, "这是另一行")
        XCTAssertEqual(grade("share", "0.95").feedback, "0.95 is too high.", "a number near no mistake is told too high or too low")
    }

    func testYesOrNoInBothLanguagesAndNoComputationAnswersIt() {
        for typed in ["yes", "Yes.", "Y", "y", "是", "对", "是的"] { XCTAssertTrue(grade("yesno", typed).passed, typed) }
        for typed in ["no", "No", "n", "不是", "否", "不对"] { XCTAssertFalse(grade("yesno", typed).passed, typed) }
        let computed = grade("yesno", "near 猫")
        XCTAssertFalse(computed.passed, "the computation shows the answer; it is not the answer")
        XCTAssertNotNil(computed.evaluation, "it still runs, so the learner sees the list")
        XCTAssertEqual(computed.feedback, "That computes it; now answer the question: yes or no.")
        XCTAssertEqual(grade("yesno", "near 猫", .zh).feedback, "这是计算；现在回答问题：是 或 否。")
        XCTAssertEqual(grade("yesno", "狗").feedback, "This question is answered with yes or no (是 / 否).")
        XCTAssertNil(grade("yesno", "狗").evaluation)
    }

    func testTheLadderNeverShowsAnAnswerThatIsTheSolutionItself() throws {
        let lesson = try XCTUnwrap(LessonCatalog(directory: Repo.path("lessons")).lesson(id: "ann"))
        let runner = try LessonRunner(lesson: lesson, session: Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d")),
                                      store: ProgressStore(path: temporaryDirectory() + "/p.json"), language: .en)
        var shown: [LessonRunner.Output] = []
        for wrong in ["1", "2", "3", "4", "5"] { shown += try runner.submit(wrong) }
        XCTAssertFalse("\(shown)".contains("30000"), "\(shown)")
        XCTAssertTrue(shown.contains(.info("That was the last hint; :skip shows the solution.")), "\(shown)")
        let solved = try runner.submit("30,000")
        XCTAssertTrue(solved.contains(.feedback(passed: true, messages: ["Correct!"])), "\(solved)")
        XCTAssertFalse(solved.contains(.info("Computed:")), "a solution that is the answer itself is not run again as 30000 = 30000:\n\(solved)")
    }

    func testNumberReadingsOnTheirOwn() {
        XCTAssertEqual(PlainAnswer.chineseNumeral("两千零五"), 2005)
        XCTAssertEqual(PlainAnswer.chineseNumeral("十五"), 15)
        XCTAssertEqual(PlainAnswer.chineseNumeral("一亿"), 100_000_000)
        XCTAssertNil(PlainAnswer.chineseNumeral("三四"))
        XCTAssertEqual(PlainAnswer.englishNumber("one hundred and twenty-nine"), 129)
        XCTAssertEqual(PlainAnswer.chinese(129), "一百二十九")
        XCTAssertEqual(PlainAnswer.chinese(30000), "三万")
        XCTAssertEqual(PlainAnswer.chinese(15), "十五")
        XCTAssertEqual(PlainAnswer.number(in: "九成五")?.value, 95)
        XCTAssertEqual(PlainAnswer.number(in: "9成")?.percent, true)
        XCTAssertNil(PlainAnswer.number(in: "成"))
        XCTAssertNil(PlainAnswer.number(in: "十成九"))
        XCTAssertNil(PlainAnswer.number(in: "nan"))
        XCTAssertNil(PlainAnswer.number(in: "king"))
        XCTAssertNil(PlainAnswer.number(in: "0x1F"))
        // A number said with what it counts.
        for (typed, value) in [("两个", 2.0), ("4个", 4), ("四次", 4), ("50 维", 50), ("三万个", 30000), ("4 predictions", 4),
                               ("four predictions", 4), ("thirty thousand words", 30000), ("2.7 nats", 2.7)] {
            XCTAssertEqual(PlainAnswer.number(in: typed)?.value, value, typed)
        }
        XCTAssertEqual(PlainAnswer.number(in: "2.7 nats")?.decimals, 1)
        XCTAssertEqual(PlainAnswer.number(in: "90 percent").map { [$0.value, $0.percent ? 1 : 0] }, [90, 1])
        for typed in ["个", "4 thousand", "1.5 million", "4 k", "king queen", "4 5", "two hundred of"] {
            XCTAssertNil(PlainAnswer.number(in: typed), typed)
        }
    }

    func testLintFailsAMistakeThatPassesAKindThatDisagreesAndAHintThatGivesTheAnswer() {
        let linter = LessonLinter(catalog: Repo.catalog)
        let passing = lesson(step("m", question: "How many cosines?", solution: "30000",
                                  check: "answer number 30000 ± 1\nnumber ≈ 30000 ± 1\nmistake 30001 \"off by one\"\n  zh: 差一"))
        XCTAssertTrue(linter.lint(passing).contains { $0.contains("the mistake '30001' passes the check") }, "\(linter.lint(passing))")
        let untranslated = lesson(step("m", question: "How many cosines?", solution: "30000", check: "answer number 30000\nnumber ≈ 30000 ± 0.5\nmistake 50 \"dimensions\""))
        XCTAssertTrue(linter.lint(untranslated).contains { $0.contains("the mistake '50' has no zh feedback") }, "\(linter.lint(untranslated))")
        let yesWord = lesson(step("k", question: "Is 狗 near 猫? Answer yes or no.", solution: "near 猫", check: "answer 狗\nnearest is 狗"))
        XCTAssertTrue(linter.lint(yesWord).contains { $0.contains("asks yes or no, but its answer lines are not") }, "\(linter.lint(yesWord))")
        let numberWords = lesson(step("k", question: "How many?", solution: "near 猫", check: "answer number 3\ntop 3 contains 狗"))
        XCTAssertTrue(linter.lint(numberWords).contains { $0.contains("the question asks for a number, but 'top 3 contains 狗'") }, "\(linter.lint(numberWords))")
        let givenAway = lesson(step("g", question: "How many cosines?", solution: "30000", check: "answer number 30000\nnumber ≈ 30000 ± 0.5",
                                    hints: "en: One per word.\nzh: 每个词一个。\nen: 30000\nzh: 30000"))
        XCTAssertEqual(linter.lint(givenAway).filter { $0.contains("gives the answer away") }.count, 2, "\(linter.lint(givenAway))")
        let word = lesson(step("w", question: "Which word is nearest to 猫?", solution: "near 猫", check: "answer 狗\nnearest is 狗",
                               hints: "en: near 猫 puts 狗 first\nzh: near 猫 排第一的是 狗"))
        XCTAssertEqual(linter.lint(word).filter { $0.contains("gives the answer away") }.count, 2, "\(linter.lint(word))")
    }
}

import XCTest
import FileAccess
@testable import Lessons
import Workbench

/// Strict authoring: YAML front matter with line numbers, one error per mistake, at its line.
final class AuthoringTests: XCTestCase {
    func lesson(_ text: String, path: String = "l.md") -> Lesson { Lesson(document: Document.parse(text), path: path) }

    let step = """
        ## Dog | 狗 {#dog}
        ::: en
        Which word is nearest to 猫?
        :::
        ::: zh
        离 猫 最近的词是哪个？
        :::
        ```embedlab
        near 猫
        ```
        ```check
        answer 狗
        nearest is 狗
        ```
        ```reject
        near 狗
        ```
        ```hint
        en: Ask near.
        zh: 用 near。
        ```
        """

    func testFrontMatterIsYAMLWithErrorsAtLineAndColumn() {
        let quoted = lesson("---\nid: t\ntitle: { en: \"Tokens, text: units\", zh: 词元 }\nmodel: toy\n---\n" + step)
        XCTAssertEqual(quoted.problems, [])
        XCTAssertEqual(quoted.title[.en], "Tokens, text: units", "a comma or a colon in a quoted title is text")
        let unclosed = lesson("---\nid: t\ntitle: { en: A, zh: B\nmodel: toy\n---\n" + step)
        XCTAssertEqual(unclosed.problems.count, 1, "\(unclosed.problems)")
        XCTAssertTrue(unclosed.problems[0].hasPrefix("l.md:4:6: the front matter is not valid YAML"), unclosed.problems[0])
        let typo = lesson("---\nid: t\ntitle: { en: A, zh: B }\nmodle: toy\nseed: 3\n---\n" + step)
        XCTAssertEqual(typo.problems, [
            "l.md:4:1: unknown key 'modle' (did you mean 'model'? a lesson's front matter has id, title, model)",
            "l.md:5:1: unknown key 'seed' (training is seeded by train's own seed= option, so a lesson needs no seed)",
        ])
        let open = lesson("---\nid: t\ntitle: x\n" + step)
        XCTAssertEqual(open.problems.first, "l.md:1:1: the front matter opened here is never closed: end it with a line '---'")
    }

    func testAnUnclosedFenceIsOneErrorAndTheNextStepsStillRead() {
        let text = "---\nid: t\ntitle: { en: A, zh: B }\nmodel: toy\n---\n## One | 一 {#one}\n::: en\nx\n:::\n::: zh\n一\n:::\n```check\nnearest is 狗\nnot a check\nneither\n\n" + step
        let l = lesson(text)
        XCTAssertEqual(l.problems, ["l.md:13:1: this ```check block is never closed: end it with a line ```"])
        XCTAssertEqual(l.steps.map(\.id), ["one", "dog"])
        XCTAssertNotNil(l.steps[1].exercise)
    }

    func testACRLFLessonReadsLikeLF() {
        let lf = "---\nid: t\ntitle: { en: A, zh: B }\nmodel: toy\n---\n" + step + "\n"
        let crlf = "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = lesson(lf), b = lesson(crlf)
        XCTAssertEqual(a.problems, [])
        XCTAssertEqual(b.problems, [])
        XCTAssertEqual(a.steps, b.steps)
        XCTAssertEqual(b.steps[0].exercise?.answers, [.word(["狗"])])
    }

    func testTheLinterPointsAtTheOffendingLineAndAsksForEveryTranslation() {
        let text = "---\nid: t\ntitle: { en: A, zh: B }\nmodel: toy\n---\n" + step.replacingOccurrences(of: "near 狗\n", with: "near 狗\nnear 5 猫\n")
            .replacingOccurrences(of: "zh: 用 near。\n", with: "zh: 用 near。\nen: near 猫\n")
            .replacingOccurrences(of: "nearest is 狗\n", with: "nearest is 狗\n  en: Look at the first word.\n")
        let problems = LessonLinter(catalog: Repo.catalog).lint(lesson(text))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let rejectLine = lines.firstIndex { $0 == "near 5 猫" }! + 1
        let checkLine = lines.firstIndex { $0 == "nearest is 狗" }! + 1
        let hintLine = lines.firstIndex { $0 == "en: Ask near." }! + 1
        XCTAssertEqual(problems.sorted(), [
            "l.md:\(checkLine): step 'dog': the feedback of 'nearest is 狗' has no zh: line",
            "l.md:\(hintLine): step 'dog' has 2 English and 1 Chinese hint rungs; every rung needs both (en: … then zh: …)",
            "l.md:\(rejectLine): step 'dog': the reject 'near 5 猫' passes; a wrong answer must fail (add a check that tells them apart)",
        ].sorted())
    }

    func testLintProblemsComeInTheOrderOfTheirLines() {
        // An unclosed fence at the end is found while reading, a failing solution while grading:
        // the author still reads them top to bottom.
        let text = "---\nid: t\ntitle: { en: A, zh: B }\nmodel: toy\n---\n"
            + step.replacingOccurrences(of: "nearest is 狗\n", with: "nearest is 飞机\n")
            + "\n## Open | 开 {#open}\n::: en\nOpen.\n:::\n::: zh\n开。\n:::\n```embedlab\nsim 猫 狗\n"
        let problems = LessonLinter(catalog: Repo.catalog).lint(lesson(text))
        XCTAssertGreaterThanOrEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems.last?.contains("is never closed") ?? false, "\(problems)")
        let numbers = problems.map { Int($0.dropFirst("l.md:".count).prefix { $0.isNumber }) ?? 0 }
        XCTAssertEqual(numbers, numbers.sorted(), "\(problems)")
    }

    func testAQuestionWithoutAPlainAnswerIsALintError() {
        let text = "---\nid: t\ntitle: { en: A, zh: B }\nmodel: toy\n---\n" + step.replacingOccurrences(of: "answer 狗\n", with: "")
        XCTAssertEqual(LessonLinter(catalog: Repo.catalog).lint(lesson(text)),
                       ["l.md:6: step 'dog' asks a question but accepts only commands; add an 'answer' line to its check block (answer WORD, answer number X, answer yes)"])
    }

    func testDuplicateLessonIdsInAFolderAreReported() {
        let a = lesson("---\nid: same\ntitle: { en: A, zh: B }\nmodel: toy\n---\n" + step, path: "a.md")
        let b = lesson("---\nid: same\ntitle: { en: A, zh: B }\nmodel: toy\n---\n" + step, path: "b.md")
        XCTAssertEqual(LessonLinter.duplicateIds([a, b]), ["b.md:1: the lesson id 'same' is also the id of a.md; progress would mix them up"])
    }

    func testAModelFileIsFoundBesideTheLesson() {
        let l = lesson("---\nid: t\ntitle: { en: A, zh: B }\nmodel: my.embv\n---\n" + step, path: "/course/week1/l.md")
        XCTAssertEqual(l.modelReference, "/course/week1/my.embv")
        XCTAssertEqual(lesson("---\nid: t\nmodel: toy\n---\n" + step, path: "/course/l.md").modelReference, "toy")
    }

    func testASavedNotebookWithAColonInItsTitleReadsBack() throws {
        let notebook = Notebook(model: "toy", title: "Tokens: a {test}", cells: [.init(input: "near 猫", expected: "x", line: 7)])
        let dir = temporaryDirectory()
        try notebook.markdown().write(toFile: dir + "/n.md", atomically: true, encoding: .utf8)
        let back = try Notebook.load(path: dir + "/n.md")
        XCTAssertEqual(back.title, "Tokens: a {test}")
        XCTAssertEqual(back.cells.map(\.input), ["near 猫"])
    }
}

/// Courses from anywhere, and resuming.
final class CourseTests: XCTestCase {
    func testACoursesFolderIsAddedAfterTheBundledLessonsAndTheUnfinishedOneIsFound() throws {
        let dir = temporaryDirectory()
        try "---\nid: mine\ntitle: { en: Mine, zh: 我的 }\nmodel: toy\n---\n## One | 一 {#one}\n::: en\nx\n:::\n::: zh\n一\n:::\n## Two | 二 {#two}\n::: en\ny\n:::\n::: zh\n二\n:::\n"
            .write(toFile: dir + "/10-mine.md", atomically: true, encoding: .utf8)
        let catalog = LessonCatalog(directories: [Repo.path("lessons"), dir])
        XCTAssertEqual(catalog.lessons.last?.id, "mine")
        XCTAssertEqual(catalog.lessons.first?.id, "using-embedlab", "the bundled lessons stay")
        let store = ProgressStore(path: dir + "/p.json")
        XCTAssertNil(catalog.unfinished(in: store))
        try store.update("mine") { $0.current = "two" }
        XCTAssertEqual(catalog.unfinished(in: store).map { "\($0.lesson.id) \($0.step)" }, "mine 1")
    }
}

/// Issue 25: `markdown()` then parsing gives back every output as it was, whatever it holds.
final class NotebookRoundTripTests: XCTestCase {
    func testEveryOutputSurvivesSavingAndReading() {
        let outputs = ["> near paris #", ">", "\\", "\\> x", "\\\\ y", "``` not a fence", "~~~", "---", "## Heading", "::: en", ":::",
                       "  > indented", "a\n> b\n\\c\n>", "", "end \\"]
        let notebook = Notebook(model: "toy", title: "t", cells: outputs.enumerated().map { Notebook.Cell(input: "sim 猫 狗 # \($0.offset)", expected: $0.element, line: 0) })
        let back = Notebook(document: Document.parse(notebook.markdown()))
        XCTAssertEqual(back.cells.map(\.input), notebook.cells.map(\.input))
        for (a, b) in zip(back.cells, notebook.cells) {
            XCTAssertEqual(a.expected ?? "", b.expected, b.input)
        }
    }

    /// Found by fuzz-notebooks: a command or an output line whose first character after `> ` or
    /// `>` is a combining mark (U+0612, U+0301) joins them into one Character, so the reader, which
    /// compared Characters, took `> ؒe` for output and the block's lines for separate cells.
    func testACombiningMarkAfterTheCommandSignReadsBack() {
        let notebook = Notebook(model: "toy", title: "t", cells: [
            .init(input: "\u{0612}e`ve", expected: "  \u{0612}e`ve\n   ^\nerror: x", line: 0),
            .init(input: "sim 猫 狗", expected: ">\u{0301} not a command\n\\\u{0301}\n#\u{0301}", line: 0),
        ])
        let back = Notebook(document: Document.parse(notebook.markdown()))
        XCTAssertEqual(back.cells.map(\.input), notebook.cells.map(\.input))
        XCTAssertEqual(back.cells.map(\.expected), notebook.cells.map(\.expected))
    }

    /// Found by fuzz-notebooks: a model named with a tab or an escape (a path the learner started
    /// with) was written into the front matter raw, and YAML refuses control characters, so the
    /// saved notebook did not load ("control characters are not allowed").
    func testAModelNameWithControlCharactersReadsBack() throws {
        let dir = temporaryDirectory()
        for model in ["my\tmodel.txt", "\u{1B}[30;40mhidden.embv", "a\u{7F}\u{85}\u{FEFF}b", "plain\rcr", "\\ \" quoted", " \u{0317}%;", "a: \u{0301}b", "x #\u{0301}", "end:\u{0301}"] {
            let notebook = Notebook(model: model, title: "EmbedLab session", cells: [.init(input: "sim 猫 狗", expected: "x", line: 0)])
            try SafeWrite.replace(dir + "/n.md", with: Array(notebook.markdown().utf8), policy: nil)
            let back = try Notebook.load(path: dir + "/n.md")
            XCTAssertEqual(back.model, model)
            XCTAssertEqual(back.cells.map(\.expected), ["x"])
        }
    }
}

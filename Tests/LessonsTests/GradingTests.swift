import XCTest
@testable import Lessons
import Embeddings
import Workbench

func bundledLesson(_ id: String) throws -> Lesson {
    try XCTUnwrap(LessonCatalog(directory: Repo.path("lessons")).lesson(id: id), id)
}

/// Questions accept the answer itself; tasks check what was computed.
final class PlainAnswerTests: XCTestCase {
    func testQuestionsAcceptTheAnswerItselfInEitherScriptAndAsYesOrNo() throws {
        let lesson = try bundledLesson("arithmetic")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog)
        func grade(_ step: String, _ answer: String, _ language: Language = .en) throws -> ExerciseGrade {
            try replay.grade(step: try XCTUnwrap(lesson.stepIndex(id: step)), answer: answer, language: language).grade
        }
        XCTAssertTrue(try grade("capitals", "rome").passed)
        XCTAssertTrue(try grade("capitals", "Rome.").passed)
        XCTAssertTrue(try grade("capitals", "罗马").passed)
        XCTAssertTrue(try grade("king-queen", "王后").passed, "the zh title says 王后, and a learner may well type it")
        XCTAssertTrue(try grade("capitals", "paris - france + italy").passed)
        XCTAssertTrue(try grade("apple-company", "yes").passed)
        XCTAssertTrue(try grade("apple-company", "是").passed)
        XCTAssertFalse(try grade("apple-company", "no").passed)
        let milan = try grade("capitals", "milan")
        XCTAssertEqual(milan.outcome, .failed)
        XCTAssertEqual(milan.feedback, "milan is not the answer to this question.")
        XCTAssertEqual(try grade("capitals", "milan", .zh).feedback, "milan 不是这道题的答案。")
        // Shortcuts the issue found: a command with the right type of value but not the question's computation.
        XCTAssertFalse(try grade("apple-company", "near 3 google").passed)
        let vocab = try bundledLesson("tokens")
        let tokens = LessonReplay(lesson: vocab, catalog: Repo.catalog)
        XCTAssertTrue(try tokens.grade(step: try XCTUnwrap(vocab.stepIndex(id: "bpe-two")), answer: "258", language: .en).grade.passed)
        // A question with listed choices: a wrong pick is told so, a stray word is told it is not a choice.
        let nanjing = try XCTUnwrap(vocab.stepIndex(id: "nanjing"))
        for answer in ["bridge", "大桥", "长江大桥"] { XCTAssertTrue(try tokens.grade(step: nanjing, answer: answer, language: .zh).grade.passed, answer) }
        XCTAssertEqual(try tokens.grade(step: nanjing, answer: "江大桥", language: .zh).grade.feedback, "江大桥 不是这道题的答案。")
        XCTAssertEqual(try tokens.grade(step: nanjing, answer: "bird", language: .en).grade.feedback, "bird is not one of the choices the question gives.")
        let space = try bundledLesson("vector-space")
        let toy = LessonReplay(lesson: space, catalog: Repo.catalog)
        XCTAssertFalse(try toy.grade(step: try XCTUnwrap(space.stepIndex(id: "vocabulary-gap")), answer: "sim 猫 狗", language: .en).grade.passed)
        XCTAssertTrue(try toy.grade(step: try XCTUnwrap(space.stepIndex(id: "vocabulary-gap")), answer: "0.98", language: .en).grade.passed)
        // A number rounded as a person rounds it: dist 猫 汽车 is 1.5297 (answer number 1.53 ± 0.01).
        let distance = try XCTUnwrap(space.stepIndex(id: "distance"))
        for (typed, passes) in [("1.53", true), ("1.5", true), ("1.5297", true), ("1.5.", true), ("2", false), ("1.6", false), ("1.4", false), ("0.17", false)] {
            XCTAssertEqual(try toy.grade(step: distance, answer: typed, language: .en).grade.passed, passes, typed)
        }
    }

    func testEveryQuestionOfEveryLessonHasAPlainAnswerAndEveryExerciseHasRejects() throws {
        let linter = LessonLinter(catalog: Repo.catalog)
        for lesson in LessonCatalog(directory: Repo.path("lessons")).lessons {
            for step in lesson.steps {
                guard let exercise = step.exercise else { continue }
                XCTAssertFalse(exercise.rejects.isEmpty, "\(lesson.id)/\(step.id)")
                if linter.asksQuestion(step) { XCTAssertFalse(linter.plainForms(exercise).isEmpty, "\(lesson.id)/\(step.id) asks a question") }
            }
        }
    }
}

/// One answer never changes another's grade.
final class IsolationTests: XCTestCase {
    func testAModelSwitchOrATrainingAnswerBeforeACorrectOneChangesNothing() throws {
        let lesson = try bundledLesson("arithmetic")
        let sheet = AnswerSheet(text: """
            king-queen: :use toy
            capitals: train glove corpus=small-world dim=2 epochs=1
            beijing-paris: beijing - china + france
            apple-company: :set exclude off
            antonyms: yes
            """, source: "mallory.txt", lesson: lesson)
        let report = LessonGrader(catalog: Repo.catalog).grade(lesson, sheet: sheet, learner: "mallory")
        XCTAssertEqual(report.exercises.map(\.outcome), [.failed, .failed, .passed, .failed, .passed], "\(report.exercises.map(\.feedback))")
        XCTAssertEqual(report.score, 2)
        XCTAssertEqual(report.maxScore, 5)
        XCTAssertEqual(report.percent, 40)
    }

    func testTheRunnerGradesInTheLessonsSessionNotInWhatTheLearnerChanged() throws {
        let lesson = try bundledLesson("arithmetic")
        let session = Session(catalog: Repo.catalog, model: try Repo.catalog.load("toy"))
        let runner = try LessonRunner(lesson: lesson, session: session, store: ProgressStore(path: temporaryDirectory() + "/p.json"), language: .en)
        _ = try session.use("toy")   // the learner switches model at the prompt
        let out = try runner.submit("king - man + woman")
        XCTAssertTrue(out.contains(.feedback(passed: true, messages: ["Correct!"])), "\(out)")
    }

    func testARevisitedExerciseIsGradedAgain() throws {
        let lesson = try bundledLesson("arithmetic")
        let runner = try LessonRunner(lesson: lesson, session: Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d")),
                                      store: ProgressStore(path: temporaryDirectory() + "/p.json"), language: .en)
        _ = try runner.submit("queen")
        XCTAssertEqual(runner.stepIndex, 1)
        _ = try runner.back()
        let again = try runner.submit("king + man - woman")
        XCTAssertTrue(again.contains { if case .feedback(false, _) = $0 { return true }; return false }, "\(again)")
        XCTAssertEqual(runner.stepIndex, 0)
    }

    func testWrongTriesClimbTheHintLadderAndTheSolutionComesOnlyAtTheEnd() throws {
        let lesson = try bundledLesson("arithmetic")
        let runner = try LessonRunner(lesson: lesson, session: Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d")),
                                      store: ProgressStore(path: temporaryDirectory() + "/p.json"), language: .en)
        let first = try runner.submit("princess")
        XCTAssertFalse(first.contains { if case .hint = $0 { return true }; return false }, "the first ✗ has no hint")
        XCTAssertFalse("\(first)".contains("queen"), "the first ✗ does not give the answer away")
        let second = try runner.submit("prince")
        XCTAssertTrue(second.contains { if case .hint(1, _, _) = $0 { return true }; return false }, "\(second)")
        let third = try runner.submit("king")
        XCTAssertTrue(third.contains { if case .hint(2, _, _) = $0 { return true }; return false }, "\(third)")
        let fourth = try runner.submit("man")
        XCTAssertTrue(fourth.contains(.info("The solution is: king - man + woman")), "\(fourth)")
    }
}

/// Answers run in a sandbox: no file outside the lesson's folder and the bundled models.
final class SandboxTests: XCTestCase {
    func testAnswersCannotReadOrWriteFilesOutsideTheLessonsFolder() throws {
        let lesson = try bundledLesson("arithmetic")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog)
        for answer in [":load /etc/passwd", ":use /etc/passwd", "eval /etc/passwd", "train glove corpus=/etc/passwd dim=2",
                       ":use ../../../../../../etc/passwd", ":save /tmp/stolen.md", ":export /tmp/stolen.svg",
                       "train glove corpus=small-world dim=2 save=/tmp/stolen.embv", ":load collection /etc/passwd", #"search /etc/passwd "root""#] {
            let grade = try replay.grade(step: 0, answer: answer, language: .en).grade
            XCTAssertEqual(grade.outcome, .error, answer)
            let writes = answer.hasPrefix(":save") || answer.hasPrefix(":export") || answer.contains("save=")
            XCTAssertTrue(grade.error?.message.contains(writes ? "cannot write files" : "may only read files in the lesson's folder") ?? false,
                          "\(answer): \(String(describing: grade.error))")
        }
        // The bundled models stay usable.
        XCTAssertEqual(try replay.grade(step: 0, answer: ":use toy", language: .en).grade.outcome, .failed)
    }

    func testAnAnswerReadInTheLearnersSessionIsGradedAsReadWithItsFilesPlacedInTheLessonsFolder() throws {
        let lesson = try bundledLesson("arithmetic")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog)
        let learner = Session(catalog: Repo.catalog, model: try Repo.catalog.load("toy"))
        let reading = Result { try learner.bind("king - man + woman") }
        XCTAssertTrue(try replay.grade(step: 0, answer: "king - man + woman", reading: reading, language: .en).grade.passed)
        // A line that did not read is the answer's error, not read again.
        let failed = Result { try learner.bind("sim king") }
        let grade = try replay.grade(step: 0, answer: "sim king", reading: failed, language: .en).grade
        XCTAssertEqual(grade.outcome, .error)
        XCTAssertTrue(grade.error?.message.contains("sim takes") ?? false, "\(String(describing: grade.error))")
        // Read where the learner stands, a relative file is placed in the lesson's folder when graded.
        let relative = try learner.bind("eval ../../../../../../../../etc/passwd").bound(in: try replay.session(before: 0))
        XCTAssertEqual(relative.files.first?.path, (lesson.folder as NSString).appendingPathComponent("../../../../../../../../etc/passwd"))
        let outside = try replay.grade(step: 0, answer: "eval ../../../../../../../../etc/passwd",
                                       reading: Result { try learner.bind("eval ../../../../../../../../etc/passwd") }, language: .en).grade
        XCTAssertTrue(outside.error?.message.contains("may only read files in the lesson's folder") ?? false, "\(String(describing: outside.error))")
    }

    func testAnAnswerThatRunsTooLongIsStopped() throws {
        let lesson = try bundledLesson("glove")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog, limits: AnswerLimits(seconds: 0.05))
        let index = try XCTUnwrap(lesson.stepIndex(id: "train-beijing"))
        _ = try replay.session(before: index)   // the replay of earlier steps is not the answer's time
        for answer in ["train glove corpus=small-world dim=50 epochs=200", "train word2vec corpus=small-world dim=50 epochs=200"] {
            let started = Date()
            let grade = try replay.grade(step: index, answer: answer, language: .en).grade
            let elapsed = Date().timeIntervalSince(started)
            XCTAssertEqual(grade.outcome, .error, answer)
            XCTAssertTrue(grade.error?.message.contains("ran longer than") ?? false, "\(answer): \(String(describing: grade.error))")
            // The limit holds within a small margin: long loops look at the cancellation often.
            XCTAssertLessThan(elapsed, 1, "\(answer) was stopped only after \(elapsed) s")
        }
        // index compare's brute-force loop (thousands of queries over 400,000 words) stops too.
        let session = Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d"))
        _ = try session.evaluate("index build m=8 ef=50")
        let exercise = try XCTUnwrap(lesson.steps[index].exercise)
        let started = Date()
        let grade = exercise.grade("index compare queries=2000", in: session, language: .en, limits: AnswerLimits(seconds: 0.05))
        XCTAssertTrue(grade.error?.message.contains("ran longer than") ?? false, "\(String(describing: grade.error))")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }
}

/// The autograder: answers files as instructors collect them.
final class AnswerSheetTests: XCTestCase {
    func testCRLFAndABOMReadTheSameAndBadLinesBecomeWarnings() throws {
        let lesson = try bundledLesson("arithmetic")
        let sheet = AnswerSheet(text: "\u{FEFF}king-queen: king - man + woman\r\ncapitals: rome\r\n\r\nnonsense\r\nnope: x\r\ncapitals: milan\r\nexclusion: :set exclude off\r\n",
                                source: "a.txt", lesson: lesson)
        XCTAssertEqual(sheet.answers, ["king-queen": "king - man + woman", "capitals": "rome"])
        XCTAssertEqual(sheet.warnings, [
            "a.txt:4: no 'STEP-ID: answer' on this line; it was ignored",
            "a.txt:5: there is no step 'nope' in the lesson arithmetic; the line was ignored",
            "a.txt:6: 'capitals' is answered a second time; the first answer counts",
            "a.txt:7: the step 'exclusion' is not an exercise; the line was ignored",
        ])
    }

    func testPointsComeFromTheHeadingAndGradescopeGetsItsShape() throws {
        let lesson = Lesson(document: Document.parse("""
            ---
            id: points
            title: { en: Points, zh: 分数 }
            model: toy
            ---
            ## Dog | 狗 {#dog points=3 visibility=after_due_date}
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
            """), path: "points.md")
        XCTAssertEqual(lesson.steps[0].exercise?.points, 3)
        let report = LessonGrader(catalog: Repo.catalog).grade(lesson, sheet: AnswerSheet(text: "dog: 狗", source: "x", lesson: lesson), learner: "x")
        XCTAssertEqual(report.gradescope.timeless, .init(score: 3, max_score: 3, output: "", tests: [
            .init(name: "dog: Dog", score: 3, max_score: 3, status: "passed", output: "passed", visibility: "after_due_date")]))
        XCTAssertGreaterThan(report.gradescope.tests[0].execution_time, 0, "the time the grading took, in seconds")
        XCTAssertEqual(report.gradescope.execution_time, report.gradescope.tests[0].execution_time, accuracy: 0.002)
        let json = String(decoding: try JSONEncoder().encode(report.gradescope), as: UTF8.self)
        for key in ["\"visibility\":\"after_due_date\"", "\"visibility\":\"visible\"", "\"execution_time\":"] {
            XCTAssertTrue(json.contains(key), "results.json has \(key): \(json)")
        }
        let wrong = Lesson(document: Document.parse("---\nid: v\nmodel: toy\n---\n## Dog {#dog visibility=secret}\n::: en\nx\n:::\n```embedlab\nnear 猫\n```\n```check\nnearest is 狗\n```\n"), path: "v.md")
        XCTAssertTrue(wrong.problems.contains { $0.contains("unknown heading attribute 'visibility=secret'") && $0.contains("visible|hidden|after_due_date") }, "\(wrong.problems)")
    }

    func testTheGradebookIsCSVWithOneRowPerLearner() throws {
        let lesson = try bundledLesson("arithmetic")
        let grader = LessonGrader(catalog: Repo.catalog)
        let reports = [
            grader.grade(lesson, sheet: AnswerSheet(text: "king-queen: queen\ncapitals: rome\n", source: "a", lesson: lesson), learner: "ana"),
            grader.grade(lesson, sheet: AnswerSheet(text: "capitals: milan\n", source: "b", lesson: lesson), learner: "=cmd|' /C calc'!A0, \"bo\""),
        ]
        let rows = GradeReport.csv(reports).components(separatedBy: "\r\n")
        XCTAssertEqual(rows[0], "learner,king-queen,capitals,beijing-paris,apple-company,antonyms,total,max")
        XCTAssertEqual(rows[1], "ana,1,1,0,0,0,2,5")
        XCTAssertEqual(rows[2], "\"'=cmd|' /C calc'!A0, \"\"bo\"\"\",0,0,0,0,0,0,5", "quoted, and never a spreadsheet formula")
        XCTAssertEqual(rows.count, 4, "CRLF after every row")
    }
}

/// `embedlab lesson grade` as an instructor runs it.
final class GradeCommandTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) { try Self.run(arguments) }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("embedlab").path
        let path = FileManager.default.isExecutableFile(atPath: binary) ? binary : Repo.path(".build/debug/embedlab")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.currentDirectoryURL = Repo.root
        p.environment = ["PATH": "/usr/bin:/bin", "EMBEDLAB_VECTORS": Repo.path("vectors"), "HOME": temporaryDirectory()]
        let out = Pipe()
        p.standardOutput = out
        // Standard error to a file, so that only one pipe is read and neither fills up.
        let errPath = temporaryDirectory() + "/stderr"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    func testAFolderOfThreeLearnersWithFailUnderAndGradescope() throws {
        let dir = temporaryDirectory()
        try "king-queen: queen\ncapitals: rome\nbeijing-paris: paris\napple-company: yes\nantonyms: yes\n".write(toFile: dir + "/ana.txt", atomically: true, encoding: .utf8)
        try "king-queen: king - man + woman\r\ncapitals: milan\r\n".write(toFile: dir + "/bo.txt", atomically: true, encoding: .utf8)
        try "king-queen: :load /etc/passwd\n".write(toFile: dir + "/cy.txt", atomically: true, encoding: .utf8)
        let lesson = Repo.path("lessons/03-arithmetic.md")
        let all = try run(["lesson", "grade", lesson, "--answers", dir])
        XCTAssertEqual(all.status, 0)
        let reports = try JSONDecoder().decode([GradeReport].self, from: Data(all.out.utf8))
        XCTAssertEqual(reports.map(\.learner), ["ana", "bo", "cy"])
        XCTAssertEqual(reports.map(\.score), [5, 1, 0])
        XCTAssertEqual(reports[2].exercises[0].outcome, .error, "a refused file is an error, not a wrong answer")
        XCTAssertFalse(all.out.contains("root:"), "nothing of /etc/passwd reaches the report")
        XCTAssertEqual(try run(["lesson", "grade", lesson, "--answers", dir, "--fail-under", "50"]).status, 1)
        XCTAssertEqual(try run(["lesson", "grade", lesson, "--answers", dir + "/ana.txt", "--fail-under", "100"]).status, 0)
        let scope = try run(["lesson", "grade", lesson, "--answers", dir + "/bo.txt", "--format", "gradescope"])
        let results = try JSONDecoder().decode(GradeReport.Gradescope.self, from: Data(scope.out.utf8))
        XCTAssertEqual(results.score, 1)
        XCTAssertEqual(results.max_score, 5)
        XCTAssertEqual(results.tests.map(\.status), ["passed", "failed", "failed", "failed", "failed"])

        // Gradescope and otter-grader read one results.json per submission: a folder writes one per learner.
        XCTAssertEqual(try run(["lesson", "grade", lesson, "--answers", dir, "--format", "gradescope"]).status, 64, "a folder needs --output")
        let out = temporaryDirectory() + "/results"
        let written = try run(["lesson", "grade", lesson, "--answers", dir, "--format", "gradescope", "--output", out])
        XCTAssertEqual(written.status, 0, written.out)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["ana.results.json", "bo.results.json", "cy.results.json"])
        let scores = try ["ana", "bo", "cy"].map { learner in
            try JSONDecoder().decode(GradeReport.Gradescope.self, from: Data(contentsOf: URL(fileURLWithPath: "\(out)/\(learner).results.json"))).score
        }
        XCTAssertEqual(scores, [5, 1, 0])
        XCTAssertEqual(written.out.split(separator: "\n").count, 3, written.out)
        // One answers file: the one results.json Gradescope's autograder expects.
        let single = temporaryDirectory()
        XCTAssertEqual(try run(["lesson", "grade", lesson, "--answers", dir + "/bo.txt", "--format", "gradescope", "--output", single, "--fail-under", "50"]).status, 1)
        XCTAssertEqual(try JSONDecoder().decode(GradeReport.Gradescope.self, from: Data(contentsOf: URL(fileURLWithPath: single + "/results.json"))).timeless, results.timeless)

        // A gradebook for the class; an upper-case ANSWERS.TXT is an answers file, anything else is named and skipped.
        try "capitals: rome\n".write(toFile: dir + "/DEE.TXT", atomically: true, encoding: .utf8)
        try "not answers".write(toFile: dir + "/notes.pdf", atomically: true, encoding: .utf8)
        let book = try run(["lesson", "grade", lesson, "--answers", dir, "--format", "csv"])
        XCTAssertEqual(book.status, 0)
        XCTAssertEqual(book.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }, [
            "learner,king-queen,capitals,beijing-paris,apple-company,antonyms,total,max",
            "DEE,0,1,0,0,0,1,5", "ana,1,1,1,1,1,5,5", "bo,1,0,0,0,0,1,5", "cy,0,0,0,0,0,0,5"])
        XCTAssertTrue(book.err.contains("notes.pdf is not an answers file (*.txt): skipped"), book.err)
        let bookFolder = temporaryDirectory()
        XCTAssertEqual(try run(["lesson", "grade", lesson, "--answers", dir, "--format", "csv", "--output", bookFolder]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: bookFolder + "/gradebook.csv", encoding: .utf8).hasPrefix("learner,king-queen,"))
    }

    func testCheckFailsANotebookWithNoCellsAndOneWhoseCellFails() throws {
        let dir = temporaryDirectory()
        try "---\ntitle: Nothing\n---\n\n# Just prose\n".write(toFile: dir + "/empty.md", atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["check", dir + "/empty.md"]).status, 1)
        try "```embedlab\n> sim cat dogz\n```\n".write(toFile: dir + "/fails.md", atomically: true, encoding: .utf8)
        let fails = try run(["check", dir + "/fails.md"])
        XCTAssertEqual(fails.status, 1)
        XCTAssertTrue(fails.out.contains("fails.md:2: 'sim cat dogz' fails: 'dogz' is not in the vocabulary"), fails.out)
        try "---\nid: x\nmodle: toy\n---\n```embedlab\n> sim cat dog\n```\n".write(toFile: dir + "/typo.md", atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["check", dir + "/typo.md"]).status, 1, "an unknown front-matter key is an error")
    }
}

/// Issue 25: one learner's bad answers file is that learner's error result; the class goes on, and
/// no report replaces a link, pipe or folder in the output folder.
final class GradeClassGoesOnTests: XCTestCase {
    func testBadAnswersFilesAndBadOutputNamesNeverStopTheBatch() throws {
        let dir = temporaryDirectory()
        let good = "king-queen: queen\ncapitals: rome\nbeijing-paris: paris\napple-company: yes\nantonyms: yes\n"
        for learner in ["ana", "bo", "cy"] { try good.write(toFile: "\(dir)/\(learner).txt", atomically: true, encoding: .utf8) }
        FileManager.default.createFile(atPath: dir + "/junk.txt", contents: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        XCTAssertEqual(mkfifo(dir + "/fifo.txt", 0o600), 0)
        try FileManager.default.createDirectory(atPath: dir + "/x.txt", withIntermediateDirectories: false)
        XCTAssertEqual(symlink("/dev/zero", dir + "/zero.txt"), 0)
        XCTAssertEqual(symlink(dir + "/ana.txt", dir + "/copycat.txt"), 0)
        FileManager.default.createFile(atPath: dir + "/big.txt", contents: nil)
        XCTAssertEqual(truncate(dir + "/big.txt", 17 << 20), 0)
        try ("king-queen: " + String(repeating: "q", count: 70_000) + "\n").write(toFile: dir + "/long.txt", atomically: true, encoding: .utf8)
        let latin1: [CChar] = Array((dir + "/caf").utf8CString.dropLast()) + [CChar(bitPattern: 0xE9), 0x2E, 0x74, 0x78, 0x74, 0]
        let fd = open(latin1, O_WRONLY | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)

        let out = temporaryDirectory()
        let victim = out + "/victim"
        try "precious".write(toFile: victim, atomically: true, encoding: .utf8)
        XCTAssertEqual(mkfifo(out + "/bo.results.json", 0o600), 0)
        XCTAssertEqual(symlink(victim, out + "/cy.results.json"), 0)
        try FileManager.default.createDirectory(atPath: out + "/junk.results.json", withIntermediateDirectories: false)

        let graded = try GradeCommandTests.run(["lesson", "grade", Repo.path("lessons/03-arithmetic.md"), "--answers", dir,
                                                  "--format", "gradescope", "--output", out])
        XCTAssertEqual(graded.status, 1, "some learners failed: " + graded.out)
        let ana = try JSONDecoder().decode(GradeReport.Gradescope.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/ana.results.json")))
        XCTAssertEqual(ana.score, 5)
        for learner in ["fifo", "x", "zero", "copycat", "big", "long"] {
            let report = try JSONDecoder().decode(GradeReport.Gradescope.self,
                                                  from: Data(contentsOf: URL(fileURLWithPath: "\(out)/\(learner).results.json")))
            XCTAssertEqual(report.score, 0, learner)
            XCTAssertTrue(report.tests.allSatisfy { $0.status == "failed" && $0.output.contains("could not be read") }, "\(learner): \(report)")
        }
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: out).contains { $0.hasPrefix("caf") && $0.hasSuffix(".results.json") },
                      "the learner whose file name is not UTF-8 has a report too")
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious", "a link at a report's name is never followed")
        var st = stat()
        XCTAssertEqual(lstat(out + "/bo.results.json", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "a pipe at a report's name is left alone")
        XCTAssertEqual(lstat(out + "/cy.results.json", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(lstat(out + "/junk.results.json", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFDIR)
    }
}

/// Issue 25: the sandbox decides before anything about a path is examined, and no answer reaches
/// another learner's answers or the grader's output, even inside the lesson's folder.
final class SandboxDecidesFirstTests: XCTestCase {
    func testEveryRefusedPathReadsTheSame() throws {
        let lesson = try bundledLesson("arithmetic")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog)
        let dir = temporaryDirectory()
        XCTAssertEqual(mkfifo(dir + "/pipe", 0o600), 0)
        FileManager.default.createFile(atPath: dir + "/huge", contents: nil)
        XCTAssertEqual(truncate(dir + "/huge", 20 << 30), 0)
        var messages: Set<String> = []
        for target in ["/etc", dir + "/missing", dir + "/pipe", dir + "/huge", "/etc/passwd"] {
            for command in [":use", ":load"] {
                let grade = try replay.grade(step: 0, answer: "\(command) \(target)", language: .en).grade
                let message = try XCTUnwrap(grade.error?.message, "\(command) \(target)").replacingOccurrences(of: target, with: "PATH")
                XCTAssertFalse(message.contains("folder,") || message.contains("no such") || message.contains("bytes") || message.contains("pipe"),
                               "\(command) \(target): \(message)")
                messages.insert(message)
            }
        }
        XCTAssertEqual(messages.count, 1, "\(messages)")
    }

    func testAnAnswerCannotReadAnotherLearnersAnswersInsideTheLessonsFolder() throws {
        let course = temporaryDirectory()
        try FileManager.default.copyItem(atPath: Repo.path("lessons/03-arithmetic.md"), toPath: course + "/arithmetic.md")
        try FileManager.default.createDirectory(atPath: course + "/answers", withIntermediateDirectories: true)
        try "king-queen: secret-bob-answer\n".write(toFile: course + "/answers/bob.txt", atomically: true, encoding: .utf8)
        try "king-queen: :use \(course)/answers/bob.txt\n".write(toFile: course + "/answers/mallory.txt", atomically: true, encoding: .utf8)
        try "king-queen: :use answers/bob.txt\n".write(toFile: course + "/answers/eve.txt", atomically: true, encoding: .utf8)
        let graded = try GradeCommandTests.run(["lesson", "grade", course + "/arithmetic.md", "--answers", course + "/answers"])
        let reports = try JSONDecoder().decode([GradeReport].self, from: Data(graded.out.utf8))
        for learner in ["mallory", "eve"] {
            let report = try XCTUnwrap(reports.first { $0.learner == learner })
            let feedback = report.exercises[0].feedback ?? ""
            XCTAssertFalse(feedback.contains("secret-bob"), "\(learner) sees Bob's answer: \(feedback)")
            XCTAssertTrue(feedback.contains("may only read files"), "\(learner): \(feedback)")
        }
    }
}

/// Issue 25: the grader's time limit holds for the lesson's earlier cells it replays, too.
final class ReplayTimeLimitTests: XCTestCase {
    func testAHeavyEarlierCellIsStoppedByTheTimeLimit() throws {
        let lesson = Lesson(document: Document.parse("""
            ---
            id: heavy
            title: Heavy
            model: toy
            ---
            ## Train | 训练 {#train}
            ::: en
            Train a big model.
            :::
            ::: zh
            训练。
            :::
            ```embedlab
            train word2vec corpus=small-world dim=300 epochs=1000 window=20 negative=20 name=big
            ```
            ## Dog | 狗 {#dog}
            ::: en
            Which word is nearest to 猫?
            :::
            ::: zh
            离猫最近的词？
            :::
            ```embedlab
            :use toy
            near 猫
            ```
            ```check
            answer 狗 dog
            nearest is 狗
            ```

            """), path: temporaryDirectory() + "/heavy.md")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog, limits: AnswerLimits(seconds: 1))
        let start = Date()
        _ = try replay.grade(step: 1, answer: "狗", language: .en)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "the earlier training cell ran without a limit")
    }
}

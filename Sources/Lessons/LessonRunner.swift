import FileAccess
import Workbench

/// Walks a learner through a lesson: presents steps, runs demo cells one Enter at a time,
/// grades exercise answers, climbs the hint ladder, and saves progress after every change.
/// It knows nothing of terminals: it returns `LessonOutput`s for the REPL (or a test) to show.
public final class LessonRunner {
    public let lesson: Lesson
    public let session: Session
    public var language: Language
    let store: ProgressStore
    public private(set) var stepIndex: Int
    private var demoIndex = 0
    private var hintIndex = 0

    /// What the runner has to show.
    public enum Output: Equatable {
        case step(number: Int, of: Int, title: String, prose: String, isExercise: Bool)
        /// A command about to run, then its value or error.
        case ran(input: String, result: Result)
        case feedback(passed: Bool, messages: [String])
        case hint(number: Int, of: Int, text: String)
        case info(String)
        case finished(String)

        public enum Result: Equatable { case value(Value), error(WorkbenchError) }
    }

    /// Grades answers in a session replayed from the lesson's start (see `LessonReplay`).
    public let replay: LessonReplay
    /// This visit of the current step: solved yet, wrong tries so far.
    private var solvedThisVisit = false
    private var wrongTries = 0

    /// Starts or resumes `lesson` at its saved step.
    public init(lesson: Lesson, session: Session, store: ProgressStore, language: Language) throws {
        // `modle: toy` would silently start on the default model: refused, naming the key.
        if let problem = lesson.frontMatterProblems(in: language).first { throw WorkbenchError(problem, hint: language.text(.lessonSeeFormat)) }
        guard !lesson.steps.isEmpty else {
            throw WorkbenchError("the lesson \(lesson.id) has no steps", hint: "each step starts with a '## Title | 标题 {#id}' heading")
        }
        // The steps and model of the learner's language (`lang=` steps, `model: { en: …, zh: … }`).
        let lesson = lesson.inLanguage(language)
        self.lesson = lesson
        self.session = session
        self.store = store
        self.language = language
        replay = LessonReplay(lesson: lesson, catalog: session.catalog,
                              limits: AnswerLimits(seconds: nil, sandbox: AnswerSandbox(roots: [lesson.folder], catalog: session.catalog)),
                              cancellation: session.cancellation)
        let saved = store.progress(of: lesson.id)
        stepIndex = saved.current.flatMap { lesson.stepIndex(id: $0) } ?? 0
        if saved.finished { stepIndex = 0 }
        try restoreState()
        try store.update(lesson.id) { $0.current = lesson.steps[stepIndex].id; $0.finished = false }
    }

    /// Puts the session where the lesson has it at the current step: its model, default
    /// settings, then what earlier steps set up (models, settings, variables), replayed silently.
    /// Used when resuming mid-lesson and when going back.
    func restoreState() throws {
        replay.onProgress = session.onProgress
        replay.language = language
        let prepared = try replay.session(before: stepIndex)
        // A lesson starts from the default settings; said as a `:set` line, so the notebook resets too.
        if let reset = session.settings.line(toReach: Settings()) { _ = try? session.evaluate(reset) }
        session.settings = Settings()
        LessonReplay.transferState(from: prepared, to: session)
        // The learner's notebook records what put the session here, so that `:save` then `check` replays it.
        session.record(replay.setupCells)
    }

    public var step: LessonStep { lesson.steps[stepIndex] }
    public var isFinished: Bool { store.progress(of: lesson.id).finished }

    /// For the prompt: "arithmetic 3/7".
    public var position: String { "\(lesson.id) \(stepIndex + 1)/\(lesson.steps.count)" }

    /// An exercise grades what is typed until it is solved in this visit (a step revisited with
    /// :back, or a lesson taken again, is graded again).
    var isAwaitingAnswer: Bool { step.exercise != nil && !solvedThisVisit }

    /// Solved or skipped in an earlier visit: Enter may go on without answering again.
    var wasSolvedBefore: Bool {
        let p = store.progress(of: lesson.id)
        return p.completed.contains(step.id) || p.skipped.contains(step.id)
    }

    /// Shows the current step.
    public func present() -> [Output] {
        demoIndex = 0
        hintIndex = 0
        wrongTries = 0
        solvedThisVisit = false
        let s = step
        var out: [Output] = [.step(number: stepIndex + 1, of: lesson.steps.count, title: s.title(in: language),
                                   prose: s.prose[language] ?? s.prose[.en] ?? "", isExercise: s.exercise != nil)]
        if s.exercise != nil {
            out.append(.info(language.text(.lessonTypeAnswer)))
        } else if !s.demo.isEmpty {
            out.append(.info(language.text(.lessonPressEnterToRun, ["line": s.demo[0]])))
        } else {
            out.append(.info(language.text(.lessonPressEnter)))
        }
        return out
    }

    /// Enter on an empty line: the next demo cell, or the next step.
    public func enter() throws -> [Output] {
        if demoIndex < step.demo.count {
            let line = step.demo[demoIndex]
            demoIndex += 1
            var out = [run(line, fromLesson: true)]
            if demoIndex < step.demo.count {
                out.append(.info(language.text(.lessonPressEnterToRun, ["line": step.demo[demoIndex]])))
            } else {
                out.append(.info(language.text(.lessonPressEnter)))
            }
            return out
        }
        if isAwaitingAnswer && !wasSolvedBefore {
            return [.info(language.text(.lessonWaitsForAnswer))]
        }
        return try advance()
    }

    /// A line the learner typed: graded if the step is an exercise, else simply evaluated.
    /// A wrong answer is told what kind of thing is wrong; from the second wrong try on, each
    /// one also climbs the hint ladder; when the ladder is used up, the solution is shown.
    ///
    /// `reading` is the line as the learner's session read it once (`Session.bind`: the REPL reads
    /// every line so, to route it); the runner and the grader use that reading, never the text
    /// again. Without one, it is read here.
    public func submit(_ line: String, reading: Result<BoundLine, Error>? = nil) throws -> [Output] {
        let reading = reading ?? Result { try session.bind(line) }
        guard isAwaitingAnswer, let exercise = step.exercise else { return [run(line, reading: reading)] }
        replay.onProgress = session.onProgress
        let (grade, graded) = try replay.grade(step: stepIndex, answer: line, reading: reading, language: language)
        var out: [Output] = []
        // A command answer ran in the grading session: the learner's notebook records it when its
        // value is what the learner's session now holds too (it passed, or it changed nothing).
        if let e = grade.evaluation, grade.passed || !e.bound.changesState {
            session.record([Session.Cell(input: line, outcome: .value(e.value))])
        }
        if !grade.answeredPlainly {
            if let e = grade.evaluation { out.append(.ran(input: line, result: .value(e.value))) }
            else if let error = grade.error { out.append(.ran(input: line, result: .error(error))) }
        }
        guard grade.passed else {
            wrongTries += 1
            out.append(.feedback(passed: false, messages: [grade.feedback ?? language.text(.lessonNotYet)]))
            if wrongTries >= 2 {
                let ladder = exercise.hints(in: language)
                if hintIndex < ladder.count { out += hint() } else if exercise.gradePlainly(exercise.solution, commands: session.commands, language: language) != nil {
                    // A solution that is the answer itself (129, 0.908) is shown only when the learner asks, with :skip.
                    out.append(.info(language.text(.lessonLastHint)))
                } else {
                    out.append(.info(language.text(.lessonSolutionIs, ["solution": exercise.solution])))
                }
            }
            return out
        }
        solvedThisVisit = true
        try store.update(lesson.id) { if !$0.completed.contains(step.id) { $0.completed.append(step.id) } }
        out.append(.feedback(passed: true, messages: [language.text(.lessonCorrect)]))
        if grade.answeredPlainly {
            // Show the computation behind the answer; it also leaves the session as the lesson expects.
            // A solution that is the answer itself (0.908) computes nothing: "0.908 = 0.9080" is not shown.
            if exercise.gradePlainly(exercise.solution, commands: session.commands, language: language) == nil {
                out.append(.info(language.text(.lessonComputed)))
                out.append(run(exercise.solution, fromLesson: true))
            }
        } else if let e = grade.evaluation, e.bound.changesState {
            LessonReplay.transferState(from: graded, to: session)
        }
        return out + (try advance())
    }

    /// The next rung of the hint ladder.
    public func hint() -> [Output] {
        guard let exercise = step.exercise else {
            return [.info(language.text(.lessonNoExercise))]
        }
        let ladder = exercise.hints(in: language)
        guard !ladder.isEmpty else { return [.info(language.text(.lessonNoHints))] }
        guard hintIndex < ladder.count else {
            return [.info(language.text(.lessonLastHint))]
        }
        hintIndex += 1
        return [.hint(number: hintIndex, of: ladder.count, text: ladder[hintIndex - 1])]
    }

    /// Shows and runs the solution, marks the step skipped, and moves on.
    public func skip() throws -> [Output] {
        guard let exercise = step.exercise else { return try advance() }
        var out: [Output] = [.info(language.text(.lessonSolution))]
        out.append(run(exercise.solution, fromLesson: true))
        try store.update(lesson.id) { if !$0.completed.contains(step.id) && !$0.skipped.contains(step.id) { $0.skipped.append(step.id) } }
        solvedThisVisit = true
        return out + (try advance())
    }

    /// Back to the previous step.
    public func back() throws -> [Output] {
        guard stepIndex > 0 else { return [.info(language.text(.lessonFirstStep))] }
        stepIndex -= 1
        try restoreState()
        try store.update(lesson.id) { $0.current = step.id }
        return present()
    }

    func advance() throws -> [Output] {
        guard stepIndex + 1 < lesson.steps.count else {
            try store.update(lesson.id) { $0.finished = true; $0.current = nil }
            let p = store.progress(of: lesson.id)
            return [.finished(language.text(.lessonFinished, ["solved": "\(p.completed.count)", "skipped": "\(p.skipped.count)"]))]
        }
        stepIndex += 1
        try store.update(lesson.id) { $0.current = step.id }
        return present()
    }

    /// Runs a line in the learner's session. A line the lesson supplies (a demo cell, a solution)
    /// is untrusted content: it runs under the lesson's sandbox, reading only the lesson's folder
    /// and the bundled models, whatever session it runs in. What the learner types keeps the
    /// learner's own access (answers to exercises are graded in the sandboxed replay).
    func run(_ line: String, fromLesson: Bool = false, reading: Result<BoundLine, Error>? = nil) -> Output {
        // A relative file name in a lesson's line starts in the lesson's folder.
        let folder = session.fileFolder
        session.fileFolder = lesson.folder
        defer { session.fileFolder = folder }
        let policy = fromLesson ? replay.limits.sandbox?.policy : nil
        do {
            // A line the learner typed was read once already; its files are placed in the lesson's folder.
            let session = self.session
            let evaluate = { try reading.map { try session.evaluate(line, reading: $0.map { $0.bound(in: session) }) } ?? session.evaluate(line) }
            let value = try policy.map { p in try p.apply { try evaluate().value } } ?? evaluate().value
            return .ran(input: line, result: .value(value))
        } catch let e as WorkbenchError {
            return .ran(input: line, result: .error(e))
        } catch {
            return .ran(input: line, result: .error(WorkbenchError("\(error)")))
        }
    }
}

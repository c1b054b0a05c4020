import Foundation
import Workbench

/// The grade of one answer to one exercise: passed, failed (a wrong answer) or error (the
/// command did not run: a typo, a refused file, the time limit), each check's result, and the
/// one message the learner sees first.
public struct ExerciseGrade: Equatable, Sendable {
    public enum Outcome: String, Codable, Sendable { case passed, failed, error }

    /// One check line and how it went, for reports.
    public struct CheckOutcome: Codable, Equatable, Sendable {
        public var check: String
        public var passed: Bool
        public var message: String?
    }

    public var outcome: Outcome
    /// True when the answer was given as a plain word, number or yes/no rather than a command.
    public var answeredPlainly: Bool
    /// What the command computed (nil for plain answers and errors).
    public var evaluation: Session.Evaluation?
    public var error: WorkbenchError?
    public var checks: [CheckOutcome]
    /// What the learner is told: the most telling failure, or the error.
    public var feedback: String?

    public var passed: Bool { outcome == .passed }
}

/// Limits an answer runs under while it is graded.
public struct AnswerLimits: Sendable {
    /// Seconds an answer may run before it is stopped (nil: no limit, e.g. a learner who can press Ctrl-C).
    public var seconds: Double?
    public var sandbox: AnswerSandbox?

    public init(seconds: Double? = 60, sandbox: AnswerSandbox? = nil) {
        self.seconds = seconds
        self.sandbox = sandbox
    }
}

extension Exercise {
    /// Grades `answer` in `session`, which must stand where the lesson stands at this step
    /// (`LessonReplay` builds it). A question's plain answer is read first (`answer` lines);
    /// anything else runs as a command, inside the sandbox and the time limit, and its value
    /// must pass every check.
    ///
    /// `reading` is the answer as the learner's session read it (`Session.bind`, in the REPL): it is
    /// not read again, only moved to the grading session (`BoundLine.bound(in:)`). Without one (a
    /// lesson's solutions and rejects, `lesson grade`), the answer is read here, with this session's table.
    public func grade(_ answer: String, reading: Result<BoundLine, Error>? = nil, in session: Session, language: Language,
                      limits: AnswerLimits) -> ExerciseGrade {
        if let grade = gradePlainly(answer, commands: session.commands, language: language) { return grade }
        let bound: BoundLine
        do {
            bound = try reading.map { try $0.get().bound(in: session) } ?? session.bind(answer)
            try limits.sandbox?.allow(bound)
        } catch {
            return errorGrade(error, language: language)
        }
        let evaluation: Session.Evaluation
        let timer = limits.seconds.map { Deadline(seconds: $0, cancellation: session.cancellation) }
        let result = Result { try session.evaluate(bound) }
        timer?.cancel()
        if let timer, timer.fired {
            session.cancellation.reset()
            return errorGrade(WorkbenchError("this answer ran longer than \(Check.format(timer.seconds)) seconds and was stopped",
                                             hint: "a shorter computation answers this step"), language: language)
        }
        switch result {
        case .success(let e): evaluation = e
        case .failure(let error): return errorGrade(error, language: language)
        }
        // A wrong kind of value says so first; then a wrong command; then the rest.
        let results = checks.map { ($0, $0.grade(evaluation, language: language)) }
        let outcomes = results.map { check, result -> ExerciseGrade.CheckOutcome in
            if case .failed(let m) = result { return .init(check: check.source, passed: false, message: m) }
            return .init(check: check.source, passed: true, message: nil)
        }
        let failed = results.filter { !$0.1.passed }
        guard !failed.isEmpty else {
            // A question is answered by its answer: a computation shows it (yes/no), or must show the word asked for first.
            if let refusal = commandRefusal(evaluation.value, language: language) {
                return ExerciseGrade(outcome: .failed, answeredPlainly: false, evaluation: evaluation, error: nil,
                                     checks: outcomes + [.init(check: "answer", passed: false, message: refusal)], feedback: refusal)
            }
            return ExerciseGrade(outcome: .passed, answeredPlainly: false, evaluation: evaluation, error: nil, checks: outcomes, feedback: nil)
        }
        let first = failed.first { $0.0.isAboutType } ?? failed.first { $0.0.isAboutCommand } ?? failed[0]
        var feedback: String?
        if case .failed(let m) = first.1 { feedback = m }
        // A question answered with a command of the wrong type: remind the learner of the plain answer.
        if let own = mistakes.first(where: { $0.matches(evaluation.value) }) { feedback = own.message[language] ?? own.message[.en] ?? feedback }
        if !answers.isEmpty, first.0.isAboutType || (first.0.isAboutCommand && checks.allSatisfy({ !$0.isAboutType })) {
            feedback = language.text(.feedbackThenReminder, ["feedback": feedback ?? "", "reminder": plainAnswerReminder(language)])
        }
        return ExerciseGrade(outcome: .failed, answeredPlainly: false, evaluation: evaluation, error: nil, checks: outcomes, feedback: feedback)
    }

    func errorGrade(_ error: Error, language: Language) -> ExerciseGrade {
        let e = error as? WorkbenchError ?? WorkbenchError("\(error)")
        return ExerciseGrade(outcome: .error, answeredPlainly: false, evaluation: nil, error: e,
                             checks: checks.map { .init(check: $0.source, passed: false, message: nil) },
                             feedback: language.text(.answerDidNotRun, ["message": e.message]))
    }
}

/// Requests cancellation when a time limit runs out.
final class Deadline: @unchecked Sendable {
    final class State: @unchecked Sendable {
        let lock = NSLock()
        var fired = false
    }
    let seconds: Double
    private let state: State
    private let item: DispatchWorkItem

    init(seconds: Double, cancellation: Cancellation) {
        self.seconds = seconds
        let state = State()
        self.state = state
        item = DispatchWorkItem {
            state.lock.lock(); state.fired = true; state.lock.unlock()
            cancellation.request()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
    }

    var fired: Bool { state.lock.lock(); defer { state.lock.unlock() }; return state.fired }
    func cancel() { item.cancel() }
}

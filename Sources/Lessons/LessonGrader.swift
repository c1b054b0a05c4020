import Foundation
import Embeddings
import Workbench

/// Grades a learner's answers to a lesson, for an instructor. Each answer is graded on its own,
/// in a session replayed from the lesson's start (`LessonReplay`), inside the sandbox and a time
/// limit, so that no answer can change another's grade.
///
///     let sheet = AnswerSheet(text: "king-queen: king - man + woman", source: "ana.txt", lesson: lesson)
///     let report = LessonGrader(catalog: catalog).grade(lesson, sheet: sheet, learner: "ana")
///     report.score       // points earned;  report.percent: 0–100
public struct LessonGrader: Sendable {
    public let catalog: ModelCatalog
    /// Seconds one answer may run.
    public var secondsPerAnswer: Double

    public init(catalog: ModelCatalog, secondsPerAnswer: Double = 60) {
        self.catalog = catalog
        self.secondsPerAnswer = secondsPerAnswer
    }

    public func grade(_ lesson: Lesson, sheet: AnswerSheet, learner: String, language: Language = .en) -> GradeReport {
        let replay = LessonReplay(lesson: lesson, catalog: catalog,
                                  limits: AnswerLimits(seconds: secondsPerAnswer, sandbox: AnswerSandbox(roots: [lesson.folder], catalog: catalog)))
        var exercises: [GradeReport.Exercise] = []
        for (index, step) in lesson.steps.enumerated() {
            guard let exercise = step.exercise else { continue }
            var entry = GradeReport.Exercise(step: step.id, title: step.title(in: language), points: 0, maxPoints: exercise.points,
                                             outcome: .unanswered, answer: sheet.answers[step.id], feedback: nil, checks: [])
            if let answer = sheet.answers[step.id] {
                do {
                    let grade = try replay.grade(step: index, answer: answer, language: language).grade
                    entry.outcome = GradeReport.Outcome(grade.outcome)
                    entry.points = grade.passed ? exercise.points : 0
                    entry.feedback = grade.feedback
                    entry.checks = grade.checks
                } catch {
                    entry.outcome = .error
                    entry.feedback = "\(error)"
                }
            }
            exercises.append(entry)
        }
        return GradeReport(lesson: lesson.id, learner: learner, exercises: exercises, warnings: sheet.warnings)
    }
}

/// One learner's grade for one lesson: what `embedlab lesson grade` prints as JSON.
public struct GradeReport: Codable, Equatable, Sendable {
    /// passed; failed (a wrong answer); error (the answer did not run: a typo, a refused file,
    /// the time limit); unanswered.
    public enum Outcome: String, Codable, Sendable {
        case passed, failed, error, unanswered
        init(_ o: ExerciseGrade.Outcome) {
            switch o { case .passed: self = .passed; case .failed: self = .failed; case .error: self = .error }
        }
    }

    public struct Exercise: Codable, Equatable, Sendable {
        public var step: String
        public var title: String
        public var points: Int
        public var maxPoints: Int
        public var outcome: Outcome
        public var answer: String?
        public var feedback: String?
        public var checks: [ExerciseGrade.CheckOutcome]
    }

    public var lesson: String
    public var learner: String
    public var score: Int
    public var maxScore: Int
    /// score / maxScore × 100 (100 for a lesson worth nothing).
    public var percent: Double
    public var exercises: [Exercise]
    public var warnings: [String]

    public init(lesson: String, learner: String, exercises: [Exercise], warnings: [String]) {
        self.lesson = lesson
        self.learner = learner
        self.exercises = exercises
        self.warnings = warnings
        score = exercises.map(\.points).reduce(0, +)
        maxScore = exercises.map(\.maxPoints).reduce(0, +)
        percent = maxScore == 0 ? 100 : (Double(score) / Double(maxScore) * 1000).rounded() / 10
    }

    /// The `results.json` shape Gradescope's autograder (and otter-grader) read:
    /// `{ "score", "max_score", "output", "tests": [{ "name", "score", "max_score", "status", "output" }] }`.
    public struct Gradescope: Codable, Equatable, Sendable {
        public struct Test: Codable, Equatable, Sendable {
            public var name: String
            public var score: Int
            public var max_score: Int
            public var status: String
            public var output: String
        }
        public var score: Int
        public var max_score: Int
        public var output: String
        public var tests: [Test]
    }

    public var gradescope: Gradescope {
        Gradescope(score: score, max_score: maxScore, output: warnings.joined(separator: "\n"), tests: exercises.map { e in
            let output: String
            switch e.outcome {
            case .passed: output = "passed"
            case .unanswered: output = "no answer"
            case .failed, .error: output = (e.answer.map { "answer: \($0)\n" } ?? "") + (e.feedback ?? e.outcome.rawValue)
            }
            return .init(name: "\(e.step): \(e.title)", score: e.points, max_score: e.maxPoints,
                         status: e.outcome == .passed ? "passed" : "failed", output: output)
        })
    }
}

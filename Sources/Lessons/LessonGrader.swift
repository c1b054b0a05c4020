import FileAccess
import Foundation
import Embeddings
import FileAccess
import Workbench
#if canImport(Glibc)
import Glibc
#endif

/// Grades a learner's answers to a lesson, for an instructor. Each answer is graded on its own,
/// in a session replayed from the lesson's start (`LessonReplay`), inside the sandbox and a time
/// limit, so that no answer can change another's grade.
///
///     let sheet = AnswerSheet(text: "king-queen: king - man + woman", source: "ana.txt", lesson: lesson)
///     let report = LessonGrader(catalog: catalog).grade(lesson, sheet: sheet, learner: "ana")
///     report.score       // points earned;  report.percent: 0–100
public struct LessonGrader: Sendable {
    public let catalog: ModelCatalog
    /// Seconds one answer may run (nil: no limit).
    public var secondsPerAnswer: Double?
    /// Folders no answer may read even inside the lesson's folder: the learners' answers and the
    /// grader's output (so that no answer can show another learner's).
    public var excludedFolders: [String] = []

    public init(catalog: ModelCatalog, secondsPerAnswer: Double? = 60) {
        self.catalog = catalog
        self.secondsPerAnswer = secondsPerAnswer
    }

    public func grade(_ lesson: Lesson, sheet: AnswerSheet, learner: String, language: Language = .en) -> GradeReport {
        let lesson = lesson.inLanguage(language)
        let replay = LessonReplay(lesson: lesson, catalog: catalog,
                                  limits: AnswerLimits(seconds: secondsPerAnswer, sandbox: AnswerSandbox(roots: [lesson.folder], catalog: catalog, excluding: excludedFolders)))
        var exercises: [GradeReport.Exercise] = []
        for (index, step) in lesson.steps.enumerated() {
            guard let exercise = step.exercise else { continue }
            var entry = GradeReport.Exercise(step: step.id, title: step.title(in: language), points: 0, maxPoints: exercise.points,
                                             outcome: .unanswered, answer: sheet.answers[step.id], feedback: nil, checks: [],
                                             visibility: exercise.visibility)
            let start = DispatchTime.now().uptimeNanoseconds
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
            // In microseconds' precision: a plain answer is graded in well under a millisecond, and is not 0 s.
            entry.seconds = (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3).rounded() / 1e6
            exercises.append(entry)
        }
        return GradeReport(lesson: lesson.id, learner: learner, exercises: exercises, warnings: sheet.warnings)
    }
}

/// The input side of grading a class: one learner's bad file is that learner's error result, never
/// the end of the batch.
extension LessonGrader {
    /// One learner's answers file in a folder of answers.
    public struct AnswersFile: Equatable, Sendable {
        /// The file name without `.txt` (control characters and invalid UTF-8 made visible).
        public let learner: String
        public let path: String
        /// Why the file cannot be graded before it is even opened (its name is not UTF-8), or nil.
        public let problem: String?
        /// A file in a folder of answers is never read through a symbolic link (it could point at
        /// another learner's file); one the instructor names on its own may be a link.
        public let followLinks: Bool

        public init(learner: String, path: String, problem: String? = nil, followLinks: Bool = false) {
            self.learner = learner
            self.path = path
            self.problem = problem
            self.followLinks = followLinks
        }
    }

    /// The answers files (`*.txt`, not hidden) in `folder`, sorted by name, read with `readdir` so
    /// that a name that is not UTF-8 is listed (and reported) rather than lost or fatal.
    /// Other files (not hidden) are handed to `skipped` by name.
    public static func answersFiles(in folder: String, skipped: (String) -> Void = { _ in }) throws -> [AnswersFile] {
        guard let dir = opendir(folder) else {
            throw InputFile.openError(folder, errno, what: "answers folder")
        }
        defer { closedir(dir) }
        var files: [AnswersFile] = []
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let raw = UnsafeRawPointer(entry) + nameOffset
            let bytes = Array(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: strlen(raw.assumingMemoryBound(to: CChar.self))))
            guard bytes.first != UInt8(ascii: ".") else { continue }
            // .txt in any case (ANA.TXT too).
            guard bytes.count > 4, bytes.suffix(4).map({ $0 | 0x20 }) == Array(".txt".utf8) else {
                skipped(PrintableText.escaping(String(decoding: bytes, as: UTF8.self), limit: 80, keepNewlines: false))
                continue
            }
            let path = (folder as NSString).appendingPathComponent(String(decoding: bytes, as: UTF8.self))
            if let name = String(validating: bytes, as: UTF8.self) {
                files.append(AnswersFile(learner: PrintableText.escaping(String(name.dropLast(4)), limit: 80, keepNewlines: false),
                                         path: path, problem: nil))
            } else {
                let shown = bytes.dropLast(4).map { $0 < 0x80 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
                files.append(AnswersFile(learner: PrintableText.escaping(shown, limit: 80, keepNewlines: false), path: path,
                                         problem: "the file name is not UTF-8 text; rename the file (learner \(shown))"))
            }
        }
        return files.sorted { $0.learner < $1.learner }
    }

    /// Reads and grades one learner's answers file. Never throws: a file that cannot be read (a
    /// symbolic link, a pipe, a folder, a device, binary or non-UTF-8 text, over 16 MB, a line over
    /// 64 KB) is graded as that learner's error result, every exercise `error` with the reason,
    /// and `problem` says why (the caller reports it and exits non-zero after grading the rest).
    public func grade(_ lesson: Lesson, answers file: AnswersFile, language: Language = .en) -> (report: GradeReport, problem: String?) {
        let text: String
        do {
            if let problem = file.problem { throw FileAccessError(file.learner, .notUTF8, problem) }
            // Not through a link (it could point at another learner's file), never blocking on a pipe.
            text = try TextFile.text(atPath: file.path, limits: .document, what: "answers file", followLinks: file.followLinks)
        } catch {
            let problem = "\(error)"
            // The steps a learner in `language` takes, as a readable file's report counts them.
            let exercises = lesson.inLanguage(language).steps.compactMap { step -> GradeReport.Exercise? in
                guard let exercise = step.exercise else { return nil }
                return GradeReport.Exercise(step: step.id, title: step.title(in: language), points: 0, maxPoints: exercise.points,
                                            outcome: .error, answer: nil, feedback: "the answers file could not be read: \(problem)", checks: [],
                                            visibility: exercise.visibility)
            }
            return (GradeReport(lesson: lesson.id, learner: file.learner, exercises: exercises, warnings: [problem]), problem)
        }
        return (grade(lesson, sheet: AnswerSheet(text: text, source: file.path, lesson: lesson), learner: file.learner, language: language), nil)
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
        /// Gradescope's visibility of this exercise's test (the step's `visibility=`).
        public var visibility: ExerciseVisibility = .visible
        /// Seconds the grading of this answer took (replay and checks), to the millisecond.
        public var seconds: Double = 0
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
    /// `{ "score", "max_score", "output", "execution_time", "visibility",
    ///    "tests": [{ "name", "score", "max_score", "status", "output", "visibility", "execution_time" }] }`.
    /// `execution_time` is in seconds; a test's `visibility` is its step's `visibility=` (visible,
    /// hidden, after_due_date, after_published), the whole result's is visible.
    public struct Gradescope: Codable, Equatable, Sendable {
        public struct Test: Codable, Equatable, Sendable {
            public var name: String
            public var score: Int
            public var max_score: Int
            public var status: String
            public var output: String
            public var visibility: String
            public var execution_time: Double
            public init(name: String, score: Int, max_score: Int, status: String, output: String, visibility: String = "visible", execution_time: Double = 0) {
                self.name = name; self.score = score; self.max_score = max_score; self.status = status; self.output = output
                self.visibility = visibility; self.execution_time = execution_time
            }
        }
        public var score: Int
        public var max_score: Int
        public var output: String
        public var visibility: String
        public var execution_time: Double
        public var tests: [Test]
        public init(score: Int, max_score: Int, output: String, visibility: String = "visible", execution_time: Double = 0, tests: [Test]) {
            self.score = score; self.max_score = max_score; self.output = output
            self.visibility = visibility; self.execution_time = execution_time; self.tests = tests
        }
        /// The same result with every time set to zero (to compare two gradings of the same answers).
        public var timeless: Gradescope {
            var copy = self
            copy.execution_time = 0
            for i in copy.tests.indices { copy.tests[i].execution_time = 0 }
            return copy
        }
    }

    /// A gradebook: one header row (`learner`, each exercise's step id, `total`, `max`) and one row
    /// per learner with the points of each exercise, as RFC 4180 CSV (fields with a comma, quote or
    /// line break quoted; a field a spreadsheet would run as a formula, starting = + - @, prefixed with ').
    public static func csv(_ reports: [GradeReport]) -> String {
        let steps = reports.first?.exercises.map(\.step) ?? []
        var rows = [["learner"] + steps + ["total", "max"]]
        for r in reports {
            let points = Dictionary(r.exercises.map { ($0.step, $0.points) }, uniquingKeysWith: { a, _ in a })
            rows.append([r.learner] + steps.map { points[$0].map(String.init) ?? "" } + [String(r.score), String(r.maxScore)])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ field: String) -> String {
        // A learner's name is a file name: control characters are shown escaped, never written raw.
        var f = PrintableText.escaping(field, keepNewlines: false)
        if let first = f.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { f = "'" + f }
        guard f.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return f }
        return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public var gradescope: Gradescope {
        Gradescope(score: score, max_score: maxScore, output: warnings.joined(separator: "\n"), visibility: "visible",
                   execution_time: (exercises.map(\.seconds).reduce(0, +) * 1000).rounded() / 1000, tests: exercises.map { e in
            let output: String
            switch e.outcome {
            case .passed: output = "passed"
            case .unanswered: output = "no answer"
            case .failed, .error: output = (e.answer.map { "answer: \($0)\n" } ?? "") + (e.feedback ?? e.outcome.rawValue)
            }
            return .init(name: "\(e.step): \(e.title)", score: e.points, max_score: e.maxPoints,
                         status: e.outcome == .passed ? "passed" : "failed", output: output,
                         visibility: e.visibility.rawValue, execution_time: e.seconds)
        })
    }
}

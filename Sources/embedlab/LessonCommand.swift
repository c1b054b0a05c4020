import ArgumentParser
import FileAccess
import Foundation
import Lessons
import Rendering
import Workbench

/// `embedlab lesson …`: tools for people who write and teach lessons.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Lint lessons, grade a learner's answers, list lessons.",
        subcommands: [Lint.self, Grade.self, List.self])

    static func lessons(at path: String) -> [Lesson] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return LessonCatalog(directory: path).lessons
        }
        return LessonCatalog.load(path: path).map { [$0] } ?? []
    }

    /// `embedlab lesson lint FILE|DIR`: non-zero exit on any problem.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check lessons: ids, both languages, models, every solution passes, every reject fails.")
        @Argument(help: "A lesson file or a folder of lessons.") var path: String

        func run() throws {
            let lessons = LessonCommand.lessons(at: path)
            guard !lessons.isEmpty else {
                Environment.warn("error: no lessons at \(path) (a lesson is a .md file; see lessons/FORMAT.md)")
                throw ExitCode(1)
            }
            let linter = LessonLinter(catalog: Environment.catalog)
            let duplicates = LessonLinter.duplicateIds(lessons)
            for p in duplicates { print(p) }
            var total = duplicates.count
            for lesson in lessons {
                let problems = linter.lint(lesson)
                total += problems.count
                let exercises = lesson.steps.filter { $0.exercise != nil }.count
                print("\(lesson.path): \(lesson.steps.count) steps, \(exercises) exercises, \(problems.isEmpty ? "ok" : "\(problems.count) problems")")
                for p in problems { print("  " + p) }
            }
            print("\(lessons.count) lessons, \(total) problems")
            if total > 0 { throw ExitCode(1) }
        }
    }

    /// `embedlab lesson grade FILE --answers FILE|DIR`: an instructor grades learners' typed answers.
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade learners' answers to a lesson's exercises.",
            discussion: """
                ANSWERS is one learner's file or a folder of them (one report per file, named after it). \
                A file has one line per exercise: `STEP-ID: what the learner typed`. Each answer is graded on its own, \
                in a session replayed from the lesson's start, reading only files beside the lesson and the bundled models. \
                Prints JSON: one report, or an array of reports for a folder. \
                With --output DIR the reports are written as files instead: for a folder of answers one file per learner, \
                `LEARNER.results.json` (--format gradescope: the results.json shape, one per submission) or `LEARNER.json`; \
                for one answers file `results.json` (gradescope) or `LEARNER.json`. \
                --format gradescope with a folder needs --output (Gradescope and otter-grader read one results.json per submission).
                """)
        enum Format: String, ExpressibleByArgument, CaseIterable { case json, gradescope }

        @Argument(help: "The lesson file.") var file: String
        @Option(help: "A learner's answers file, or a folder of answers files (*.txt).") var answers: String
        @Option(help: "The language of feedback (en or zh).") var lang: Language = .en
        @Option(help: "json (EmbedLab's report) or gradescope (results.json for Gradescope / otter-grader).") var format: Format = .json
        @Option(name: .customLong("fail-under"), help: "Exit with 1 if any learner scores below this percentage.") var failUnder: Double?
        @Option(help: "Seconds one answer may run before it is stopped.") var timeLimit: Double = 60
        @Option(help: "A folder to write the reports into (one file per learner) instead of printing them.") var output: String?

        func validate() throws {
            if let f = failUnder, !(0...100).contains(f) { throw ValidationError("--fail-under takes a percentage from 0 to 100, not \(f)") }
            guard timeLimit > 0, timeLimit <= 3600 else { throw ValidationError("--time-limit takes seconds from 0 to 3600, not \(timeLimit)") }
        }

        func run() throws {
            let lesson: Lesson
            do { lesson = try LessonCatalog.read(path: file) } catch {
                Environment.warn("error: \(error)")
                throw ExitCode(1)
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: answers, isDirectory: &isDirectory) else {
                Environment.warn("error: there is no answers file or folder \(answers)")
                throw ExitCode(1)
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: answers)) ?? []).filter { !$0.hasPrefix(".") && $0.hasSuffix(".txt") }.sorted()
                    .map { (answers as NSString).appendingPathComponent($0) }
                : [answers]
            guard !files.isEmpty else {
                Environment.warn("error: the folder \(answers) has no answers files (*.txt, one per learner)")
                throw ExitCode(1)
            }
            let grader = LessonGrader(catalog: Environment.catalog, secondsPerAnswer: timeLimit)
            var reports: [GradeReport] = []
            for path in files {
                let text: String
                do { text = try TextFile.text(atPath: path, limits: .document, what: "answers file") } catch {
                    Environment.warn("error: \(error)")
                    throw ExitCode(1)
                }
                let learner = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                reports.append(grader.grade(lesson, sheet: AnswerSheet(text: text, source: path, lesson: lesson), learner: learner, language: lang))
            }
            if format == .gradescope, isDirectory.boolValue, output == nil {
                Environment.warn("error: --format gradescope with a folder of answers writes one results.json per learner: add --output DIR")
                throw ExitCode(64)
            }
            if let output {
                try write(reports, to: output, oneSubmission: !isDirectory.boolValue)
                if let failUnder, reports.contains(where: { $0.percent < failUnder }) { throw ExitCode(1) }
                return
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data: Data
            switch (format, isDirectory.boolValue) {
            case (.json, false): data = try encoder.encode(reports[0])
            case (.json, true): data = try encoder.encode(reports)
            case (.gradescope, false): data = try encoder.encode(reports[0].gradescope)
            case (.gradescope, true): data = try encoder.encode(reports.map(\.gradescope))
            }
            print(String(decoding: data, as: UTF8.self))
            if let failUnder, reports.contains(where: { $0.percent < failUnder }) { throw ExitCode(1) }
        }

        /// Writes each report as a file in `folder` and prints one line per file written.
        func write(_ reports: [GradeReport], to folder: String, oneSubmission: Bool) throws {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    Environment.warn("error: cannot create the folder \(folder): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            } else if !isDirectory.boolValue {
                Environment.warn("error: --output \(folder) is a file; give a folder (the reports are written into it, one per learner)")
                throw ExitCode(64)
            }
            for report in reports {
                let name: String
                let data: Data
                switch format {
                case .gradescope:
                    name = oneSubmission ? "results.json" : "\(report.learner).results.json"
                    data = try LessonCommand.encoded(report.gradescope)
                case .json:
                    name = "\(report.learner).json"
                    data = try LessonCommand.encoded(report)
                }
                let path = (folder as NSString).appendingPathComponent(name)
                do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                    Environment.warn("error: cannot write \(path): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
                print("\(path): \(report.learner) \(report.score)/\(report.maxScore) (\(report.percent)%)")
            }
        }
    }

    static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled lessons.")
        func run() throws {
            for lesson in LessonCatalog(directory: Environment.lessonsDirectory).lessons {
                print("\(lesson.id)\t\(lesson.title(in: .en))\t\(lesson.title(in: .zh))\t\(lesson.steps.count) steps")
            }
        }
    }
}

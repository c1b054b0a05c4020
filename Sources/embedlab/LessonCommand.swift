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
            var total = 0
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

    /// `embedlab lesson grade FILE --answers ANSWERS`: an instructor grades a learner's typed answers.
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade a learner's answers to a lesson's exercises.",
            discussion: "ANSWERS has one line per exercise: `STEP-ID: the command the learner typed`. Prints a JSON report.")
        @Argument(help: "The lesson file.") var file: String
        @Option(help: "The learner's answers file.") var answers: String
        @Option(help: "The language of feedback.") var lang: Language = .en

        func run() throws {
            let lesson: Lesson, lines: [String]
            do {
                lesson = try LessonCatalog.read(path: file)
                lines = try TextFile.lines(atPath: answers, limits: .document, what: "answers file")
            } catch {
                Environment.warn("error: \(error)")
                throw ExitCode(1)
            }
            var given: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                given[line[..<colon].trimmingCharacters(in: .whitespaces)] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            // Graded answers are untrusted: they read only the lesson's folder and the bundled models.
            let policy = ReadPolicy.sandbox(document: file, bundled: Environment.catalog.directories)
            let report = try policy.apply {
                let session = try Query.session(lesson.model)
                session.readPolicy = policy
                return LessonGrader.grade(lesson, answers: given, session: session, language: lang)
            }
            print(JSONRenderer.string(report))
        }
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

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
        abstract: HelpText.pick("Lint lessons, grade a learner's answers, write handouts, list lessons.", zh: "检查课程、给学习者的答案评分、写讲义、列出课程。", indent: HelpText.column),
        subcommands: [Lint.self, Grade.self, Handout.self, Autograder.self, Autograde.self, List.self])

    /// A lesson named on the command line: a file, or a bundled lesson's id or number (`arithmetic`, `3`).
    static func lesson(named name: String) throws -> Lesson {
        if FileManager.default.fileExists(atPath: name) || name.hasSuffix(".md") {
            do { return try LessonCatalog.read(path: name) } catch {
                Environment.warn("error: \(error)")
                throw ExitCode(1)
            }
        }
        guard let lesson = LessonCatalog(directory: Environment.lessonsDirectory).lesson(id: name) else {
            Environment.warn("error: there is no lesson file or bundled lesson '\(name)' (embedlab lesson list shows the bundled ones)")
            throw ExitCode(1)
        }
        return lesson
    }

    /// `embedlab lesson handout LESSON [--html OUT | --md OUT]`: the lesson for a class, without solutions.
    struct Handout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.pick("Write a lesson as a handout: prose and demo cells with their outputs, room to answer each exercise, no solutions.", zh: "把课程写成讲义：正文和演示单元及其输出，每个练习留出作答空白，不含答案。", indent: HelpText.column),
            discussion: HelpText.pick("""
                Checks, rejects, hints and solutions are left out; each exercise gets an answer box labelled with its step id \
                (the `STEP-ID: answer` line of an answers file for `embedlab lesson grade`). Demo cells are run, so their \
                outputs and pictures are on the handout. Without --html or --md, Markdown is printed. \
                Example: embedlab lesson handout arithmetic --html arithmetic-handout.html
                """, zh: "检查、错误答案、提示和答案都不印出；每个练习有一个标着步骤 id 的答题框（即 `embedlab lesson grade` 所用答案文件中的 `STEP-ID: 答案` 行）。演示单元会被运行，所以讲义上有它们的输出和图片。不带 --html 或 --md 时打印 Markdown。例：embedlab lesson handout arithmetic --html arithmetic-handout.html"))
        @Argument(help: .l("A lesson file, or a bundled lesson's id or number (see embedlab lesson list).", zh: "课程文件，或内置课程的 id 或编号（见 embedlab lesson list）。"), completion: Completions.lesson) var lesson: String
        @Option(help: .l("Write a self-contained HTML page (a .html file).", zh: "写出一个自包含的 HTML 页面（.html 文件）。"), completion: .file(extensions: ["html"])) var html: String?
        @Option(help: .l("Write Markdown (a .md file).", zh: "写出 Markdown（.md 文件）。"), completion: Completions.markdown) var md: String?
        @Option(help: .l("Only this language's prose (en or zh); both by default.", zh: "只用这种语言的正文（en 或 zh）；默认两种都有。", suffixed: true)) var lang: Language?
        @Flag(help: .l("An instructor's copy: each exercise's solution and its output under the answer box.", zh: "教师版：每个练习的答案及其输出印在答题框下面。")) var solutions = false

        func validate() throws {
            if html != nil, md != nil { throw ValidationError("give one of --html OUT.html and --md OUT.md") }
            if let html, !["html", "htm"].contains((html as NSString).pathExtension.lowercased()) {
                throw ValidationError("--html writes an HTML page; give a file name ending in .html")
            }
            if let md, (md as NSString).pathExtension.lowercased() != "md" {
                throw ValidationError("--md writes Markdown; give a file name ending in .md")
            }
        }

        func run() throws {
            let lesson = try LessonCommand.lesson(named: self.lesson)
            let session: Session
            do { session = try LessonHandout.session(for: lesson, catalog: Environment.catalog) } catch {
                Environment.warn("error: \(lesson.path): cannot load its model \(lesson.model): \(error)")
                throw ExitCode(1)
            }
            let languages = lang.map { [$0] } ?? Language.allCases
            if let language = lang { session.language = language }
            let text: String
            if html != nil {
                text = NotebookPageHTML.render(LessonHandout.page(lesson, session: session, solutions: solutions, languages: languages))
            } else {
                text = LessonHandout.markdown(lesson, session: session, solutions: solutions, languages: languages)
            }
            guard let out = html ?? md else { return print(text, terminator: "") }
            do { try SafeWrite.replace(out, with: Array(text.utf8), policy: nil) } catch {
                Environment.warn("error: cannot write \(out): \(error)")
                throw ExitCode(1)
            }
            let exercises = lesson.steps.filter { $0.exercise != nil }.count
            print("wrote \(out): \(lesson.steps.count) steps, \(exercises) exercises" + (solutions ? " with their solutions" : " with room to answer, no solutions"))
        }
    }

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
            abstract: HelpText.pick("Check lessons: ids, both languages, models, every solution passes, every reject fails.", zh: "检查课程：id、两种语言、模型、每个答案都通过、每个错误答案都被判错。", indent: HelpText.column))
        @Argument(help: .l("A lesson file or a folder of lessons.", zh: "课程文件或课程文件夹。"), completion: Completions.markdown) var path: String
        @Option(help: .l("The language of the summary lines: en or zh (default: from LANG).", zh: "摘要行和问题的语言：en 或 zh（默认：取自 LANG）。", suffixed: true)) var lang: Language?
        @OptionGroup var limits: LimitOptions

        func run() throws {
            // Every demo cell, solution and reject a lesson lints runs under the limits.
            limits.install()
            let lessons = LessonCommand.lessons(at: path)
            // A file that cannot be read as a lesson says why (a line over the limit, not UTF-8 …).
            var isFolder: ObjCBool = false
            if lessons.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                do { _ = try LessonCatalog.read(path: path) } catch {
                    Environment.warn("error: \(error)")
                    throw ExitCode(1)
                }
            }
            guard !lessons.isEmpty else {
                Environment.warn("error: no lessons at \(path) (a lesson is a .md file; see lessons/FORMAT.md)")
                throw ExitCode(1)
            }
            let language = lang ?? Language.fromEnvironment()
            let linter = LessonLinter(catalog: Environment.catalog, language: language)
            let duplicates = LessonLinter.duplicateIds(lessons, language: language)
            for p in duplicates { print(p) }
            var total = duplicates.count
            for lesson in lessons {
                let problems = linter.lint(lesson)
                total += problems.count
                let exercises = lesson.steps.filter { $0.exercise != nil }.count
                let zh = language == .zh
                print(zh ? "\(lesson.path)：\(lesson.steps.count) 步，\(exercises) 个练习，\(problems.isEmpty ? "没有问题" : "\(problems.count) 个问题")"
                         : "\(lesson.path): \(lesson.steps.count) steps, \(exercises) exercises, \(problems.isEmpty ? "ok" : "\(problems.count) problems")")
                for p in problems { print("  " + p) }
            }
            print(language == .zh ? "\(lessons.count) 课，\(total) 个问题" : "\(lessons.count) lessons, \(total) problems")
            if total > 0 { throw ExitCode(1) }
        }
    }

    /// `embedlab lesson grade FILE --answers FILE|DIR`: an instructor grades learners' typed answers.
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.pick("Grade learners' answers to a lesson's exercises.", zh: "给学习者对课程练习的答案评分。", indent: HelpText.column),
            discussion: HelpText.pick("""
                ANSWERS is one learner's file or a folder of them (one report per file, named after it). \
                A file has one line per exercise: `STEP-ID: what the learner typed`. Each answer is graded on its own, \
                in a session replayed from the lesson's start, reading only files beside the lesson and the bundled models. \
                Prints JSON: one report, or an array of reports for a folder. \
                With --output DIR the reports are written as files instead: for a folder of answers one file per learner, \
                `LEARNER.results.json` (--format gradescope: the results.json shape, one per submission) or `LEARNER.json`; \
                for one answers file `results.json` (gradescope) or `LEARNER.json`. \
                --format gradescope with a folder needs --output (Gradescope and otter-grader read one results.json per submission). \
                --format csv prints a gradebook, one row per learner (with --output DIR: DIR/gradebook.csv). \
                Answers files end in .txt (any case: ANA.TXT too); other files in the folder are named on standard error and skipped.
                """, zh: "答案是一位学习者的文件或一个文件夹（每个文件一份报告，以文件命名）。文件每个练习一行：`STEP-ID: 学习者输入的内容`。每个答案单独评分，在从课程开头重放的会话中进行，只能读取课程旁边的文件和内置模型。打印 JSON：一份报告，文件夹则为报告数组。用 --output 文件夹 时改为写出文件：答案文件夹每位学习者一个文件，`LEARNER.results.json`（--format gradescope：results.json 的格式，每份提交一个）或 `LEARNER.json`；单个答案文件写 `results.json`（gradescope）或 `LEARNER.json`。--format gradescope 配合文件夹时需要 --output（Gradescope 和 otter-grader 每份提交读一个 results.json）。--format csv 打印成绩表，每位学习者一行（用 --output 文件夹 时写 文件夹/gradebook.csv）。答案文件以 .txt 结尾（大小写均可：ANA.TXT 也行）；文件夹中的其他文件会在标准错误上列出并跳过。"))
        enum Format: String, ExpressibleByArgument, CaseIterable { case json, gradescope, csv }

        @Argument(help: .l("The lesson file.", zh: "课程文件。"), completion: Completions.markdown) var file: String
        @Option(help: .l("A learner's answers file, or a folder of answers files (*.txt).", zh: "一位学习者的答案文件，或答案文件的文件夹（*.txt）。"), completion: .file(extensions: ["txt"])) var answers: String
        @Option(help: .l("The language of feedback (en or zh).", zh: "反馈的语言（en 或 zh）。", suffixed: true)) var lang: Language = .en
        @Option(help: .l("json (EmbedLab's report), gradescope (results.json for Gradescope / otter-grader) or csv (a gradebook: learner, each step's points, total, max).", zh: "json（EmbedLab 的报告）、gradescope（Gradescope / otter-grader 的 results.json）或 csv（成绩表：学习者、每步得分、总分、满分）。", suffixed: true)) var format: Format = .json
        @Option(name: .customLong("fail-under"), help: .l("Exit with 1 if any learner scores below this percentage.", zh: "若有学习者的得分低于这个百分比，以 1 退出。")) var failUnder: Double?
        @OptionGroup var limits: LimitOptions
        @Option(help: .l("A folder to write the reports into (one file per learner) instead of printing them.", zh: "把报告写入这个文件夹（每位学习者一个文件），而不是打印出来。"), completion: .directory) var output: String?

        func validate() throws {
            if let f = failUnder, !(0...100).contains(f) { throw ValidationError("--fail-under takes a percentage from 0 to 100, not \(f)") }
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
            let files: [LessonGrader.AnswersFile]
            if isDirectory.boolValue {
                do {
                    files = try LessonGrader.answersFiles(in: answers) { skipped in
                        Environment.warn("warning: \((answers as NSString).appendingPathComponent(skipped)) is not an answers file (*.txt): skipped")
                    }
                } catch {
                    Environment.warn("error: \(error)")
                    throw ExitCode(1)
                }
            } else {
                files = [.init(learner: ((answers as NSString).lastPathComponent as NSString).deletingPathExtension, path: answers, followLinks: true)]
            }
            guard !files.isEmpty else {
                Environment.warn("error: the folder \(answers) has no answers files (*.txt, one per learner)")
                throw ExitCode(1)
            }
            // Each answer, and each earlier cell the replay runs for it, within the limits.
            limits.install()
            var grader = LessonGrader(catalog: Environment.catalog, secondsPerAnswer: limits.limits.seconds)
            // No answer reads another learner's answers or the reports, even inside the lesson's folder.
            grader.excludedFolders = [answers] + (output.map { [$0] } ?? [])
            var reports: [GradeReport] = []
            // One learner's unreadable file is that learner's error result; the rest are graded.
            var failed = false
            for file in files {
                let (report, problem) = grader.grade(lesson, answers: file, language: lang)
                if let problem {
                    Environment.warn("error: \(problem)")
                    failed = true
                }
                reports.append(report)
            }
            if format == .gradescope, isDirectory.boolValue, output == nil {
                Environment.warn("error: --format gradescope with a folder of answers writes one results.json per learner: add --output DIR")
                throw ExitCode(64)
            }
            if format == .csv {
                let csv = GradeReport.csv(reports)
                if let output {
                    try makeFolder(output)
                    let path = (output as NSString).appendingPathComponent("gradebook.csv")
                    do { try SafeWrite.replace(path, with: Array(csv.utf8), policy: nil) } catch {
                        Environment.warn("error: cannot write \(path): \(error)")
                        throw ExitCode(1)
                    }
                    print("\(path): \(reports.count) learners")
                } else {
                    // Raw bytes: the fields are already escaped, and CSV's CRLF must reach the file as it is.
                    FileHandle.standardOutput.write(Data(csv.utf8))
                }
                if failed { throw ExitCode(1) }
                if let failUnder, reports.contains(where: { $0.percent < failUnder }) { throw ExitCode(1) }
                return
            }
            if let output {
                let written = try write(reports, to: output, oneSubmission: !isDirectory.boolValue)
                if !written || failed { throw ExitCode(1) }
                if let failUnder, reports.contains(where: { $0.percent < failUnder }) { throw ExitCode(1) }
                return
            }
            let encoder = JSONRenderer.encoder(pretty: true)
            let data: Data
            switch (format, isDirectory.boolValue) {
            case (.json, false): data = try encoder.encode(reports[0])
            case (.json, true): data = try encoder.encode(reports)
            case (.gradescope, false): data = try encoder.encode(reports[0].gradescope)
            case (.gradescope, true): data = try encoder.encode(reports.map(\.gradescope))
            case (.csv, _): return
            }
            print(String(decoding: data, as: UTF8.self))
            if failed { throw ExitCode(1) }
            if let failUnder, reports.contains(where: { $0.percent < failUnder }) { throw ExitCode(1) }
        }

        /// Writes each report as a file in `folder` through the safe writer (a link, pipe or folder
        /// at a report's name is refused, never replaced) and prints one line per file written.
        /// A report that cannot be written is said and skipped; returns false when any was.
        func write(_ reports: [GradeReport], to folder: String, oneSubmission: Bool) throws -> Bool {
            var allWritten = true
            try makeFolder(folder)
            for report in reports {
                let name: String
                let data: Data
                switch format {
                case .gradescope:
                    name = oneSubmission ? "results.json" : "\(report.learner).results.json"
                    data = try LessonCommand.encoded(report.gradescope)
                case .json, .csv:
                    name = "\(report.learner).json"
                    data = try LessonCommand.encoded(report)
                }
                let path = (folder as NSString).appendingPathComponent(name)
                do { try SafeWrite.replace(path, with: Array(data)) } catch {
                    Environment.warn("error: \(error)")
                    allWritten = false
                    continue
                }
                print("\(path): \(report.learner) \(report.score)/\(report.maxScore) (\(report.percent)%)")
            }
            return allWritten
        }

        /// Creates `folder` if missing; a file in its place is a usage error.
        func makeFolder(_ folder: String) throws {
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
        }
    }

    static func encoded<T: Encodable>(_ value: T) throws -> Data {
        try JSONRenderer.encoder(pretty: true).encode(value) + Data("\n".utf8)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.pick("List the bundled lessons.", zh: "列出内置课程。", indent: HelpText.column))
        func run() throws {
            for lesson in LessonCatalog(directory: Environment.lessonsDirectory).lessons {
                print("\(lesson.id)\t\(lesson.title(in: .en))\t\(lesson.title(in: .zh))\t\(lesson.steps.count) steps")
            }
        }
    }
}

import ArgumentParser
import FileAccess
import Foundation
import Lessons
import Workbench

/// `embedlab lesson autograder LESSON… --out DIR`: a folder to zip and upload to Gradescope as a
/// programming assignment's autograder. Gradescope unpacks it into /autograder/source, runs
/// `setup.sh` once when it builds the image and `run_autograder` for every submission; the
/// learner submits one answers file per lesson (`LESSON-ID.txt`, or any one .txt for a single
/// lesson). The folder holds a statically linked `embedlab` (no Swift runtime needed on the
/// image), the lessons with the files beside them, the models they use and their licences.
struct Autograder: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Write a Gradescope autograder folder for lessons: setup.sh, run_autograder, a static embedlab, the lessons and their models.", zh: "为课程写出 Gradescope 自动评分文件夹：setup.sh、run_autograder、静态链接的 embedlab、课程及其模型。", indent: HelpText.column),
        discussion: HelpText.pick("""
            The embedlab copied in must be linked statically against the Swift runtime: build it with \
            `swift build -c release --static-swift-stdlib` and pass --binary .build/release/embedlab (the default is \
            the running embedlab, refused if ldd lists Swift libraries). Zip the folder's contents and upload them as \
            the autograder. Each submission is one answers file per lesson, LESSON-ID.txt (STEP-ID: answer per line; \
            `embedlab lesson handout` prints the ids); with one lesson any single .txt file is taken.
            """, zh: "复制进去的 embedlab 必须静态链接 Swift 运行库：用 `swift build -c release --static-swift-stdlib` 构建，并传入 --binary .build/release/embedlab（默认用正在运行的 embedlab；若 ldd 列出 Swift 库则拒绝）。把文件夹里的内容打包成 zip，作为自动评分程序上传。每份提交是每课一个答案文件 LESSON-ID.txt（每行 STEP-ID: 答案；`embedlab lesson handout` 会印出这些 id）；只有一课时，任何一个 .txt 文件都可以。"))

    @Argument(help: .l("Lesson files, or bundled lessons' ids or numbers.", zh: "课程文件，或内置课程的 id 或编号。"), completion: Completions.lesson) var lessons: [String]
    @Option(help: .l("The folder to write (created; files of the same names are replaced).", zh: "要写入的文件夹（会新建；同名文件会被替换）。"), completion: .directory) var out: String
    @Option(help: .l("A statically linked embedlab (default: this one).", zh: "静态链接的 embedlab（默认：当前这个）。"), completion: .file()) var binary: String?
    @Option(parsing: .unconditional, help: "Seconds one answer may run before it is stopped (0: no limit; 0–86400).") var timeLimit: Double = 60

    func validate() throws {
        guard !lessons.isEmpty else { throw ValidationError("name at least one lesson") }
        guard timeLimit.isFinite, (0...86_400).contains(timeLimit) else { throw ValidationError("--time-limit takes seconds from 0 to 86400 (0: no limit), not \(timeLimit)") }
    }

    func run() throws {
        let lessons = try self.lessons.map(LessonCommand.lesson(named:))
        let ids = lessons.map(\.id)
        if Set(ids).count != ids.count {
            Environment.warn("error: two of the lessons have the same id (\(ids.joined(separator: ", "))); each needs its own answers file")
            throw ExitCode(64)
        }
        let executable = binary ?? ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let runtime = Autograder.swiftLibraries(of: executable)
        guard runtime.isEmpty else {
            Environment.warn("error: \(executable) needs the Swift runtime (ldd lists \(runtime.joined(separator: ", "))), which Gradescope's image does not have; "
                             + "build a static one with `swift build -c release --static-swift-stdlib` and add --binary .build/release/embedlab")
            throw ExitCode(1)
        }
        let fm = FileManager.default
        do {
            for sub in ["", "lessons", "vectors", "collections"] {
                try fm.createDirectory(atPath: (out as NSString).appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            try copy(executable, to: "embedlab", executable: true)
            // Each lesson and what is beside it (corpora, its own model files), but no other lesson.
            var copiedFolders = Set<String>()
            for lesson in lessons {
                try copy(lesson.path, to: "lessons/\(lesson.id).md")
                let folder = lesson.folder
                guard copiedFolders.insert(ReadPolicy.canonical(folder)).inserted else { continue }
                for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasSuffix(".md") && !name.hasPrefix(".") {
                    try copy((folder as NSString).appendingPathComponent(name), to: "lessons/" + name)
                }
            }
            // The bundled models a lesson uses (its model:, a `:use NAME` in its cells or solutions), and their licences.
            let text = lessons.flatMap { $0.steps.flatMap { $0.demo + [$0.exercise?.solution].compactMap { $0 } } }.joined(separator: "\n")
            let words = Set(text.unicodeScalars.split { !(CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == ".") }.map { String(String.UnicodeScalarView($0)) })
            var models: [String] = []
            for dir in Environment.catalog.directories {
                for file in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where file.hasSuffix(".embv") || file.hasSuffix(".embt") {
                    let name = (file as NSString).deletingPathExtension
                    guard !models.contains(name), words.contains(name) || lessons.contains(where: { $0.model == name }) else { continue }
                    try copy((dir as NSString).appendingPathComponent(file), to: "vectors/" + file)
                    models.append(name)
                }
                let readme = (dir as NSString).appendingPathComponent("README.md")
                if fm.fileExists(atPath: readme), !fm.fileExists(atPath: (out as NSString).appendingPathComponent("vectors/README.md")) {
                    try copy(readme, to: "vectors/README.md")
                }
            }
            for folder in SearchState.collectionFolders(for: Environment.catalog) where fm.fileExists(atPath: folder) {
                for file in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where !file.hasPrefix(".") {
                    let target = "collections/" + file
                    if !fm.fileExists(atPath: (out as NSString).appendingPathComponent(target)) {
                        try copy((folder as NSString).appendingPathComponent(file), to: target)
                    }
                }
            }
            let lessonArguments = lessons.map { "\"$source/lessons/\($0.id).md\"" }.joined(separator: " ")
            try write(Autograder.setup, to: "setup.sh", executable: true)
            try write(Autograder.runAutograder(lessons: lessonArguments, timeLimit: timeLimit), to: "run_autograder", executable: true)
            print("wrote \(out): run_autograder, setup.sh, embedlab (static), \(lessons.count) lesson\(lessons.count == 1 ? "" : "s") (\(ids.joined(separator: ", "))), "
                  + "models \(models.isEmpty ? "none" : models.joined(separator: ", ")); zip its contents and upload them to Gradescope as the autograder")
            print("a submission is " + (lessons.count == 1 ? "one answers file (.txt)" : ids.map { "\($0).txt" }.joined(separator: ", ")) + ", one `STEP-ID: answer` per line")
        } catch let error as ExitCode {
            throw error
        } catch {
            Environment.warn("error: cannot write the autograder into \(out): \(error)")
            throw ExitCode(1)
        }
    }

    func copy(_ source: String, to relative: String, executable: Bool = false) throws {
        let target = (out as NSString).appendingPathComponent(relative)
        let fm = FileManager.default
        if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
        try fm.copyItem(atPath: source, toPath: target)
        if executable { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target) }
    }

    func write(_ text: String, to relative: String, executable: Bool) throws {
        let target = (out as NSString).appendingPathComponent(relative)
        try SafeWrite.replace(target, with: Array(text.utf8), policy: nil)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target) }
    }

    /// The Swift runtime libraries `ldd` lists for `path` (none for a static build).
    static func swiftLibraries(of path: String) -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return [] }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return runtimeLibraries(inLdd: text)
    }

    /// The Swift runtime's libraries named in `ldd`'s output.
    static func runtimeLibraries(inLdd text: String) -> [String] {
        let runtime = ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libXCTest"]
        return text.split(separator: "\n").compactMap { line in
            let name = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            return runtime.contains { name.hasPrefix($0) } ? name : nil
        }
    }

    static let setup = """
        #!/usr/bin/env bash
        # Gradescope runs this once, when it builds the autograder's image (written by embedlab lesson autograder).
        # embedlab is linked statically against the Swift runtime; it needs only the C library and libedit.
        set -eu
        if ! ldconfig -p 2>/dev/null | grep -q 'libedit\\.so\\.2'; then
          apt-get update && apt-get install -y --no-install-recommends libedit2
        fi
        chmod +x /autograder/source/embedlab /autograder/source/run_autograder 2>/dev/null || true

        """

    static func runAutograder(lessons: String, timeLimit: Double) -> String {
        """
        #!/usr/bin/env bash
        # Gradescope runs this for every submission (written by embedlab lesson autograder): it grades the
        # submitted answers files and writes results/results.json. AUTOGRADER_ROOT (default /autograder)
        # lets it run elsewhere, as a test or an instructor's dry run does.
        set -u
        root="${AUTOGRADER_ROOT:-/autograder}"
        source="$root/source"
        mkdir -p "$root/results"
        cd "$source" || exit 1
        export EMBEDLAB_VECTORS="$source/vectors" EMBEDLAB_LESSONS="$source/lessons" XDG_STATE_HOME="${TMPDIR:-/tmp}/embedlab-autograder-state"
        exec "$source/embedlab" lesson autograde \(lessons) --submission "$root/submission" --results "$root/results/results.json" --time-limit \(timeLimit)

        """
    }
}

/// `embedlab lesson autograde LESSON… --submission DIR --results FILE`: what `run_autograder`
/// runs. Grades one submission (a folder of answers files) against each lesson and writes one
/// Gradescope results.json. A missing or unreadable answers file is that lesson's tests' failure
/// with the reason in their output, never a crash: results.json is always written.
struct Autograde: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Grade one Gradescope submission folder against lessons and write results.json (run by run_autograder).", zh: "按课程给一个 Gradescope 提交文件夹评分并写出 results.json（由 run_autograder 调用）。", indent: HelpText.column))

    @Argument(help: .l("The lesson files.", zh: "课程文件。"), completion: Completions.markdown) var lessons: [String]
    @Option(help: .l("The submission folder (answers files, LESSON-ID.txt).", zh: "提交文件夹（答案文件，LESSON-ID.txt）。"), completion: .directory) var submission: String
    @Option(help: .l("The results.json to write.", zh: "要写出的 results.json。"), completion: .file(extensions: ["json"])) var results: String
    @OptionGroup var limits: LimitOptions
    @Option(help: .l("The language of feedback (en or zh).", zh: "反馈的语言（en 或 zh）。", suffixed: true)) var lang: Language = .en

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let lessons = try self.lessons.map(LessonCommand.lesson(named:))
        let files = Autograde.answerFiles(in: submission)
        limits.install()
        let grader = LessonGrader(catalog: Environment.catalog, secondsPerAnswer: limits.limits.seconds)
        var merged = GradeReport.Gradescope(score: 0, max_score: 0, output: "", tests: [])
        var notes: [String] = []
        for lesson in lessons {
            let wanted = Set([lesson.id.lowercased() + ".txt", ((lesson.path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased() + ".txt"])
            let file = files.first { wanted.contains(($0 as NSString).lastPathComponent.lowercased()) } ?? (lessons.count == 1 && files.count == 1 ? files[0] : nil)
            var report: GradeReport.Gradescope
            var problem: String?
            if let file {
                do {
                    let text = try TextFile.text(atPath: file, limits: .document, what: "answers file")
                    report = grader.grade(lesson, sheet: AnswerSheet(text: text, source: (file as NSString).lastPathComponent, lesson: lesson), learner: "submission", language: lang).gradescope
                    notes.append("\(lesson.id): graded \((file as NSString).lastPathComponent)")
                } catch {
                    problem = "\(error)"
                    report = grader.grade(lesson, sheet: AnswerSheet(), learner: "submission", language: lang).gradescope
                }
            } else {
                problem = "no answers file for \(lesson.id): submit \(lesson.id).txt with one `STEP-ID: answer` per line"
                    + (files.isEmpty ? " (the submission has no .txt file)" : " (found \(files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))")
                report = grader.grade(lesson, sheet: AnswerSheet(), learner: "submission", language: lang).gradescope
            }
            if let problem {
                notes.append("\(lesson.id): \(problem)")
                for i in report.tests.indices { report.tests[i].output = problem }
            }
            if !report.output.isEmpty { notes.append(report.output) }
            for var test in report.tests {
                if lessons.count > 1 { test.name = "\(lesson.id) / \(test.name)" }
                merged.tests.append(test)
            }
            merged.score += report.score
            merged.max_score += report.max_score
        }
        merged.output = notes.joined(separator: "\n")
        merged.execution_time = (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6).rounded() / 1e3
        do {
            try SafeWrite.replace(results, with: Array(try LessonCommand.encoded(merged)), policy: nil)
        } catch {
            Environment.warn("error: cannot write \(results): \(error)")
            throw ExitCode(1)
        }
        print("\(results): \(merged.score)/\(merged.max_score)")
    }

    /// The .txt files (any case) in the submission folder and the folders in it, in name order.
    static func answerFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let name = walker.nextObject() as? String {
            if walker.level > 3 { walker.skipDescendants(); continue }
            let last = (name as NSString).lastPathComponent
            guard !last.hasPrefix("."), !last.hasPrefix("__MACOSX"), (last as NSString).pathExtension.lowercased() == "txt" else { continue }
            out.append((folder as NSString).appendingPathComponent(name))
        }
        return out.sorted()
    }
}

import ArgumentParser
import CTerminal
import Foundation
import Lessons
import REPL
import Workbench

/// `embedlab` with no subcommand: the REPL. Line editing on a terminal; plain lines from a pipe or file.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Start the interactive prompt (the default).", zh: "启动交互式提示符（默认）。", indent: HelpText.column),
        discussion: HelpText.pick("Reads plain lines, with no prompt and no colour, when standard input is not a terminal: `embedlab < demo.txt`.", zh: "标准输入不是终端时，按行读取，不显示提示符也不用颜色：`embedlab < demo.txt`。"))

    @Option(help: .l("The model to start with (a bundled name or a vectors file; default: zh-wiki in 中文, else glove-50d).", zh: "开始时使用的模型（内置名称或向量文件；默认：中文为 zh-wiki，否则 glove-50d）。"), completion: Completions.model)
    var model: String?

    @Option(help: .l("The language of help, messages and lessons: en or zh (default: your last :lang, else from LANG).", zh: "帮助、消息和课程的语言：en 或 zh（默认：你上次的 :lang，否则取自 LANG）。", suffixed: true))
    var lang: Language?

    @Option(help: .l("Start or resume this lesson at once: an id, a number (3) or a lesson file's path (course/intro.md).", zh: "立即开始或继续这一课：id、编号（3）或课程文件的路径（course/intro.md）。"), completion: Completions.lesson)
    var lesson: String?

    @Option(help: .l("A folder of your own lessons, added after the bundled ones (:lesson lists both).", zh: "你自己的课程文件夹，排在内置课程之后（:lesson 两者都列出）。"), completion: .directory)
    var lessons: String?

    /// A lesson's own cells are untrusted work: with --lesson, every line runs under these limits.
    @OptionGroup var limits: LimitOptions

    func run() throws {
        if lesson != nil { limits.install() }
        try Self.start(model: model, lang: lang, lesson: lesson, lessons: lessons)
    }

    /// The REPL with these options (`run()` after parsing, or `embedlab` with no arguments).
    static func start(model named: String?, lang: Language?, lesson: String?, lessons extra: String? = nil) throws {
        let interactive = Environment.isTerminal(STDIN_FILENO)
        let catalog = Environment.catalog
        let store = ProgressStore(path: ProgressStore.defaultPath())
        let language = lang ?? store.language ?? Language.fromEnvironment()
        // A Chinese learner starts on Chinese vectors, unless a model is named.
        let model = named ?? Environment.defaultModel(for: language, in: catalog)
        let cancellation = Cancellation(signalFlag: { embedlab_interrupt_pending() != 0 })
        let session: Session
        do {
            session = Session(catalog: catalog, model: try catalog.load(model), cancellation: cancellation)
            // At a learner's prompt (a terminal, not piped lines), `index build` saves NAME.hnsw beside
            // the model and reads it back next time; a piped script's outputs stay the same every run.
            session.searchState.keepsIndexFiles = interactive
            if let file = try? catalog.resolve(model) { session.searchState.modelWasRead(session.model.name, from: file) }
        } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        let editor: LineEditor
        if interactive {
            let lessons = Environment.lessonsDirectory
            let completer = Completer(session: session, lessonIDs: { LessonCatalog(directories: [lessons] + (extra.map { [$0] } ?? [])).lessons.map(\.id) })
            editor = EditLineEditor(historyPath: EditLineEditor.defaultHistoryPath()) { text, before in
                completer.candidates(for: text, lineBefore: before)
            }
        } else {
            editor = PlainLineReader()
        }
        let loop = ReplLoop(session: session, editor: editor, style: Environment.style(forTerminal: interactive && Environment.isTerminal(STDOUT_FILENO)))
        loop.lessonsDirectory = Environment.lessonsDirectory
        if let extra { loop.extraLessonDirectories = [extra] }
        loop.progressStore = store
        loop.language = language
        if let lesson { loop.startLesson(lesson) }
        let failures = loop.run()
        // Leave at once: releasing the session (the model's pages unmapped, its dictionaries freed one
        // entry at a time) took about 0.8 ms of an 11 ms start-up-to-:quit, and nothing is written then.
        // A lesson's cell stopped by the limits counts as a failure too (shown where it ran).
        fflush(nil)
        Foundation.exit(!interactive && (failures > 0 || CellLimits.stoppedLines > 0) ? 1 : 0)
    }
}

extension Language: ExpressibleByArgument {}

import CTerminal
import FileAccess
import Foundation
import Lessons
import Rendering
import Workbench

/// The read-evaluate-print loop. Reads with a `LineEditor`, evaluates with the session's
/// evaluator, prints with `ValueRenderer`. Only `:quit` and Ctrl-D leave; every error is one
/// message and the prompt comes back.
public final class ReplLoop {
    public let session: Session
    let editor: LineEditor
    /// The terminal's width and colour; labels follow the session's language (`style`).
    let baseStyle: Style
    var style: Style { baseStyle.withLanguage(session.language) }
    let output: (String) -> Void
    let errorOutput: (String) -> Void
    /// Numbered cells, as in a notebook: `[3]>`.
    private(set) var cellNumber = 1
    private(set) var errors = 0
    /// The number of the line being carried out (for a host command's error in a piped script).
    var currentLineNumber = 0
    /// The model the session started on, written into saved notebooks.
    let startModel: String
    /// The language each recorded cell ran in: a saved notebook renders each cell's output in its
    /// own language and starts in the first one's (`lang: zh`), so `check` replays a `:lang` as it was.
    private var cellLanguages: [Language] = []
    /// The bundled lessons, where learner progress is kept, and the language of prose.
    /// The folder of bundled lessons; they are read the first time a lesson command needs them,
    /// so that start-up does not parse every lesson.
    public var lessonsDirectory: String?
    /// A course's own lesson folders (`--lessons DIR`), added after the bundled lessons.
    public var extraLessonDirectories: [String] = []
    lazy var lessons: LessonCatalog? = LessonCatalog(directories: [lessonsDirectory].compactMap { $0 } + extraLessonDirectories)
    public var progressStore: ProgressStore?
    /// The language of help, messages and lessons: the session's (`:lang` changes it).
    public var language: Language {
        get { session.language }
        set { session.language = newValue; followLanguage() }
    }
    /// The lesson being taken, if any.
    var runner: LessonRunner? {
        // A lesson never writes beside a model: `index build` keeps its index in memory while one runs.
        didSet { session.searchState.lessonIsRunning = runner != nil }
    }
    /// The line the learner just typed as an answer (not echoed again when it runs).
    var typedAnswer: String?
    /// Draws long work's progress on a terminal.
    private var progressBar: ProgressBar?

    public init(session: Session, editor: LineEditor, style: Style,
                // The terminal boundary: all the loop prints (values, errors, lesson titles, prose,
                // hints) passes the one sanitiser, so text from a file never drives the terminal.
                // Colour only when the style has it: with NO_COLOR, TERM=dumb or a pipe every escape is shown.
                output: ((String) -> Void)? = nil,
                errorOutput: ((String) -> Void)? = nil) {
        self.session = session
        self.editor = editor
        self.baseStyle = style
        let colour = style.color
        self.output = output ?? { ReplLoop.write(TerminalText.printable($0, colour: colour) + "\n", to: 1) }
        self.errorOutput = errorOutput ?? { ReplLoop.write(TerminalText.printable($0, colour: colour) + "\n", to: 2) }
        self.startModel = session.model.name
        if editor.isInteractive {
            let bar = ProgressBar(style: style, write: { ReplLoop.write($0, to: 1) }, echo: { _ = embedlab_set_echo(0, $0 ? 1 : 0) })
            progressBar = bar
            session.onProgress = bar.report
        }
    }

    /// Writes to a file descriptor, ignoring failure: a closed terminal must not crash the REPL.
    public static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    var prompt: String {
        // A lesson id or a model's file name may come from a file: shown through the sanitiser.
        if let runner { return TerminalText.printable("\(runner.position) [\(cellNumber)]> ") }
        return TerminalText.printable("\(session.encoder?.name ?? session.model.name) [\(cellNumber)]> ")
    }

    private var bannerShown = false

    /// The banner, once, on a terminal: what model is loaded, how to get help, and (outside a
    /// lesson) which lesson is unfinished. A lesson started from the command line shows it first.
    func showBanner(note: Bool = true) {
        guard editor.isInteractive, !bannerShown else { return }
        bannerShown = true
        say(language.text(.banner, ["model": session.model.name, "words": "\(session.model.count)", "dims": "\(session.model.dimensions)"]))
        if note, runner == nil, let text = unfinishedLessonNote() { say(style.paint(text, .dim)) }
    }

    /// Runs until `:quit` or the end of input; returns the number of lines that failed.
    @discardableResult
    public func run() -> Int {
        if let warning = progressStore?.warning { output(style.paint(language.text(.notePrefix) + warning, .yellow)) }
        showBanner()
        var lineNumber = 0
        while true {
            let input = editor.readLine(prompt: editor.isInteractive ? prompt : "")
            // Cells recorded by the last line (a lesson's demo cells and graded answers too) ran in the language now in effect.
            noteCellLanguages()
            switch input {
            case .end:
                if editor.isInteractive { output("") }
                return errors
            case .interrupted:
                continue
            case .line(let line):
                lineNumber += 1
                currentLineNumber = lineNumber
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    // Enter on an empty line moves a lesson on.
                    if runner != nil { _ = answer("") }
                    continue
                }
                editor.addHistory(line)
                session.cancellation.reset()
                // The line is read once (`Session.bind`). Commands the table gives to the host (the
                // REPL) are carried out here; the others, and every other line, go to the workbench
                // (or, in a lesson, are answers), with this reading: a line that does not bind is its error.
                let reading = Result { try session.bind(line) }
                let bound = try? reading.get()
                if let bound, let host = bound.host, let invocation = bound.invocation {
                    if host == .quit { return errors }
                    hostCommand(host, invocation.path(.text) ?? invocation.text)
                    cellNumber += 1
                    embedlab_clear_interrupt()
                    continue
                }
                let isMeta = bound.map { if case .meta = $0.statement { return true } else { return false } }
                    ?? (trimmed.hasPrefix(":") || trimmed.hasPrefix("："))
                if !isMeta, answer(line, reading: reading) { cellNumber += 1; embedlab_clear_interrupt(); continue }
                handle(line, reading: reading, lineNumber: lineNumber)
            }
        }
    }

    /// Evaluates one line, as read once (`Session.bind`), and prints its result or error.
    func handle(_ line: String, reading: Result<BoundLine, Error>? = nil, lineNumber: Int) {
        defer { embedlab_clear_interrupt(); noteCellLanguages() }
        let bound = try? reading?.get()
        do {
            let result = try reading.map { try session.evaluate(line, reading: $0) } ?? session.evaluate(line)
            // `:lang zh` lasts for this session; `:lang zh save=on` is remembered for the next ones too.
            if let invocation = bound?.invocation, invocation.effects.contains(.changesLanguage) {
                followLanguage(remember: invocation.options.bool("save") == true)
            }
            endProgress()
            let text = ValueRenderer.render(result.value, style: style)
            // Prose-like text (help, messages) wraps at word boundaries rather than where the terminal cuts it.
            if case .text = result.value, !text.isEmpty { say(text) } else if !text.isEmpty { output(text) }
            // How the work went on this machine (a search's time): said here, never part of the value.
            if let note = session.runNote { output(style.paint(note, .dim)) }
            cellNumber += 1
        } catch {
            endProgress()
            errors += 1
            if editor.isInteractive {
                say(ErrorRenderer.render(error, input: line, style: style))
            } else {
                errorOutput(language.text(.lineNumber, ["n": "\(lineNumber)"]) + ErrorRenderer.line(error))
            }
        }
    }

    /// A host command's error (`:lesson`, `:save` …): at a terminal with its caret; in a piped
    /// script one line `line N: …` on standard error, counted like any other line's error.
    func hostError(_ error: Error) {
        if editor.isInteractive {
            say(ErrorRenderer.render(error, input: nil, style: style))
        } else {
            errors += 1
            // Before any line was read (`--lesson` starting) there is no line to name.
            errorOutput((currentLineNumber > 0 ? language.text(.lineNumber, ["n": "\(currentLineNumber)"]) : language.text(.errorPrefix))
                        + ErrorRenderer.line(error))
        }
    }

    /// Clears the progress bar's line; after Ctrl-C (echoed as ^C) starts a fresh line too.
    func endProgress() {
        progressBar?.finish()
        if editor.isInteractive && embedlab_interrupt_pending() != 0 { output("") }
    }

    /// Gives every cell recorded since the last call the language now in effect.
    private func noteCellLanguages() {
        while cellLanguages.count < session.cells.count { cellLanguages.append(language) }
    }

    /// `:save FILE.md`: the session so far as a notebook that `embedlab run` and `check` replay.
    func save(_ path: String) {
        guard !path.isEmpty else {
            hostError(WorkbenchError(language.text(.argumentNeedsText, ["command": ":save", "what": CommandSpec.ArgumentKind.file.what(language)]),
                                     hint: ":save session.md"))
            return
        }
        // The file name says what to write: a notebook (.md) or a page (.html); nothing else.
        let ext = (path as NSString).pathExtension.lowercased()
        guard ["md", "markdown", "html", "htm"].contains(ext) else { return refuseSave(path) }
        if ext == "html" || ext == "htm" { return savePage(path) }
        noteCellLanguages()
        let cells = zip(session.cells, cellLanguages).map { cell, language in
            Notebook.Cell(input: cell.input, expected: Notebook.output(of: cell.outcome, input: cell.input, language: language), line: 0)
        }
        let notebook = Notebook(model: startModel, title: "EmbedLab session", cells: cells, language: cellLanguages.first ?? language)
        do {
            // The user's own command: no read policy; a pipe, device or link at `path` is refused.
            try SafeWrite.replace(path, with: Array(notebook.markdown().utf8), policy: nil)
            output(language.text(.savedNotebook, ["n": "\(cells.count)", "file": path]))
        } catch {
            hostError(WorkbenchError("\(error)", hint: language.text(.cannotWriteFileHint)))
        }
    }
}

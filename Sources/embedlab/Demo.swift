import ArgumentParser
import FileAccess
import Foundation
import Lessons
import Rendering
import Workbench

/// `embedlab demo FILE.md`: presenter mode for a class. The prose is shown, then each command is
/// typed out; the output waits for a key, so the class can guess first. Enter (or Space, →) goes
/// on, `b` (or ←) goes back one cell, `q` (or Ctrl-C) quits. Keys pressed while a command is being
/// typed are thrown away, never inserted. Into a pipe or a dumb terminal only text is written: no
/// colour, no cursor moves, no key prompts.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Present a notebook or lesson to a class: prose, then each command typed out; its output waits for a key.", zh: "在课堂上演示笔记本或课程：先显示正文，再逐字打出每条命令；按键后才显示结果。", indent: HelpText.column),
        discussion: HelpText.pick("""
            Keys: Enter (Space, →) shows the output, then goes on; b (←) goes back one cell; q (Ctrl-C) quits. \
            Keys read from the terminal (/dev/tty), else lines from standard input (empty: on, b: back, q: quit). \
            With --auto SECONDS it advances by itself, for a projector that runs unattended.
            """, zh: "按键：回车（空格、→）显示结果，然后继续；b（←）回到上一格；q（Ctrl-C）退出。按键从终端（/dev/tty）读取，否则从标准输入按行读取（空行：继续，b：上一格，q：退出）。用 --auto 秒数 时自动前进，适合无人值守的投影。"))
    @OptionGroup var options: NotebookOptions
    @Option(help: .l("Advance automatically after this many seconds.", zh: "经过这么多秒后自动前进。")) var auto: Double?
    @Option(help: .l("Typing speed, characters per second (0: no typing, 1–1000).", zh: "打字速度，每秒字符数（0：不逐字打出，1–1000）。", suffixed: true)) var speed: Double = 30

    /// What is shown, in order: a heading, a passage of prose, or a cell.
    enum Item { case heading(String), prose(String), cell(String) }

    func run() throws {
        // The table's checks and wording (OptionSpec.auto, .speed); a bad value is a usage error.
        for (spec, value) in [(OptionSpec.auto, auto), (OptionSpec.speed, speed)] {
            guard let value else { continue }
            do { _ = try spec.parse(value.isFinite ? OptionValue.real(value).description : "\(value)") } catch {
                Environment.warn((options.lang ?? Language.fromEnvironment()).text(.errorPrefix) + ErrorRenderer.line(error))
                throw ExitCode(64)
            }
        }
        let (_, session) = try options.load()
        let document: Document
        do { document = Document.parse(try TextFile.text(atPath: options.file, limits: .document, what: "notebook")) } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        let items = Demo.items(of: document, language: session.language)
        var presenter = Presenter(style: Environment.style(forTerminal: Environment.isTerminal(STDOUT_FILENO)).withLanguage(session.language),
                                  screen: Environment.isTerminal(STDOUT_FILENO), speed: speed, auto: auto)
        defer { presenter.keyboard?.restore() }
        try presenter.present(items, session: session)
        // A cell stopped by the limits was shown where it ran; the demo did not run whole.
        if CellLimits.stoppedLines > 0 { throw ExitCode(1) }
    }

    /// The document's headings, prose (in `language`, or prose written outside language blocks)
    /// and `embedlab` cells, in order; checks, rejects and hints are for grading, not shown.
    static func items(of document: Document, language: Language) -> [Item] {
        var items: [Item] = []
        // A step for the other language only (`## … {#id lang=zh}`) is left out, up to the next step.
        var otherLanguage = false
        for block in document.blocks {
            if case .heading(let level, _, let id, _) = block, level <= 2 {
                let attributes = (id ?? "").split(whereSeparator: \.isWhitespace).dropFirst()
                otherLanguage = attributes.contains { $0.hasPrefix("lang=") && $0 != "lang=\(language.rawValue)" }
            }
            if otherLanguage { continue }
            switch block {
            case .heading(let level, let text, _, _):
                // "English | 中文": the heading in the language shown.
                let parts = text.components(separatedBy: " | ")
                let shown = language == .zh && parts.count > 1 ? parts[1] : parts[0]
                // As the prompt shows a lesson: a title between rules, a step's heading bold, no '#' marks.
                let title = shown.trimmingCharacters(in: .whitespaces)
                items.append(.heading(level == 1 ? "── \(title) ──" : title))
            case .prose(let l, let text, _):
                if l == nil || l == language.rawValue { items.append(.prose(text)) }
            case .code(let info, _, _):
                guard info.split(separator: " ").first == "embedlab" else { continue }
                for cell in Notebook(document: Document(blocks: [block])).cells { items.append(.cell(cell.input)) }
            }
        }
        return items
    }
}

/// The presenter's screen and keys.
struct Presenter {
    enum Key { case next, back, quit }

    let style: Style
    /// Standard output is a terminal (typing out, key prompts).
    let screen: Bool
    let speed: Double
    let auto: Double?
    var keyboard: Keyboard?

    init(style: Style, screen: Bool, speed: Double, auto: Double?) {
        self.style = style
        self.screen = screen
        self.speed = speed
        self.auto = auto
        keyboard = auto == nil ? Keyboard.open() : nil
    }

    /// Cursor moves and erasing only on a terminal that is not dumb.
    var canErase: Bool { screen && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    mutating func present(_ items: [Demo.Item], session: Session) throws {
        let cells = items.indices.filter { if case .cell = items[$0] { return true } else { return false } }
        var outputs: [Int: String] = [:]
        var shownUpTo = -1   // the last item already on the screen
        var position = 0     // index into `cells` of the cell being presented
        if cells.isEmpty {
            for item in items { show(item) }
            return
        }
        while position < cells.count {
            let cellIndex = cells[position]
            // The prose and headings before this cell (once: going back does not repeat them).
            if shownUpTo < cellIndex {
                for i in (shownUpTo + 1)..<cellIndex { show(items[i]) }
            }
            guard case .cell(let input) = items[cellIndex] else { break }
            let prompt = "\(session.model.name) [\(position + 1)]> "
            write(style.paint(prompt, .dim))
            if let output = outputs[cellIndex] {
                // Seen before (after b): the command and its output at once.
                write(TerminalText.printable(input) + "\n" + output + "\n")
            } else {
                typeOut(TerminalText.printable(input))
                write("\n")
                // The class guesses first: the output waits for a key.
                switch wait(style.language.text(.demoKeysOutput), last: false) {
                case .quit: return
                case .back:
                    position = max(0, position - 1)
                    if canErase { write("\u{1B}[2J\u{1B}[H") } else { write("\n") }
                    shownUpTo = position == 0 ? -1 : cells[position - 1]
                    continue
                case .next: break
                }
                let output: String
                do {
                    output = ValueRenderer.render(try session.evaluate(input).value, style: style)
                } catch {
                    output = ErrorRenderer.render(error, input: input, style: style)
                }
                outputs[cellIndex] = output
                write(output + "\n")
            }
            shownUpTo = cellIndex
            let last = position + 1 == cells.count
            if last {
                // What follows the last cell (a closing passage).
                for i in (cellIndex + 1)..<items.count { show(items[i]) }
                if auto != nil || keyboard == nil { return }
            }
            switch wait(style.language.text(last ? .demoKeysEnd : .demoKeysNext), last: last) {
            case .quit: return
            case .back:
                position = max(0, position - 1)
                if canErase { write("\u{1B}[2J\u{1B}[H") } else { write("\n") }
                shownUpTo = position == 0 ? -1 : cells[position - 1]
            case .next:
                if last { return }
                position += 1
            }
        }
    }

    func show(_ item: Demo.Item) {
        switch item {
        case .heading(let text): write("\n" + style.paint(TerminalText.printable(text), .bold) + "\n\n")
        case .prose(let text): write(ProseRenderer.render(text, style: style) + "\n\n")
        case .cell(let input): write(TerminalText.printable(input) + "\n")
        }
    }

    /// Types `text` out at `speed` on a terminal (at once elsewhere); keys pressed meanwhile are discarded.
    func typeOut(_ text: String) {
        guard screen, speed > 0 else { return write(text) }
        for c in text {
            write(String(c))
            usleep(UInt32(min(1_000_000, 1_000_000 / speed)))   // at most a second a character
        }
        keyboard?.discardPending()
    }

    /// Waits for the presenter: a key from the terminal, a line from standard input, or --auto's time.
    /// The prompt is shown only on a terminal, erased afterwards where the terminal can.
    func wait(_ prompt: String, last: Bool) -> Presenter.Key {
        if let auto {
            usleep(UInt32(max(0, auto) * 1_000_000))
            return .next
        }
        if screen {
            write(canErase ? style.paint("— \(prompt) —", .dim) : "— \(prompt) —\n")
        } else if let keyboard {
            // Output goes to a pipe or file: the presenter still sees the keys, on the terminal only.
            keyboard.say("— \(prompt) —\n")
        }
        defer { if screen && canErase { write("\r\u{1B}[2K") } }
        if let keyboard { return keyboard.key() }
        guard let line = readLine() else { return last ? .quit : .next }
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "q", "quit": return .quit
        case "b", "back": return .back
        default: return .next
        }
    }
}

/// The presenter's keys, read one at a time from the terminal (/dev/tty) with echo off, so that
/// nothing typed lands on the class's screen; the terminal's settings come back at the end.
final class Keyboard {
    let fd: Int32
    var saved = termios()

    init?(fd: Int32) {
        self.fd = fd
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        raw.c_cc.6 = 1   // VMIN
        raw.c_cc.5 = 0   // VTIME
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
    }

    static func open() -> Keyboard? {
        let fd = Glibc.open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        guard let k = Keyboard(fd: fd) else { close(fd); return nil }
        return k
    }

    func restore() {
        tcsetattr(fd, TCSANOW, &saved)
    }

    deinit {
        restore()
        close(fd)
    }

    /// Writes to the terminal itself (not to standard output).
    func say(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Throws away keys pressed so far (while a command was being typed out).
    func discardPending() { tcflush(fd, TCIFLUSH) }

    func key() -> Presenter.Key {
        while true {
            var buffer = [UInt8](repeating: 0, count: 16)
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { return .quit }
            let bytes = Array(buffer[0..<n])
            switch bytes {
            case [13], [10], [32], [27, 91, 67], [27, 79, 67]: return .next
            case [98], [66], [27, 91, 68], [27, 79, 68]: return .back
            case [113], [81], [3], [4]: return .quit
            default: continue
            }
        }
    }
}

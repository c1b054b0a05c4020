@preconcurrency import CEditLine
import CTerminal
import FileAccess
import Foundation

/// Line editing with libedit (Debian's `libedit-dev`) through its readline-compatible API:
/// arrow keys, Emacs keys, history across runs, Tab completion. The variadic `el_set` cannot be
/// called from Swift, so the readline emulation is the interface.
///
/// Input is read by `embedlab_getc` (CTerminal): it decodes UTF-8 itself, so 北京 arrives whole,
/// and turns Ctrl-C into "clear the line and return", which libedit alone would swallow.
public final class EditLineEditor: LineEditor {
    public let historyPath: String?
    public var isInteractive: Bool { true }

    /// The completer libedit calls back into; C callbacks cannot capture, so it lives here.
    nonisolated(unsafe) static var completer: ((String, String) -> [String])?

    public init(historyPath: String?, complete: @escaping (_ text: String, _ lineBefore: String) -> [String]) {
        // A history "file" that is a pipe, device or folder would hang or fail at every line: no history then.
        self.historyPath = historyPath.flatMap(EditLineEditor.usableHistoryPath)
        EditLineEditor.completer = complete
        // libedit measures 汉字 with wcwidth, which needs a UTF-8 locale.
        if setlocale(LC_ALL, "") == nil || !(String(cString: setlocale(LC_CTYPE, nil)).uppercased().contains("UTF")) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        rl_readline_name = UnsafePointer(strdup("embedlab"))
        rl_catch_signals = 0
        rl_getc_function = embedlab_getc
        embedlab_install_interrupt_handler()
        rl_initialize()
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"()[],+-*/="))
        rl_completion_query_items = 100
        rl_attempted_completion_function = { text, start, end in
            rl_attempted_completion_over = 1   // never fall back to file names
            guard let text else { return nil }
            let typed = String(cString: text)
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            let before = String(decoding: line.utf8.prefix(Int(start)), as: UTF8.self)
            let candidates = EditLineEditor.completer?(typed, before) ?? []
            guard !candidates.isEmpty else { return nil }
            // After `dim=` the value follows at once; after a whole word, a space.
            rl_completion_append_character = candidates.count == 1 && candidates[0].hasSuffix("=") ? 0 : 32
            // matches[0] replaces what was typed: the one candidate, or the prefix all candidates share.
            // libedit reads matches[2] to spot a single match, so one candidate is given twice.
            let shown = candidates.count == 1 ? candidates + candidates : [Completion.commonPrefix(candidates)] + candidates.prefix(100)
            let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: shown.count + 1)
            for (i, s) in shown.enumerated() { array[i] = strdup(s) }
            array[shown.count] = nil
            return array
        }
        stifle_history(2000)
        // self.historyPath, the checked one: the parameter may name a pipe, which read_history would block on.
        if let historyPath = self.historyPath {
            try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = read_history(historyPath)
        }
    }

    public func readLine(prompt: String) -> LineInput {
        embedlab_clear_interrupt()
        guard let raw = readline(prompt) else {
            if embedlab_interrupt_pending() != 0 { embedlab_clear_interrupt(); return .interrupted }
            return .end
        }
        defer { free(raw) }
        if embedlab_interrupt_pending() != 0 {
            embedlab_clear_interrupt()
            return .interrupted
        }
        return .line(String(cString: raw))
    }

    public func addHistory(_ line: String) {
        add_history(line)
        // Written after every line, so a crash or a closed terminal loses nothing.
        if let historyPath { _ = write_history(historyPath) }
    }

    /// Where history is kept: `$XDG_STATE_HOME/embedlab/history`, by default `$HOME/.local/state/embedlab/history`.
    public static func defaultHistoryPath() -> String {
        StatePaths.file("history", environment: ProcessInfo.processInfo.environment) ?? NSHomeDirectory() + "/.local/state/embedlab/history"
    }

    /// `path` when it is a regular file or does not exist yet; nil for a pipe, device, folder or link loop.
    static func usableHistoryPath(_ path: String) -> String? {
        do {
            _ = try InputFile.open(path, maxBytes: 64 << 20, what: "history file", policy: nil)
            return path
        } catch let error as FileAccessError {
            return error.kind == .notFound ? path : nil
        } catch {
            return nil
        }
    }
}

/// What reading a line can give: the line, an interrupted (cleared) line, or the end of input.
public enum LineInput: Equatable, Sendable {
    case line(String)
    case interrupted
    case end
}

/// Reads lines from the learner. The editor owns history and completion; meaning belongs to the
/// evaluator (as in IPython and Julia's REPL).
public protocol LineEditor: AnyObject {
    func readLine(prompt: String) -> LineInput
    func addHistory(_ line: String)
    /// Whether the editor talks to a terminal (prompts and colour are shown only then).
    var isInteractive: Bool { get }
}

/// Plain lines from standard input, for pipes and files: no prompt, no history, no escape codes.
public final class PlainLineReader: LineEditor {
    private var first = true
    public init() {}
    public var isInteractive: Bool { false }
    /// One line without its "\n" or "\r\n"; a UTF-8 byte-order mark opening the input is
    /// dropped, so a script saved by a Windows editor reads like any other.
    public func readLine(prompt: String) -> LineInput {
        guard var line = Swift.readLine(strippingNewline: true) else { return .end }
        if first {
            first = false
            if line.unicodeScalars.first == "\u{FEFF}" { line.unicodeScalars.removeFirst() }
        }
        return .line(line)
    }
    public func addHistory(_ line: String) {}
}

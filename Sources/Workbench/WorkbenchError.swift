/// A mistake in what the learner typed, said for people: what went wrong, where (a span of the
/// line, for a caret), and what to type instead.
public struct WorkbenchError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var span: Span?
    public var hint: String?
    /// The model the hint switches to (`:use NAME` at the prompt), so that the command line can
    /// say its own way instead (`embedlab query NAME …`): a hint fits the place it is read in.
    public var otherModel: String?

    /// The longest message kept (in characters): a message that quotes content beyond this (a line,
    /// a word from a file) is cut at a character boundary, so no error ever echoes a whole file.
    public static let maxMessageCharacters = 2_000

    public init(_ message: String, at span: Span? = nil, hint: String? = nil, otherModel: String? = nil) {
        self.message = WorkbenchError.bounded(message)
        self.span = span
        self.hint = hint
        self.otherModel = otherModel
    }

    static func bounded(_ text: String) -> String {
        // Cheap for every ordinary message: only a long one is walked by characters.
        guard text.utf8.count > maxMessageCharacters else { return text }
        guard let end = text.index(text.startIndex, offsetBy: maxMessageCharacters, limitedBy: text.endIndex), end < text.endIndex else { return text }
        return String(text[..<end]) + "… (cut)"
    }

    public var description: String {
        hint.map { "\(message) — \($0)" } ?? message
    }
}

/// A mistake in what the learner typed, said for people: what went wrong, where (a span of the
/// line, for a caret), and what to type instead.
public struct WorkbenchError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var span: Span?
    public var hint: String?

    public init(_ message: String, at span: Span? = nil, hint: String? = nil) {
        self.message = message
        self.span = span
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message) — \($0)" } ?? message
    }
}

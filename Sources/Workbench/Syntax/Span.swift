/// Where something is in the line the learner typed: character offsets `start ..< end`.
/// Errors carry a span so that the REPL can put a caret under the exact place.
public struct Span: Equatable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public static func + (a: Span, b: Span) -> Span { Span(min(a.start, b.start), max(a.end, b.end)) }
    public var description: String { "\(start)..<\(end)" }
}

/// One lexical unit of the command language.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A word: letters, digits, `_`, `'`, `.`, and any non-ASCII letters (猫, café, 《红楼梦》).
        case word(String)
        /// A double-quoted word or text: `"new york"`.
        case quoted(String)
        case number(Double)
        /// One of `+ - * / ( ) [ ] , = ? :` and `::`.
        case symbol(String)
        case end
    }
    public var kind: Kind
    public var span: Span

    var text: String {
        switch kind {
        case .word(let w): return w
        case .quoted(let q): return "\"\(q)\""
        case .number(let n): return n.description
        case .symbol(let s): return s
        case .end: return "end of line"
        }
    }
}

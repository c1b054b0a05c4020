/// The parsed form of one line: what the learner asked for, with where each part was typed.
public indirect enum Expr: Equatable, Sendable {
    /// A vocabulary word or a variable (variables shadow words).
    case word(String, Span)
    case number(Double, Span)
    /// `[0.3, 0.8, -0.2]`
    case vector([Expr], Span)
    case binary(BinaryOperator, Expr, Expr, Span)
    case negate(Expr, Span)
    /// `cos(猫, 狗)`, `norm(king)`: a command written as a function.
    case call(String, [Expr], Span)
    /// `bank in "the river bank"`: the word's vector in that sentence (an encoder's contextual vector;
    /// on a static model, the word's one vector).
    case contextual(word: String, sentence: String, Span)

    public var span: Span {
        switch self {
        case .word(_, let s), .number(_, let s), .vector(_, let s), .binary(_, _, _, let s), .negate(_, let s), .call(_, _, let s),
             .contextual(_, _, let s): return s
        }
    }

    /// The words this expression mentions, in order (variables included).
    public var words: [String] {
        switch self {
        case .word(let w, _): return [w]
        case .number: return []
        case .vector(let items, _): return items.flatMap(\.words)
        case .binary(_, let a, let b, _): return a.words + b.words
        case .negate(let e, _): return e.words
        case .call(_, let args, _): return args.flatMap(\.words)
        case .contextual(let word, _, _): return [word]
        }
    }

    /// `b - a + c` with three words: the analogy a : b :: c : ?  (nil for any other shape).
    public var analogyShape: (a: String, b: String, c: String)? {
        analogyWords.map { ($0.a.0, $0.b.0, $0.c.0) }
    }

    /// The analogy's words with where each was typed.
    public var analogyWords: (a: (String, Span), b: (String, Span), c: (String, Span))? {
        if case .binary(.add, .binary(.subtract, .word(let b, let sb), .word(let a, let sa), _), .word(let c, let sc), _) = self { return ((a, sa), (b, sb), (c, sc)) }
        // b + c - a is the same question written in another order.
        if case .binary(.subtract, .binary(.add, .word(let b, let sb), .word(let c, let sc), _), .word(let a, let sa), _) = self { return ((a, sa), (b, sb), (c, sc)) }
        return nil
    }
}

public enum BinaryOperator: String, Equatable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// One line of the command language.
public enum Statement: Equatable, Sendable {
    /// A bare expression: a word shows its vector, arithmetic shows its nearest words.
    case expression(Expr)
    /// `let name = expr`
    case assignment(String, Expr, Span)
    /// A command word and its arguments: `sim 猫 狗`, `near 5 king`, `odd a b c`.
    case command(String, [CommandArgument], Span)
    /// `a : b :: c : ?`
    case analogy(a: String, b: String, c: String, Span)
    /// `:use glove-50d`: meta commands, with their raw argument text.
    case meta(String, String, Span)
    /// An empty line or a comment.
    case empty

    /// The command's name ("near", ":use", "let", "expression", "analogy"): what lesson checks
    /// mean by "the answer used a given command".
    public var commandName: String {
        switch self {
        case .expression(let e): return e.analogyShape != nil ? "analogy" : "expression"
        case .assignment: return "let"
        case .command(let name, _, _): return name
        case .analogy: return "analogy"
        case .meta(let name, _, _): return ":" + name
        case .empty: return ""
        }
    }
}

/// An argument of a command: an expression, or text (quoted or a `key=value` option).
public enum CommandArgument: Equatable, Sendable {
    case expr(Expr)
    case text(String, Span)
    case option(String, String, Span)

    public var span: Span {
        switch self {
        case .expr(let e): return e.span
        case .text(_, let s), .option(_, _, let s): return s
        }
    }
}

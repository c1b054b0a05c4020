/// Turns a line into a `Statement`, by recursive descent over the tokens:
///
///     statement  := ':' name rest | 'let' NAME '=' expr | WORD ':' WORD '::' WORD ':' '?'
///                 | COMMAND arguments | expr
///     expr       := term (('+' | '-') term)*
///     term       := unary (('*' | '/') unary)*
///     unary      := '-' unary | primary
///     primary    := NUMBER | WORD | "quoted" | (WORD | "quoted") 'in' "quoted" | '[' expr (',' expr)* ']' | '(' expr ')'
///                 | FUNCTION '(' expr (',' expr)* ')' | '(' FUNCTION arguments ')'
///
/// Which words start a command, which take text and which may be written as functions comes
/// from the command table (`CommandTable`); the parser knows no command by name.
public struct Parser {
    private var tokens: [Token]
    private var position = 0
    private let line: String
    private let table: CommandTable
    private let language: Language

    public static func parse(_ line: String, table: CommandTable = .standard, language: Language = .en) throws -> Statement {
        var parser = try Parser(line, table: table, language: language)
        return try parser.statement()
    }

    /// Longer lines are refused (a line is one command; long work is split with `let`).
    public static let maximumLineLength = 4096
    /// …and at most this many UTF-8 bytes (four per character, the most a scalar takes).
    public static let maximumLineBytes = 4 * maximumLineLength
    /// Deeper nesting of ( and [ is refused, so that no input can exhaust the stack.
    public static let maximumNesting = 64

    private var depth = 0

    init(_ line: String, table: CommandTable, language: Language) throws {
        self.table = table
        self.language = language
        // Bytes first (cheap, and 200,000 combining marks on one letter are one character but
        // 400,000 bytes), then characters (grapheme clusters).
        guard line.utf8.count <= Parser.maximumLineBytes else {
            throw WorkbenchError(language.text(.lineTooManyBytes, ["length": "\(line.utf8.count)", "limit": "\(Parser.maximumLineBytes)"]),
                                 hint: language.text(.lineTooLongHint))
        }
        guard line.count <= Parser.maximumLineLength else {
            throw WorkbenchError(language.text(.lineTooLong, ["length": "\(line.count)", "limit": "\(Parser.maximumLineLength)"]),
                                 hint: language.text(.lineTooLongHint))
        }
        self.line = line
        let trimmed = line.drop { $0.isWhitespace }
        // Meta commands keep their arguments as raw text (file names, model names, settings).
        if let first = trimmed.first, Lexer.normalized(first) == ":" {
            tokens = []
            return
        }
        // Text commands read the rest of the line themselves (regular expressions, file names).
        if let first = trimmed.split(whereSeparator: \.isWhitespace).first, table.takesText(String(first)) {
            let start = line.count - trimmed.count
            tokens = [Token(kind: .word(String(first)), span: Span(start, start + first.count)), Token(kind: .end, span: Span(line.count, line.count))]
            return
        }
        tokens = try Lexer.tokenize(line, language: language)
    }

    private var current: Token { tokens[position] }
    private func peek(_ offset: Int = 1) -> Token { tokens[min(position + offset, tokens.count - 1)] }
    private mutating func advance() -> Token { defer { position = min(position + 1, tokens.count - 1) }; return tokens[position] }

    private func isSymbol(_ s: String, _ token: Token? = nil) -> Bool {
        if case .symbol(let x) = (token ?? current).kind { return x == s }
        return false
    }

    private mutating func expect(_ symbol: String, _ what: String) throws -> Token {
        guard isSymbol(symbol) else {
            throw WorkbenchError(language.text(.expectedFound, ["expected": what, "found": current.text]), at: current.span, hint: nil)
        }
        return advance()
    }

    mutating func statement() throws -> Statement {
        if tokens.isEmpty { return meta() }
        if case .end = current.kind { return .empty }
        if case .word(let w) = current.kind {
            if w == "let" { return try assignment() }
            if let analogy = try analogyForm() { return analogy }
            if table.isLineCommand(w), !(table.isFunction(w) && isSymbol("(", peek()) && !commaAfterFirstGroup()) {
                return try command(w)
            }
        }
        let e = try expression()
        try expectEnd()
        return .expression(e)
    }

    /// `sim (a), (b)`: the brackets after a function's name close before a comma, so the line is the
    /// command with two arguments, not the call `sim(a)` followed by stray text.
    private func commaAfterFirstGroup() -> Bool {
        var depth = 0
        var i = position + 1
        while i < tokens.count {
            if isSymbol("(", tokens[i]) { depth += 1 }
            if isSymbol(")", tokens[i]) { depth -= 1; if depth == 0 { return isSymbol(",", tokens[min(i + 1, tokens.count - 1)]) } }
            i += 1
        }
        return false
    }

    private func meta() -> Statement {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        let start = i
        i += 1   // ':' or '：'
        let nameStart = i
        while i < chars.count, !chars[i].isWhitespace { i += 1 }
        let name = String(chars[nameStart..<i]).lowercased()
        var end = chars.count
        while end > i, chars[end - 1].isWhitespace { end -= 1 }
        let rest = String(chars[i..<end]).trimmingWhitespace
        return .meta(name, rest, Span(start, end))
    }

    private mutating func assignment() throws -> Statement {
        let letToken = advance()
        guard case .word(let name) = current.kind else {
            throw WorkbenchError(language.text(.letNeedsName), at: current.span, hint: "let royal = king - man")
        }
        let nameToken = advance()
        if table.isLineCommand(name) || name == "let" {
            throw WorkbenchError(language.text(.commandCannotBeVariable, ["name": name]), at: nameToken.span, hint: "let v = …")
        }
        _ = try expect("=", language.text(.expectedEquals))
        let e = try expression()
        try expectEnd()
        return .assignment(name, e, letToken.span + e.span)
    }

    /// `a : b :: c : ?`
    private mutating func analogyForm() throws -> Statement? {
        guard isSymbol(":", peek(1)) else { return nil }
        let start = current.span
        func word(_ t: Token) -> String? {
            switch t.kind { case .word(let w), .quoted(let w): return w; default: return nil }
        }
        guard let a = word(peek(0)), let b = word(peek(2)), isSymbol("::", peek(3)), let c = word(peek(4)),
              isSymbol(":", peek(5)), isSymbol("?", peek(6)) else {
            throw WorkbenchError(language.text(.analogyForm), at: start + peek(6).span, hint: "man : king :: woman : ?")
        }
        position += 7
        try expectEnd()
        return .analogy(a: a, b: b, c: c, start + tokens[position - 1].span)
    }

    private mutating func command(_ name: String) throws -> Statement {
        let nameToken = advance()
        if table.takesText(name) {
            let chars = Array(line)
            var start = min(nameToken.span.end, chars.count), end = chars.count
            while start < end, chars[start].isWhitespace { start += 1 }
            while end > start, chars[end - 1].isWhitespace { end -= 1 }
            position = tokens.count - 1
            let rest = String(chars[start..<end])
            return .command(name, rest.isEmpty ? [] : [.text(rest, Span(start, end))], Span(nameToken.span.start, max(end, nameToken.span.end)))
        }
        var args: [CommandArgument] = []
        // With a comma anywhere, arguments are whole expressions; without one, each is a single term
        // (`sim king queen`), except for commands of one expression (`near king - man`).
        let hasComma = tokens[position...].contains { isSymbol(",", $0) }
        var wholeLine = false
        if case .expressions(_, _, let whole)? = table.command(name)?.arguments { wholeLine = whole && !hasComma }
        while true {
            if case .end = current.kind { break }
            if case .word(let key) = current.kind, isSymbol("=", peek()) {
                let keyToken = advance(); _ = advance()
                var valueToken = advance()
                // A negative number (`k=-1`) is one value, so that the option's check names it and its range.
                if isSymbol("-", valueToken), case .number(let n) = current.kind, current.span.start == valueToken.span.end {
                    valueToken = Token(kind: .number(-n), span: valueToken.span + advance().span)
                }
                // A number as it was typed (`seed=2`, not the lexer's 2.0, which a whole-number option refuses).
                var value = valueToken.text.trimming(["\""])
                if case .number = valueToken.kind {
                    let chars = Array(line)
                    if valueToken.span.start >= 0, valueToken.span.start < valueToken.span.end, valueToken.span.end <= chars.count {
                        value = String(chars[valueToken.span.start..<valueToken.span.end])
                    }
                }
                args.append(.option(key, value, keyToken.span + valueToken.span))
            } else if wholeLine || hasComma {
                args.append(.expr(try expression()))
            } else {
                args.append(.expr(try unary()))
            }
            if isSymbol(",") { _ = advance() }
        }
        let span = args.last.map { nameToken.span + $0.span } ?? nameToken.span
        return .command(name, args, span)
    }

    private func expectEnd() throws {
        if case .end = current.kind { return }
        throw WorkbenchError(language.text(.unexpectedToken, ["found": current.text]), at: current.span,
                             hint: language.text(.unexpectedTokenHint))
    }

    mutating func expression() throws -> Expr {
        try leftAssociative(["+": .add, "-": .subtract]) { try $0.term() }
    }

    private mutating func term() throws -> Expr {
        try leftAssociative(["*": .multiply, "/": .divide]) { try $0.unary() }
    }

    /// One level of the grammar's left-associative operators: `operand (op operand)*`, so that
    /// `a - b + c` is `(a - b) + c`.
    private mutating func leftAssociative(_ operators: [String: BinaryOperator], _ operand: (inout Parser) throws -> Expr) throws -> Expr {
        var lhs = try operand(&self)
        while let op = operators.first(where: { isSymbol($0.key) })?.value {
            _ = advance()
            let rhs = try operand(&self)
            lhs = .binary(op, lhs, rhs, lhs.span + rhs.span)
        }
        return lhs
    }

    private mutating func unary() throws -> Expr {
        if isSymbol("-") {
            let minus = advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Parser.maximumNesting else {
                throw WorkbenchError(language.text(.tooManyMinus), at: minus.span, hint: language.text(.tooManyMinusHint))
            }
            let e = try unary()
            return .negate(e, minus.span + e.span)
        }
        if isSymbol("+") { _ = advance(); return try unary() }
        return try primary()
    }

    /// `bank in "the river bank"`: a word, the word `in`, then a quoted sentence.
    private mutating func contextual(_ word: String, _ token: Token) -> Expr? {
        guard case .word(let w) = current.kind, w == "in", case .quoted(let sentence) = peek().kind else { return nil }
        _ = advance()
        let close = advance()
        return .contextual(word: word, sentence: sentence, token.span + close.span)
    }

    /// `(picture 3)`, `(norm king - man)`: a function written as a command inside brackets, so that it
    /// can be an operand (`sim (picture 3), "a red circle"`); its arguments are read as the command's.
    private mutating func bracketedCall(open: Token) throws -> Expr? {
        guard case .word(let name) = current.kind, table.isFunction(name) else { return nil }
        switch peek().kind {
        case .number, .word, .quoted: break
        case .symbol("["): break
        default: return nil
        }
        _ = advance()
        var depth = 0, i = position, hasComma = false
        while i < tokens.count {
            if case .end = tokens[i].kind { break }
            if isSymbol("(", tokens[i]) || isSymbol("[", tokens[i]) { depth += 1 }
            if isSymbol(")", tokens[i]) || isSymbol("]", tokens[i]) { if depth == 0 { break }; depth -= 1 }
            if depth == 0, isSymbol(",", tokens[i]) { hasComma = true }
            i += 1
        }
        var wholeLine = false
        if case .expressions(_, _, let whole)? = table.command(name)?.arguments { wholeLine = whole && !hasComma }
        var args: [Expr] = []
        while !isSymbol(")") {
            if case .end = current.kind { break }
            args.append(wholeLine || hasComma ? try expression() : try unary())
            if isSymbol(",") { _ = advance() }
        }
        let close = try expect(")", language.text(.expectedClose, ["what": "(\(name)"]))
        return .call(name, args, open.span + close.span)
    }

    private mutating func primary() throws -> Expr {
        let token = current
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumNesting else {
            throw WorkbenchError(language.text(.nestedTooDeep, ["limit": "\(Parser.maximumNesting)"]), at: token.span, hint: language.text(.nestedTooDeepHint))
        }
        switch token.kind {
        case .number(let n):
            _ = advance()
            return .number(n, token.span)
        case .quoted(let w):
            _ = advance()
            return contextual(w, token) ?? .word(w, token.span)
        case .word(let w):
            _ = advance()
            if let c = contextual(w, token) { return c }
            if isSymbol("(") {
                guard table.isFunction(w) else {
                    throw WorkbenchError(language.text(.notAFunction, ["name": w]), at: token.span,
                                         hint: table.functionNames.joined(separator: ", ") + ": cos(猫, 狗)")
                }
                _ = advance()
                var args: [Expr] = []
                if !isSymbol(")") {
                    args.append(try expression())
                    while isSymbol(",") { _ = advance(); args.append(try expression()) }
                }
                let close = try expect(")", language.text(.expectedClose, ["what": "\(w)("]))
                return .call(w, args, token.span + close.span)
            }
            return .word(w, token.span)
        case .symbol("["):
            _ = advance()
            var items: [Expr] = []
            if !isSymbol("]") {
                items.append(try expression())
                while isSymbol(",") { _ = advance(); items.append(try expression()) }
            }
            let close = try expect("]", language.text(.expectedVectorEnd))
            return .vector(items, token.span + close.span)
        case .symbol("("):
            _ = advance()
            if let call = try bracketedCall(open: token) { return call }
            let e = try expression()
            _ = try expect(")", "')'")
            return e
        case .end:
            throw WorkbenchError(language.text(.lineEndsEarly), at: token.span, hint: language.text(.lineEndsEarlyHint))
        default:
            throw WorkbenchError(language.text(.expectedOperand, ["found": token.text]), at: token.span, hint: nil)
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    func trimming(_ set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// Splits a line into tokens. Words are any run of letters and digits in any script, so
/// `北京 - 中国 + 法国` needs no quotes; `#` starts a comment.
///
/// What a Chinese input method types is read as its ASCII twin: `king － man ＋ woman`,
/// `sim 猫，狗`, `cos（猫，狗）`, `［0.3，0.8］`, `：use toy`, and the ideographic space U+3000.
/// The replacement is one character for one, so spans still point at what was typed.
public enum Lexer {
    static let symbols: Set<Character> = ["+", "-", "*", "/", "(", ")", "[", "]", ",", "=", "?", ":", "×", "−"]

    /// Full-width forms and their ASCII twins (the enumeration comma 、 separates like a comma).
    static let fullWidth: [Character: Character] = [
        "，": ",", "、": ",", "＋": "+", "－": "-", "＊": "*", "／": "/", "：": ":", "（": "(", "）": ")",
        "［": "[", "］": "]", "＝": "=", "？": "?", "\u{3000}": " ", "＃": "#",
    ]

    /// The character as the grammar reads it: a full-width form becomes its ASCII twin.
    public static func normalized(_ c: Character) -> Character { fullWidth[c] ?? c }

    /// The line with every full-width form outside quotes replaced by its ASCII twin, one
    /// character for one.
    public static func normalize(_ line: String) -> String {
        var out = ""
        var quote: Character?
        for c in line {
            if let q = quote {
                if c == q { quote = nil }
                out.append(c)
            } else if let close = Quotes.closing(c, inExpression: true) {
                quote = close
                out.append(c)
            } else {
                out.append(normalized(c))
            }
        }
        return out
    }

    public static func tokenize(_ line: String, language: Language = .en) throws -> [Token] {
        let chars = Array(normalize(line))
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "#" { break }
            let start = i
            if let close = Quotes.closing(c, inExpression: true) {
                i += 1
                var text = ""
                while i < chars.count, chars[i] != close {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    text.append(chars[i])
                    i += 1
                }
                guard i < chars.count else {
                    throw WorkbenchError(language.text(.quoteNotClosed), at: Span(start, chars.count), hint: language.text(.quoteNotClosedHint))
                }
                i += 1
                tokens.append(Token(kind: .quoted(text), span: Span(start, i)))
            } else if c.isNumber && c.isASCII || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
                if i < chars.count, chars[i] == "e" || chars[i] == "E",
                   i + 1 < chars.count, chars[i + 1].isNumber || ((chars[i + 1] == "-" || chars[i + 1] == "+") && i + 2 < chars.count && chars[i + 2].isNumber) {
                    i += 2
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                }
                // Digits followed by letters ("3d", "1990s") are a word, not a number.
                if i < chars.count, isWordCharacter(chars[i]) {
                    while i < chars.count, isWordCharacter(chars[i]) { i += 1 }
                    tokens.append(Token(kind: .word(String(chars[start..<i])), span: Span(start, i)))
                    continue
                }
                let text = String(chars[start..<i])
                guard let value = Double(text) else {
                    throw WorkbenchError(language.text(.notANumber, ["text": text]), at: Span(start, i), hint: language.text(.notANumberHint))
                }
                // `1e400` reads as infinity: refused here rather than carried into arithmetic.
                guard value.isFinite else {
                    throw WorkbenchError(language.text(.numberTooLarge, ["text": text]), at: Span(start, i), hint: language.text(.notANumberHint))
                }
                tokens.append(Token(kind: .number(value), span: Span(start, i)))
            } else if c == ":" && i + 1 < chars.count && chars[i + 1] == ":" {
                tokens.append(Token(kind: .symbol("::"), span: Span(i, i + 2)))
                i += 2
            } else if symbols.contains(c) {
                let symbol = c == "−" ? "-" : c == "×" ? "*" : String(c)
                tokens.append(Token(kind: .symbol(symbol), span: Span(i, i + 1)))
                i += 1
            } else if isWordCharacter(c) {
                while i < chars.count, isWordCharacter(chars[i]) { i += 1 }
                tokens.append(Token(kind: .word(String(chars[start..<i])), span: Span(start, i)))
            } else {
                throw WorkbenchError(language.text(.notInLanguage, ["character": String(c)]), at: Span(i, i + 1),
                                     hint: language.text(.notInLanguageHint, ["character": String(c)]))
            }
        }
        tokens.append(Token(kind: .end, span: Span(chars.count, chars.count)))
        return tokens
    }

    /// Letters and digits of any script, and the punctuation that lives inside words
    /// (`'s`, `u.s.`, `e-mail` needs quotes because `-` is minus), plus book-title marks 《》.
    static func isWordCharacter(_ c: Character) -> Bool {
        if c.isLetter || c.isNumber || c == "_" || c == "'" || c == "." || c == "《" || c == "》" || c == "·" { return true }
        // Other non-ASCII symbols (emoji, CJK punctuation) are words too; ASCII punctuation is syntax.
        return !c.isASCII && !c.isWhitespace && !symbols.contains(c) && !Quotes.pairs.keys.contains(c) && !Quotes.pairs.values.contains(c)
    }
}

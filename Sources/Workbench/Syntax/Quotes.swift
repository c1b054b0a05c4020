/// The quotes a learner may put around a text, one table for the whole command language (the lexer,
/// text commands' options, collections' queries, lesson checks): "…", “…”, '…' and 「…」.
///
///     Quotes.words(#"faq-en "how do I pay" k=3"#)   // faq-en, how do I pay (quoted), k=3
public enum Quotes {
    /// Each opening quote and its closing quote.
    public static let pairs: [Character: Character] = ["\"": "\"", "“": "”", "'": "'", "「": "」"]

    /// The closing quote of an opening one. In an expression the apostrophe belongs to words
    /// (GloVe's `'s`, `don't`), so there only "…", “…” and 「…」 quote.
    public static func closing(_ open: Character, inExpression: Bool = false) -> Character? {
        if inExpression && open == "'" { return nil }
        return pairs[open]
    }

    /// `text` without one pair of quotes around it, and whether it had them.
    public static func unquote(_ text: String) -> (text: String, quoted: Bool) {
        guard let open = text.first, let close = pairs[open], text.count >= 2, text.last == close else { return (text, false) }
        return (String(text.dropFirst().dropLast()), true)
    }

    /// One whitespace-separated word of a text, quotes taken off a word that was all quoted.
    public struct Word: Equatable, Sendable {
        public var text: String
        public var quoted: Bool
    }

    /// The words of `text`: a quote opening a word, or right after `=`, runs to its closing quote,
    /// spaces included; a quote left open runs to the end.
    public static func words(_ text: String) -> [Word] {
        spans(text).map { span in
            let (inner, quoted) = unquote(span.text)
            return Word(text: inner, quoted: quoted)
        }
    }

    /// One word with where it starts and ends (character offsets in the text), and where a quote
    /// in it opened and never closed.
    struct WordSpan {
        var text: String
        var start: Int
        var end: Int
        var unclosedQuote: Int?
    }

    /// The words of `text` as they are written (quotes kept), with their offsets: the one reading of
    /// quotes that `words` and the text commands' option splitter (`OptionText`) share.
    static func spans(_ text: String) -> [WordSpan] {
        let chars = Array(text)
        var out: [WordSpan] = []
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            let start = i
            var word = ""
            var unclosed: Int?
            while i < chars.count, !chars[i].isWhitespace {
                if let close = pairs[chars[i]], word.isEmpty || word.last == "=" {
                    let open = i
                    word.append(chars[i]); i += 1
                    while i < chars.count, chars[i] != close { word.append(chars[i]); i += 1 }
                    if i < chars.count { word.append(chars[i]); i += 1 } else { unclosed = open }
                    continue
                }
                word.append(chars[i]); i += 1
            }
            out.append(WordSpan(text: word, start: start, end: i, unclosedQuote: unclosed))
        }
        return out
    }
}

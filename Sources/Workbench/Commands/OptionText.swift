/// Splits the text of a text command into the text itself and its options, which are written
/// after it as `key=value` or `key N`:
///
///     cooccur "the cat sat on the mat" window 2     text "the cat sat on the mat", window 2
///     eval questions-words.txt restrict=30000       text "questions-words.txt", restrict 30000
///     train glove corpus="my corpus.txt" dim=50     keyword glove, corpus "my corpus.txt", dim 50
///
/// A quoted text ends at its closing quote and everything after it must be options; a bare text
/// gives up its options from the end. Quotes may be "…", “…”, '…' or 「…」.
enum OptionText {
    static var quotes: [Character: Character] { Quotes.pairs }

    /// A whitespace-separated word with where it starts and ends (character offsets in the line).
    struct Word {
        var text: String
        var start: Int
        var end: Int
    }

    struct Split {
        var text: String
        var textSpan: Span
        var quoted: Bool
        var options: [(key: String, value: String, span: Span)]
        /// The keyword the text started with, if the command has keywords.
        var keyword: String? = nil
    }

    /// Words of `raw` (which starts at offset `base` in the line); a quote opening a word, or right
    /// after `=`, runs to its closing quote, spaces included.
    static func words(_ raw: String, base: Int, language: Language) throws -> [Word] {
        let chars = Array(raw)
        return try Quotes.spans(raw).map { span in
            if let open = span.unclosedQuote {
                let close = quotes[chars[open]] ?? "\""
                throw WorkbenchError(language.text(.textNotClosed, ["close": String(close)]), at: Span(base + open, base + chars.count),
                                     hint: language.text(.textNotClosedHint, ["open": String(chars[open]), "close": String(close)]))
            }
            return Word(text: span.text, start: base + span.start, end: base + span.end)
        }
    }

    static func unquote(_ s: String) -> (String, Bool) { Quotes.unquote(s) }

    static func split(_ raw: String, at span: Span, keyword: String?, options: [OptionSpec], language: Language,
                      command: String, hint: String?) throws -> Split {
        try split(raw, at: span, keywords: keyword.map { [$0] } ?? [], options: options, language: language, command: command, hint: hint)
    }

    /// The same, for a command that starts with one of several keywords (`train glove`, `train word2vec`);
    /// `Split.keyword` is the one given.
    static func split(_ raw: String, at span: Span, keywords: [String], options: [OptionSpec], language: Language,
                      command: String, hint: String?) throws -> Split {
        var words = try words(raw, base: span.start, language: language)
        var keyword: String?
        if !keywords.isEmpty {
            guard let first = words.first, keywords.contains(first.text.lowercased()) else {
                throw WorkbenchError(language.text(.argumentNeedsKeyword, ["command": command, "keyword": keywords.joined(separator: "|")]),
                                     at: span, hint: hint)
            }
            keyword = first.text.lowercased()
            words.removeFirst()
        }
        func option(_ word: Word) -> (String, String)? {
            guard let eq = word.text.firstIndex(of: "=") else { return nil }
            let key = String(word.text[..<eq])
            guard options.contains(where: { $0.isNamed(key) }) else { return nil }
            return (key, unquote(String(word.text[word.text.index(after: eq)...])).0)
        }
        /// `window 2`: a name followed by a value it accepts (or a number, so that a range error is said).
        func pair(_ name: Word, _ value: Word) -> Bool {
            guard let spec = options.first(where: { $0.isNamed(name.text) }) else { return false }
            return Double(value.text) != nil || (try? spec.parse(value.text, language: language)) != nil
        }
        var found: [(String, String, Span)] = []
        var text: [Word]
        var quoted = false
        if let first = words.first, unquote(first.text).1 {
            // A quoted text: everything after it is options.
            text = [first]
            quoted = true
            var i = 1
            while i < words.count {
                if let (k, v) = option(words[i]) {
                    found.append((k, v, Span(words[i].start, words[i].end))); i += 1
                } else if i + 1 < words.count, options.contains(where: { $0.isNamed(words[i].text) }) {
                    found.append((words[i].text, words[i + 1].text, Span(words[i].start, words[i + 1].end))); i += 2
                } else if options.contains(where: { $0.isNamed(words[i].text) }) {
                    throw WorkbenchError(language.text(.optionNeedsValue, ["name": words[i].text]), at: Span(words[i].start, words[i].end), hint: hint)
                } else {
                    let phrase: Phrase = options.isEmpty ? .optionNotHere : .optionUnknown
                    throw WorkbenchError(language.text(phrase, ["command": command, "name": words[i].text,
                                                                "options": options.map(\.name).joined(separator: ", ")]),
                                         at: Span(words[i].start, words[i].end), hint: hint)
                }
            }
        } else {
            // A bare text gives up its options from the end.
            text = words
            var trailing: [(String, String, Span)] = []
            while let last = text.last {
                if let (k, v) = option(last) {
                    trailing.insert((k, v, Span(last.start, last.end)), at: 0)
                    text.removeLast()
                } else if text.count >= 2, pair(text[text.count - 2], last) {
                    let name = text[text.count - 2]
                    trailing.insert((name.text, last.text, Span(name.start, last.end)), at: 0)
                    text.removeLast(2)
                } else { break }
            }
            found = trailing
        }
        let textSpan = text.isEmpty ? Span(span.end, span.end) : Span(text[0].start, text[text.count - 1].end)
        var joined = text.isEmpty ? "" : String(Array(raw)[(textSpan.start - span.start)..<(textSpan.end - span.start)])
        if quoted { joined = unquote(joined).0 }
        return Split(text: joined, textSpan: textSpan, quoted: quoted, options: found.map { (key: $0.0, value: $0.1, span: $0.2) },
                     keyword: keyword)
    }
}

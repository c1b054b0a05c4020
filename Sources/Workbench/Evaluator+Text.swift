import Foundation
import GloVe
import Tokenizers

/// The commands of the tokens lesson and of GloVe's first stage, on text typed at the prompt:
///
///     tokens "从Token到向量"                       words, characters, bytes (and BPE) side by side
///     bpe train "aaabdaaabac" vocab 259           the merges a byte-pair encoder learns
///     cooccur "the cat sat on the mat" window 2   the co-occurrence counts X as a table
///
/// Each returns a `Table` whose rows are the gradable part (the first column holds the words,
/// the merged tokens, the row words of X) and, for tokens, a `TokenBreakdown` that the
/// renderer draws with coloured token boundaries.
extension Evaluator {
    /// `tokens TEXT`: the text cut into words (Chinese by the bundled dictionary), characters,
    /// UTF-8 bytes, and BPE tokens when this session has trained a BPE (`bpe train`).
    func tokens(_ args: [CommandArgument], _ span: Span) throws -> Value {
        guard case .text(let raw, let textSpan) = args.first else {
            throw WorkbenchError("tokens needs a text", at: span, hint: #"tokens "从Token到向量""#)
        }
        let text = try TextArgument.unquoted(raw, at: textSpan)
        guard !text.isEmpty else { throw WorkbenchError("the text is empty", at: textSpan, hint: #"tokens "从Token到向量""#) }
        let segmenter = try? ChineseSegmenter.bundled()
        let views = TokenViews(text, words: WordTokenizer(segmenter: segmenter))
        var cuts = [TokenBreakdown.View(name: "words", tokens: views.words),
                    TokenBreakdown.View(name: "characters", tokens: views.characters),
                    TokenBreakdown.View(name: "bytes", tokens: views.bytes)]
        let bpe = session.bpe
        if let bpe { cuts.append(TokenBreakdown.View(name: "BPE", tokens: bpe.tokenize(text))) }
        let note = bpe == nil ? "no BPE row yet: train one with  bpe train TEXT vocab N" : "BPE: the \(bpe!.merges.count) merges of your last bpe train"
        let breakdown = TokenBreakdown(text: text, views: cuts, note: note)
        let counts = cuts.map { view -> String in
            let name = view.name == "BPE" ? "BPE tokens" : view.name
            // "1 word", "2 words": the view names are plural.
            return "\(view.pieces.count) \(view.pieces.count == 1 && name.hasSuffix("s") ? String(name.dropLast()) : name)"
        }
        return .table(Table(title: "\(text): " + counts.joined(separator: ", "),
                            headers: ["word", "bytes", "UTF-8"],
                            rows: cuts[0].pieces.map { [$0.text, String($0.byteCount), $0.hex] },
                            numericColumns: [1], detail: .tokens(breakdown)))
    }

    /// `bpe train TEXT vocab N`: learns N − 256 merges from the text, most frequent pair first,
    /// and shows them with the text cut by the result. The session keeps the tokenizer, so that
    /// `tokens` shows a BPE row afterwards.
    func bpe(_ args: [CommandArgument], _ span: Span) throws -> Value {
        let usage = #"bpe train "aaabdaaabac" vocab 259   (vocab counts the 256 byte tokens: 259 learns 3 merges)"#
        guard case .text(let raw, let textSpan) = args.first, raw.hasPrefix("train"), raw.dropFirst(5).first?.isWhitespace ?? false else {
            throw WorkbenchError("bpe takes 'train', a text and a vocabulary size", at: span, hint: usage)
        }
        let restStart = textSpan.start + 5
        let (text, options) = try TextArgument.split(String(raw.dropFirst(5)), at: Span(restStart, textSpan.end),
                                                     keys: ["vocab"], usage: usage)
        guard !text.isEmpty else { throw WorkbenchError("bpe train needs a text to learn from", at: span, hint: usage) }
        let vocabulary = try options.int("vocab", default: 256 + 10, in: 256...(256 + 2000), at: span,
                                         hint: "vocab counts the 256 byte tokens too: vocab 266 learns 10 merges")
        let cancellation = session.cancellation
        let tokenizer = try BPETokenizer.train(on: text, vocabularySize: vocabulary, onMerge: { _ in !cancellation.isRequested })
        session.bpe = tokenizer

        let bytes = TokenBreakdown.View(name: "bytes", tokens: ByteTokenizer().tokenize(text))
        let cut = TokenBreakdown.View(name: "BPE", tokens: tokenizer.tokenize(text))
        let merges = tokenizer.merges.map { m in
            TokenBreakdown.Merge(left: Tokenizers.Token.readableText(m.leftBytes), right: Tokenizers.Token.readableText(m.rightBytes),
                                 token: m.readableText, id: m.newID, count: m.count)
        }
        var note = "vocabulary \(tokenizer.vocabularySize) = 256 bytes + \(merges.count) merges"
        if merges.count < vocabulary - 256 {
            note += cancellation.isRequested ? "; stopped by Ctrl-C" : "; stopped early: the text is one token"
        }
        let breakdown = TokenBreakdown(text: text, views: [bytes, cut], merges: merges, note: note)
        return .table(Table(title: "BPE on \(text.utf8.count) bytes: \(merges.count) merge\(merges.count == 1 ? "" : "s"); the text is now \(cut.pieces.count) token\(cut.pieces.count == 1 ? "" : "s")",
                            headers: ["token", "merged from", "id", "count"],
                            rows: merges.map { [$0.token, "\($0.left) + \($0.right)", String($0.id), String($0.count)] },
                            numericColumns: [2, 3], detail: .tokens(breakdown)))
    }

    /// `cooccur TEXT [window N]`: GloVe's counts X on a text small enough to read. Sentences
    /// (split at . ! ? 。！？) are separate lines, so no window crosses them; Chinese is cut into
    /// words first; punctuation is left out.
    func cooccur(_ args: [CommandArgument], _ span: Span) throws -> Value {
        let usage = #"cooccur "the cat sat on the mat" window 2"#
        guard case .text(let raw, let textSpan) = args.first else {
            throw WorkbenchError("cooccur needs a text", at: span, hint: usage)
        }
        let (text, options) = try TextArgument.split(raw, at: textSpan, keys: ["window"], usage: usage)
        let window = try options.int("window", default: 2, in: 1...50, at: span, hint: "window 2: two words on each side count")
        let words = WordTokenizer(segmenter: try? ChineseSegmenter.bundled())
        let lines = text.split(whereSeparator: { ".!?。！？;；\n".contains($0) }).map { sentence in
            words.tokenize(String(sentence)).map(\.text).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.joined(separator: " ")
        }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw WorkbenchError("the text has no words", at: textSpan, hint: usage) }
        let X = CooccurrenceMatrix(counting: lines.joined(separator: "\n"), window: window)
        let shown = min(X.vocabulary.count, 12)
        let dense = X.table(limit: shown)
        let names = Array(X.vocabulary.words.prefix(shown))
        let rows = (0..<shown).map { i in [names[i]] + (0..<shown).map { j in Self.count(dense[i, j]) } }
        var title = "X for \(X.vocabulary.count) words, window \(window): a word at distance d counts 1/d"
        if shown < X.vocabulary.count { title += "; the \(shown) most frequent shown" }
        return .table(Table(title: title, headers: ["X"] + names, rows: rows, numericColumns: Set(1...max(1, shown))))
    }

    /// 0 → "·", 1 → "1", 0.5 → "0.5", 1/3 → "0.33".
    static func count(_ x: Float) -> String {
        if x == 0 { return "·" }
        if x == x.rounded() { return String(Int(x)) }
        var s = String(format: "%.2f", x)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

extension TokenBreakdown.View {
    init(name: String, tokens: [Tokenizers.Token]) {
        self.init(name: name, pieces: tokens.map {
            TokenBreakdown.Piece(text: $0.readableText, hex: $0.hex, id: $0.id, byteRange: $0.byteRange)
        })
    }
}

/// The text argument of a text command: a quoted or bare text, then `key N` or `key=N` options.
enum TextArgument {
    static let quotes: [Character: Character] = ["\"": "\"", "“": "”", "'": "'", "「": "」"]

    /// The text without its surrounding quotes, if it has them.
    static func unquoted(_ raw: String, at span: Span) throws -> String {
        let t = raw.trimmingWhitespace
        guard let open = t.first, let close = quotes[open] else { return t }
        guard t.count >= 2, t.last == close else {
            throw WorkbenchError("the text has no closing \(close)", at: span, hint: "put the text between \(open) and \(close)")
        }
        return String(t.dropFirst().dropLast())
    }

    /// Options after the text, by name.
    struct Options {
        var values: [String: String] = [:]

        func int(_ key: String, default value: Int, in range: ClosedRange<Int>, at span: Span, hint: String) throws -> Int {
            guard let raw = values[key] else { return value }
            guard let n = Int(raw), range.contains(n) else {
                throw WorkbenchError("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(raw)'", at: span, hint: hint)
            }
            return n
        }
    }

    /// Splits `"some text" key N` (or bare `some text key N`, or `key=N`) into the text and its options.
    static func split(_ raw: String, at span: Span, keys: Set<String>, usage: String) throws -> (String, Options) {
        let t = raw.trimmingWhitespace
        var options = Options()
        var rest: [Substring]
        var text: String
        if let open = t.first, let close = quotes[open] {
            guard let end = t.dropFirst().firstIndex(of: close) else {
                throw WorkbenchError("the text has no closing \(close)", at: span, hint: usage)
            }
            text = String(t[t.index(after: t.startIndex)..<end])
            rest = t[t.index(after: end)...].split(whereSeparator: \.isWhitespace)
        } else {
            // A bare text: options are taken from its end.
            var words = t.split(whereSeparator: \.isWhitespace)
            var trailing: [Substring] = []
            while let last = words.last {
                if let eq = last.firstIndex(of: "="), keys.contains(String(last[..<eq])) {
                    trailing.insert(words.removeLast(), at: 0)
                } else if words.count >= 2, keys.contains(String(words[words.count - 2])), Double(last) != nil {
                    trailing.insert(contentsOf: words.suffix(2), at: 0)
                    words.removeLast(2)
                } else { break }
            }
            text = words.joined(separator: " ")
            rest = trailing
        }
        var i = 0
        while i < rest.count {
            let word = rest[i]
            if let eq = word.firstIndex(of: "=") {
                let key = String(word[..<eq])
                guard keys.contains(key) else { throw unknown(key, span, keys, usage) }
                options.values[key] = String(word[word.index(after: eq)...])
                i += 1
            } else {
                guard keys.contains(String(word)) else { throw unknown(String(word), span, keys, usage) }
                guard i + 1 < rest.count else { throw WorkbenchError("\(word) needs a number after it", at: span, hint: usage) }
                options.values[String(word)] = String(rest[i + 1])
                i += 2
            }
        }
        text = text.trimmingWhitespace
        return (text, options)
    }

    private static func unknown(_ word: String, _ span: Span, _ keys: Set<String>, _ usage: String) -> WorkbenchError {
        WorkbenchError("unexpected '\(word)' after the text; the options are: \(keys.sorted().joined(separator: ", "))", at: span, hint: usage)
    }
}

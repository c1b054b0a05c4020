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
extension CommandSpec {
    static let tokens = CommandSpec(
        "tokens", arguments: .text(.text, keyword: nil, required: true),
        topic: .text,
        summary: Localized(en: "the text as words, characters, UTF-8 bytes (and BPE tokens) side by side",
                           zh: "把文本分别切成词、字、UTF-8 字节（以及 BPE 词元），并排显示"),
        examples: [#"tokens "从Token到向量""#, #"tokens "北京""#],
        evaluate: { try $0.tokens() })

    static let bpe = CommandSpec(
        "bpe", arguments: .text(.text, keyword: "train", required: true),
        options: [OptionSpec("vocab", .integer(256...(256 + 2000)), default: .integer(256 + 10),
                             help: Localized(en: "the vocabulary size, counting the 256 byte tokens: 259 learns 3 merges",
                                             zh: "词表大小，含 256 个字节词元：259 即学 3 次合并"),
                             example: #"bpe train "aaabdaaabac" vocab 259"#)],
        topic: .text,
        summary: Localized(en: "learn byte-pair merges from a text, most frequent pair first; afterwards tokens shows a BPE row",
                           zh: "从文本学习字节对合并，最常见的一对先合并；之后 tokens 会多显示一行 BPE"),
        examples: [#"bpe train "aaabdaaabac" vocab 259"#],
        effects: .trainsTokenizer,
        evaluate: { try $0.bpe() })

    static let cooccur = CommandSpec(
        "cooccur", arguments: .text(.text, keyword: nil, required: true),
        options: [OptionSpec("window", .integer(1...50), default: .integer(2),
                             help: Localized(en: "how many words on each side count", zh: "两侧各算几个词"),
                             example: #"cooccur "the cat sat on the mat" window 2"#)],
        topic: .text,
        summary: Localized(en: "GloVe's co-occurrence counts X: a word at distance d counts 1/d",
                           zh: "GloVe 的共现计数 X：距离为 d 的词计 1/d"),
        examples: [#"cooccur "the cat sat on the mat" window 2"#],
        evaluate: { try $0.cooccur() })
}

extension Invocation {
    /// `tokens TEXT`: the text cut into words (Chinese by the bundled dictionary), characters,
    /// UTF-8 bytes, and BPE tokens when this session has trained a BPE (`bpe train`).
    func tokens() throws -> Value {
        let segmenter = try? ChineseSegmenter.bundled()
        let views = TokenViews(text, words: WordTokenizer(segmenter: segmenter))
        var cuts = [TokenBreakdown.View(name: "words", tokens: views.words),
                    TokenBreakdown.View(name: "characters", tokens: views.characters),
                    TokenBreakdown.View(name: "bytes", tokens: views.bytes)]
        let bpe = session.bpe
        if let bpe { cuts.append(TokenBreakdown.View(name: "BPE", tokens: bpe.tokenize(text))) }
        var note = bpe.map { language.text(.tokensNoteBPE, ["n": "\($0.merges.count)"]) } ?? language.text(.tokensNoteNoBPE)
        // The encoder in use reads the text as word pieces, each an id: the row of its embedding matrix.
        if let encoder = session.encoder {
            let pieces = encoder.tokenizer.encode(text).pieces
            note += "\n" + language.text(.tokensEncoderPieces, ["model": encoder.name, "n": "\(pieces.count)", "s": pieces.count == 1 ? "" : "s"])
                + pieces.map { "\($0.text) \($0.id)" }.joined(separator: " · ")
                + language.text(.tokensRowHint)
        }
        let breakdown = TokenBreakdown(text: text, views: cuts, note: note)
        let phrases: [String: Phrase] = ["words": .countWords, "characters": .countCharacters, "bytes": .countBytes, "BPE": .countBPETokens]
        let counts = cuts.map { view in
            language.text(phrases[view.name] ?? .countBPETokens, ["n": "\(view.pieces.count)", "s": view.pieces.count == 1 ? "" : "s"])
        }
        return .table(Table(title: "\(text): " + counts.joined(separator: language.text(.clauseSeparator)),
                            headers: [language.text(.headerWord), language.text(.headerBytes), "UTF-8"],
                            rows: cuts[0].pieces.map { [$0.text, String($0.byteCount), $0.hex] },
                            numericColumns: [1], detail: .tokens(breakdown)))
    }

    /// `bpe train TEXT vocab N`: learns N − 256 merges from the text, most frequent pair first,
    /// and shows them with the text cut by the result. The session keeps the tokenizer, so that
    /// `tokens` shows a BPE row afterwards.
    func bpe() throws -> Value {
        let vocabulary = options.integer("vocab") ?? 266
        let cancellation = session.cancellation
        let tokenizer = try BPETokenizer.train(on: text, vocabularySize: vocabulary, onMerge: { _ in !cancellation.isRequested })
        session.bpe = tokenizer

        let bytes = TokenBreakdown.View(name: "bytes", tokens: ByteTokenizer().tokenize(text))
        let cut = TokenBreakdown.View(name: "BPE", tokens: tokenizer.tokenize(text))
        let merges = tokenizer.merges.map { m in
            TokenBreakdown.Merge(left: Tokenizers.Token.readableText(m.leftBytes), right: Tokenizers.Token.readableText(m.rightBytes),
                                 token: m.readableText, id: m.newID, count: m.count)
        }
        var note = language.text(.bpeNote, ["size": "\(tokenizer.vocabularySize)", "n": "\(merges.count)"])
        if merges.count < vocabulary - 256 {
            note += language.text(cancellation.isRequested ? .bpeStoppedByCtrlC : .bpeStoppedEarly)
        }
        let breakdown = TokenBreakdown(text: text, views: [bytes, cut], merges: merges, note: note)
        return .table(Table(title: language.text(.bpeTitle, ["bytes": "\(text.utf8.count)", "merges": "\(merges.count)", "s": merges.count == 1 ? "" : "s",
                                                             "tokens": "\(cut.pieces.count)", "t": cut.pieces.count == 1 ? "" : "s"]),
                            headers: [language.text(.headerToken), language.text(.headerMergedFrom), "id", language.text(.headerCount)],
                            rows: merges.map { [$0.token, "\($0.left) + \($0.right)", String($0.id), String($0.count)] },
                            numericColumns: [2, 3], detail: .tokens(breakdown)))
    }

    /// `cooccur TEXT [window N]`: GloVe's counts X on a text small enough to read. Sentences
    /// (split at . ! ? 。！？) are separate lines, so no window crosses them; Chinese is cut into
    /// words first; punctuation is left out.
    func cooccur() throws -> Value {
        let usage = command.examples[0]
        let window = options.integer("window") ?? 2
        let words = WordTokenizer(segmenter: try? ChineseSegmenter.bundled())
        let lines = text.split(whereSeparator: { ".!?。！？;；\n".contains($0) }).map { sentence in
            words.tokenize(String(sentence)).map(\.text).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.joined(separator: " ")
        }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw WorkbenchError(language.text(.textHasNoWords), at: textSpan, hint: usage) }
        let X = CooccurrenceMatrix(counting: lines.joined(separator: "\n"), window: window)
        let shown = min(X.vocabulary.count, 12)
        let dense = X.table(limit: shown)
        let names = Array(X.vocabulary.words.prefix(shown))
        let rows = (0..<shown).map { i in [names[i]] + (0..<shown).map { j in Self.count(dense[i, j]) } }
        var title = language.text(.cooccurTitle, ["n": "\(X.vocabulary.count)", "window": "\(window)"])
        if shown < X.vocabulary.count { title += language.text(.cooccurShown, ["n": "\(shown)"]) }
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

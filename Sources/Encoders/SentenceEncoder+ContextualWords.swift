import VectorMath

/// The vector of one word as it is used in one sentence, and the pieces it was made from.
public struct ContextualWord: Sendable {
    public let word: String
    public let sentence: String
    /// The word's pieces, as the tokenizer cut it (`["bank"]`, `["银", "行"]`, `["em", "##bed", "##ding"]`).
    public let pieces: [String]
    /// The mean of those pieces' last hidden states (not normalised).
    public let vector: [Float]
}

extension SentenceEncoder {
    /// The contextual vector of `word` in `sentence`: the mean of the last hidden states of the word's pieces
    /// (its first occurrence). The word is matched after the tokenizer's normalisation, so `Bank` finds `bank`;
    /// a word of several pre-tokens (`银行`, which BERT splits into 银 and 行) matches them in a row; failing
    /// a whole-word match, the word is looked for inside the text (SentencePiece keeps 中文 runs as one word).
    ///
    ///     v("bank", "the river bank") · v("bank", "the bank raised its rates") < 1
    public func contextualVector(of word: String, in sentence: String, threads: Int = 1) throws -> ContextualWord {
        let target = tokenizer.normalize(word).filter { !$0.properties.isWhitespace }
        guard !target.isEmpty else { throw EncoderError.emptyWord }
        let (tokens, states) = hiddenStates(sentence, threads: threads)
        let enc = tokens.encoding
        guard let span = Self.find(target, in: enc, from: tokens.textStart) else {
            throw EncoderError.wordNotInSentence(word: word, sentence: sentence,
                                                 words: enc.words.filter { $0.lowerBound >= tokens.textStart }.map { String(String.UnicodeScalarView(enc.normalized[$0])) })
        }
        let chosen = enc.pieces.indices.filter { enc.pieces[$0].range.overlaps(span) }
        guard let last = chosen.last, last < tokens.pieces.count else {
            throw EncoderError.wordTruncated(word: word, maxTokens: config.maxTokens)
        }
        var v = [Float](repeating: 0, count: dimensions)
        for i in chosen {
            states.withRow(i + 1) { row in for j in 0..<v.count { v[j] += row[j] } }   // token i + 1: after [CLS]
        }
        let n = Float(chosen.count)
        return ContextualWord(word: word, sentence: sentence, pieces: chosen.map { enc.pieces[$0].text },
                              vector: v.map { $0 / n })
    }

    /// The normalised-text range of the first run of whole words that spell `target` (spaces ignored),
    /// or else of the first place `target` occurs inside the text.
    static func find(_ target: [Unicode.Scalar], in enc: SubwordEncoding, from textStart: Int = 0) -> Range<Int>? {
        let s = enc.normalized
        for first in enc.words.indices where enc.words[first].lowerBound >= textStart {
            var spelled: [Unicode.Scalar] = []
            var w = first
            while w < enc.words.count, spelled.count < target.count {
                spelled.append(contentsOf: s[enc.words[w]].filter { !$0.properties.isWhitespace })
                w += 1
            }
            if spelled == target { return enc.words[first].lowerBound..<enc.words[w - 1].upperBound }
        }
        guard textStart + target.count <= s.count else { return nil }
        for start in textStart...(s.count - target.count) where Array(s[start..<(start + target.count)]) == target {
            return start..<(start + target.count)
        }
        return nil
    }
}

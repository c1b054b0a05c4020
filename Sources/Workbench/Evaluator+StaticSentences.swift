import Embeddings
import Search
import Tokenizers

/// A quoted text of several words on a word-vector model (`sim "a cat sat on the mat", "a dog lay on
/// the rug"`) is a sentence vector: the SIF-weighted mean of its words' vectors (Arora et al. 2017,
/// weight a / (a + p(w)) with p(w) from Zipf's law over the model's frequency ranks). The common
/// component is not removed: with one or two sentences there is no collection to learn it from
/// (`search` learns it from its collection). With an encoder in use (`:use minilm`) the encoder's
/// sentence vector is used instead, in `Evaluator.operand`.
extension Evaluator {
    /// The sentence vector of `text`, or nil when the text is not a sentence (a word is looked up, not pooled).
    /// A text none of whose words the model has is an error that names them.
    func staticSentenceVector(_ text: String, _ span: Span) throws -> (vector: [Float], missing: [String])? {
        // A sentence has spaces between its words, or is a run of Chinese long enough to be more than
        // a word; anything else (a typo such as 狗x) stays an unknown word.
        let scalars = text.unicodeScalars
        let spaced = scalars.contains { $0.properties.isWhitespace }
        let chinese = scalars.count >= 6 && scalars.allSatisfy { $0.properties.isIdeographic }
        guard spaced || chinese else { return nil }
        let encoder = PooledSentenceEncoder(model: model, tokenizer: WordTokenizer(segmenter: try? ChineseSegmenter.bundled()), pooling: .sif)
        guard encoder.words(of: text).count > 1 else { return nil }
        let s = encoder.encode(text)
        if s.isEmpty {
            throw WorkbenchError(l(.sentenceNoKnownWord, ["text": text, "model": model.name, "words": s.missing.joined(separator: " ")]), at: span)
        }
        return (s.vector, s.missing)
    }

    /// A word, or else a text of several words pooled into a sentence vector.
    func wordOrSentence(_ w: String, _ span: Span) throws -> (vector: [Float], sources: [String], label: String) {
        do {
            let word = try resolveWord(w, span)
            return (model.vector(word)!, [word], word)
        } catch {
            guard let s = try staticSentenceVector(w, span) else { throw error }
            let missing = s.missing.isEmpty ? "" : l(.sentenceWordsMissing, ["model": model.name, "words": s.missing.joined(separator: " ")])
            return (s.vector, [], l(.sentenceSIFLabel, ["text": w, "missing": missing]))
        }
    }
}

extension Evaluator {
    /// On a static model, the note that `WORD in "SENTENCE"` is the word's one vector whatever the sentence
    /// (shown beside `sim`, `let` and `near` results as well as the bare expression); nil on an encoder.
    func staticContextNote(_ expressions: [Expr]) -> String? {
        guard session.encoder == nil, let word = expressions.lazy.compactMap(\.firstContextualWord).first else { return nil }
        return l(.staticContextNote, ["word": word, "model": model.name])
    }
}

extension Expr {
    /// The word of the first `WORD in "SENTENCE"` inside the expression.
    var firstContextualWord: String? {
        switch self {
        case .contextual(let word, _, _): return word
        case .word, .number: return nil
        case .vector(let items, _), .call(_, let items, _): return items.lazy.compactMap(\.firstContextualWord).first
        case .binary(_, let a, let b, _): return a.firstContextualWord ?? b.firstContextualWord
        case .negate(let a, _): return a.firstContextualWord
        }
    }
}

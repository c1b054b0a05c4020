import Embeddings
import Tokenizers
import VectorMath

/// Turns text into one vector with a word-vector model: tokenise (the project's `WordTokenizer`,
/// with the Chinese segmenter so that 北京大学 becomes 北京 大学), look every word up, pool.
///
/// Tokens that are only punctuation or symbols are left out; a word the model does not have is
/// tried lower-cased (GloVe's words are) and otherwise reported in `SentenceVector.missing`.
/// With SIF pooling, `fitted(on:)` learns the common direction from a set of sentences; without it
/// only the weighting is applied.
///
/// ```swift
/// let encoder = PooledSentenceEncoder(model: glove, tokenizer: WordTokenizer(segmenter: try .bundled()))
///     .fitted(on: faq.documents.map(\.text))
/// let a = encoder.encode("how do I reset my password"), b = encoder.encode("I forgot my login")
/// a.vector.cosine(b.vector)
/// ```
public struct PooledSentenceEncoder: Sendable {
    public let model: WordVectors
    public let tokenizer: WordTokenizer
    public var pooling: Pooling
    public var probabilities: WordProbabilities
    /// SIF's common component u (unit length), removed from every sentence vector; nil until fitted.
    public private(set) var commonComponent: [Float]?

    /// An encoder; word probabilities default to Zipf's law over the model's frequency ranks.
    public init(model: WordVectors, tokenizer: WordTokenizer = WordTokenizer(), pooling: Pooling = .sif,
                probabilities: WordProbabilities? = nil) {
        self.model = model
        self.tokenizer = tokenizer
        self.pooling = pooling
        self.probabilities = probabilities ?? .zipf(vocabularySize: model.count)
    }

    /// The words of `text` the encoder looks up: tokens with at least one letter, digit or Chinese character.
    public func words(of text: String) -> [String] {
        tokenizer.tokenize(text).map(\.text).filter { $0.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
    }

    /// The sentence vector of `text`, before the common component is removed.
    func weightedAverage(_ text: String) -> SentenceVector {
        var sum = [Float](repeating: 0, count: model.dimensions)
        var known: [String] = [], weights: [Float] = [], missing: [String] = []
        for word in words(of: text) {
            let lower = word.lowercased()
            guard let row = model.index(of: word) ?? model.index(of: lower) else { missing.append(word); continue }
            let found = model.words[row]
            let w = pooling.weight(probability: probabilities.probability(of: found, rank: row + 1))
            model.matrix.withRow(row) { v in
                sum.withUnsafeMutableBufferPointer { s in Kernels.axpy(w, v.baseAddress!, s.baseAddress!, count: v.count) }
            }
            known.append(found)
            weights.append(w)
        }
        if !known.isEmpty {
            sum.withUnsafeMutableBufferPointer { Kernels.scale($0.baseAddress!, by: 1 / Float(known.count), count: $0.count) }
        }
        return SentenceVector(text: text, vector: sum, known: known, weights: weights, missing: missing)
    }

    /// The vector of `text`: pooled, and with SIF the common component removed.
    public func encode(_ text: String) -> SentenceVector {
        var s = weightedAverage(text)
        if case .sif = pooling, let u = commonComponent, !s.isEmpty {
            let projection = s.vector.dot(u)
            s.vector = s.vector.adding(u, times: -projection)
        }
        return s
    }

    /// The same encoder with SIF's common component learnt from `sentences`: the first singular
    /// vector u of the matrix X whose rows are their weighted averages (Arora et al. take it
    /// uncentred, like a truncated SVD). It is the top principal direction of the rows of X and
    /// −X together, whose mean is zero, so VectorMath's PCA finds it. Mean pooling ignores it.
    public func fitted(on sentences: [String]) -> PooledSentenceEncoder {
        var copy = self
        let rows = sentences.map { weightedAverage($0) }.filter { !$0.isEmpty }.map(\.vector)
        guard case .sif = pooling, rows.count >= 2, model.dimensions >= 1 else { return copy }
        let both = Matrix(rowVectors: rows + rows.map { $0.map { -$0 } })
        let u = PCA(fitting: both, components: 1).components.row(0)
        copy.commonComponent = u.normalized
        return copy
    }

    /// Cosine similarity of two texts' vectors (0 when either has no known word).
    public func similarity(_ a: String, _ b: String) -> Float {
        encode(a).vector.cosine(encode(b).vector)
    }
}

import Encoders
import Search

/// A transformer encoder as Search's `SentenceEmbedder`, so that `search`, `recommend` and `classify` use it
/// after `:use e5-small` or `:use minilm`. The model card's advice for e5: for retrieval (`search`,
/// `recommend`) documents are passages (`passage: `) and queries are queries (`query: `); for symmetric tasks
/// such as classification both sides are queries. `known` lists the pieces read.
///
/// ```swift
/// let faq = SemanticIndex(collection: c, encoder: TransformerSentences(encoder: e5, threads: 2))
/// ```
struct TransformerSentences: SentenceEmbedder {
    let encoder: Encoders.SentenceEncoder
    let threads: Int
    /// How the collection's documents are read: `.passage` for search, `.query` for classification.
    var documents: TextRole = .passage

    func encode(_ text: String) -> SentenceVector {
        let v = encoder.encode(text, as: .query, threads: threads)
        return SentenceVector(encoded: text, vector: v, pieces: encoder.tokenize(text).pieces.map(\.text))
    }

    func prepared(for documents: [String]) -> (embedder: any SentenceEmbedder, vectors: [SentenceVector]) {
        let m = encoder.encode(documents, as: self.documents, batchSize: 32, threads: threads)
        return (self, documents.indices.map {
            SentenceVector(encoded: documents[$0], vector: m.row($0), pieces: encoder.tokenize(documents[$0], as: self.documents).pieces.map(\.text))
        })
    }
}

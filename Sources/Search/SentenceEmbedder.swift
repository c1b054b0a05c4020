/// Anything that turns texts into sentence vectors for a `SemanticIndex`: word vectors pooled
/// (`PooledSentenceEncoder`, mean or SIF), or a transformer encoder (adapted in Workbench, which sees both).
///
/// A collection is prepared once: the embedder may learn from its documents (SIF's common component)
/// and may encode them differently from queries (e5 reads `passage: ` before a document, `query: `
/// before a question).
///
/// ```swift
/// let (fitted, documents) = encoder.prepared(for: faq.documents.map(\.text))
/// let q = fitted.encode("I forgot my password")   // compared with `documents` by cosine
/// ```
public protocol SentenceEmbedder: Sendable {
    /// The vector of a query (or of any single text).
    func encode(_ text: String) -> SentenceVector
    /// The embedder to use for queries against `documents`, and the documents' vectors.
    func prepared(for documents: [String]) -> (embedder: any SentenceEmbedder, vectors: [SentenceVector])
}

extension PooledSentenceEncoder: SentenceEmbedder {
    /// Fitted on the documents (SIF), then each document pooled the same way as a query.
    public func prepared(for documents: [String]) -> (embedder: any SentenceEmbedder, vectors: [SentenceVector]) {
        let fitted = fitted(on: documents)
        return (fitted, documents.map { fitted.encode($0) })
    }
}

extension SentenceVector {
    /// A sentence vector made elsewhere (a transformer encoder): `pieces` are what it read, each weighing 1.
    public init(encoded text: String, vector: [Float], pieces: [String]) {
        self.init(text: text, vector: vector, known: pieces, weights: pieces.map { _ in 1 }, missing: [])
    }
}

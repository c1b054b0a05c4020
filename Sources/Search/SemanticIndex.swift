import VectorMath

/// A collection whose documents have been turned into vectors, ready for semantic search and
/// recommendation: a query becomes a vector too, and the documents are ranked by cosine
/// similarity to it (exact: all documents are compared, as a small collection allows).
///
/// ```swift
/// let faq = try SemanticIndex(collection: DocumentCollection(path: "collections/faq-en.txt"), encoder: encoder)
/// faq.search("I forgot my password", k: 3)     // [SearchHit], best first
/// faq.recommend(item: 4, k: 5)                 // the five documents most like document 4
/// ```
public struct SemanticIndex: Sendable {
    public let collection: DocumentCollection
    /// The encoder, prepared on the collection's texts (fitted, when it pools with SIF).
    public let encoder: any SentenceEmbedder
    /// Each document's sentence vector, with its known and missing words.
    public let encoded: [SentenceVector]
    /// The documents' vectors scaled to unit length, one row each.
    public let unitVectors: Matrix

    public init(collection: DocumentCollection, encoder: any SentenceEmbedder) {
        self.collection = collection
        let (fitted, encoded) = encoder.prepared(for: collection.documents.map(\.text))
        self.encoder = fitted
        self.encoded = encoded
        unitVectors = Matrix(rowVectors: encoded.map(\.vector)).normalizedRows()
    }

    /// A collection whose vectors were computed before (read back from a `SentenceVectorCache`):
    /// `encoder` is already prepared for it, `encoded[i]` is document i's vector.
    public init(collection: DocumentCollection, prepared encoder: any SentenceEmbedder, encoded: [SentenceVector]) {
        precondition(encoded.count == collection.documents.count, "one sentence vector per document")
        self.collection = collection
        self.encoder = encoder
        self.encoded = encoded
        unitVectors = Matrix(rowVectors: encoded.map(\.vector)).normalizedRows()
    }

    /// The `k` documents most similar to `vector`, best first, leaving out `excluding`.
    public func nearest(to vector: [Float], k: Int, excluding: Set<Int> = []) -> [SearchHit] {
        guard vector.count == unitVectors.columns, k > 0 else { return [] }
        let unit = Matrix(rowVectors: [vector.normalized])
        let exclude = excluding.union(encoded.indices.filter { encoded[$0].isEmpty })
        return unitVectors.nearest(batch: unit, k: k, excluding: [exclude])[0].map { hit in
            SearchHit(document: hit.index, text: collection.documents[hit.index].text,
                      label: collection.documents[hit.index].label, score: hit.score)
        }
    }

    /// Semantic search: the `k` documents nearest to the query text, and the query's own vector
    /// (with the words the model lacked).
    public func search(_ query: String, k: Int) -> (query: SentenceVector, hits: [SearchHit]) {
        let q = encoder.encode(query)
        return (q, q.isEmpty ? [] : nearest(to: q.vector, k: k))
    }

    /// Recommendation: the `k` documents nearest to document `item`, itself left out.
    public func recommend(item: Int, k: Int) -> [SearchHit] {
        guard encoded.indices.contains(item), !encoded[item].isEmpty else { return [] }
        return nearest(to: encoded[item].vector, k: k, excluding: [item])
    }
}

/// One document found by a search: its position in the collection (0-based), text, label, cosine.
public struct SearchHit: Equatable, Sendable {
    public var document: Int
    public var text: String
    public var label: String?
    public var score: Float
}

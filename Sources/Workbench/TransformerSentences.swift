import Encoders
import Search
import VectorMath

/// A transformer encoder as Search's `SentenceEmbedder`, so that `search`, `recommend` and `classify` use it
/// after `:use e5-small` or `:use minilm`. The model card's advice for e5: for retrieval (`search`,
/// `recommend`) documents are passages (`passage: `) and queries are queries (`query: `); for symmetric tasks
/// such as classification both sides are queries. `known` lists the pieces read.
///
/// ```swift
/// let faq = SemanticIndex(collection: c, encoder: TransformerSentences(encoder: e5, threads: 2))
/// ```
struct TransformerSentences: SentenceEmbedder {
    let encoder: SentenceEncoder
    let threads: Int
    /// How the collection's documents are read: `.passage` for search, `.query` for classification.
    var documents: TextRole = .passage

    func encode(_ text: String) -> SentenceVector {
        let v = encoder.encode(text, as: .query, threads: threads)
        return SentenceVector(encoded: text, vector: v, pieces: encoder.tokenize(text).pieces.map(\.text))
    }

    func prepared(for documents: [String]) -> (embedder: any SentenceEmbedder, vectors: [SentenceVector]) {
        (self, self.documents(documents, vectors: documentVectors(documents)))
    }

    /// The documents' unit-length vectors, one row each (what `SentenceVectorCache` saves).
    func documentVectors(_ texts: [String]) -> Matrix {
        encoder.encode(texts, as: documents, batchSize: 32, threads: threads)
    }

    /// The documents as sentence vectors, from their rows in `vectors` (computed now or read back).
    func documents(_ texts: [String], vectors m: Matrix) -> [SentenceVector] {
        texts.indices.map {
            SentenceVector(encoded: texts[$0], vector: m.row($0), pieces: encoder.tokenize(texts[$0], as: documents).pieces.map(\.text))
        }
    }

    /// What the documents' vectors depend on: the model (its file's fingerprint) and the role they are read in.
    var fingerprint: UInt64 {
        encoder.fingerprint ^ (documents == .passage ? 0x7061_7373_6167_6500 : 0x7175_6572_7900_0000)
    }
}

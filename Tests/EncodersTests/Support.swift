import Encoders
import Foundation

/// Paths in the repository, and the MiniLM fixtures written by scripts/minilm_fixtures.py from the reference
/// implementation (Hugging Face `tokenizers` + PyTorch).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ p: String) -> String { root.appendingPathComponent(p).path }
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    nonisolated(unsafe) static var loaded: [String: SentenceEncoder] = [:]
    static let lock = NSLock()
    /// A bundled encoder, loaded once for all tests.
    static func encoder(_ name: String) throws -> SentenceEncoder {
        lock.lock(); defer { lock.unlock() }
        if let m = loaded[name] { return m }
        let m = try SentenceEncoder(path: path("vectors/\(name).embt"))
        loaded[name] = m
        return m
    }
    /// The bundled MiniLM (English, WordPiece).
    static func minilm() throws -> SentenceEncoder { try encoder("minilm") }
    /// The bundled multilingual-e5-small (中文 and English, SentencePiece unigram, pruned vocabulary).
    static func e5() throws -> SentenceEncoder { try encoder("e5-small") }
}

struct EncoderFixtures: Decodable {
    struct Sentence: Decodable {
        let text: String
        let ids: [Int32]
        let vector: [Float]?
        let vectorDequantised: [Float]
        enum CodingKeys: String, CodingKey { case text, ids, vector, vectorDequantised = "vector_dequantised" }
    }
    let model: String
    let maxTokens: Int
    let reference: String
    let sentences: [Sentence]
    /// e5 only: texts outside the pruning corpus, with the reference's (unpruned) ids and vector.
    let pruned: [PrunedSentence]?
    struct PrunedSentence: Decodable {
        let text: String
        let ids: [Int32]
        let prunedPieces: [String]
        let vector: [Float]
        enum CodingKeys: String, CodingKey { case text, ids, prunedPieces = "pruned_pieces", vector }
    }
    enum CodingKeys: String, CodingKey { case model, maxTokens = "max_tokens", reference, sentences, pruned }

    static func load(_ name: String) throws -> EncoderFixtures {
        try JSONDecoder().decode(EncoderFixtures.self, from: Data(contentsOf: Repo.fixtures.appendingPathComponent(name)))
    }
}

func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var d: Float = 0, na: Float = 0, nb: Float = 0
    for i in a.indices { d += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i] }
    return d / (na.squareRoot() * nb.squareRoot())
}

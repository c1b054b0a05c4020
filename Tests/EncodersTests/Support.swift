import Encoders
import Foundation

/// Paths in the repository, and the MiniLM fixtures written by scripts/minilm_fixtures.py from the reference
/// implementation (Hugging Face `tokenizers` + PyTorch).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ p: String) -> String { root.appendingPathComponent(p).path }
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    nonisolated(unsafe) static var loaded: SentenceEncoder?
    static let lock = NSLock()
    /// The bundled MiniLM, loaded once for all tests.
    static func minilm() throws -> SentenceEncoder {
        lock.lock(); defer { lock.unlock() }
        if let m = loaded { return m }
        let m = try SentenceEncoder(path: path("vectors/minilm.embt"))
        loaded = m
        return m
    }
}

struct EncoderFixtures: Decodable {
    struct Sentence: Decodable {
        let text: String
        let ids: [Int32]
        let vector: [Float]
        let vectorDequantised: [Float]
        enum CodingKeys: String, CodingKey { case text, ids, vector, vectorDequantised = "vector_dequantised" }
    }
    let model: String
    let maxTokens: Int
    let reference: String
    let sentences: [Sentence]
    enum CodingKeys: String, CodingKey { case model, maxTokens = "max_tokens", reference, sentences }

    static func load(_ name: String) throws -> EncoderFixtures {
        try JSONDecoder().decode(EncoderFixtures.self, from: Data(contentsOf: Repo.fixtures.appendingPathComponent(name)))
    }
}

func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var d: Float = 0, na: Float = 0, nb: Float = 0
    for i in a.indices { d += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i] }
    return d / (na.squareRoot() * nb.squareRoot())
}

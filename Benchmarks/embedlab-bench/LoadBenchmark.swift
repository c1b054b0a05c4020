import Embeddings
import Foundation
import VectorMath

/// Model loading, the same 30,000 × 50 model three ways: our `.embv` (memory-mapped), our text
/// parser on word2vec text, and the peer's Python/numpy/gensim readers of that same text file.
struct LoadBenchmark {
    let binary: Samples
    let text: Samples
    let textBytes: Int
    /// The text file read back equals the `.embv` matrix bit for bit.
    let textMatchesBinary: Bool
    /// Σ of all values, in Double, as the peer computes its checksum.
    let checksum: Double
    let peer: [PeerReport.TextLoad]

    init(modelPath: String, textPath: String, binaryRepeats: Int, textRepeats: Int, peer: PeerReport?) throws {
        let model: WordVectors, fromText: WordVectors
        (binary, model) = try Samples.measure(repeats: binaryRepeats, warmup: 1) { try WordVectors.load(path: modelPath) }
        (text, fromText) = try Samples.measure(repeats: textRepeats, warmup: 1) { try WordVectors.load(path: textPath, format: .word2vecText) }
        textBytes = (try? FileManager.default.attributesOfItem(atPath: textPath)[.size] as? Int) ?? 0
        textMatchesBinary = fromText.matrix == model.matrix && fromText.words == model.words
        checksum = model.matrix.withUnsafeBufferPointer { $0.reduce(0.0) { $0 + Double($1) } }
        self.peer = peer?.textLoads ?? []
    }

    var fastestPeer: PeerReport.TextLoad? { peer.min { $0.seconds < $1.seconds } }

    /// The peer read the same numbers (its checksum equals ours to float rounding).
    func peerAgrees(_ load: PeerReport.TextLoad) -> Bool {
        abs(load.checksum - checksum) <= 1e-6 * max(1, abs(checksum))
    }
}

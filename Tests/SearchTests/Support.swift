import Foundation
import Embeddings
import Search
import Tokenizers

/// The bundled models, collections and an encoder for each language.
enum Bundled {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let glove = try! WordVectors.load(path: path("vectors/glove-50d.embv"), name: "glove-50d")
    static let chinese = try! WordVectors.load(path: path("vectors/zh-pd1998.embv"), name: "zh-pd1998")
    static let segmenter = try! ChineseSegmenter.bundled()
    static func encoder(_ model: WordVectors, _ pooling: Pooling = .sif) -> PooledSentenceEncoder {
        PooledSentenceEncoder(model: model, tokenizer: WordTokenizer(segmenter: segmenter), pooling: pooling)
    }
    static func collection(_ name: String) -> DocumentCollection { try! DocumentCollection(path: path("collections/\(name)")) }
}

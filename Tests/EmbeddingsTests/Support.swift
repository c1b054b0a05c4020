import Foundation
@testable import Embeddings
import VectorMath

/// Paths into the repository, from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let glove: WordVectors = try! WordVectors.load(path: path("vectors/glove-50d.embv"), name: "glove-50d")
    static let zhWiki: WordVectors = try! WordVectors.load(path: path("vectors/zh-wiki.embv"), name: "zh-wiki")
    static func fixture(_ name: String) -> String { path("Tests/EmbeddingsTests/Fixtures/\(name)") }
}

/// A fresh temporary folder for files a test writes.
func temporaryDirectory() -> String {
    let dir = NSTemporaryDirectory() + "embedlab-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func write(_ bytes: [UInt8], to path: String) { FileManager.default.createFile(atPath: path, contents: Data(bytes)) }
func write(_ text: String, to path: String) { write(Array(text.utf8), to: path) }

let toyText = """
4 3
猫 0.3 0.8 -0.2
狗 0.4 0.7 -0.1
汽车 -0.5 0.1 0.9
飞机 -0.6 0.2 0.8

"""

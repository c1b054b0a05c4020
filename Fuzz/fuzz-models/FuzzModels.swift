import Embeddings
import Foundation

/// libFuzzer target: every model reader on arbitrary bytes. The first byte picks the format
/// (text with a header, GloVe text, word2vec binary, .embv, or guessed); the rest is the file.
/// A reader may refuse the file with an error, never trap, leak or hang.
private let scratch = NSTemporaryDirectory() + "embedlab-fuzz-models-\(getpid())"
private let formats: [ModelFormat?] = [.word2vecText, .gloveText, .word2vecBinary, .embedlab, nil]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModels(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 1 else { return 0 }
    let format = formats[Int(data[0]) % formats.count]
    let path = scratch + (format == .embedlab ? ".embv" : ".txt")
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data + 1, count: size - 1)) else { return 0 }
    defer { unlink(path) }
    if let model = try? WordVectors.load(path: path, format: format) {
        // Whatever loads must be usable: a query on its first word.
        _ = try? model.nearest(to: model.words[0], k: 3)
    }
    return 0
}

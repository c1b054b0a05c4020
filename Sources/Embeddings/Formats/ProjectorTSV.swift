import FileAccess
import Foundation
import VectorMath

/// The TensorFlow Embedding Projector's format: `vectors.tsv` holds one tab-separated vector a line,
/// `metadata.tsv` beside it (same name with `-metadata` before `.tsv`) one word a line, in the same order.
enum ProjectorTSV {
    static func metadataPath(for vectorsPath: String) -> String {
        let base = (vectorsPath as NSString).deletingPathExtension
        return base + "-metadata.tsv"
    }

    static func write(_ model: WordVectors, vectorsPath: String) throws {
        var vectors = ""
        var metadata = ""
        for (i, word) in model.words.enumerated() {
            try checkWritable(word, path: vectorsPath)
            vectors += model.matrix.row(i).map { $0.description }.joined(separator: "\t") + "\n"
            metadata += word + "\n"
        }
        try writeAtomically(Data(vectors.utf8), to: vectorsPath)
        try writeAtomically(Data(metadata.utf8), to: metadataPath(for: vectorsPath))
    }

    static func read(vectorsPath: String, name: String) throws -> WordVectors {
        let metaPath = metadataPath(for: vectorsPath)
        let meta = try readBytes(metaPath)
        let words: [String]
        do { words = try TextFile.lines(of: meta, path: metaPath).filter { !$0.isEmpty } } catch let error as FileAccessError {
            throw ModelFileError(metaPath, .file, error.problem)
        }
        // The vectors file is GloVe text without words: give each line its word and parse it as such.
        let vectorLines = try readBytes(vectorsPath).split(separator: 0x0A, omittingEmptySubsequences: true)
        guard vectorLines.count == words.count else {
            throw ModelFileError(vectorsPath, .file, "has \(vectorLines.count) vectors but \(metaPath) has \(words.count) words")
        }
        var glove = [UInt8]()
        for (w, line) in zip(words, vectorLines) {
            glove.append(contentsOf: Array(w.utf8)); glove.append(0x20)
            glove.append(contentsOf: line.map { $0 == 0x09 ? 0x20 : $0 }); glove.append(0x0A)
        }
        return try glove.withUnsafeBufferPointer { try TextVectors.parse($0, path: vectorsPath, header: false, name: name) }
    }
}

import FileAccess
import Foundation

/// The file formats EmbedLab reads and writes.
public enum ModelFormat: String, CaseIterable, Sendable {
    /// EmbedLab's own binary format (`.embv`), memory-mapped: see `EmbedLabBinary`.
    case embedlab
    /// word2vec text: a header line `V d`, then `word v1 … vd` per line.
    case word2vecText = "word2vec"
    /// word2vec binary: a header line `V d`, then per word: the word, a space, d little-endian float32.
    case word2vecBinary = "word2vec-bin"
    /// GloVe text: `word v1 … vd` per line, no header.
    case gloveText = "glove"
    /// TensorFlow Embedding Projector: `vectors.tsv` (tab-separated numbers) beside `metadata.tsv` (one word a line).
    case projectorTSV = "tsv"

    /// The format a path most likely holds, from its extension and, for existing files, its first bytes.
    public static func guess(path: String) -> ModelFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "embv": return .embedlab
        case "bin": return .word2vecBinary
        case "tsv": return .projectorTSV
        default: break
        }
        // A path that cannot be opened gets a guess; the reader then says what is wrong with it.
        guard let file = try? InputFile.open(path, what: "model"), var head = try? file.read(upTo: 256) else {
            return ext == "txt" ? .word2vecText : .embedlab
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        if head.starts(with: EmbedLabBinary.magic) { return .embedlab }
        let firstLine = head.prefix { $0 != 0x0A }
        let fields = firstLine.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        if fields.count == 2, fields.allSatisfy({ $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) {
            // A `V d` header: text if what follows is printable, binary otherwise.
            let rest = head.dropFirst(firstLine.count + 1)
            let looksBinary = rest.prefix(200).contains { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }
            return looksBinary ? .word2vecBinary : .word2vecText
        }
        return .gloveText
    }
}

extension WordVectors {
    /// Reads a model file in `format` (guessed from the file when nil).
    public static func load(path: String, format: ModelFormat? = nil, name: String? = nil) throws -> WordVectors {
        let name = name ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        switch format ?? ModelFormat.guess(path: path) {
        case .embedlab: return try EmbedLabBinary.read(path: path, name: name)
        case .word2vecText: return try TextVectors.read(path: path, header: true, name: name)
        case .gloveText: return try TextVectors.read(path: path, header: false, name: name)
        case .word2vecBinary: return try Word2VecBinary.read(path: path, name: name)
        case .projectorTSV: return try ProjectorTSV.read(vectorsPath: path, name: name)
        }
    }

    /// Writes the model to `path` in `format` (guessed from the extension when nil).
    public func save(path: String, format: ModelFormat? = nil, float16: Bool = false, int8: Bool = false) throws {
        let format = format ?? {
            switch (path as NSString).pathExtension.lowercased() {
            case "bin": return .word2vecBinary
            case "txt", "vec": return .word2vecText
            case "tsv": return .projectorTSV
            default: return .embedlab
            }
        }()
        switch format {
        case .embedlab: try EmbedLabBinary.write(self, path: path, storage: int8 ? .int8 : float16 ? .float16 : .float32)
        case .word2vecText: try TextVectors.write(self, path: path, header: true)
        case .gloveText: try TextVectors.write(self, path: path, header: false)
        case .word2vecBinary: try Word2VecBinary.write(self, path: path)
        case .projectorTSV: try ProjectorTSV.write(self, vectorsPath: path)
        }
    }
}

/// The largest model file EmbedLab reads (64 GiB): a bigger one is refused before anything is allocated.
let maxModelBytes = 64 << 30

/// Opens a model file through the one opener (folders, pipes, devices, link loops, the read
/// policy and the size cap are all checked there), or says in one line why it cannot be.
func openModel(_ path: String) throws -> InputFile {
    do {
        return try InputFile.open(path, maxBytes: maxModelBytes, what: "model")
    } catch let error as FileAccessError {
        throw ModelFileError(error)
    }
}

/// Reads a whole model file as bytes.
func readBytes(_ path: String) throws -> [UInt8] {
    let file = try openModel(path)
    do { return try file.readAll() } catch let error as FileAccessError { throw ModelFileError(error) }
}

/// Writes `data` to `path` atomically (see `SafeWrite`: temporary file, fsync, rename; the
/// target's permissions kept; anything but a regular file at the target refused).
func writeAtomically(_ data: Data, to path: String) throws {
    do {
        try SafeWrite.replace(path) { write in try data.withUnsafeBytes { try write($0) } }
    } catch let error as FileAccessError {
        throw ModelFileError(error)
    }
}

extension ModelFileError {
    /// A file that could not be opened, read or written, as a model-file error with the same message.
    init(_ error: FileAccessError) {
        self.init(error.path, .file, error.problem)
    }
}

/// Decodes a word, refusing bytes that are not UTF-8.
func decodeWord(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    String(validating: bytes, as: UTF8.self)
}

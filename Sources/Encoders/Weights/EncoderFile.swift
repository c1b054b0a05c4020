import Embeddings
import FileAccess
import Foundation
import VectorMath

/// EmbedLab's transformer-encoder format (`.embt`): a header, the model's configuration as JSON, its
/// tokenizer vocabulary, a directory of named tensors, then the tensors, each aligned for memory mapping.
///
/// All integers are little-endian.
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `EMBLABTF` |
/// | 8 | 4 | version (1) |
/// | 12 | 4 | tensor count T |
/// | 16 | 8 | config bytes C (JSON, UTF-8; `EncoderConfig`) |
/// | 24 | 8 | vocabulary bytes: the tokens in id order, each followed by `\n` |
/// | 32 | 8 | directory offset (a multiple of 8, after config and vocabulary) |
/// | 40 | 8 | data offset (a multiple of 64, after the directory) |
/// | 48 | 8 | file size |
/// | 56 | 8 | reserved (0) |
/// | 64 | … | config, vocabulary, directory, tensors |
///
/// A directory record is 96 bytes: the tensor's name (64 bytes, UTF-8, NUL-padded), its kind (u32: 1 =
/// float32, 2 = int8 with one float32 scale per row, 3 = int32), a reserved u32, rows (u64), columns (u64) and
/// the offset of its data (u64, a multiple of 64, inside the data area). A float32 tensor is rows·columns floats,
/// row-major; an int8 tensor is `rows` scales followed by rows·columns signed bytes, value = scale[row] · q;
/// an int32 tensor is rows·columns signed integers (a tokenizer's ids, code points and offsets).
/// `scripts/encoder_format.py` writes it.
///
/// Every size is checked against the file before it is used: a bad or truncated file is refused with one
/// `ModelFileError` line naming the byte.
public final class EncoderFile: @unchecked Sendable {
    public static let magic = Array("EMBLABTF".utf8)
    public static let version: UInt32 = 1
    static let headerSize = 64, recordSize = 96

    /// How a tensor's numbers are stored.
    public enum Kind: UInt32, Sendable { case float32 = 1, int8Rows = 2, int32 = 3 }

    /// One directory entry, already checked against the file.
    public struct Tensor: Sendable {
        public let name: String
        public let kind: Kind
        public let rows: Int
        public let columns: Int
        public let offset: Int
        var byteCount: Int { kind == .int8Rows ? rows * 4 + rows * columns : rows * columns * 4 }
    }

    public let path: String
    public let config: EncoderConfig
    public let vocabulary: [String]
    public let tensors: [String: Tensor]
    /// The mapped file (its `count` is the file's size).
    public let file: MappedBytes
    /// Encoder files above this size are refused before they are read. It is `InputFile`'s snapshot
    /// size, so every encoder accepted is a private copy in memory: its weights are read at every
    /// forward pass, and a file truncated or rewritten underneath can then change nothing (a mapped
    /// file between 512 MB and 1 GB, as before, would have been read again with no check, and a
    /// truncation would have ended the process with SIGBUS). The bundled encoders are 23–30 MB.
    public static let maxBytes = InputFile.snapshotMaxBytes

    public init(path: String) throws {
        let file: MappedBytes
        do {
            file = try InputFile.open(path, maxBytes: Self.maxBytes, what: "encoder").map()
        } catch let error as FileAccessError {
            throw ModelFileError(path, .file, error.problem)
        }
        self.file = file
        self.path = path
        let b = file.bytes, n = file.count
        func fail(_ at: Int, _ why: String) -> ModelFileError { ModelFileError(path, .byte(at), why) }
        guard n >= Self.headerSize else {
            throw fail(n, "truncated: \(n) bytes is shorter than the \(Self.headerSize)-byte header of an encoder file (.embt)")
        }
        guard Array(b[0..<8]) == Self.magic else {
            throw fail(0, "wrong magic: not an EmbedLab encoder file (.embt); scripts/build-models.sh writes them")
        }
        func u32(_ o: Int) -> UInt32 { UnsafeRawPointer(b.baseAddress! + o).loadUnaligned(as: UInt32.self).littleEndian }
        func u64(_ o: Int) -> UInt64 { UnsafeRawPointer(b.baseAddress! + o).loadUnaligned(as: UInt64.self).littleEndian }
        guard u32(8) == Self.version else {
            throw fail(8, "format version \(u32(8)) is not supported (this EmbedLab reads version \(Self.version))")
        }
        let count = UInt64(u32(12)), configBytes = u64(16), vocabBytes = u64(24)
        let directory = u64(32), data = u64(40), size = u64(48)
        guard size == UInt64(n) else {
            throw fail(n, size > UInt64(n) ? "truncated: the header says \(size) bytes, the file has \(n)"
                                           : "\(UInt64(n) - size) unexpected bytes after the \(size) the header describes")
        }
        let limit = UInt64(n)
        guard configBytes <= limit, vocabBytes <= limit, count <= 100_000,
              64 + configBytes + vocabBytes <= directory, directory % 8 == 0,
              directory + count * UInt64(Self.recordSize) <= data, data % 64 == 0, data <= limit else {
            throw fail(16, "the config (\(configBytes) bytes), vocabulary (\(vocabBytes) bytes) and \(count) directory records do not fit before the data at byte \(data)")
        }
        let configData = Data(UnsafeBufferPointer(rebasing: b[64..<(64 + Int(configBytes))]))
        do {
            config = try JSONDecoder().decode(EncoderConfig.self, from: configData)
        } catch {
            throw fail(64, "the model configuration is not valid JSON for an encoder (\(Self.describe(error)))")
        }
        if let problem = config.problem() { throw fail(64, problem) }
        vocabulary = try Self.lines(b, from: 64 + Int(configBytes), count: Int(vocabBytes), path: path)
        guard !vocabulary.isEmpty, vocabulary.count < 1 << 24 else { throw fail(64 + Int(configBytes), "the vocabulary is empty or implausibly large (\(vocabulary.count) tokens)") }
        let s = config.special
        for (what, id) in [("cls", s.cls), ("sep", s.sep), ("pad", s.pad), ("unknown", s.unknown)] where id < 0 || Int(id) >= vocabulary.count {
            throw fail(64, "special token \(what) = \(id) is outside the vocabulary of \(vocabulary.count) tokens")
        }
        var tensors: [String: Tensor] = [:]
        for i in 0..<Int(count) {
            let r = Int(directory) + i * Self.recordSize
            let nameBytes = Array(b[r..<(r + 64)]).prefix { $0 != 0 }
            guard let name = String(validating: nameBytes, as: UTF8.self), !name.isEmpty else {
                throw fail(r, "tensor \(i + 1) has no valid name")
            }
            guard let kind = Kind(rawValue: u32(r + 64)) else {
                throw fail(r + 64, "tensor '\(name)' has unknown kind \(u32(r + 64)) (1 = float32, 2 = int8 rows, 3 = int32)")
            }
            let rows = u64(r + 72), cols = u64(r + 80), offset = u64(r + 88)
            guard rows > 0, cols > 0, rows < 1 << 28, cols < 1 << 28 else {
                throw fail(r + 72, "tensor '\(name)' has implausible shape \(rows) × \(cols)")
            }
            let bytes = kind == .int8Rows ? rows * 4 + rows * cols : rows * cols * 4
            guard offset >= data, offset % 64 == 0, offset <= limit, bytes <= limit - offset else {
                throw fail(r + 88, "truncated: tensor '\(name)' (\(rows) × \(cols)) at byte \(offset) runs past the end of the file (\(n) bytes)")
            }
            tensors[name] = Tensor(name: name, kind: kind, rows: Int(rows), columns: Int(cols), offset: Int(offset))
        }
        self.tensors = tensors
    }

    /// The tensor called `name`, which must have the given shape.
    public func tensor(_ name: String, rows: Int, columns: Int) throws -> Tensor {
        guard let t = tensors[name] else { throw ModelFileError(path, .file, "the tensor '\(name)' is missing") }
        guard t.rows == rows, t.columns == columns else {
            throw ModelFileError(path, .file, "the tensor '\(name)' is \(t.rows) × \(t.columns), the configuration needs \(rows) × \(columns)")
        }
        return t
    }

    /// The largest weight (in absolute value) an encoder may have. Trained transformer weights are
    /// far smaller; finite values near Float's limit (3e38) overflow in the first product and turn
    /// every vector into NaN, so they are refused when the file is opened, like NaN and infinity.
    public static let maxAbsWeight: Float = 1e4

    /// A tensor as float32 numbers: a float32 tensor is used in place (mapped, never copied), an int8 one is
    /// dequantised. NaN, infinity or a value beyond ±`maxAbsWeight` anywhere is refused.
    public func floats(_ t: Tensor) throws -> Matrix {
        let base = UnsafeRawPointer(file.bytes.baseAddress! + t.offset)
        switch t.kind {
        case .float32:
            let p = base.assumingMemoryBound(to: Float.self)
            for i in 0..<(t.rows * t.columns) where !p[i].isFinite || abs(p[i]) > Self.maxAbsWeight {
                throw ModelFileError(path, .byte(t.offset + 4 * i), p[i].isFinite
                    ? "value \(i) of tensor '\(t.name)' is \(p[i]), beyond ±\(Int(Self.maxAbsWeight)); no trained weight is that large (the file is damaged)"
                    : "value \(i) of tensor '\(t.name)' is NaN or infinite")
            }
            return Matrix(borrowing: p, rows: t.rows, columns: t.columns, owner: file)
        case .int32:
            throw ModelFileError(path, .byte(t.offset), "the tensor '\(t.name)' holds integers, not numbers of a weight matrix")
        case .int8Rows:
            let table = try int8Table(t)
            var m = Matrix(rows: t.rows, columns: t.columns)
            m.withUnsafeMutableBufferPointer { out in
                for r in 0..<t.rows { table.dequantize(row: r, into: out.baseAddress! + r * t.columns) }
            }
            return m
        }
    }

    /// An int32 tensor's integers, row-major (copied: tokenizer tables are small).
    public func integers(_ t: Tensor) throws -> [Int32] {
        guard t.kind == .int32 else {
            throw ModelFileError(path, .byte(t.offset), "the tensor '\(t.name)' should hold integers (kind 3), it has kind \(t.kind.rawValue)")
        }
        let p = UnsafeRawPointer(file.bytes.baseAddress! + t.offset)
        return (0..<(t.rows * t.columns)).map { p.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self).littleEndian }
    }

    /// The tensor called `name` with one row, whatever its length.
    public func vector(_ name: String) throws -> Tensor {
        guard let t = tensors[name] else { throw ModelFileError(path, .file, "the tensor '\(name)' is missing") }
        guard t.rows == 1 else { throw ModelFileError(path, .file, "the tensor '\(name)' is \(t.rows) × \(t.columns), it should be one row") }
        return t
    }

    /// An int8 tensor kept as it is in the file, rows dequantised on demand (the token-embedding table).
    public func int8Table(_ t: Tensor) throws -> QuantizedRows {
        let scales = UnsafeRawPointer(file.bytes.baseAddress! + t.offset).assumingMemoryBound(to: Float.self)
        for r in 0..<t.rows where !(scales[r].isFinite && scales[r] >= 0 && scales[r] * 127 <= Self.maxAbsWeight) {
            throw ModelFileError(path, .byte(t.offset + 4 * r), "the scale of row \(r) of tensor '\(t.name)' is negative, NaN, infinite or beyond ±\(Int(Self.maxAbsWeight)) / 127")
        }
        let values = UnsafeRawPointer(file.bytes.baseAddress! + t.offset + 4 * t.rows).assumingMemoryBound(to: Int8.self)
        return QuantizedRows(scales: scales, values: values, rows: t.rows, columns: t.columns, owner: file)
    }

    static func lines(_ b: UnsafeBufferPointer<UInt8>, from: Int, count: Int, path: String) throws -> [String] {
        guard count > 0, b[from + count - 1] == 0x0A else {
            throw ModelFileError(path, .byte(from + max(count - 1, 0)), "the vocabulary does not end with a line break")
        }
        guard String(validating: UnsafeBufferPointer(rebasing: b[from..<(from + count)]), as: UTF8.self) != nil else {
            throw ModelFileError(path, .byte(from), "the vocabulary is not valid UTF-8")
        }
        var out: [String] = []
        var start = from
        for i in from..<(from + count) where b[i] == 0x0A {
            out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
            start = i + 1
        }
        return out
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c):
            let at = c.codingPath.map(\.stringValue).joined(separator: ".")
            return at.isEmpty ? c.debugDescription : "at '\(at)'"
        default: return "\(error)"
        }
    }
}

/// Rows stored as int8 with one float32 scale per row, in a mapped file: row r = scale[r] · q[r, ·].
/// Symmetric per-row quantisation: scale = max|w_r| / 127, so each row keeps its own range.
public struct QuantizedRows: @unchecked Sendable {
    let scales: UnsafePointer<Float>
    let values: UnsafePointer<Int8>
    public let rows: Int
    public let columns: Int
    let owner: AnyObject

    /// Writes row `row`, dequantised, to `out` (`columns` floats).
    public func dequantize(row: Int, into out: UnsafeMutablePointer<Float>) {
        let s = scales[row], q = values + row * columns
        for j in 0..<columns { out[j] = s * Float(q[j]) }
    }
}

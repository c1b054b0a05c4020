import FileAccess
import VectorMath

/// A collection's sentence vectors saved once per encoder, so that the next session's first `search`
/// reads them instead of running a transformer over every document again (e5-small: 1.4 s for faq-en).
///
/// The file (`.vectors`, little-endian) is the vectors and what they were computed from:
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `EMBLCVEC` |
/// | 8 | 4 | version (1) |
/// | 12 | 4 | columns C |
/// | 16 | 8 | rows R (one per document) |
/// | 24 | 8 | the encoder's fingerprint (`Encoders.SentenceEncoder.fingerprint`, with the role the documents were read in) |
/// | 32 | 8 | the collection's fingerprint (`fingerprint(of:)`: every document's text, in order) |
/// | 40 | 8 | checksum of the R·C float32 values (`checksum(_:)`) |
/// | 48 | 16 | reserved (0) |
/// | 64 | 4·R·C | the vectors, row-major float32 |
///
/// Nothing in it is trusted: `read` checks the magic, version, shape, size, both fingerprints, the
/// checksum and that every value is finite; any failure is a `SentenceVectorCache.Refusal` (the caller
/// computes the vectors again and replaces the file). Written through `SafeWrite`, so a killed writer
/// leaves the old file or the new one.
///
/// ```swift
/// let key = SentenceVectorCache.Key(encoder: e5.fingerprint, collection: SentenceVectorCache.fingerprint(of: texts))
/// let m = try? SentenceVectorCache.read(path, key: key, rows: texts.count, columns: 384)   // memory-mapped
/// try SentenceVectorCache.write(vectors, key: key, to: path)
/// ```
public enum SentenceVectorCache {
    public static let magic = Array("EMBLCVEC".utf8)
    public static let version: UInt32 = 1
    static let headerSize = 64

    /// What the vectors were computed from: a cache with another key is stale.
    public struct Key: Equatable, Sendable {
        public var encoder: UInt64
        public var collection: UInt64
        public init(encoder: UInt64, collection: UInt64) { self.encoder = encoder; self.collection = collection }
    }

    /// Why a cache file was not used: one line naming the file.
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let problem: String
        public var description: String { "\(PrintableText.escaping(path, limit: 300)): \(problem)" }
    }

    /// A 64-bit FNV-1a hash of the documents' texts in order (each text's UTF-8 bytes, then a 0xFF
    /// separator, which UTF-8 never contains), and of `salt`.
    public static func fingerprint(of texts: [String], salt: String = "") -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for text in [salt] + texts {
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// A checksum of float32 values, eight bytes at a time (a multiply–rotate mix: any changed bit changes it).
    public static func checksum(_ values: UnsafeBufferPointer<Float>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(values.count)
        values.withMemoryRebound(to: UInt32.self) { words in
            var i = 0
            while i + 1 < words.count {
                let x = UInt64(words[i]) | (UInt64(words[i + 1]) << 32)
                h = ((h ^ x) &* 0xFF51_AFD7_ED55_8CCD)
                h = (h << 29) | (h >> 35)
                i += 2
            }
            if i < words.count { h = ((h ^ UInt64(words[i])) &* 0xC4CE_B9FE_1A85_EC53) }
        }
        return h ^ (h >> 33)
    }

    /// The vectors saved at `path` for `key`, memory-mapped; throws `Refusal` when the file is missing,
    /// stale (another encoder or other documents) or damaged in any way.
    public static func read(_ path: String, key: Key, rows: Int, columns: Int) throws -> Matrix {
        func refuse(_ problem: String) -> Refusal { Refusal(path: path, problem: problem) }
        let expected = headerSize + rows * columns * 4
        let mapped: MappedBytes
        do {
            mapped = try InputFile.open(path, maxBytes: max(expected, headerSize), what: "sentence vectors").map()
        } catch {
            throw refuse((error as? FileAccessError)?.problem ?? "\(error)")
        }
        let b = mapped.bytes
        guard b.count >= headerSize else { throw refuse("has \(b.count) bytes, less than the \(headerSize)-byte header") }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[at + $1]) << (8 * UInt64($1)) } }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[at + $1]) << (8 * UInt32($1)) } }
        guard Array(b[0..<8]) == magic else { throw refuse("is not a sentence-vector cache (no EMBLCVEC at byte 0)") }
        guard u32(8) == version else { throw refuse("has version \(u32(8)) at byte 8, not \(version)") }
        guard u32(12) == UInt32(columns), u64(16) == UInt64(rows) else {
            throw refuse("holds \(u64(16)) × \(u32(12)) vectors, not \(rows) × \(columns)")
        }
        guard u64(24) == key.encoder else { throw refuse("was computed by another encoder") }
        guard u64(32) == key.collection else { throw refuse("was computed from other documents") }
        guard b.count == expected else { throw refuse("has \(b.count) bytes, not \(expected)") }
        let base = UnsafeRawPointer(b.baseAddress! + headerSize).assumingMemoryBound(to: Float.self)
        let values = UnsafeBufferPointer(start: base, count: rows * columns)
        guard checksum(values) == u64(40) else { throw refuse("fails its checksum (byte 40): the file is damaged") }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw refuse("has a value that is not a number at byte \(headerSize + 4 * bad)")
        }
        return Matrix(borrowing: base, rows: rows, columns: columns, owner: mapped)
    }

    /// Saves `vectors` for `key` at `path` (atomically, through `SafeWrite`).
    public static func write(_ vectors: Matrix, key: Key, to path: String) throws {
        var header = [UInt8](repeating: 0, count: headerSize)
        func put(_ v: UInt64, _ at: Int, _ n: Int) { for i in 0..<n { header[at + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) } }
        header.replaceSubrange(0..<8, with: magic)
        put(UInt64(version), 8, 4); put(UInt64(vectors.columns), 12, 4); put(UInt64(vectors.rows), 16, 8)
        put(key.encoder, 24, 8); put(key.collection, 32, 8)
        vectors.withUnsafeBufferPointer { put(checksum($0), 40, 8) }
        try SafeWrite.replace(path) { write in
            try header.withUnsafeBytes { try write($0) }
            try vectors.withUnsafeBufferPointer { try write(UnsafeRawBufferPointer($0)) }
        }
    }
}

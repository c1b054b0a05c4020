#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileAccess

/// A text to learn word vectors from: lines of tokens separated by white space, as UTF-8 bytes.
///
/// This is the first stage of the GloVe pipeline (corpus → vocabulary → co-occurrence → vectors),
/// and it reads text the way the Stanford tools do (`vocab_count.c`, `cooccur.c`):
/// - a token is a run of bytes other than space, tab, carriage return, vertical tab and form feed;
/// - a newline ends a line, and a line is a document: no context window ever crosses it;
/// - nothing is lowercased, split or normalised here; a tokenizer does that before.
///
/// ```swift
/// let corpus = Corpus(text: "the cat sat on the mat\nthe dog sat")
/// corpus.lines()   // [["the", "cat", "sat", "on", "the", "mat"], ["the", "dog", "sat"]]
/// let big = try Corpus(contentsOfFile: "/tmp/corpus-en-10m.txt")
/// ```
public struct Corpus: Sendable {
    /// The text, UTF-8, lines separated by `"\n"`.
    public let bytes: [UInt8]

    /// A corpus of one string; `"\n"` separates its lines.
    public init(text: String) {
        bytes = Array(text.utf8)
    }

    /// A corpus of lines, one document each.
    public init(lines: [String]) {
        bytes = Array(lines.joined(separator: "\n").utf8)
    }

    /// Reads a UTF-8 text file (not compressed: `gunzip` it first).
    ///
    /// - Throws: `CorpusError` naming the file, when it cannot be read or is not UTF-8
    ///   (with the byte offset of the first bad byte).
    public init(contentsOfFile path: String) throws {
        var bytes = try readWholeFile(path)
        // A UTF-8 byte-order mark is not part of the first word (CR is already white space).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        if let offset = firstInvalidUTF8(in: bytes) {
            throw CorpusError.notUTF8(path: path, byteOffset: offset)
        }
    }

    /// The lines as lists of tokens, leaving out lines without any; meant for small texts
    /// (a lesson's corpus, a test).
    public func lines() -> [[String]] {
        var result: [[String]] = [[]]
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = TokenScanner(buffer, in: 0..<buffer.count)
            while let token = scanner.next() {
                if token.startsLine && !result[result.count - 1].isEmpty { result.append([]) }
                result[result.count - 1].append(String(decoding: buffer[token.bytes], as: UTF8.self))
            }
        }
        return result.last!.isEmpty ? Array(result.dropLast()) : result
    }

    /// The number of tokens (one pass over the text).
    public var tokenCount: Int {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = TokenScanner(buffer, in: 0..<buffer.count)
            var n = 0
            while scanner.next() != nil { n += 1 }
            return n
        }
    }

    /// Splits the text into about `n` byte ranges that each start at the beginning of a line,
    /// so that the pieces can be read in parallel without any window crossing two pieces.
    func lineAlignedChunks(_ n: Int) -> [Range<Int>] {
        let total = bytes.count
        guard n > 1, total > 0 else { return [0..<total] }
        var chunks: [Range<Int>] = []
        var start = 0
        for k in 1..<n {
            var cut = max(start, total * k / n)
            while cut < total && bytes[cut] != UInt8(ascii: "\n") { cut += 1 }
            if cut < total { cut += 1 }   // just after the newline
            if cut > start { chunks.append(start..<cut); start = cut }
        }
        if start < total { chunks.append(start..<total) }
        return chunks
    }
}

/// A corpus that could not be read.
public enum CorpusError: Error, CustomStringConvertible, Equatable {
    case cannotRead(path: String, reason: String)
    case notUTF8(path: String, byteOffset: Int)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason):
            return "cannot read corpus \(path): \(reason)"
        case let .notUTF8(path, offset):
            return "corpus \(path) is not UTF-8 text (bad byte at offset \(offset)); convert it first, e.g. iconv -t UTF-8"
        }
    }
}

/// One token found by `TokenScanner`: its bytes, and whether a newline came before it.
struct ScannedToken {
    var bytes: Range<Int>
    var startsLine: Bool
}

/// Walks through UTF-8 bytes token by token, as the reference's `get_word` does.
struct TokenScanner {
    let base: UnsafePointer<UInt8>
    var position: Int
    let end: Int
    /// Whether a newline (or the start of the text) was passed since the last token.
    var atLineStart = true

    init(_ buffer: UnsafeBufferPointer<UInt8>, in range: Range<Int>) {
        // An empty buffer may have no base address; point at a dummy byte we never read.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        position = range.lowerBound
        end = range.upperBound
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool {
        // space, \t, \r, \v, \f; the newline is handled on its own
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
    }

    @inline(__always)
    mutating func next() -> ScannedToken? {
        var p = position
        while p < end {
            let b = base[p]
            if b == 0x0A { atLineStart = true; p += 1; continue }
            if TokenScanner.isSpace(b) { p += 1; continue }
            break
        }
        guard p < end else { position = p; return nil }
        let start = p
        while p < end {
            let b = base[p]
            if b == 0x0A || TokenScanner.isSpace(b) { break }
            p += 1
        }
        position = p
        let token = ScannedToken(bytes: start..<p, startsLine: atLineStart)
        atLineStart = false
        return token
    }
}

/// The largest corpus read into memory (16 GiB).
let maxCorpusBytes = 16 << 30

/// The whole file as bytes, opened through the one opener (a folder, pipe or device is refused
/// with one line; the size is capped; a `ReadPolicy` in force is applied).
func readWholeFile(_ path: String) throws -> [UInt8] {
    do {
        return try InputFile.open(path, maxBytes: maxCorpusBytes, what: "corpus").readAll()
    } catch let error as FileAccessError {
        throw CorpusError.cannotRead(path: PrintableText.escaping(error.path, limit: 300), reason: error.problem)
    }
}

/// The offset of the first byte that breaks UTF-8, or nil for valid UTF-8.
/// Checks eight ASCII bytes at a time, so that an English corpus costs one pass at memory speed.
func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
        let n = buffer.count
        guard let p = buffer.baseAddress else { return nil }
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = p[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int, minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC0...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let b = p[i + k]
                guard b & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(b & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}

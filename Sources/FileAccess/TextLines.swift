#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of UTF-8 text held as bytes, split the way every EmbedLab text format is read:
/// `\n` or `\r\n` ends a line, a UTF-8 byte-order mark at the very start is skipped, and a last
/// line without a line break still counts. Splitting is on bytes, never on `Character`
/// (Swift treats `"\r\n"` as one `Character`, so `split(separator: "\n")` misses CRLF lines).
///
/// Each line is checked against `limits` before anyone looks at it, so a 300 MB line without a
/// break is refused by its length, not echoed back.
///
/// ```swift
/// var lines = TextLines(bytes, limits: .document)
/// while let line = try lines.next() {   // line.number counts from 1; line.bytes excludes "\r\n"
///     print(line.number, String(decoding: bytes[line.bytes], as: UTF8.self))
/// }
/// ```
public struct TextLines {
    public struct Line: Equatable, Sendable {
        /// 1 for the first line.
        public let number: Int
        /// The line's bytes, without its `\n` or `\r\n`.
        public let bytes: Range<Int>
    }

    private let buffer: UnsafeBufferPointer<UInt8>
    private var position: Int
    private var number = 0
    public let limits: TextLimits
    /// Named in messages.
    public let path: String

    /// Lines of `buffer`; the caller keeps the buffer alive while iterating.
    public init(_ buffer: UnsafeBufferPointer<UInt8>, limits: TextLimits = .unlimited, path: String = "") {
        self.buffer = buffer
        self.limits = limits
        self.path = path
        position = TextLines.startAfterByteOrderMark(buffer)
    }

    /// The offset of the first byte after a UTF-8 byte-order mark (0 when there is none).
    public static func startAfterByteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// The next line, or nil at the end; throws when a line is longer than `limits` allows.
    public mutating func next() throws -> Line? {
        let n = buffer.count
        guard position < n else { return nil }
        let start = position
        var end = start
        if let base = buffer.baseAddress, let hit = memchrLineFeed(base + start, n - start) {
            end = start + hit
        } else {
            end = n
        }
        position = end + 1
        number += 1
        var stop = end
        if stop > start, buffer[stop - 1] == 0x0D { stop -= 1 }
        let line = Line(number: number, bytes: start..<stop)
        try limits.check(UnsafeBufferPointer(rebasing: buffer[start..<stop]), line: number, path: path)
        return line
    }
}

/// How long a line may be, in UTF-8 bytes and in grapheme clusters (what a reader sees as
/// characters). Both matter: 200,000 combining marks on one base letter are one `Character`
/// but 400,000 bytes.
public struct TextLimits: Sendable, Equatable {
    public var maxLineBytes: Int
    /// Checked only when set (counting graphemes costs a pass over the line).
    public var maxLineGraphemes: Int?
    public var maxFileBytes: Int

    public init(maxLineBytes: Int, maxLineGraphemes: Int? = nil, maxFileBytes: Int) {
        self.maxLineBytes = maxLineBytes
        self.maxLineGraphemes = maxLineGraphemes
        self.maxFileBytes = maxFileBytes
    }

    /// Lessons, notebooks, answers files: 16 MiB, lines of 64 KiB and 4,096 characters.
    public static let document = TextLimits(maxLineBytes: 65_536, maxLineGraphemes: 4_096, maxFileBytes: 16 << 20)
    /// Evaluation files (analogies, word pairs) and word lists: 256 MiB, lines of 64 KiB.
    public static let dataFile = TextLimits(maxLineBytes: 65_536, maxFileBytes: 256 << 20)
    /// Model text and corpora: lines of up to 64 MiB (a whole corpus may be one line), 16 GiB.
    public static let bulk = TextLimits(maxLineBytes: 64 << 20, maxFileBytes: 16 << 30)
    public static let unlimited = TextLimits(maxLineBytes: .max, maxFileBytes: .max)

    /// Throws `.lineTooLong` when `line` breaks a limit; the message gives sizes, never the line.
    public func check(_ line: UnsafeBufferPointer<UInt8>, line number: Int, path: String) throws {
        if line.count > maxLineBytes {
            throw FileAccessError(path, .lineTooLong, "line \(number) is \(line.count) bytes long, more than the \(maxLineBytes) a line may have; break it into shorter lines")
        }
        if let maxLineGraphemes, line.count > maxLineGraphemes {
            let count = String(decoding: line, as: UTF8.self).count
            if count > maxLineGraphemes {
                throw FileAccessError(path, .lineTooLong, "line \(number) has \(count) characters, more than the \(maxLineGraphemes) a line may have; break it into shorter lines")
            }
        }
    }
}

/// The offset of the first `\n` in `count` bytes at `p`.
@inline(__always)
private func memchrLineFeed(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    guard count > 0, let hit = memchr(p, 0x0A, count) else { return nil }
    return UnsafeRawPointer(hit) - UnsafeRawPointer(p)
}

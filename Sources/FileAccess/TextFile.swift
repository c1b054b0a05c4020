/// A UTF-8 text file read whole, the same whether its lines end in LF or CRLF and whether it
/// starts with a byte-order mark. For lessons, notebooks, answers, evaluation files, word lists.
///
/// ```swift
/// let lines = try TextFile.lines(atPath: "answers.txt", limits: .document, what: "answers file")
/// let text = try TextFile.text(atPath: "lessons/03-arithmetic.md", limits: .document, what: "lesson")
/// // text has "\n" line breaks only and no byte-order mark, whatever the file had.
/// ```
public enum TextFile {
    /// The file's lines (without line breaks), checked against `limits`. Throws
    /// `FileAccessError` for a file that cannot be opened, is too large, is not UTF-8 (with the
    /// line and byte) or has a line that is too long.
    public static func lines(atPath path: String, limits: TextLimits = .document, what: String = "file",
                             followLinks: Bool = true) throws -> [String] {
        let bytes = try InputFile.open(path, maxBytes: limits.maxFileBytes, what: what, followLinks: followLinks).readAll()
        return try lines(of: bytes, limits: limits, path: path)
    }

    /// The lines of `bytes` (see `TextLines`), decoded and validated as UTF-8.
    public static func lines(of bytes: [UInt8], limits: TextLimits = .unlimited, path: String = "") throws -> [String] {
        try bytes.withUnsafeBufferPointer { b in
            var out: [String] = []
            var lines = TextLines(b, limits: limits, path: path)
            while let line = try lines.next() {
                let slice = UnsafeBufferPointer(rebasing: b[line.bytes])
                guard let s = String(validating: slice, as: UTF8.self) else {
                    throw FileAccessError(path, .notUTF8, "line \(line.number) is not UTF-8 text (byte \(line.bytes.lowerBound + firstInvalidOffset(slice))); save the file as UTF-8")
                }
                out.append(s)
            }
            return out
        }
    }

    /// The whole file as text with `\n` line breaks and no byte-order mark.
    public static func text(atPath path: String, limits: TextLimits = .document, what: String = "file",
                            followLinks: Bool = true) throws -> String {
        let lines = try lines(atPath: path, limits: limits, what: what, followLinks: followLinks)
        return lines.joined(separator: "\n")
    }

    /// Splits text on line feeds by Unicode scalar (so `"\r\n"` splits too), dropping a `\r`
    /// before each break and a leading byte-order mark: the one way to split text in memory.
    public static func lines<S: StringProtocol>(ofText text: S) -> [Substring] where S.SubSequence == Substring {
        var out: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        if scalars.first == "\u{FEFF}" { start = scalars.index(after: start) }
        var i = start
        func emit(_ end: String.UnicodeScalarView.Index) {
            var stop = end
            if stop > start, scalars[scalars.index(before: stop)] == "\r" { stop = scalars.index(before: stop) }
            out.append(Substring(text[start..<stop]))
        }
        while i < scalars.endIndex {
            if scalars[i] == "\n" {
                emit(i)
                start = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        if start < scalars.endIndex { emit(scalars.endIndex) }
        return out
    }

    /// The offset of the first byte that is not part of valid UTF-8.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = b.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}

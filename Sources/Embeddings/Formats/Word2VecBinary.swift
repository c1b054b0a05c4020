import FileAccess
import Foundation
import VectorMath

/// word2vec's binary format (Mikolov's C tool, gensim `binary=True`): a text header `V d\n`,
/// then per word the word's bytes, a space, and `d` little-endian float32 values, usually followed by `\n`.
enum Word2VecBinary {
    static func read(path: String, name: String) throws -> WordVectors {
        let bytes = try readBytes(path)
        return try bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var pos = 0
            while pos < n, b[pos] != 0x0A { pos += 1 }
            let fields = b[0..<pos].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            guard fields.count == 2, let v = Int(String(decoding: fields[0], as: UTF8.self)),
                  let d = Int(String(decoding: fields[1], as: UTF8.self)), v > 0, d > 0 else {
                throw ModelFileError(path, .byte(0), "expected a header 'WORDS DIMENSIONS' such as '30000 50'")
            }
            pos += 1
            // Checked arithmetic: a header such as `1 9223372036854775807` must not overflow.
            let (vectorBytes, o1) = d.multipliedReportingOverflow(by: 4)
            let (perWord, o2) = vectorBytes.addingReportingOverflow(2)
            let (need, o3) = v.multipliedReportingOverflow(by: perWord)
            let overflow = o1 || o2 || o3
            if overflow || need > n - pos {
                throw ModelFileError(path, .byte(0), "the header promises \(v) words of \(d) dimensions (at least \(overflow ? Int.max : need) bytes), but the file has \(n - pos) bytes after it: truncated, or a wrong header")
            }
            var words: [String] = []
            words.reserveCapacity(v)
            var matrix = Matrix(rows: v, columns: d)
            var seen: [String: Int] = [:]
            try matrix.withUnsafeMutableBufferPointer { m in
                for r in 0..<v {
                    while pos < n, b[pos] == 0x0A || b[pos] == 0x0D || b[pos] == 0x20 { pos += 1 }
                    let start = pos
                    while pos < n, b[pos] != 0x20 { pos += 1 }
                    guard pos < n else {
                        throw ModelFileError(path, .byte(start), "truncated: word \(r + 1) of \(v) ends before its vector")
                    }
                    guard let word = decodeWord(UnsafeBufferPointer(rebasing: b[start..<pos])) else {
                        throw ModelFileError(path, .byte(start), "word \(r + 1) is not valid UTF-8")
                    }
                    if let first = seen[word] {
                        throw ModelFileError(path, .byte(start), "the word '\(PrintableText.excerpt(word))' appears again (first as word \(first + 1))")
                    }
                    seen[word] = r
                    pos += 1
                    guard pos + d * 4 <= n else {
                        throw ModelFileError(path, .byte(pos), "truncated: the vector of '\(PrintableText.excerpt(word))' needs \(d * 4) bytes, \(n - pos) are left")
                    }
                    for c in 0..<d {
                        let bits = UInt32(b[pos]) | UInt32(b[pos + 1]) << 8 | UInt32(b[pos + 2]) << 16 | UInt32(b[pos + 3]) << 24
                        let x = Float(bitPattern: bits)
                        guard x.isFinite else {
                            throw ModelFileError(path, .byte(pos), "value \(c + 1) of '\(PrintableText.excerpt(word))' is NaN or infinite")
                        }
                        m[r * d + c] = x
                        pos += 4
                    }
                    words.append(word)
                }
            }
            return try WordVectors(name: name, words: words, matrix: matrix)
        }
    }

    static func write(_ model: WordVectors, path: String) throws {
        var out = Data()
        out.reserveCapacity(model.count * (model.dimensions * 4 + 16))
        out.append(contentsOf: Array("\(model.count) \(model.dimensions)\n".utf8))
        for (i, word) in model.words.enumerated() {
            try checkWritable(word, path: path)
            out.append(contentsOf: Array(word.utf8))
            out.append(0x20)
            model.matrix.withRow(i) { row in
                for x in row { withUnsafeBytes(of: x.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
            }
            out.append(0x0A)
        }
        try writeAtomically(out, to: path)
    }
}

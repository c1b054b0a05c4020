import FileAccess
import Foundation
import VectorMath

/// word2vec text (`V d` header line) and GloVe text (no header): one word and its numbers a line,
/// separated by spaces. Parsed by hand from the raw bytes (see `FloatParser`).
enum TextVectors {
    static func read(path: String, header: Bool, name: String) throws -> WordVectors {
        let bytes = try readBytes(path)
        return try bytes.withUnsafeBufferPointer { try parse($0, path: path, header: header, name: name) }
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, path: String, header: Bool, name: String) throws -> WordVectors {
        let n = b.count
        // LF or CRLF (a "\r" before "\n" is trimmed with the line's trailing blanks); a BOM is skipped.
        var pos = TextLines.startAfterByteOrderMark(b)
        var lineNumber = 0
        var expectedWords: Int?
        var dims: Int?

        func lineEnd(from start: Int) -> Int {
            var e = start
            while e < n, b[e] != 0x0A { e += 1 }
            return e
        }

        if header {
            let end = lineEnd(from: pos)
            lineNumber = 1
            let fields = b[pos..<end].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            guard fields.count == 2, let v = Int(String(decoding: fields[0], as: UTF8.self)),
                  let d = Int(String(decoding: fields[1], as: UTF8.self)), v >= 0, d > 0 else {
                throw ModelFileError(path, .line(1), "expected a header 'WORDS DIMENSIONS' such as '30000 50'; for GloVe text without a header use --format glove")
            }
            // Every value needs at least two bytes ("0 "): refuse impossible counts before allocating.
            let (perWord, o1) = d.multipliedReportingOverflow(by: 2)
            let (need, o2) = v.multipliedReportingOverflow(by: perWord)
            if o1 || o2 || need > n {
                throw ModelFileError(path, .line(1), "the header promises \(v) words of \(d) dimensions, more than a file of \(n) bytes can hold (truncated, or a wrong header)")
            }
            expectedWords = v
            dims = d
            pos = end + 1
        }

        var words: [String] = []
        var values: [Float] = []
        if let v = expectedWords, let d = dims {
            words.reserveCapacity(v)
            values.reserveCapacity(v * d)
        }
        var seen: [String: Int] = [:]

        while pos < n {
            let end = lineEnd(from: pos)
            lineNumber += 1
            var lineStop = end
            while lineStop > pos, b[lineStop - 1] == 0x0D || b[lineStop - 1] == 0x20 || b[lineStop - 1] == 0x09 { lineStop -= 1 }
            defer { pos = end + 1 }
            if lineStop == pos {
                // A blank line: allowed only at the very end.
                var rest = end
                while rest < n, b[rest] == 0x0A || b[rest] == 0x0D || b[rest] == 0x20 { rest += 1 }
                if rest >= n { break }
                throw ModelFileError(path, .line(lineNumber), "empty line in the middle of the file; each line must be a word followed by its numbers")
            }
            var wordEnd = pos
            while wordEnd < lineStop, b[wordEnd] != 0x20, b[wordEnd] != 0x09 { wordEnd += 1 }
            guard let word = decodeWord(UnsafeBufferPointer(rebasing: b[pos..<wordEnd])) else {
                throw ModelFileError(path, .line(lineNumber), "the word is not valid UTF-8 (byte \(pos)); re-save the file as UTF-8")
            }
            if let first = seen[word] {
                throw ModelFileError(path, .line(lineNumber), "the word '\(PrintableText.excerpt(word))' appears again (first on line \(first)); each word may appear once")
            }
            seen[word] = lineNumber
            if let v = expectedWords, words.count == v {
                throw ModelFileError(path, .line(lineNumber), "more words than the header's \(v); fix the header or remove the extra lines")
            }
            var i = wordEnd
            var count = 0
            while i < lineStop {
                while i < lineStop, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
                if i >= lineStop { break }
                switch FloatParser.parse(b, from: i, to: lineStop) {
                case .number(let f, let e):
                    if e < lineStop, b[e] != 0x20, b[e] != 0x09 {
                        throw ModelFileError(path, .line(lineNumber), "'\(PrintableText.excerpt(snippet(b, i, lineStop)))' after '\(PrintableText.excerpt(word))' is not a number")
                    }
                    values.append(f)
                    count += 1
                    i = e
                case .nonFinite:
                    throw ModelFileError(path, .line(lineNumber), "value \(count + 1) of '\(PrintableText.excerpt(word))' is NaN or infinite; a model's values must be finite numbers")
                case .notANumber:
                    throw ModelFileError(path, .line(lineNumber), "'\(PrintableText.excerpt(snippet(b, i, lineStop)))' after '\(PrintableText.excerpt(word))' is not a number")
                }
            }
            if dims == nil {
                guard count > 0 else { throw ModelFileError(path, .line(lineNumber), "'\(PrintableText.excerpt(word))' has no numbers after it") }
                dims = count
            }
            if count != dims! {
                throw ModelFileError(path, .line(lineNumber), "expected \(dims!) numbers after '\(PrintableText.excerpt(word))', found \(count)")
            }
            words.append(word)
        }
        if let v = expectedWords, words.count != v {
            throw ModelFileError(path, .line(lineNumber), "truncated: the header promises \(v) words, the file has \(words.count)")
        }
        guard let d = dims, !words.isEmpty else { throw ModelFileError(path, .file, "holds no vectors") }
        return try WordVectors(name: name, words: words, matrix: Matrix(rows: words.count, columns: d, values: values))
    }

    private static func snippet(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ limit: Int) -> String {
        var e = from
        while e < limit, b[e] != 0x20, b[e] != 0x09, e - from < 20 { e += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[from..<e]), as: UTF8.self)
    }

    static func write(_ model: WordVectors, path: String, header: Bool) throws {
        var out = [UInt8]()
        out.reserveCapacity(model.count * model.dimensions * 10)
        if header { out.append(contentsOf: Array("\(model.count) \(model.dimensions)\n".utf8)) }
        for (i, word) in model.words.enumerated() {
            try checkWritable(word, path: path)
            out.append(contentsOf: Array(word.utf8))
            model.matrix.withRow(i) { row in
                for x in row { out.append(0x20); out.append(contentsOf: Array(x.description.utf8)) }
            }
            out.append(0x0A)
        }
        try writeAtomically(Data(out), to: path)
    }
}

/// A word that a line-oriented format could not read back refuses to be written.
func checkWritable(_ word: String, path: String) throws {
    if word.isEmpty || word.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
        throw ModelFileError(path, .file, "cannot write the word '\(PrintableText.excerpt(word))': words in this format may not be empty or contain spaces, tabs or line breaks")
    }
}

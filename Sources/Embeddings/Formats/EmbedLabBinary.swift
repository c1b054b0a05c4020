import FileAccess
import Foundation
import VectorMath
#if canImport(Glibc)
import Glibc
#endif

/// EmbedLab's own model format (`.embv`): a fixed header, the vocabulary, optional dimension
/// names, then the matrix, aligned so that it can be memory-mapped and used in place.
///
/// All integers are little-endian.
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `EMBEDLAB` |
/// | 8 | 4 | version: 1, or 2 with a stored word index |
/// | 12 | 4 | scalar type: 1 = float32, 2 = float16, 3 = int8 with one float32 scale per row |
/// | 16 | 8 | word count V |
/// | 24 | 8 | dimensions d |
/// | 32 | 8 | vocabulary bytes: V words in UTF-8, each followed by `\n`, most frequent first |
/// | 40 | 8 | dimension-name bytes: 0, or d names each followed by `\n` |
/// | 48 | 8 | matrix offset (a multiple of 64) |
/// | 56 | 8 | version 2: word index offset (a multiple of 8, after the names); version 1: 0 |
/// | 64 | … | vocabulary, then dimension names, then (version 2) the word index (`StoredWordIndex`), then zero padding up to the matrix offset |
/// | matrix offset | V·d·scalar size | the matrix, row-major |
/// | (int8) matrix offset + V·d rounded up to 4 | 4·V | int8 only: each row's scale (row r is scale[r] · int8 values), float32 |
///
/// An int8 file is mapped and nothing is converted either: `QuantizedRows` scans the int8 rows in
/// place; the float32 matrix is made only when something needs all of it (evaluation, export).
/// A float32 version-2 file is mapped and nothing is built: the words stay bytes in the mapping
/// until asked for, and lookups probe the stored index. Opening one checks every size and offset,
/// that the words are UTF-8, and that no value is NaN or infinite (one pass over the matrix).
/// Version-1 files (no index) are still read; they build their word list and dictionary.
public enum EmbedLabBinary {
    public static let magic = Data("EMBEDLAB".utf8)
    public static let version: UInt32 = 2
    static let headerSize = 64

    enum Scalar: UInt32 { case float32 = 1, float16 = 2, int8 = 3
        var size: Int { switch self { case .float32: 4; case .float16: 2; case .int8: 1 } }
    }

    /// How `write` stores the values.
    public enum Storage: Sendable { case float32, float16, int8 }

    /// Bytes of an int8 matrix's values, rounded up to 4 so that the scales after them are aligned.
    static func int8ValueBytes(_ cells: UInt64) -> UInt64 { (cells + 3) / 4 * 4 }

    public static func read(path: String, name: String) throws -> WordVectors {
        let file = try MappedFile(path: path)
        let n = file.count
        let b = file.bytes
        guard n >= headerSize else {
            throw ModelFileError(path, .byte(n), "truncated: \(n) bytes is shorter than the \(headerSize)-byte header")
        }
        guard Data(UnsafeBufferPointer(rebasing: b[0..<8])) == magic else {
            throw ModelFileError(path, .byte(0), "wrong magic: not an EmbedLab model (.embv); for word2vec or GloVe files use `embedlab convert`")
        }
        func u32(_ o: Int) -> UInt32 { UnsafeRawPointer(b.baseAddress! + o).loadUnaligned(as: UInt32.self).littleEndian }
        func u64(_ o: Int) -> UInt64 { UnsafeRawPointer(b.baseAddress! + o).loadUnaligned(as: UInt64.self).littleEndian }
        let ver = u32(8)
        guard ver == 1 || ver == 2 else {
            throw ModelFileError(path, .byte(8), "format version \(ver) is not supported (this EmbedLab reads versions 1 and 2)")
        }
        guard let scalar = Scalar(rawValue: u32(12)) else {
            throw ModelFileError(path, .byte(12), "unknown scalar type \(u32(12)) (1 = float32, 2 = float16, 3 = int8)")
        }
        let count = u64(16), dims = u64(24), vocabBytes = u64(32), nameBytes = u64(40), matrixOffset = u64(48)
        // Check every size against the file before trusting (or allocating for) any of them.
        let limit = UInt64(n)
        guard dims > 0, dims < 1 << 20, count < 1 << 40 else {
            throw ModelFileError(path, .byte(16), "implausible shape \(count) × \(dims)")
        }
        let (cells, o1) = count.multipliedReportingOverflow(by: dims)
        var (matrixBytes, o2) = cells.multipliedReportingOverflow(by: UInt64(scalar.size))
        if scalar == .int8, !o1 { matrixBytes = int8ValueBytes(cells) + 4 * count }
        guard !o1, !o2, matrixOffset <= limit, matrixBytes <= limit - matrixOffset else {
            throw ModelFileError(path, .byte(Int(min(matrixOffset, limit))), "truncated: the header promises \(count) × \(dims) values from byte \(matrixOffset), the file has \(n) bytes")
        }
        guard matrixOffset + matrixBytes == limit else {
            throw ModelFileError(path, .byte(Int(matrixOffset + matrixBytes)), "\(limit - matrixOffset - matrixBytes) unexpected bytes after the matrix")
        }
        guard matrixOffset % 64 == 0, vocabBytes <= limit, nameBytes <= limit,
              UInt64(headerSize) + vocabBytes + nameBytes <= matrixOffset else {
            throw ModelFileError(path, .byte(32), "the vocabulary (\(vocabBytes) bytes) and names (\(nameBytes) bytes) do not fit before the matrix at byte \(matrixOffset)")
        }
        let indexOffset = u64(56)
        var stored: StoredWordIndex?
        var words: [String] = []
        if ver == 2 {
            let namesEnd = UInt64(headerSize) + vocabBytes + nameBytes
            guard indexOffset >= namesEnd, indexOffset < matrixOffset, indexOffset % 8 == 0 else {
                throw ModelFileError(path, .byte(56), "the word index offset \(indexOffset) is not between the names (ending at byte \(namesEnd)) and the matrix (byte \(matrixOffset))")
            }
            let vocabulary = UnsafeBufferPointer(rebasing: b[headerSize..<(headerSize + Int(vocabBytes))])
            guard String(validating: vocabulary, as: UTF8.self) != nil else {
                // Name the first bad word: the line-by-line reader finds it.
                _ = try splitLines(b, from: headerSize, count: Int(vocabBytes), path: path, what: "word")
                throw ModelFileError(path, .byte(headerSize), "the vocabulary is not valid UTF-8")
            }
            switch StoredWordIndex.validate(file: b, owner: file, at: Int(indexOffset), end: Int(matrixOffset),
                                            vocabulary: headerSize, vocabularyBytes: Int(vocabBytes), count: Int(count)) {
            case .success(let index): stored = index
            case .failure(let problem): throw ModelFileError(path, .byte(problem.byte), problem.message)
            }
        } else {
            words = try splitLines(b, from: headerSize, count: Int(vocabBytes), path: path, what: "word")
            guard words.count == Int(count) else {
                throw ModelFileError(path, .byte(headerSize), "the vocabulary holds \(words.count) words, the header says \(count)")
            }
        }
        func word(_ i: Int) -> String { stored?.word(at: i) ?? words[i] }
        var names: [String]?
        if nameBytes > 0 {
            names = try splitLines(b, from: headerSize + Int(vocabBytes), count: Int(nameBytes), path: path, what: "dimension name")
            guard names!.count == Int(dims) else {
                throw ModelFileError(path, .byte(headerSize + Int(vocabBytes)), "\(names!.count) dimension names for \(dims) dimensions")
            }
        }
        // The model over the stored word index (opening builds nothing) or over the words read above;
        // it keeps the file's bytes alive for as long as it lives.
        func finish(_ make: () throws -> WordVectors) throws -> WordVectors {
            do {
                let model = try make()
                model.source = file.mapping
                return model
            } catch let error as EmbeddingsError {
                throw ModelFileError(path, .byte(headerSize), error.description)
            }
        }
        let rows = Int(count), cols = Int(dims), start = Int(matrixOffset)
        let matrix: Matrix
        switch scalar {
        case .float32:
            let base = UnsafeRawPointer(b.baseAddress! + start).assumingMemoryBound(to: Float.self)
            if let i = firstNonFinite(base, count: rows * cols) {
                throw ModelFileError(path, .byte(start + i * 4), "value \(i % cols + 1) of '\(word(i / cols))' is NaN or infinite; such a row has no direction, remove it or fix the value")
            }
            matrix = Matrix(borrowing: base, rows: rows, columns: cols, owner: file)
        case .int8:
            let values = UnsafeRawPointer(b.baseAddress! + start).assumingMemoryBound(to: Int8.self)
            let scaleStart = start + Int(int8ValueBytes(UInt64(rows * cols)))
            let scales = UnsafeRawPointer(b.baseAddress! + scaleStart).assumingMemoryBound(to: Float.self)
            if let i = firstNonFinite(scales, count: rows) ?? (0..<rows).first(where: { scales[$0] < 0 }) {
                throw ModelFileError(path, .byte(scaleStart + i * 4), "the scale of '\(word(i))' is \(scales[i]); a row's scale is a finite number ≥ 0")
            }
            let q = QuantizedRows(borrowing: values, scales: scales, rows: rows, columns: cols, owner: file)
            return try finish {
                if let stored { return WordVectors(name: name, stored: stored, quantized: q, dimensionNames: names) }
                return try WordVectors(name: name, words: words, quantized: q, dimensionNames: names)
            }
        case .float16:
            var m = Matrix(rows: rows, columns: cols)
            try m.withUnsafeMutableBufferPointer { out in
                let raw = UnsafeRawPointer(b.baseAddress! + start)
                for i in 0..<(rows * cols) {
                    let x = Float(Float16(bitPattern: raw.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self).littleEndian))
                    guard x.isFinite else {
                        throw ModelFileError(path, .byte(start + i * 2), "value \(i % cols + 1) of '\(word(i / cols))' is NaN or infinite; such a row has no direction, remove it or fix the value")
                    }
                    out[i] = x
                }
            }
            matrix = m
        }
        return try finish {
            if let stored { return WordVectors(name: name, stored: stored, matrix: matrix, dimensionNames: names) }
            return try WordVectors(name: name, words: words, matrix: matrix, dimensionNames: names)
        }
    }

    /// The position of the first NaN or infinite value, or nil: x·0 is 0 for every finite x and NaN
    /// otherwise, so one SIMD sum of x·0 checks eight values per step.
    static func firstNonFinite(_ values: UnsafePointer<Float>, count: Int) -> Int? {
        // x · 0 is 0 for every finite x and NaN otherwise; four sums, so that no step waits for the last.
        var a0 = SIMD8<Float>(), a1 = a0, a2 = a0, a3 = a0
        let zero = SIMD8<Float>()
        var i = 0
        let raw = UnsafeRawPointer(values)
        while i + 32 <= count {
            a0.addProduct(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self), zero)
            a1.addProduct(raw.loadUnaligned(fromByteOffset: i * 4 + 32, as: SIMD8<Float>.self), zero)
            a2.addProduct(raw.loadUnaligned(fromByteOffset: i * 4 + 64, as: SIMD8<Float>.self), zero)
            a3.addProduct(raw.loadUnaligned(fromByteOffset: i * 4 + 96, as: SIMD8<Float>.self), zero)
            i += 32
        }
        while i + 8 <= count {
            a0.addProduct(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self), zero)
            i += 8
        }
        var finite = (a0 + a1 + a2 + a3).sum() == 0
        while i < count { finite = finite && values[i].isFinite; i += 1 }
        if finite { return nil }
        return (0..<count).first { !values[$0].isFinite }
    }

    static func splitLines(_ b: UnsafeBufferPointer<UInt8>, from: Int, count: Int, path: String, what: String) throws -> [String] {
        var out: [String] = []
        var start = from
        let end = from + count
        guard count == 0 || b[end - 1] == 0x0A else {
            throw ModelFileError(path, .byte(end - 1), "the \(what) list does not end with a line break")
        }
        // Validate the whole block once (fast), then decode each line without checking again.
        let block = UnsafeBufferPointer(rebasing: b[from..<end])
        let valid = String(validating: block, as: UTF8.self) != nil
        for i in from..<end where b[i] == 0x0A {
            let bytes = UnsafeBufferPointer(rebasing: b[start..<i])
            if !valid, decodeWord(bytes) == nil {
                throw ModelFileError(path, .byte(start), "\(what) \(out.count + 1) is not valid UTF-8")
            }
            out.append(String(decoding: bytes, as: UTF8.self))
            start = i + 1
        }
        return out
    }

    public static func write(_ model: WordVectors, path: String, float16: Bool = false) throws {
        try write(model, path: path, storage: float16 ? .float16 : .float32)
    }

    /// Writes `model`; `.int8` keeps a quantized model's own values and scales (the same bytes
    /// again) and quantizes any other (`QuantizedRows(quantizing:)`).
    public static func write(_ model: WordVectors, path: String, storage: Storage) throws {
        let float16 = storage == .float16
        var vocab = Data()
        for w in model.words {
            if w.isEmpty || w.contains("\n") { throw ModelFileError(path, .file, "cannot write the word '\(PrintableText.excerpt(w))': words may not be empty or contain line breaks") }
            vocab.append(contentsOf: Array(w.utf8)); vocab.append(0x0A)
        }
        var names = Data()
        for d in model.dimensionNames ?? [] {
            if d.contains("\n") { throw ModelFileError(path, .file, "dimension names may not contain line breaks") }
            names.append(contentsOf: Array(d.utf8)); names.append(0x0A)
        }
        guard vocab.count < 1 << 32 else {
            throw ModelFileError(path, .file, "the vocabulary takes \(vocab.count) bytes; the word index addresses at most 4 GB")
        }
        if float16 {
            // Half precision holds ±65504 at most: a larger value would be written as infinity,
            // and the file then refused when read. Say so now, before anything is written.
            let limit = Float(Float16.greatestFiniteMagnitude)
            if let (i, x) = model.matrix.withUnsafeBufferPointer({ m in m.firstIndex { abs($0) > limit }.map { ($0, m[$0]) } }) {
                let cols = max(model.dimensions, 1)
                throw ModelFileError(path, .file, "value \(i % cols + 1) of '\(model.words[i / cols])' is \(x), beyond float16's ±65504; write float32 (leave out --float16)")
            }
        }
        let scalar: Scalar = storage == .int8 ? .int8 : float16 ? .float16 : .float32
        let namesEnd = headerSize + vocab.count + names.count
        let indexOffset = (namesEnd + 7) / 8 * 8
        let index = StoredWordIndex.encode(model.words)
        let unaligned = indexOffset + index.count
        let matrixOffset = (unaligned + 63) / 64 * 64
        var out = Data(capacity: matrixOffset + model.count * model.dimensions * 4)
        out.append(magic)
        func put<T: FixedWidthInteger>(_ x: T) { withUnsafeBytes(of: x.littleEndian) { out.append(contentsOf: $0) } }
        put(version); put(scalar.rawValue)
        put(UInt64(model.count)); put(UInt64(model.dimensions))
        put(UInt64(vocab.count)); put(UInt64(names.count)); put(UInt64(matrixOffset)); put(UInt64(indexOffset))
        out.append(vocab); out.append(names)
        out.append(Data(count: indexOffset - namesEnd))
        out.append(contentsOf: index)
        out.append(Data(count: matrixOffset - unaligned))
        if storage == .int8 {
            let q = model.quantized ?? QuantizedRows(quantizing: model.matrix)
            let cells = q.rows * q.columns
            out.append(UnsafeBufferPointer(start: UnsafeRawPointer(q.values).assumingMemoryBound(to: UInt8.self), count: cells))
            out.append(Data(count: Int(int8ValueBytes(UInt64(cells))) - cells))
            for r in 0..<q.rows { put(q.scales[r].bitPattern) }
            try writeAtomically(out, to: path)
            return
        }
        model.matrix.withUnsafeBufferPointer { m in
            if float16 {
                for x in m { put(Float16(x).bitPattern) }
            } else {
                for x in m { put(x.bitPattern) }
            }
        }
        try writeAtomically(out, to: path)
    }
}

/// A whole model file in memory, released when the last user lets go: a private copy for a file
/// up to `copyMaxBytes` (so that `truncate` or `cp` over it while it is in use changes nothing), a
/// `MAP_PRIVATE` mapping above that, which the session checks before each line
/// (`WordVectors.checkUnchanged`: same device, inode, size and modification time, else "the model
/// file changed while in use; :use it again"), so that a bundled model opens in about a millisecond.
final class MappedFile: @unchecked Sendable {
    /// Files up to this size are copied; larger ones are mapped and checked before each use.
    static let copyMaxBytes = 1 << 20

    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }
    let mapping: MappedBytes

    init(path: String) throws {
        // The one opener refuses folders, pipes, devices and link loops and applies the read policy.
        let file = try openModel(path)
        do { mapping = try file.map(copyUpTo: Self.copyMaxBytes) } catch let error as FileAccessError { throw ModelFileError(error) }
        bytes = mapping.bytes
    }
}

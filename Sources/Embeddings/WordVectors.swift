import FileAccess
import VectorMath
import Foundation

/// A word-vector model: a vocabulary in frequency order and one row of a `Matrix` per word.
///
/// Row `i` is the vector of `words[i]`; the most frequent word is row 0, so "the first N words"
/// means the N most frequent. Unit-length copies of the rows (for cosine similarity) are made
/// lazily, the first time a query needs them, and shared by every query after.
///
/// ```swift
/// let model = try WordVectors(words: ["猫", "狗"], matrix: Matrix(rowVectors: [[0.3, 0.8, -0.2], [0.4, 0.7, -0.1]]))
/// model.similarity("猫", "狗")   // 0.98…
/// ```
public final class WordVectors: @unchecked Sendable {
    /// A short name for display ("glove-50d"), usually the file name without extension.
    public let name: String
    /// The vocabulary, most frequent first. A model opened from an `.embv` file with a stored word
    /// index decodes this array on first use; `word(at:)` and `index(of:)` never need it.
    public var words: [String] {
        switch vocabulary {
        case .built(let words, _): return words
        case .stored(let stored):
            lock.lock()
            defer { lock.unlock() }
            if let w = decodedWords { return w }
            let w = (0..<stored.count).map { stored.word(at: $0) }
            decodedWords = w
            return w
        }
    }
    /// One row per word, float32. A model stored as int8 (`quantized`) makes this matrix on first
    /// use (4 bytes a value); its queries (`nearest`, `similarity`, `analogy` by 3CosAdd, `vector`)
    /// never need it.
    public var matrix: Matrix {
        matrixLock.lock()
        defer { matrixLock.unlock() }
        if let m = matrixStorage { return m }
        let m = quantized!.dequantized()
        matrixStorage = m
        return m
    }
    /// The int8 rows and per-row scales of a model stored that way, read in place.
    public let quantized: QuantizedRows?
    /// The number of words.
    public let count: Int
    /// The number of dimensions of every vector.
    public let dimensions: Int
    private var matrixStorage: Matrix?
    private let matrixLock = NSLock()
    /// Names of the dimensions, when the model has them (the toy models do; trained ones don't).
    public let dimensionNames: [String]?

    /// Where the words are: arrays built in memory, or the index stored in a mapped file.
    enum Vocabulary {
        case built([String], [String: Int])
        case stored(StoredWordIndex)
    }
    let vocabulary: Vocabulary
    private var decodedWords: [String]?
    /// The file's bytes the matrix and words live in, when the model was opened from an `.embv`.
    var source: MappedBytes?
    private var normalizedStorage: Matrix?
    private var scanStorage: NearestScan?
    private let lock = NSLock()

    /// Builds a model; refuses duplicate words and a row count that differs from the vocabulary.
    public init(name: String = "model", words: [String], matrix: Matrix, dimensionNames: [String]? = nil) throws {
        guard words.count == matrix.rows else {
            throw EmbeddingsError.shapeMismatch("\(words.count) words but \(matrix.rows) vectors")
        }
        if let names = dimensionNames, names.count != matrix.columns {
            throw EmbeddingsError.shapeMismatch("\(names.count) dimension names for \(matrix.columns) dimensions")
        }
        var index = [String: Int](minimumCapacity: words.count)
        for (i, w) in words.enumerated() {
            // One hash per word: insert, and look at what was there.
            if let first = index.updateValue(i, forKey: w) { throw EmbeddingsError.duplicateWord(w, first: first, second: i) }
        }
        self.name = name
        self.vocabulary = .built(words, index)
        self.matrixStorage = matrix
        self.quantized = nil
        self.count = matrix.rows
        self.dimensions = matrix.columns
        self.dimensionNames = dimensionNames
    }

    /// Builds a model over int8 rows (see `QuantizedRows`); the same checks as above.
    public convenience init(name: String = "model", words: [String], quantized: QuantizedRows, dimensionNames: [String]? = nil) throws {
        let placeholder = try WordVectors(name: name, words: words, matrix: Matrix(rows: words.count, columns: 0))
        if let names = dimensionNames, names.count != quantized.columns {
            throw EmbeddingsError.shapeMismatch("\(names.count) dimension names for \(quantized.columns) dimensions")
        }
        guard words.count == quantized.rows else {
            throw EmbeddingsError.shapeMismatch("\(words.count) words but \(quantized.rows) vectors")
        }
        self.init(name: name, vocabulary: placeholder.vocabulary, matrix: nil, quantized: quantized, dimensionNames: dimensionNames)
    }

    /// A model over a file's stored word index (already validated against the file).
    convenience init(name: String, stored: StoredWordIndex, matrix: Matrix, dimensionNames: [String]?) {
        self.init(name: name, vocabulary: .stored(stored), matrix: matrix, quantized: nil, dimensionNames: dimensionNames)
    }

    /// A model over a file's stored word index and its int8 rows, both read in place.
    convenience init(name: String, stored: StoredWordIndex, quantized: QuantizedRows, dimensionNames: [String]?) {
        self.init(name: name, vocabulary: .stored(stored), matrix: nil, quantized: quantized, dimensionNames: dimensionNames)
    }

    /// Throws when the model was mapped from a file (one larger than `InputFile.snapshotMaxBytes`)
    /// that has changed since (truncated, rewritten, copied over): reading it then could fault.
    /// Smaller models are private copies and never throw.
    public func checkUnchanged() throws {
        try source?.checkUnchanged()
    }

    /// The word of row `i` (0 ≤ i < count).
    public func word(at i: Int) -> String {
        switch vocabulary {
        case .built(let words, _): return words[i]
        case .stored(let stored):
            precondition(i >= 0 && i < stored.count, "row \(i) is out of range 0..<\(stored.count)")
            return stored.word(at: i)
        }
    }

    /// The row of `word`, or nil when it is not in the vocabulary (exact, case-sensitive).
    public func index(of word: String) -> Int? {
        switch vocabulary {
        case .built(_, let index): return index[word]
        case .stored(let stored): return stored.row(of: word)
        }
    }

    public func contains(_ word: String) -> Bool { index(of: word) != nil }

    /// The vector of `word` as stored, or nil when it is not in the vocabulary.
    public func vector(_ word: String) -> [Float]? {
        index(of: word).map { row($0) }
    }

    /// Row `i` as float32 (an int8 model converts this row only).
    public func row(_ i: Int) -> [Float] {
        if let quantized, matrixStorageIfBuilt == nil { return quantized.row(i) }
        return matrix.row(i)
    }

    /// Row `i` scaled to unit length, the row of `normalized` (an int8 model converts this row only).
    public func unitRow(_ i: Int) -> [Float] {
        if let quantized, normalizedIfBuilt == nil {
            var out = [Float](repeating: 0, count: dimensions)
            out.withUnsafeMutableBufferPointer { quantized.unitRow(i, into: $0.baseAddress!) }
            return out
        }
        return normalized.row(i)
    }

    private var matrixStorageIfBuilt: Matrix? {
        matrixLock.lock()
        defer { matrixLock.unlock() }
        return matrixStorage
    }

    private var normalizedIfBuilt: Matrix? {
        lock.lock()
        defer { lock.unlock() }
        return normalizedStorage
    }

    /// The `k` unit rows nearest to the unit vector `q` (scores are cosines), through the int8
    /// scan for an int8 model and the float16 scan otherwise: the same answer either way.
    func scanNearest(_ q: [Float], k: Int, rowLimit: Int?, excluding: Set<Int>) -> [ScoredIndex] {
        if let quantized { return quantized.nearest(to: q, k: k, rowLimit: rowLimit, excluding: excluding) }
        return nearestScan.nearest(to: q, k: k, rowLimit: rowLimit, excluding: excluding)
    }

    /// Rows scaled to unit length: dot products between them are cosines. Computed once.
    public var normalized: Matrix {
        let m = matrix
        lock.lock()
        defer { lock.unlock() }
        if let n = normalizedStorage { return n }
        let n = m.normalizedRows()
        normalizedStorage = n
        return n
    }

    /// The unit rows prepared for nearest-neighbour scans (a float16 copy, exact re-rank). Built once.
    public var nearestScan: NearestScan {
        let unit = normalized
        lock.lock()
        defer { lock.unlock() }
        if let s = scanStorage { return s }
        let s = NearestScan(unit)
        scanStorage = s
        return s
    }

    /// A copy keeping only the first `n` (most frequent) words.
    public func prefix(_ n: Int) throws -> WordVectors {
        guard n >= 1 else { throw EmbeddingsError.shapeMismatch("cannot keep \(n) words; keep at least 1 (for example --limit 30000)") }
        return try WordVectors(name: name, words: Array(words.prefix(n)), matrix: matrix.prefix(rows: n), dimensionNames: dimensionNames)
    }

    /// The same model under another name.
    public func renamed(_ newName: String) -> WordVectors {
        WordVectors(name: newName, vocabulary: vocabulary, matrix: quantized == nil ? matrix : matrixStorageIfBuilt,
                    quantized: quantized, dimensionNames: dimensionNames)
    }

    private init(name: String, vocabulary: Vocabulary, matrix: Matrix?, quantized: QuantizedRows?, dimensionNames: [String]?) {
        self.name = name
        self.vocabulary = vocabulary
        self.matrixStorage = matrix
        self.quantized = quantized
        self.count = quantized?.rows ?? matrix!.rows
        self.dimensions = quantized?.columns ?? matrix!.columns
        self.dimensionNames = dimensionNames
    }
}

/// What can go wrong when building or querying a model.
public enum EmbeddingsError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(String)
    case duplicateWord(String, first: Int, second: Int)
    case unknownWord(String, suggestions: [String])
    case dimensionMismatch(expected: Int, got: Int)
    case emptyQuery(String)

    public var description: String {
        switch self {
        case .shapeMismatch(let what): return "the model's shape does not fit: \(what)"
        case .duplicateWord(let w, let a, let b): return "the word '\(w)' appears twice (entries \(a + 1) and \(b + 1))"
        case .unknownWord(let w, let s):
            return s.isEmpty ? "'\(w)' is not in the vocabulary" : "'\(w)' is not in the vocabulary; did you mean \(s.map { "'\($0)'" }.joined(separator: ", "))?"
        case .dimensionMismatch(let e, let g): return "a vector of \(g) dimensions does not fit a model of \(e) dimensions"
        case .emptyQuery(let what): return what
        }
    }
}

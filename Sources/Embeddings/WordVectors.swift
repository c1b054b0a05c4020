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
    /// One row per word.
    public let matrix: Matrix
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
        self.matrix = matrix
        self.dimensionNames = dimensionNames
    }

    /// A model over a file's stored word index (already validated against the file).
    init(name: String, stored: StoredWordIndex, matrix: Matrix, dimensionNames: [String]?) {
        self.name = name
        self.vocabulary = .stored(stored)
        self.matrix = matrix
        self.dimensionNames = dimensionNames
    }

    /// Throws when the model was mapped from a file (one larger than `InputFile.snapshotMaxBytes`)
    /// that has changed since (truncated, rewritten, copied over): reading it then could fault.
    /// Smaller models are private copies and never throw.
    public func checkUnchanged() throws {
        try source?.checkUnchanged()
    }

    /// The number of words.
    public var count: Int { matrix.rows }
    /// The number of dimensions of every vector.
    public var dimensions: Int { matrix.columns }

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
        index(of: word).map { matrix.row($0) }
    }

    /// Rows scaled to unit length: dot products between them are cosines. Computed once.
    public var normalized: Matrix {
        lock.lock()
        defer { lock.unlock() }
        if let n = normalizedStorage { return n }
        let n = matrix.normalizedRows()
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
        WordVectors(name: newName, vocabulary: vocabulary, matrix: matrix, dimensionNames: dimensionNames)
    }

    private init(name: String, vocabulary: Vocabulary, matrix: Matrix, dimensionNames: [String]?) {
        self.name = name
        self.vocabulary = vocabulary
        self.matrix = matrix
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

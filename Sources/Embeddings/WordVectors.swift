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
    /// The vocabulary, most frequent first.
    public let words: [String]
    /// One row per word.
    public let matrix: Matrix
    /// Names of the dimensions, when the model has them (the toy models do; trained ones don't).
    public let dimensionNames: [String]?

    private let index: [String: Int]
    private var normalizedStorage: Matrix?
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
        self.words = words
        self.matrix = matrix
        self.dimensionNames = dimensionNames
        self.index = index
    }

    /// The number of words.
    public var count: Int { words.count }
    /// The number of dimensions of every vector.
    public var dimensions: Int { matrix.columns }

    /// The row of `word`, or nil when it is not in the vocabulary (exact, case-sensitive).
    public func index(of word: String) -> Int? { index[word] }

    public func contains(_ word: String) -> Bool { index[word] != nil }

    /// The vector of `word` as stored, or nil when it is not in the vocabulary.
    public func vector(_ word: String) -> [Float]? {
        index[word].map { matrix.row($0) }
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

    /// A copy keeping only the first `n` (most frequent) words.
    public func prefix(_ n: Int) throws -> WordVectors {
        guard n >= 1 else { throw EmbeddingsError.shapeMismatch("cannot keep \(n) words; keep at least 1 (for example --limit 30000)") }
        return try WordVectors(name: name, words: Array(words.prefix(n)), matrix: matrix.prefix(rows: n), dimensionNames: dimensionNames)
    }

    /// The same model under another name.
    public func renamed(_ newName: String) -> WordVectors {
        // Cannot fail: the words and matrix were already checked.
        try! WordVectors(name: newName, words: words, matrix: matrix, dimensionNames: dimensionNames)
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

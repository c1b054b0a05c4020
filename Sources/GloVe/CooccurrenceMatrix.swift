import VectorMath

/// One nonzero entry of a co-occurrence matrix: word `j` occurs in the context of word `i`,
/// with weight `x` (each co-occurrence counts 1/distance).
public struct CooccurrenceRecord: Sendable, Equatable {
    /// The row: the index of the centre word in the vocabulary.
    public var i: Int32
    /// The column: the index of the context word.
    public var j: Int32
    /// Xᵢⱼ, the weighted number of times `j` appears within the window around `i`.
    public var x: Float

    public init(i: Int32, j: Int32, x: Float) {
        self.i = i
        self.j = j
        self.x = x
    }
}

/// The word-word co-occurrence counts X of a corpus, the statistics GloVe learns from.
///
/// Xᵢⱼ counts how often word j appears near word i: within `window` tokens on either side,
/// on the same line, each occurrence weighted 1/distance (a neighbour counts 1, the word two
/// places away ½, and so on), exactly as `cooccur.c` counts with its defaults (symmetric
/// window, distance weighting). X is symmetric, and a word near itself adds to Xᵢᵢ twice
/// (once from each side), as in the reference.
///
/// Only the nonzero entries are stored, as `CooccurrenceRecord`s sorted by row, then column, in
/// one contiguous block: a 10-million-token corpus with a 60,000-word vocabulary has about 28
/// million of them (12 bytes each). The matrix is a collection of those records.
///
/// For a lesson, count a tiny text and read X as a table:
///
/// ```swift
/// let X = CooccurrenceMatrix(counting: "the cat sat on the mat", window: 2)
/// X.vocabulary.words   // ["the", "cat", "mat", "on", "sat"]
/// X["the", "sat"]      // 1.0: "sat" is 2 places after the first "the" and 2 before the second
/// X.table()            // a 5×5 Matrix, row i = Xᵢ
/// ```
public struct CooccurrenceMatrix: Sendable, RandomAccessCollection {
    /// The words of the rows and columns.
    public let vocabulary: Vocabulary
    /// The number of tokens on each side that count as context.
    public let window: Int
    let storage: RecordStorage
    /// Row i is `storage[rowStarts[i] ..< rowStarts[i + 1]]`.
    let rowStarts: [Int]

    init(vocabulary: Vocabulary, window: Int, storage: RecordStorage, rowStarts: [Int]) {
        self.vocabulary = vocabulary
        self.window = window
        self.storage = storage
        self.rowStarts = rowStarts
    }

    /// Counts a small text in one go: its vocabulary (words seen at least `minCount` times),
    /// then its co-occurrences.
    public init(counting text: String, window: Int = 15, minCount: Int = 1) {
        let corpus = Corpus(text: text)
        self.init(counting: corpus, vocabulary: Vocabulary(counting: corpus, minCount: minCount, threads: 1),
                  window: window, threads: 1)
    }

    // MARK: The records

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    /// The `position`-th nonzero record, in row-then-column order.
    public subscript(position: Int) -> CooccurrenceRecord {
        precondition(position >= 0 && position < storage.count, "record \(position) is out of range 0..<\(storage.count)")
        return storage.base[position]
    }

    /// All records at once, without copying (for example to train on them).
    public func withUnsafeRecords<R>(_ body: (UnsafeBufferPointer<CooccurrenceRecord>) throws -> R) rethrows -> R {
        try body(storage.buffer)
    }

    /// The records of row `i` (the contexts of word `i`), in column order.
    public func row(_ i: Int) -> Slice<CooccurrenceMatrix> {
        precondition(i >= 0 && i < vocabulary.count, "row \(i) is out of range 0..<\(vocabulary.count)")
        return self[rowStarts[i]..<rowStarts[i + 1]]
    }

    // MARK: Reading X like a matrix

    /// Xᵢⱼ, or 0 when the two words never occur near each other.
    public subscript(i: Int, j: Int) -> Float {
        precondition(i >= 0 && i < vocabulary.count && j >= 0 && j < vocabulary.count,
                     "X[\(i), \(j)] is outside the \(vocabulary.count)×\(vocabulary.count) matrix")
        // Binary search for column j within row i.
        var lo = rowStarts[i], hi = rowStarts[i + 1]
        let records = storage.base
        while lo < hi {
            let mid = (lo + hi) / 2
            let column = Int(records[mid].j)
            if column == j { return records[mid].x }
            if column < j { lo = mid + 1 } else { hi = mid }
        }
        return 0
    }

    /// X for two words; 0 when they never occur near each other or are not in the vocabulary.
    public subscript(word: String, context: String) -> Float {
        guard let i = vocabulary.index(of: word), let j = vocabulary.index(of: context) else { return 0 }
        return self[i, j]
    }

    /// X as a dense matrix (row i, column j = Xᵢⱼ), for the first `limit` words of the vocabulary:
    /// a table to show a learner. Dense means V² floats, so keep `limit` small.
    public func table(limit: Int? = nil) -> Matrix {
        let n = Swift.min(limit ?? vocabulary.count, vocabulary.count)
        precondition(n <= 10_000, "a dense table of \(n)×\(n) is too big to show; pass a smaller limit")
        var dense = Matrix(rows: n, columns: n)
        dense.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                for record in row(i) where Int(record.j) < n { out[i * n + Int(record.j)] = record.x }
            }
        }
        return dense
    }
}

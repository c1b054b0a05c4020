/// A dense row-major matrix of `Float` values in one contiguous block of memory.
///
/// Row `i` occupies `storage[i * columns ..< (i + 1) * columns]`. A word-vector model with
/// 30,000 words of 50 dimensions is one `Matrix(rows: 30_000, columns: 50)`: never `[[Float]]`,
/// so that a scan over all rows streams through memory at full bandwidth.
///
/// The memory is either owned (allocated here) or borrowed from a memory-mapped file, in which case
/// `owner` keeps the mapping alive. Matrices are values: mutation copies shared storage first.
///
/// ```swift
/// var m = Matrix(rows: 2, columns: 3)
/// m[1, 2] = 4
/// m.row(1)   // [0, 0, 4]
/// ```
public struct Matrix: @unchecked Sendable {
    public let rows: Int
    public let columns: Int
    @usableFromInline var storage: MatrixStorage

    /// A matrix of zeros.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "matrix sizes are never negative")
        self.rows = rows
        self.columns = columns
        self.storage = MatrixStorage(count: rows * columns)
    }

    /// A matrix from row-major values; `values.count` must be `rows * columns`.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "expected \(rows * columns) values, got \(values.count)")
        self.init(rows: rows, columns: columns)
        values.withUnsafeBufferPointer { src in
            storage.base.update(from: src.baseAddress!, count: values.count)
        }
    }

    /// A matrix whose rows are `rows`; every row must have the same length.
    public init(rowVectors: [[Float]]) {
        let columns = rowVectors.first?.count ?? 0
        self.init(rows: rowVectors.count, columns: columns, values: rowVectors.flatMap { row in
            precondition(row.count == columns, "every row needs \(columns) values")
            return row
        })
    }

    /// A matrix that reads `rows * columns` floats at `base`, memory owned by `owner`
    /// (for example a memory-mapped file). The matrix never writes to it; mutation copies first.
    public init(borrowing base: UnsafePointer<Float>, rows: Int, columns: Int, owner: AnyObject) {
        self.rows = rows
        self.columns = columns
        self.storage = MatrixStorage(borrowing: UnsafeMutablePointer(mutating: base), count: rows * columns, owner: owner)
    }

    public var count: Int { rows * columns }

    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            return storage.base[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            makeUnique()
            storage.base[row * columns + column] = newValue
        }
    }

    /// A copy of row `i` as an array.
    public func row(_ i: Int) -> [Float] {
        precondition(i >= 0 && i < rows, "row \(i) is out of range 0..<\(rows)")
        return Array(UnsafeBufferPointer(start: storage.base + i * columns, count: columns))
    }

    /// All values, row after row.
    public var values: [Float] { Array(UnsafeBufferPointer(start: storage.base, count: count)) }

    /// Read access to row `i` without copying.
    @inlinable
    public func withRow<R>(_ i: Int, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        precondition(i >= 0 && i < rows, "row \(i) is out of range 0..<\(rows)")
        return try body(UnsafeBufferPointer(start: storage.base + i * columns, count: columns))
    }

    /// Read access to all values, row-major.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    /// Write access to all values, row-major; shared or borrowed storage is copied first.
    public mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        makeUnique()
        return try body(UnsafeMutableBufferPointer(start: storage.base, count: count))
    }

    /// Replaces row `i` with `values`.
    public mutating func setRow(_ i: Int, _ values: [Float]) {
        precondition(values.count == columns, "row needs \(columns) values, got \(values.count)")
        precondition(i >= 0 && i < rows, "row \(i) is out of range 0..<\(rows)")
        makeUnique()
        values.withUnsafeBufferPointer { storage.base.advanced(by: i * columns).update(from: $0.baseAddress!, count: columns) }
    }

    /// The first `n` rows (a copy).
    public func prefix(rows n: Int) -> Matrix {
        let n = max(0, min(n, rows))
        var out = Matrix(rows: n, columns: columns)
        out.storage.base.update(from: storage.base, count: n * columns)
        return out
    }

    @usableFromInline
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) || storage.owner != nil {
            let copy = MatrixStorage(count: count)
            copy.base.update(from: storage.base, count: count)
            storage = copy
        }
    }
}

extension Matrix: Equatable {
    public static func == (a: Matrix, b: Matrix) -> Bool {
        guard a.rows == b.rows, a.columns == b.columns else { return false }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
    }
}

/// The memory behind a `Matrix`: owned and freed here, or borrowed from `owner`.
@usableFromInline
final class MatrixStorage {
    @usableFromInline let base: UnsafeMutablePointer<Float>
    let count: Int
    let owner: AnyObject?

    init(count: Int) {
        // 64-byte alignment lets SIMD loads start on cache lines.
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: 64)
        base = raw.initializeMemory(as: Float.self, repeating: 0, count: max(count, 1))
        self.count = count
        owner = nil
    }

    init(borrowing base: UnsafeMutablePointer<Float>, count: Int, owner: AnyObject) {
        self.base = base
        self.count = count
        self.owner = owner
    }

    deinit {
        if owner == nil { UnsafeMutableRawPointer(base).deallocate() }
    }
}

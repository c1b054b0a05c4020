import Foundation

/// A matrix stored as int8 with one float32 scale per row (row r is `scale[r] · values[r]`),
/// read in place (from a memory-mapped file, say) and scanned for nearest rows without ever
/// being converted as a whole.
///
/// - `row(_:)` and `unitRow(_:into:)` convert one row: a float32 `Matrix` of the same values, and
///   its rows scaled to unit length exactly as `Matrix.normalizedRows()` scales them.
/// - `nearest(to:k:rowLimit:excluding:)` gives exactly the answer of
///   `dequantized().normalizedRows().nearest(to:k:…)` (same scores, same order, ties to the lower
///   row). The scan multiplies the query with the int8 values (the scale cancels in a cosine) and
///   multiplies each sum by 1/‖int8 row‖; that differs from the float32 score only by rounding,
///   so `CandidateTopK` with a margin of a few hundred float32 ulps keeps every row of the exact
///   top k, and only those rows are converted and scored again with `Kernels.dot`.
/// - A scan reads d bytes a row: 100-dimension int8 rows cost what 50-dimension float16 rows do.
///   Scans over more than 64 KB are split over `WorkerPool.shared`.
///
/// ```swift
/// let q = QuantizedRows(quantizing: Matrix(rowVectors: [[1, 0], [0.6, 0.8], [0, 2]]))
/// q.nearest(to: [1, 0], k: 2).map(\.index)   // [0, 1]
/// ```
public final class QuantizedRows: @unchecked Sendable {
    public let rows: Int
    public let columns: Int
    /// rows × columns int8 values, row-major.
    public let values: UnsafePointer<Int8>
    /// One scale per row.
    public let scales: UnsafePointer<Float>
    private let owner: AnyObject?
    private let ownsMemory: Bool
    private var inverseNorms: [Float]?
    private let lock = NSLock()

    /// Values and scales that `owner` keeps alive (a mapped file); nothing is copied.
    public init(borrowing values: UnsafePointer<Int8>, scales: UnsafePointer<Float>, rows: Int, columns: Int, owner: AnyObject) {
        self.values = values
        self.scales = scales
        self.rows = rows
        self.columns = columns
        self.owner = owner
        ownsMemory = false
    }

    /// Quantizes `m`: each row's scale is max|x| / 127 and each value round(x / scale) (a zero row
    /// has scale 0). A value is off by at most half a scale step.
    public init(quantizing m: Matrix) {
        let rows = m.rows, columns = m.columns
        self.rows = rows
        self.columns = columns
        let v = UnsafeMutablePointer<Int8>.allocate(capacity: Swift.max(1, rows * columns))
        let s = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, rows))
        m.withUnsafeBufferPointer { x in
            for r in 0..<rows {
                let row = x.baseAddress! + r * columns
                var largest: Float = 0
                for p in 0..<columns { largest = Swift.max(largest, abs(row[p])) }
                let scale = largest / 127
                s[r] = scale
                for p in 0..<columns {
                    v[r * columns + p] = scale > 0 ? Int8(Swift.max(-127, Swift.min(127, (row[p] / scale).rounded()))) : 0
                }
            }
        }
        values = UnsafePointer(v)
        scales = UnsafePointer(s)
        owner = nil
        ownsMemory = true
    }

    deinit {
        if ownsMemory {
            UnsafeMutablePointer(mutating: values).deallocate()
            UnsafeMutablePointer(mutating: scales).deallocate()
        }
    }

    /// Row `r` as float32: scale · value.
    public func row(_ r: Int) -> [Float] {
        precondition(r >= 0 && r < rows, "row \(r) is out of range 0..<\(rows)")
        let x = values + r * columns, s = scales[r]
        return (0..<columns).map { Float(x[$0]) * s }
    }

    /// Writes row `r` scaled to unit length (a zero row stays zero), exactly as
    /// `Matrix.normalizedRows()` would scale the float32 row.
    public func unitRow(_ r: Int, into out: UnsafeMutablePointer<Float>) {
        let x = values + r * columns, s = scales[r]
        for p in 0..<columns { out[p] = Float(x[p]) * s }
        let n = Kernels.norm(out, count: columns)
        if n > 0 { Kernels.scale(out, by: 1 / n, count: columns) }
    }

    /// All rows as a float32 matrix (rows × columns × 4 bytes).
    public func dequantized() -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        m.withUnsafeMutableBufferPointer { out in
            for r in 0..<rows {
                let x = values + r * columns, s = scales[r], o = out.baseAddress! + r * columns
                for p in 0..<columns { o[p] = Float(x[p]) * s }
            }
        }
        return m
    }

    /// 1 / ‖int8 row‖ for every row (0 for a zero row), computed on first use.
    func norms() -> [Float] {
        lock.lock()
        defer { lock.unlock() }
        if let inverseNorms { return inverseNorms }
        var out = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            let x = values + r * columns
            var sum: Int32 = 0
            for p in 0..<columns { sum &+= Int32(x[p]) * Int32(x[p]) }
            out[r] = sum > 0 ? 1 / Float(sum).squareRoot() : 0
        }
        inverseNorms = out
        return out
    }

    /// The bytes a scan of `rowLimit` rows reads.
    public func scanBytes(rowLimit: Int? = nil) -> Int { Swift.min(rowLimit ?? rows, rows) * (columns + 4) }

    /// The `k` rows with the highest cosine with `q`, as scores of unit rows with `q` (so `q` is
    /// normally of unit length), best first, ties to the lower row; among the first `rowLimit`
    /// rows, leaving out `excluding`.
    public func nearest(to q: [Float], k: Int, rowLimit: Int? = nil, excluding: Set<Int> = []) -> [ScoredIndex] {
        precondition(q.count == columns, "vector has \(q.count) dimensions, rows have \(columns)")
        let n = Swift.max(0, Swift.min(rowLimit ?? rows, rows))
        guard k > 0, n > 0 else { return [] }
        let d = columns
        let inv = norms()
        let qNorm = q.norm
        // Both the scan's score and the exact one are Σ over d products of a unit row with q,
        // each rounded a few times (scale, 1/‖x‖, products, sums): each within (2d + 8)·2⁻²⁴·‖q‖
        // of the true value; twice that again for safety.
        let margin = qNorm.isFinite ? 2 * qNorm * Float(4 * d + 16) * 0x1p-24 : .infinity
        let parts = scanBytes(rowLimit: n) > 64 * 1024 ? Swift.min(WorkerPool.shared.threadCount, Swift.max(1, n / 2048)) : 1
        var results = [CandidateTopK](repeating: CandidateTopK(k: k, margin: margin), count: parts)
        q.withUnsafeBufferPointer { qp in
            inv.withUnsafeBufferPointer { ip in
                results.withUnsafeMutableBufferPointer { out in
                    let o = SendablePointer(out.baseAddress!)
                    let qs = SendablePointer(UnsafeMutablePointer(mutating: qp.baseAddress!))
                    let ins = SendablePointer(UnsafeMutablePointer(mutating: ip.baseAddress!))
                    let vs = SendablePointer(UnsafeMutablePointer(mutating: values))
                    let scan = { (part: Int) in
                        let lo = n * part / parts, hi = n * (part + 1) / parts
                        o.pointer[part] = Self.scan(rows: lo..<hi, values: vs.pointer, inverseNorms: ins.pointer, d: d,
                                                    q: qs.pointer, k: k, margin: margin, excluding: excluding)
                    }
                    if parts == 1 { scan(0) } else { WorkerPool.shared.run(parts: parts, scan) }
                }
            }
        }
        var all = results[0]
        for other in results.dropFirst() { all.merge(other) }
        let unit = UnsafeMutablePointer<Float>.allocate(capacity: d)
        defer { unit.deallocate() }
        return q.withUnsafeBufferPointer { qp in
            all.exact { r in
                unitRow(r, into: unit)
                return Kernels.dot(unit, qp.baseAddress!, count: d)
            }
        }
    }

    /// Scores rows `range` by Σ q·x over the int8 values, 16 at a time, times 1/‖x‖.
    static func scan(rows range: Range<Int>, values: UnsafePointer<Int8>, inverseNorms: UnsafePointer<Float>, d: Int,
                     q: UnsafePointer<Float>, k: Int, margin: Float, excluding: Set<Int>) -> CandidateTopK {
        typealias V = SIMD16<Float>
        var top = CandidateTopK(k: k, margin: margin)
        let chunks = d / 16
        // The query in 16-lane pieces, the last one padded with zeros, loaded once.
        var pieces = [V](repeating: V(), count: chunks + 1)
        for c in 0..<chunks { pieces[c] = UnsafeRawPointer(q + c * 16).loadUnaligned(as: V.self) }
        var tail = V()
        for p in (chunks * 16)..<d { tail[p - chunks * 16] = q[p] }
        pieces[chunks] = tail
        let rest = d - chunks * 16
        @inline(__always) func widen(_ x: SIMD16<Int8>) -> V { V(SIMD16<Int32>(truncatingIfNeeded: x)) }
        // The last d mod 16 values are read as the 16 bytes ending at the row's end (never past it,
        // when d ≥ 16), against the query's tail shifted to match (zeros over the bytes read twice).
        var shiftedTail = V()
        for p in 0..<16 where p >= 16 - rest { shiftedTail[p] = tail[p - (16 - rest)] }
        let overlapTail = d >= 16
        pieces.withUnsafeBufferPointer { qp in
            let raw = UnsafeRawPointer(values)
            for r in range {
                let row = raw + r * d
                var acc0 = V(), acc1 = V()
                var c = 0
                while c + 2 <= chunks {
                    acc0.addProduct(qp[c], widen(row.loadUnaligned(fromByteOffset: c * 16, as: SIMD16<Int8>.self)))
                    acc1.addProduct(qp[c + 1], widen(row.loadUnaligned(fromByteOffset: c * 16 + 16, as: SIMD16<Int8>.self)))
                    c += 2
                }
                if c < chunks {
                    acc0.addProduct(qp[c], widen(row.loadUnaligned(fromByteOffset: c * 16, as: SIMD16<Int8>.self)))
                }
                if rest > 0 {
                    if overlapTail {
                        acc1.addProduct(shiftedTail, widen(row.loadUnaligned(fromByteOffset: d - 16, as: SIMD16<Int8>.self)))
                    } else {
                        var x = SIMD16<Int8>()
                        for p in 0..<rest { x[p] = row.load(fromByteOffset: p, as: Int8.self) }
                        acc1.addProduct(qp[chunks], widen(x))
                    }
                }
                // Add the lanes pairwise (16 → 8 → 4 → 2 → 1), not as one chain.
                let s16 = acc0 + acc1
                let s8 = s16.lowHalf + s16.highHalf
                let s4 = s8.lowHalf + s8.highHalf
                let s2 = s4.lowHalf + s4.highHalf
                let s = (s2[0] + s2[1]) * inverseNorms[r]
                if s >= top.cut && !excluding.contains(r) { top.offer(index: r, score: s) }
            }
        }
        return top
    }
}


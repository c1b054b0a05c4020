import Foundation
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// A matrix stored as int8 with one float32 scale per row (row r is `scale[r] · values[r]`),
/// read in place (from a memory-mapped file, say) and scanned for nearest rows without ever
/// being converted as a whole.
///
/// - `row(_:)` and `unitRow(_:into:)` convert one row: a float32 `Matrix` of the same values, and
///   its rows scaled to unit length exactly as `Matrix.normalizedRows()` scales them.
/// - `nearest(to:k:rowLimit:excluding:)` gives exactly the answer of
///   `dequantized().normalizedRows().nearest(to:k:…)` (same scores, same order, ties to the lower
///   row). The scan multiplies the query with the int8 values (the scale cancels in a cosine) and
///   multiplies each sum by 1/‖int8 row‖ (the scale cancels in a cosine). The query is rounded to
///   int16 (its largest value to 32767), so a row's sum is an exact integer: 16 products at a time
///   in one `vpmaddwd` over int8 values widened to int16. The scan's score then differs from the
///   float32 score by at most √d·½ of the query's int16 step plus rounding, so `CandidateTopK`
///   with that margin keeps every row of the exact top k, and only those rows are converted and
///   scored again with `Kernels.dot`.
/// - The scan reads a copy of the int8 values in groups of 32 rows (made with the row lengths, on
///   the first scan): for each pair of dimensions, the 32 rows' two values side by side, 64 bytes,
///   one cache line, read front to back. Reading the rows in place, one row at a time with a
///   horizontal sum each, took 7.7× the time per row of the English float16 scan.
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
    /// The values in groups of 32 rows (see the type's notes), made with `inverseNorms`.
    private var grouped: UnsafeMutableRawPointer?
    private let lock = NSLock()
    /// Rows per group of the scan's copy.
    static let groupRows = 32
    /// Dimension pairs of a row (an odd last dimension is paired with a zero).
    var pairCount: Int { (columns + 1) / 2 }

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
        grouped?.deallocate()
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
    func norms() -> [Float] { prepared().inverseNorms }

    /// The row lengths and the grouped copy, made on first use (one pass over the values).
    func prepared() -> (inverseNorms: [Float], grouped: UnsafeRawPointer) {
        lock.lock()
        defer { lock.unlock() }
        if let inverseNorms, let grouped { return (inverseNorms, UnsafeRawPointer(grouped)) }
        var out = [Float](repeating: 0, count: rows)
        let pairs = pairCount, g = Self.groupRows, d = columns
        let groups = (rows + g - 1) / g
        let byteCount = Swift.max(64, groups * pairs * 2 * g)
        let copy = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 64)
        copy.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        let source = UnsafeRawPointer(values)
        // Groups split over the worker threads; row r is lane r % 32 of group r / 32, its dimensions
        // 2j and 2j + 1 the two bytes at 2·lane of pair j's 64 bytes.
        out.withUnsafeMutableBufferPointer { norms in
            let o = SendablePointer(norms.baseAddress!)
            let c = SendablePointer(copy.assumingMemoryBound(to: UInt8.self))
            let v = SendablePointer(UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: UInt8.self)))
            let parts = rows * d > 1 << 20 ? WorkerPool.shared.threadCount : 1
            WorkerPool.shared.run(parts: parts) { part in
                let lo = groups * part / parts * g, hi = Swift.min(rows, groups * (part + 1) / parts * g)
                let from = UnsafeRawPointer(v.pointer), to = UnsafeMutableRawPointer(c.pointer)
                for r in lo..<hi {
                    let x = from + r * d
                    var sum: Int32 = 0
                    var p = 0
                    var wide = SIMD16<Int32>()
                    while p + 16 <= d {
                        let w = SIMD16<Int32>(truncatingIfNeeded: x.loadUnaligned(fromByteOffset: p, as: SIMD16<Int8>.self))
                        wide &+= w &* w
                        p += 16
                    }
                    sum = wide.wrappedSum()
                    while p < d { let w = Int32(x.load(fromByteOffset: p, as: Int8.self)); sum &+= w * w; p += 1 }
                    o.pointer[r] = sum > 0 ? 1 / Float(sum).squareRoot() : 0
                    let line = to + (r / g) * pairs * 2 * g + (r % g) * 2
                    for j in 0..<(d / 2) {
                        line.storeBytes(of: x.loadUnaligned(fromByteOffset: 2 * j, as: UInt16.self), toByteOffset: j * 2 * g, as: UInt16.self)
                    }
                    if d % 2 == 1 { line.storeBytes(of: x.load(fromByteOffset: d - 1, as: UInt8.self), toByteOffset: (d / 2) * 2 * g, as: UInt8.self) }
                }
            }
        }
        inverseNorms = out
        grouped = copy
        return (out, UnsafeRawPointer(copy))
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
        let d = columns, pairs = pairCount
        let (inv, grouped) = prepared()
        let qNorm = q.norm
        var largest: Float = 0
        for v in q { largest = Swift.max(largest, abs(v)) }
        // The query as int16: q̂ = round(q · step⁻¹), the largest |value| at most 32767 and every
        // row's sum (≤ 127 · d · max|q̂|) inside Int32.
        let top = Float(Swift.min(32_767, Int(Int32.max) / (127 * Swift.max(1, 2 * pairs))))
        let invStep = largest > 0 && qNorm.isFinite ? top / largest : 0
        var pairsOfQuery = [Int32](repeating: 0, count: pairs)
        for j in 0..<pairs {
            let a = Int16((q[2 * j] * invStep).rounded())
            let b = 2 * j + 1 < d ? Int16((q[2 * j + 1] * invStep).rounded()) : 0
            pairsOfQuery[j] = Int32(bitPattern: UInt32(UInt16(bitPattern: a)) | UInt32(UInt16(bitPattern: b)) << 16)
        }
        let step = invStep > 0 ? 1 / invStep : 0
        // The exact score and the scan's differ by: each side's float32 rounding (Σ over d products
        // of a unit row with q, each rounded a few times: within (2d + 8)·2⁻²⁴·‖q‖), plus
        // |Σ u_p (q̂_p·step − q_p)| ≤ ‖u‖₁·step/2 ≤ √d·step/2 for a unit row u, plus the rounding of
        // the integer sum to float and two products (4·2⁻²⁴ of a score below ‖q‖ + √d·step).
        let dd = Float(d)
        let rounding = qNorm * Float(4 * d + 16) * 0x1p-24
        let quantization = 1.01 * dd.squareRoot() * step / 2 + 4 * 0x1p-24 * (qNorm + dd.squareRoot() * step)
        let margin = qNorm.isFinite && largest.isFinite ? 2 * (rounding + quantization) : .infinity
        let g = Self.groupRows
        let groups = (n + g - 1) / g
        let parts = scanBytes(rowLimit: n) > 64 * 1024 ? Swift.min(WorkerPool.shared.threadCount, Swift.max(1, groups / 16)) : 1
        var results = [CandidateTopK](repeating: CandidateTopK(k: k, margin: margin), count: parts)
        pairsOfQuery.withUnsafeBufferPointer { qp in
            inv.withUnsafeBufferPointer { ip in
                results.withUnsafeMutableBufferPointer { out in
                    let o = SendablePointer(out.baseAddress!)
                    let qs = SendablePointer(UnsafeMutablePointer(mutating: qp.baseAddress!))
                    let ins = SendablePointer(UnsafeMutablePointer(mutating: ip.baseAddress!))
                    let vs = SendablePointer(UnsafeMutablePointer(mutating: grouped.assumingMemoryBound(to: Int8.self)))
                    let scan = { (part: Int) in
                        let lo = groups * part / parts, hi = groups * (part + 1) / parts
                        o.pointer[part] = Self.scan(groups: lo..<hi, grouped: UnsafeRawPointer(vs.pointer), inverseNorms: ins.pointer,
                                                    rowLimit: n, pairs: pairs, query: qs.pointer, step: step, k: k, margin: margin,
                                                    excluding: excluding)
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

    /// Scores groups `range` of the grouped copy: for each pair of dimensions, 4 × 8 rows' exact
    /// integer sums Σ q̂·x (16 int16 products per instruction on x86-64), then times step/‖x‖.
    static func scan(groups range: Range<Int>, grouped: UnsafeRawPointer, inverseNorms: UnsafePointer<Float>, rowLimit n: Int,
                     pairs: Int, query: UnsafePointer<Int32>, step: Float, k: Int, margin: Float, excluding: Set<Int>) -> CandidateTopK {
        typealias V = SIMD8<Float>
        var top = CandidateTopK(k: k, margin: margin)
        let groupBytes = pairs * 64
        let steps = V(repeating: step)
        @inline(__always)
        func take(_ first: Int, _ sums: SIMD8<Int32>) {
            // Rows past n in the last group are zeros, with norms not read.
            var norms = V()
            if first + 8 <= n {
                norms = UnsafeRawPointer(inverseNorms + first).loadUnaligned(as: V.self)
            } else {
                for lane in 0..<Swift.max(0, n - first) { norms[lane] = inverseNorms[first + lane] }
            }
            let s = V(sums) * norms * steps
            var lanes = Kernels.lanesReaching(s, top.cut)
            while lanes != 0 {
                let lane = Int(lanes.trailingZeroBitCount)
                lanes &= lanes - 1
                let r = first + lane
                if r < n && s[lane] >= top.cut && !excluding.contains(r) { top.offer(index: r, score: s[lane]) }
            }
        }
        for group in range {
            let line = grouped + group * groupBytes
            #if arch(x86_64)
            var a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0
            for j in 0..<pairs {
                let x = _mm256_set1_epi32(query[j])
                let o = j * 64
                a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(x, _mm256_cvtepi8_epi16(line.loadUnaligned(fromByteOffset: o, as: __m128i.self))))
                a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(x, _mm256_cvtepi8_epi16(line.loadUnaligned(fromByteOffset: o + 16, as: __m128i.self))))
                a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(x, _mm256_cvtepi8_epi16(line.loadUnaligned(fromByteOffset: o + 32, as: __m128i.self))))
                a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(x, _mm256_cvtepi8_epi16(line.loadUnaligned(fromByteOffset: o + 48, as: __m128i.self))))
            }
            let s0 = unsafeBitCast(a0, to: SIMD8<Int32>.self), s1 = unsafeBitCast(a1, to: SIMD8<Int32>.self)
            let s2 = unsafeBitCast(a2, to: SIMD8<Int32>.self), s3 = unsafeBitCast(a3, to: SIMD8<Int32>.self)
            #else
            var s0 = SIMD8<Int32>(), s1 = s0, s2 = s0, s3 = s0
            for j in 0..<pairs {
                let pair = UInt32(bitPattern: query[j])
                let qa = SIMD8<Int32>(repeating: Int32(Int16(truncatingIfNeeded: pair)))
                let qb = SIMD8<Int32>(repeating: Int32(Int16(truncatingIfNeeded: pair >> 16)))
                @inline(__always) func sums(_ offset: Int) -> SIMD8<Int32> {
                    let x = SIMD16<Int32>(truncatingIfNeeded: line.loadUnaligned(fromByteOffset: j * 64 + offset, as: SIMD16<Int8>.self))
                    return x.evenHalf &* qa &+ x.oddHalf &* qb
                }
                s0 &+= sums(0); s1 &+= sums(16); s2 &+= sums(32); s3 &+= sums(48)
            }
            #endif
            let first = group * groupRows
            take(first, s0); take(first + 8, s1); take(first + 16, s2); take(first + 24, s3)
        }
        return top
    }
}

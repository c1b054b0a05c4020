/// The nearest rows of a matrix of unit-length rows, at the speed of memory: a scan over a
/// float16 copy, then the few rows that can be in the top k scored again exactly in float32.
///
/// The answer is exactly `rows.nearest(to:k:rowLimit:excluding:)`'s (same scores, same order, ties
/// to the lower row), but a scan reads half the bytes:
/// - The float16 copy stores rows in groups of 32, dimension by dimension: group g holds, for each
///   dimension p, the 32 values x[32g ..< 32g+32][p] side by side, 64 bytes: one cache line. One
///   step of the scan multiplies those 32 values by q[p] in four fused multiply-adds, and after all
///   dimensions four registers hold 32 scores, with no horizontal sums and no padding of the
///   dimension. The scan reads the copy front to back, one line per step. (Blocks of 8 rows, four
///   scanned at once, read four lines 800 bytes apart at every step: on a 400k × 50 scan that was
///   1.29× the time of one float32 summing pass, one thread; one line a step is 0.45×.)
/// - Each score is first compared with the current cut (8 at once), and only rows that pass it
///   reach the top-k heap.
/// - A float16 value differs from its float32 value by at most 2⁻¹¹ of it, so a score differs by
///   at most ‖q‖·(‖x‖·2⁻¹¹ + rounding of the sums): `CandidateTopK` keeps every row within twice
///   that of the k-th best, and these alone are scored again with `Kernels.dot` on the float32 row.
/// - Scans over more than 64 KB are split over `WorkerPool.shared`.
///
/// ```swift
/// let unit = Matrix(rowVectors: [[1, 0], [0.6, 0.8], [0, 1]])
/// let scan = NearestScan(unit)
/// scan.nearest(to: [1, 0], k: 2).map(\.index)   // [0, 1]
/// ```
public final class NearestScan: @unchecked Sendable {
    /// The rows, exactly, as given.
    public let rows: Matrix
    /// Rows per group of the float16 copy.
    static let groupRows = 32
    /// The float16 copy in groups of 32 rows (nil when a value does not fit float16's range).
    private let halves: UnsafeMutableRawPointer?
    private let groupCount: Int
    /// The largest row length, for the error bound.
    private let largestNorm: Float

    /// Copies `rows` to float16 in blocks (about 4 ms per million values).
    public init(_ rows: Matrix) {
        self.rows = rows
        let n = rows.rows, d = rows.columns
        let groupCount = (n + Self.groupRows - 1) / Self.groupRows
        self.groupCount = groupCount
        var largestAbs: Float = 0
        var largestNorm: Float = 0
        rows.withUnsafeBufferPointer { x in
            for r in 0..<n {
                let row = x.baseAddress! + r * d
                largestNorm = Swift.max(largestNorm, Kernels.norm(row, count: d))
                for p in 0..<d { largestAbs = Swift.max(largestAbs, abs(row[p])) }
            }
        }
        self.largestNorm = largestNorm
        // float16 holds up to 65504; unit rows are far inside. NaN rows fall back to the exact scan.
        guard largestAbs <= 1024, largestNorm.isFinite, n > 0, d > 0 else {
            halves = nil
            return
        }
        let byteCount = groupCount * d * Self.groupRows * 2
        let out = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 64)
        let h = out.bindMemory(to: Float16.self, capacity: byteCount / 2)
        rows.withUnsafeBufferPointer { x in
            for g in 0..<groupCount {
                let group = h + g * d * Self.groupRows
                for lane in 0..<Self.groupRows {
                    let r = g * Self.groupRows + lane
                    if r < n {
                        let row = x.baseAddress! + r * d
                        for p in 0..<d { group[p * Self.groupRows + lane] = Float16(row[p]) }
                    } else {
                        for p in 0..<d { group[p * Self.groupRows + lane] = 0 }
                    }
                }
            }
        }
        halves = out
    }

    deinit { halves?.deallocate() }

    /// The bytes the scan reads for `rowLimit` rows.
    public func scanBytes(rowLimit: Int? = nil) -> Int {
        let n = Swift.min(rowLimit ?? rows.rows, rows.rows)
        return halves == nil ? n * rows.columns * 4 : (n + Self.groupRows - 1) / Self.groupRows * Self.groupRows * rows.columns * 2
    }

    /// The `k` rows with the highest dot product with `q`, best first (ties: lower row first),
    /// among the first `rowLimit` rows, leaving out the rows in `excluding`.
    public func nearest(to q: [Float], k: Int, rowLimit: Int? = nil, excluding: Set<Int> = []) -> [ScoredIndex] {
        precondition(q.count == rows.columns, "vector has \(q.count) dimensions, rows have \(rows.columns)")
        guard k > 0 else { return [] }
        guard let halves else { return rows.nearest(to: q, k: k, rowLimit: rowLimit, excluding: excluding) }
        let n = Swift.max(0, Swift.min(rowLimit ?? rows.rows, rows.rows))
        let d = rows.columns
        let qNorm = q.norm
        guard qNorm.isFinite else { return rows.nearest(to: q, k: k, rowLimit: rowLimit, excluding: excluding) }
        // |float16 score − float32 score| ≤ ‖q‖·(‖x‖·2⁻¹¹ + √d·2⁻²⁵ (values below float16's normal
        // range) + d·2⁻²³·‖x‖ (the two sums' rounding)); half again for safety.
        let dd = Float(d)
        let margin = 1.5 * qNorm * (largestNorm * (0x1p-11 + dd * 0x1p-23) + dd.squareRoot() * 0x1p-25)

        let groups = (n + Self.groupRows - 1) / Self.groupRows
        let parts = scanBytes(rowLimit: n) > 64 * 1024 ? Swift.min(WorkerPool.shared.threadCount, Swift.max(1, groups / 16)) : 1
        var results = [CandidateTopK](repeating: CandidateTopK(k: k, margin: margin), count: parts)
        let base = UnsafeRawPointer(halves)
        q.withUnsafeBufferPointer { qp in
            results.withUnsafeMutableBufferPointer { out in
                let o = SendablePointer(out.baseAddress!)
                let qs = SendablePointer(UnsafeMutablePointer(mutating: qp.baseAddress!))
                let scan = { (part: Int) in
                    let lo = groups * part / parts, hi = groups * (part + 1) / parts
                    o.pointer[part] = Self.scan(groups: lo..<hi, halves: base, d: d, q: qs.pointer, rowLimit: n, k: k,
                                                margin: margin, excluding: excluding)
                }
                if parts == 1 { scan(0) } else { WorkerPool.shared.run(parts: parts, scan) }
            }
        }
        var all = results[0]
        for other in results.dropFirst() { all.merge(other) }
        return q.withUnsafeBufferPointer { qp in
            rows.withUnsafeBufferPointer { x in
                all.exact { r in Kernels.dot(x.baseAddress! + r * d, qp.baseAddress!, count: d) }
            }
        }
    }

    /// Scans groups `range` of the float16 copy, one 64-byte line of 32 values per step.
    static func scan(groups range: Range<Int>, halves: UnsafeRawPointer, d: Int, q: UnsafePointer<Float>, rowLimit n: Int,
                     k: Int, margin: Float, excluding: Set<Int>) -> CandidateTopK {
        typealias V = SIMD8<Float>
        var top = CandidateTopK(k: k, margin: margin)
        let groupBytes = d * groupRows * 2
        @inline(__always)
        func take(_ first: Int, _ s: V) {
            var lanes = Kernels.lanesReaching(s, top.cut)
            while lanes != 0 {
                let lane = Int(lanes.trailingZeroBitCount)
                lanes &= lanes - 1
                let r = first + lane
                if r < n && s[lane] >= top.cut && !excluding.contains(r) { top.offer(index: r, score: s[lane]) }
            }
        }
        for g in range {
            let line = halves + g * groupBytes
            var s0 = V(), s1 = V(), s2 = V(), s3 = V()
            for p in 0..<d {
                let x = V(repeating: q[p])
                s0.addProduct(x, V(line.load(fromByteOffset: p * 64, as: SIMD8<Float16>.self)))
                s1.addProduct(x, V(line.load(fromByteOffset: p * 64 + 16, as: SIMD8<Float16>.self)))
                s2.addProduct(x, V(line.load(fromByteOffset: p * 64 + 32, as: SIMD8<Float16>.self)))
                s3.addProduct(x, V(line.load(fromByteOffset: p * 64 + 48, as: SIMD8<Float16>.self)))
            }
            let cut = top.cut
            if Kernels.lanesReaching(s0, cut) | Kernels.lanesReaching(s1, cut) | Kernels.lanesReaching(s2, cut) | Kernels.lanesReaching(s3, cut) != 0 {
                let first = g * groupRows
                take(first, s0); take(first + 8, s1); take(first + 16, s2); take(first + 24, s3)
            }
        }
        return top
    }
}

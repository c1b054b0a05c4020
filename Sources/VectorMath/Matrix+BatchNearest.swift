extension Matrix {
    /// The `k` best rows for each of many queries at once (each row of `queries` is one query),
    /// best first, ties to the lower row: for every query exactly what `nearest(to:k:)` answers.
    /// `excluding[q]` lists rows that query `q` may not return.
    ///
    /// The scores come from the matrix product Q·Mᵀ, computed in tiles of `queryBlock` queries ×
    /// `rowBlock` rows that stay in cache while each query's row of the tile is scanned against
    /// its running top k (eight scores per comparison). The rows are split between the threads of
    /// `WorkerPool.shared`, each with its own top k per query. The product sums in another order
    /// than `Kernels.dot`, so each query keeps, with `CandidateTopK`, every row within twice the
    /// rounding bound of its k-th best, and those few are scored again with `Kernels.dot`.
    public func nearest(batch queries: Matrix, k: Int, rowLimit: Int? = nil, excluding: [Set<Int>]? = nil) -> [[ScoredIndex]] {
        precondition(queries.columns == columns, "queries have \(queries.columns) dimensions, matrix rows have \(columns)")
        precondition(excluding == nil || excluding!.count == queries.rows, "one exclusion set per query")
        let n = Swift.max(0, Swift.min(rowLimit ?? rows, rows))
        let d = columns, nq = queries.rows
        guard nq > 0 else { return [] }
        guard k > 0, n > 0, d > 0 else { return Array(repeating: [], count: nq) }

        // Rounding bound of a score, per query: both sums are within d·2⁻²⁴·‖q‖·‖x‖ of the true value.
        var largestNorm: Float = 0
        for r in 0..<n { largestNorm = Swift.max(largestNorm, withRow(r) { Kernels.norm($0.baseAddress!, count: d) }) }
        let margins = (0..<nq).map { q in queries.withRow(q) { 1.5 * Float(d) * 0x1p-23 * Kernels.norm($0.baseAddress!, count: d) * largestNorm } }
        if !largestNorm.isFinite || margins.contains(where: { !$0.isFinite }) {
            // NaN or infinite values: the product's scores cannot bound anything; score row by row.
            return (0..<nq).map { q in nearest(to: queries.row(q), k: k, rowLimit: n, excluding: excluding?[q] ?? []) }
        }

        let queryBlock = 256, rowBlock = 256
        let parts = n * d * nq >= 1 << 20 ? Swift.min(WorkerPool.shared.threadCount, Swift.max(1, n / rowBlock)) : 1
        let fresh = margins.map { CandidateTopK(k: k, margin: $0) }
        var perPart = [[CandidateTopK]](repeating: fresh, count: parts)
        let base = SendablePointer(storage.base), qb = SendablePointer(queries.storage.base)
        perPart.withUnsafeMutableBufferPointer { out in
            let o = SendablePointer(out.baseAddress!)
            let scan = { (part: Int) in
                let lo = n * part / parts, hi = n * (part + 1) / parts
                var tops = o.pointer[part]
                let tile = UnsafeMutablePointer<Float>.allocate(capacity: queryBlock * rowBlock)
                defer { tile.deallocate() }
                for r0 in stride(from: lo, to: hi, by: rowBlock) {
                    let rn = Swift.min(rowBlock, hi - r0)
                    for q0 in stride(from: 0, to: nq, by: queryBlock) {
                        let qn = Swift.min(queryBlock, nq - q0)
                        matrixMultiplyTransposed(m: qn, n: rn, k: d, a: qb.pointer + q0 * d, lda: d,
                                                 b: base.pointer + r0 * d, ldb: d, c: tile, ldc: rn)
                        for q in 0..<qn {
                            Self.offer(tile + q * rn, count: rn, firstRow: r0, to: &tops[q0 + q], excluding: excluding?[q0 + q])
                        }
                    }
                }
                o.pointer[part] = tops
            }
            if parts == 1 { scan(0) } else { WorkerPool.shared.run(parts: parts, scan) }
        }
        return (0..<nq).map { q in
            var all = perPart[0][q]
            for part in perPart.dropFirst() { all.merge(part[q]) }
            return all.exact { r in Kernels.dot(base.pointer + r * d, qb.pointer + q * d, count: d) }
        }
    }

    /// Offers `count` scores of rows `firstRow...` to `top`, eight compared with its cut at once.
    @inline(__always)
    static func offer(_ scores: UnsafeMutablePointer<Float>, count: Int, firstRow: Int, to top: inout CandidateTopK, excluding: Set<Int>?) {
        let raw = UnsafeRawPointer(scores)
        var i = 0
        while i + 8 <= count {
            var lanes = Kernels.lanesReaching(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self), top.cut)
            while lanes != 0 {
                let lane = lanes.trailingZeroBitCount
                lanes &= lanes - 1
                let r = firstRow + i + lane, score = scores[i + lane]
                if score >= top.cut, excluding?.contains(r) != true { top.offer(index: r, score: score) }
            }
            i += 8
        }
        while i < count {
            let r = firstRow + i
            if scores[i] >= top.cut, excluding?.contains(r) != true { top.offer(index: r, score: scores[i]) }
            i += 1
        }
    }
}

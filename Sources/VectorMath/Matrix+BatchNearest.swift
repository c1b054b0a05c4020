extension Matrix {
    /// The `k` best rows for each of many queries at once (each row of `queries` is one query),
    /// best first, ties to the lower row: for every query exactly what `nearest(to:k:)` answers.
    /// `excluding[q]` lists rows that query `q` may not return.
    ///
    /// The scores are the matrix product Q·Mᵀ, but never written to memory: the queries are packed
    /// once in slivers of 6, the rows a chunk of 256 at a time in panels of 16 (the micro-kernel's
    /// layout, in L1/L2), and each 6×16 tile of scores, still in twelve registers, is compared with
    /// its six queries' cuts (`Kernels.lanesReaching`); only rows that pass reach a query's top k.
    /// The chunks are split between the threads of `WorkerPool.shared`, each with its own top k per
    /// query. The product sums in another order than `Kernels.dot`, so each query keeps, with
    /// `CandidateTopK`, every row within twice the rounding bound of its k-th best, and those few
    /// are scored again with `Kernels.dot`.
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

        typealias V = SIMD8<Float>
        let mr = MatrixProduct.tileRows, nr = MatrixProduct.tileColumns, chunkRows = 256
        let slivers = (nq + mr - 1) / mr
        // The queries as the micro-kernel reads them: sliver s holds, for each p, Q[6s ..< 6s+6][p].
        let packed = UnsafeMutableRawPointer.allocate(byteCount: slivers * d * mr * 4, alignment: 64).bindMemory(to: Float.self, capacity: slivers * d * mr)
        defer { packed.deallocate() }
        queries.withUnsafeBufferPointer { q in
            for s in 0..<slivers {
                for r in 0..<mr {
                    let row = s * mr + r
                    for p in 0..<d { packed[(s * d + p) * mr + r] = row < nq ? q[row * d + p] : 0 }
                }
            }
        }
        let chunks = (n + chunkRows - 1) / chunkRows
        // More parts than threads: a thread that is descheduled on a busy machine delays only its part.
        let parts = n * d * nq >= 1 << 20 ? Swift.min(2 * WorkerPool.shared.threadCount, chunks) : 1
        let fresh = margins.map { CandidateTopK(k: k, margin: $0) }
        var perPart = [[CandidateTopK]](repeating: fresh, count: parts)
        let base = SendablePointer(storage.base), qs = SendablePointer(packed)
        perPart.withUnsafeMutableBufferPointer { out in
            let o = SendablePointer(out.baseAddress!)
            let scan = { (part: Int) in
                o.pointer[part].withUnsafeMutableBufferPointer { tops in
                    let panels = UnsafeMutableRawPointer.allocate(byteCount: chunkRows * d * 4, alignment: 64).bindMemory(to: Float.self, capacity: chunkRows * d)
                    // The cut of each query (+∞ for the padding of the last sliver, which never passes).
                    let cuts = UnsafeMutablePointer<Float>.allocate(capacity: slivers * mr)
                    defer { panels.deallocate(); cuts.deallocate() }
                    for q in 0..<slivers * mr { cuts[q] = q < nq ? tops[q].cut : .infinity }

                    /// The rows of one tile row that reached the cut: offered one by one (rare).
                    @inline(never)
                    func offer(query q: Int, firstRow: Int, _ lo: V, _ hi: V, _ bits: UInt32) {
                        var bits = bits
                        while bits != 0 {
                            let lane = Int(bits.trailingZeroBitCount)
                            bits &= bits - 1
                            let r = firstRow + lane, score = lane < 8 ? lo[lane] : hi[lane - 8]
                            if r < n, score >= cuts[q], excluding?[q].contains(r) != true {
                                tops[q].offer(index: r, score: score)
                                cuts[q] = tops[q].cut
                            }
                        }
                    }
                    @inline(__always)
                    func check(_ q: Int, _ firstRow: Int, _ lo: V, _ hi: V) {
                        let cut = cuts[q]
                        let bits = Kernels.lanesReaching(lo, cut) | Kernels.lanesReaching(hi, cut) << 8
                        if bits != 0 { offer(query: q, firstRow: firstRow, lo, hi, bits) }
                    }

                    for chunk in (chunks * part / parts)..<(chunks * (part + 1) / parts) {
                        let r0 = chunk * chunkRows, rn = Swift.min(chunkRows, n - r0)
                        let panelCount = (rn + nr - 1) / nr
                        // Panel j holds, for each p, the 16 values M[r0+16j ..< r0+16j+16][p].
                        for j in 0..<panelCount {
                            let panel = panels + j * nr * d
                            for c in 0..<nr {
                                let r = r0 + j * nr + c
                                if r < r0 + rn {
                                    let row = base.pointer + r * d
                                    for p in 0..<d { panel[p * nr + c] = row[p] }
                                } else {
                                    for p in 0..<d { panel[p * nr + c] = 0 }
                                }
                            }
                        }
                        for s in 0..<slivers {
                            let a = UnsafePointer(qs.pointer + s * d * mr), q0 = s * mr
                            for j in 0..<panelCount {
                                let t = MatrixProduct.TileSums(depth: d, a: a, b: panels + j * nr * d)
                                let firstRow = r0 + j * nr
                                check(q0, firstRow, t.c00, t.c01); check(q0 + 1, firstRow, t.c10, t.c11)
                                check(q0 + 2, firstRow, t.c20, t.c21); check(q0 + 3, firstRow, t.c30, t.c31)
                                check(q0 + 4, firstRow, t.c40, t.c41); check(q0 + 5, firstRow, t.c50, t.c51)
                            }
                        }
                    }
                }
            }
            if parts == 1 { scan(0) } else { WorkerPool.shared.run(parts: parts, scan) }
        }
        let qb = SendablePointer(queries.storage.base)
        return (0..<nq).map { q in
            var all = perPart[0][q]
            for part in perPart.dropFirst() { all.merge(part[q]) }
            return all.exact { r in Kernels.dot(base.pointer + r * d, qb.pointer + q * d, count: d) }
        }
    }
}

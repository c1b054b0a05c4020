import Dispatch

extension Matrix {
    /// The `k` best rows for each of many queries at once (each row of `queries` is one query):
    /// the matrix is streamed through memory once per block of queries instead of once per query,
    /// which is what makes a 19,544-question analogy evaluation take seconds.
    /// `excluding[q]` lists rows that query `q` may not return.
    public func nearest(batch queries: Matrix, k: Int, rowLimit: Int? = nil, excluding: [Set<Int>]? = nil) -> [[ScoredIndex]] {
        precondition(queries.columns == columns, "queries have \(queries.columns) dimensions, matrix rows have \(columns)")
        precondition(excluding == nil || excluding!.count == queries.rows, "one exclusion set per query")
        let n = Swift.min(rowLimit ?? rows, rows)
        let cols = columns, nq = queries.rows
        let block = 32
        let base = SendablePointer(storage.base), qb = SendablePointer(queries.storage.base)
        let perChunk = Matrix.mapChunks(rows: n, work: n * cols * Swift.max(nq, 1)) { range -> [TopK] in
            var tops = (0..<nq).map { _ in TopK(k: k) }
            var scores = [Float](repeating: 0, count: block)
            for q0 in stride(from: 0, to: nq, by: block) {
                let q1 = Swift.min(q0 + block, nq)
                for r in range {
                    let row = base.pointer + r * cols
                    for q in q0..<q1 { scores[q - q0] = Kernels.dot(row, qb.pointer + q * cols, count: cols) }
                    for q in q0..<q1 where scores[q - q0] >= tops[q].threshold {
                        if let ex = excluding?[q], ex.contains(r) { continue }
                        tops[q].insert(index: r, score: scores[q - q0])
                    }
                }
            }
            return tops
        }
        return (0..<nq).map { q in
            var all = TopK(k: k)
            for chunk in perChunk { all.merge(chunk[q]) }
            return all.sorted()
        }
    }
}

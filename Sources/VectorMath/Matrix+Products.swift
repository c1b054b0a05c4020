import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

extension Matrix {
    /// Scans above this many floats are split across the machine's cores.
    public static let parallelThreshold = 2_000_000

    /// The matrix-vector product M·q: one dot product per row.
    public func multiply(_ q: [Float], rowLimit: Int? = nil) -> [Float] {
        precondition(q.count == columns, "vector has \(q.count) dimensions, matrix rows have \(columns)")
        let n = Swift.min(rowLimit ?? rows, rows)
        var out = [Float](repeating: 0, count: n)
        let cols = columns
        q.withUnsafeBufferPointer { qp in
            out.withUnsafeMutableBufferPointer { op in
                let o = SendablePointer(op.baseAddress!)
                let base = SendablePointer(storage.base), qb = SendablePointer(UnsafeMutablePointer(mutating: qp.baseAddress!))
                Matrix.forEachChunk(rows: n, work: n * cols) { range in
                    for r in range { o.pointer[r] = Kernels.dot(base.pointer + r * cols, qb.pointer, count: cols) }
                }
            }
        }
        return out
    }

    /// M·Qᵀ for a batch of queries (each row of `queries` is one query): one row of scores per query.
    public func multiply(batch queries: Matrix, rowLimit: Int? = nil) -> Matrix {
        precondition(queries.columns == columns, "queries have \(queries.columns) dimensions, matrix rows have \(columns)")
        let n = Swift.min(rowLimit ?? rows, rows)
        var out = Matrix(rows: queries.rows, columns: n)
        let cols = columns, nq = queries.rows
        out.withUnsafeMutableBufferPointer { op in
            let o = SendablePointer(op.baseAddress!)
            let base = SendablePointer(storage.base), qb = SendablePointer(queries.storage.base)
            Matrix.forEachChunk(rows: n, work: n * cols * nq) { range in
                for r in range {
                    let row = base.pointer + r * cols
                    for j in 0..<nq { o.pointer[j * n + r] = Kernels.dot(row, qb.pointer + j * cols, count: cols) }
                }
            }
        }
        return out
    }

    /// The `k` rows with the highest dot product with `q`, best first: M·q and top-k in one pass,
    /// so no score array is ever written. Rows for which `excluding` is true are skipped;
    /// only the first `rowLimit` rows are searched.
    public func nearest(to q: [Float], k: Int, rowLimit: Int? = nil, excluding: Set<Int> = []) -> [ScoredIndex] {
        precondition(q.count == columns, "vector has \(q.count) dimensions, matrix rows have \(columns)")
        let n = Swift.min(rowLimit ?? rows, rows)
        let cols = columns
        // Ask for a few more per chunk so that excluded rows never push a real answer out.
        return q.withUnsafeBufferPointer { qp in
            let base = SendablePointer(storage.base), qb = SendablePointer(UnsafeMutablePointer(mutating: qp.baseAddress!))
            let results = Matrix.mapChunks(rows: n, work: n * cols) { range -> TopK in
                var top = TopK(k: k)
                var threshold = top.threshold
                for r in range {
                    let s = Kernels.dot(base.pointer + r * cols, qb.pointer, count: cols)
                    if s >= threshold, !excluding.contains(r) {
                        top.insert(index: r, score: s)
                        threshold = top.threshold
                    }
                }
                return top
            }
            var all = TopK(k: k)
            for top in results { all.merge(top) }
            return all.sorted()
        }
    }

    /// Runs `body` over `rows` split into one chunk per core when `work` is large, else inline.
    static func forEachChunk(rows: Int, work: Int, _ body: @Sendable (Range<Int>) -> Void) {
        _ = mapChunks(rows: rows, work: work) { body($0) }
    }

    static func mapChunks<T>(rows: Int, work: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let chunks = work >= parallelThreshold ? Swift.max(1, Swift.min(Parallelism.cores, rows)) : 1
        if chunks == 1 { return [body(0..<rows)] }
        let results = ResultSlots<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = rows * c / chunks, hi = rows * (c + 1) / chunks
            results.set(c, body(lo..<hi))
        }
        return results.values
    }
}

/// How many threads the parallel kernels use (the number of active cores).
public enum Parallelism {
    public static let cores: Int = {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        #endif
    }()
}



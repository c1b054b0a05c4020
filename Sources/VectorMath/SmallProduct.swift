/// C (m×n) (+)= A (m×k) · Bᵀ (B stored n×k) for a few rows of A, as a transformer layer computes
/// it for one short text: B is read once, in place, row by row, with no packing.
///
/// `matrixMultiplyTransposed` packs B into slivers first, which pays off when many rows of A reuse
/// each packed block; for a query of a few tokens it copies every weight of the model on every call
/// for a handful of multiply-adds per weight, and its 6-row tiles waste a third of the work on 8
/// rows. Here each group of 4 rows of B (4 outputs) meets every row of A, two at a time, in eight
/// 8-float sums: 6 loads per 8 fused multiply-adds, the rows of A staying in L1.
///
/// The columns of C are split over `WorkerPool.shared` when the product is large enough (parts are
/// taken from a shared counter, so a worker that is not running only leaves its parts to the caller).
///
/// ```swift
/// let q: [Float] = [1, 0,  0, 1], words: [Float] = [1, 2,  3, 4,  5, 6]
/// var scores = [Float](repeating: 0, count: 6)
/// smallProductTransposed(m: 2, n: 3, k: 2, a: q, lda: 2, b: words, ldb: 2, c: &scores, ldc: 3)
/// // scores == [1, 3, 5,  2, 4, 6]
/// ```
public func smallProductTransposed(m: Int, n: Int, k: Int,
                                   a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                   c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false, parallel: Bool = true) {
    precondition(m >= 0 && n >= 0 && k >= 0, "matrix sizes are never negative")
    precondition(lda >= k && ldb >= k && ldc >= n, "a leading dimension is shorter than its row")
    guard m > 0, n > 0 else { return }
    // Parts of 64 outputs or more; one part below about 256 KB of B.
    let parts = parallel && n * k >= 64 * 1024 ? Swift.min(Swift.max(1, n / 64), 4 * WorkerPool.shared.threadCount) : 1
    let pa = SendablePointer(UnsafeMutablePointer(mutating: a)), pb = SendablePointer(UnsafeMutablePointer(mutating: b))
    let pc = SendablePointer(c)
    let body = { (part: Int) in
        let lo = n * part / parts, hi = n * (part + 1) / parts
        SmallProduct.columns(lo..<hi, m: m, k: k, a: pa.pointer, lda: lda, b: pb.pointer, ldb: ldb, c: pc.pointer, ldc: ldc, accumulate: accumulate)
    }
    if parts == 1 { body(0) } else { WorkerPool.shared.run(parts: parts, body) }
}

enum SmallProduct {
    typealias V = SIMD8<Float>

    static func columns(_ range: Range<Int>, m: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        let k8 = k / 8 * 8
        @inline(__always) func load(_ p: UnsafePointer<Float>, _ i: Int) -> V { UnsafeRawPointer(p + i).loadUnaligned(as: V.self) }
        @inline(__always) func store(_ r: Int, _ o: Int, _ value: Float) {
            if accumulate { c[r * ldc + o] += value } else { c[r * ldc + o] = value }
        }
        /// Σ over the last k mod 8 values.
        @inline(__always) func tail(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>) -> Float {
            var s: Float = 0
            for p in k8..<k { s += x[p] * w[p] }
            return s
        }
        var o = range.lowerBound
        while o + 4 <= range.upperBound {
            let w0 = b + o * ldb, w1 = w0 + ldb, w2 = w1 + ldb, w3 = w2 + ldb
            var r = 0
            while r + 2 <= m {
                let x0 = a + r * lda, x1 = x0 + lda
                var s00 = V(), s01 = V(), s02 = V(), s03 = V(), s10 = V(), s11 = V(), s12 = V(), s13 = V()
                var p = 0
                while p < k8 {
                    let u = load(x0, p), v = load(x1, p)
                    let b0 = load(w0, p), b1 = load(w1, p), b2 = load(w2, p), b3 = load(w3, p)
                    s00.addProduct(u, b0); s01.addProduct(u, b1); s02.addProduct(u, b2); s03.addProduct(u, b3)
                    s10.addProduct(v, b0); s11.addProduct(v, b1); s12.addProduct(v, b2); s13.addProduct(v, b3)
                    p += 8
                }
                store(r, o, s00.sum() + tail(x0, w0)); store(r, o + 1, s01.sum() + tail(x0, w1))
                store(r, o + 2, s02.sum() + tail(x0, w2)); store(r, o + 3, s03.sum() + tail(x0, w3))
                store(r + 1, o, s10.sum() + tail(x1, w0)); store(r + 1, o + 1, s11.sum() + tail(x1, w1))
                store(r + 1, o + 2, s12.sum() + tail(x1, w2)); store(r + 1, o + 3, s13.sum() + tail(x1, w3))
                r += 2
            }
            if r < m {
                let x0 = a + r * lda
                var s0 = V(), s1 = V(), s2 = V(), s3 = V()
                var p = 0
                while p < k8 {
                    let u = load(x0, p)
                    s0.addProduct(u, load(w0, p)); s1.addProduct(u, load(w1, p)); s2.addProduct(u, load(w2, p)); s3.addProduct(u, load(w3, p))
                    p += 8
                }
                store(r, o, s0.sum() + tail(x0, w0)); store(r, o + 1, s1.sum() + tail(x0, w1))
                store(r, o + 2, s2.sum() + tail(x0, w2)); store(r, o + 3, s3.sum() + tail(x0, w3))
            }
            o += 4
        }
        while o < range.upperBound {
            let w = b + o * ldb
            for r in 0..<m {
                let x = a + r * lda
                var s = V()
                var p = 0
                while p < k8 { s.addProduct(load(x, p), load(w, p)); p += 8 }
                store(r, o, s.sum() + tail(x, w))
            }
            o += 1
        }
    }
}

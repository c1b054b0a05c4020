import VectorMath
#if canImport(Glibc)
import Glibc
#endif

/// Multi-head scaled dot-product self-attention (Vaswani et al. 2017), each text attending only to itself:
///
///     head_h = softmax(Q_h · K_hᵀ / √d) · V_h,   d = hidden / heads
///     context = [head_1 … head_H]   (concatenated; the output projection follows in the layer)
///
/// `qkv` holds, for every token of the batch, its query, key and value vectors side by side
/// (3 × hidden numbers: one `Linear` computed all three). `texts` are the token ranges of each text,
/// so no padding is ever computed: a batch is its texts end to end.
func selfAttention(qkv: UnsafePointer<Float>, texts: [Range<Int>], hidden: Int, heads: Int,
                   into context: UnsafeMutablePointer<Float>, threads: Int) {
    let d = hidden / heads, stride = 3 * hidden
    let scale = 1 / sqrtf(Float(d))
    let longest = texts.map(\.count).max() ?? 0
    let q = SendablePointer(UnsafeMutablePointer(mutating: qkv)), out = SendablePointer(context)
    let jobs = texts.count * heads
    parallelChunks(jobs, threads: threads, minimumPerThread: 1) { range in
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: max(1, longest * longest))
        defer { scores.deallocate() }
        for job in range {
            let text = texts[job / heads], h = job % heads, n = text.count
            let rows = q.pointer + text.lowerBound * stride
            // scores (n × n) = Q_h · K_hᵀ
            matrixMultiplyTransposed(m: n, n: n, k: d, a: rows + h * d, lda: stride,
                                     b: rows + hidden + h * d, ldb: stride, c: scores, ldc: n)
            // softmax of each row of scores / √d, the maximum subtracted first so exp never overflows
            for i in 0..<n {
                let s = scores + i * n
                var peak = -Float.infinity
                for j in 0..<n { s[j] *= scale; peak = max(peak, s[j]) }
                var sum: Float = 0
                for j in 0..<n { s[j] = expf(s[j] - peak); sum += s[j] }
                let inv = 1 / sum
                for j in 0..<n { s[j] *= inv }
            }
            // head_h (n × d) = P · V_h, written into columns h·d ..< (h+1)·d of the context
            matrixMultiply(m: n, n: d, k: n, a: scores, lda: n, b: rows + 2 * hidden + h * d, ldb: stride,
                           c: out.pointer + text.lowerBound * hidden + h * d, ldc: hidden)
        }
    }
}

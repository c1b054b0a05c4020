import Foundation
import VectorMath

/// The two encoders, forward and backward. A batch of pictures is a B × 3072 block of floats, a
/// batch of captions B lists of word ids; both come out as B unit vectors of `dimensions`.
/// Every matrix product is VectorMath's (`matrixMultiply`, `matrixMultiplyTransposed`), the
/// weight gradients Xᵀ·dY through `transpose`; what is left here is O(B·hidden) bookkeeping.
extension CLIPModel {
    /// What a picture batch's forward pass keeps for its backward pass.
    struct PictureActivations {
        var count: Int
        var preActivation: [Float]   // x·W₁ + b₁, B × hidden
        var hidden: [Float]          // max(0, ·)
        var norms: [Float]           // ‖z‖ per picture
        var unit: [Float]            // u = z / ‖z‖, B × dimensions
    }

    /// What a caption batch's forward pass keeps.
    struct CaptionActivations {
        var ids: [[Int]]
        var pooled: [Float]          // mean word vector, B × wordDimensions
        var norms: [Float]
        var unit: [Float]            // v, B × dimensions
    }

    func encodePictures(_ x: UnsafePointer<Float>, count b: Int, threads: Int) -> PictureActivations {
        let c = configuration, l = c.layout
        let (P, H, D) = (c.pixels, c.hidden, c.dimensions)
        var pre = [Float](repeating: 0, count: b * H)
        var hidden = [Float](repeating: 0, count: b * H)
        var z = [Float](repeating: 0, count: b * D)
        parameters.withUnsafeBufferPointer { pp in
            let p = pp.baseAddress!
            matrixMultiply(m: b, n: H, k: P, a: x, lda: P, b: p + l.w1, ldb: H, c: &pre, ldc: H, threads: threads)
            for i in 0..<b {
                for j in 0..<H {
                    let v = pre[i * H + j] + p[l.b1 + j]
                    pre[i * H + j] = v
                    hidden[i * H + j] = max(0, v)
                }
            }
            matrixMultiply(m: b, n: D, k: H, a: hidden, lda: H, b: p + l.w2, ldb: D, c: &z, ldc: D, threads: threads)
        }
        let norms = Self.normaliseRows(&z, rows: b, columns: D)
        return PictureActivations(count: b, preActivation: pre, hidden: hidden, norms: norms, unit: z)
    }

    func encodeCaptions(_ ids: [[Int]], threads: Int) -> CaptionActivations {
        let c = configuration, l = c.layout
        let (E, D) = (c.wordDimensions, c.dimensions)
        let b = ids.count
        var pooled = [Float](repeating: 0, count: b * E)
        var y = [Float](repeating: 0, count: b * D)
        parameters.withUnsafeBufferPointer { pp in
            let p = pp.baseAddress!
            for (i, words) in ids.enumerated() where !words.isEmpty {
                let w = 1 / Float(words.count)
                for id in words {
                    for k in 0..<E { pooled[i * E + k] += w * p[l.words + id * E + k] }
                }
            }
            matrixMultiply(m: b, n: D, k: E, a: pooled, lda: E, b: p + l.wt, ldb: D, c: &y, ldc: D, threads: threads)
        }
        let norms = Self.normaliseRows(&y, rows: b, columns: D)
        return CaptionActivations(ids: ids, pooled: pooled, norms: norms, unit: y)
    }

    /// Divides each row by its length; returns the lengths (an all-zero row stays zero).
    static func normaliseRows(_ m: inout [Float], rows: Int, columns: Int) -> [Float] {
        var norms = [Float](repeating: 0, count: rows)
        for i in 0..<rows {
            var s: Float = 0
            for k in 0..<columns { s += m[i * columns + k] * m[i * columns + k] }
            let n = s.squareRoot()
            norms[i] = n
            if n > 0 { for k in 0..<columns { m[i * columns + k] /= n } }
        }
        return norms
    }

    /// Back through u = z/‖z‖: dz = (du − u·(u·du)) / ‖z‖.
    static func backThroughNormalisation(_ du: [Float], unit: [Float], norms: [Float], columns: Int) -> [Float] {
        var dz = du
        for i in 0..<norms.count where norms[i] > 0 {
            var dot: Float = 0
            for k in 0..<columns { dot += unit[i * columns + k] * du[i * columns + k] }
            for k in 0..<columns { dz[i * columns + k] = (du[i * columns + k] - unit[i * columns + k] * dot) / norms[i] }
        }
        return dz
    }

    /// Adds the picture encoder's gradients for `du` (∂loss/∂u) into `g`.
    func backwardPictures(_ a: PictureActivations, x: UnsafePointer<Float>, du: [Float], into g: UnsafeMutablePointer<Float>, threads: Int) {
        let c = configuration, l = c.layout
        let (P, H, D, b) = (c.pixels, c.hidden, c.dimensions, a.count)
        let dz = Self.backThroughNormalisation(du, unit: a.unit, norms: a.norms, columns: D)
        var hiddenT = [Float](repeating: 0, count: H * b)
        transpose(rows: b, columns: H, a: a.hidden, b: &hiddenT)
        // dW₂ = hᵀ·dz
        matrixMultiply(m: H, n: D, k: b, a: hiddenT, lda: b, b: dz, ldb: D, c: g + l.w2, ldc: D, accumulate: true, threads: threads)
        // dh = dz·W₂ᵀ, then through the ReLU
        var dh = [Float](repeating: 0, count: b * H)
        parameters.withUnsafeBufferPointer { pp in
            matrixMultiplyTransposed(m: b, n: H, k: D, a: dz, lda: D, b: pp.baseAddress! + l.w2, ldb: D, c: &dh, ldc: H, threads: threads)
        }
        for i in 0..<b {
            for j in 0..<H {
                if a.preActivation[i * H + j] <= 0 { dh[i * H + j] = 0 }
                g[l.b1 + j] += dh[i * H + j]
            }
        }
        // dW₁ = xᵀ·dh
        var xT = [Float](repeating: 0, count: P * b)
        transpose(rows: b, columns: P, a: x, b: &xT)
        matrixMultiply(m: P, n: H, k: b, a: xT, lda: b, b: dh, ldb: H, c: g + l.w1, ldc: H, accumulate: true, threads: threads)
    }

    /// Adds the caption encoder's gradients for `dv` (∂loss/∂v) into `g`.
    func backwardCaptions(_ a: CaptionActivations, dv: [Float], into g: UnsafeMutablePointer<Float>, threads: Int) {
        let c = configuration, l = c.layout
        let (E, D, b) = (c.wordDimensions, c.dimensions, a.ids.count)
        let dy = Self.backThroughNormalisation(dv, unit: a.unit, norms: a.norms, columns: D)
        var pooledT = [Float](repeating: 0, count: E * b)
        transpose(rows: b, columns: E, a: a.pooled, b: &pooledT)
        // dWₜ = pᵀ·dy
        matrixMultiply(m: E, n: D, k: b, a: pooledT, lda: b, b: dy, ldb: D, c: g + l.wt, ldc: D, accumulate: true, threads: threads)
        // dp = dy·Wₜᵀ, shared equally by the caption's words
        var dp = [Float](repeating: 0, count: b * E)
        parameters.withUnsafeBufferPointer { pp in
            matrixMultiplyTransposed(m: b, n: E, k: D, a: dy, lda: D, b: pp.baseAddress! + l.wt, ldb: D, c: &dp, ldc: E, threads: threads)
        }
        for (i, words) in a.ids.enumerated() where !words.isEmpty {
            let w = 1 / Float(words.count)
            for id in words {
                for k in 0..<E { g[l.words + id * E + k] += w * dp[i * E + k] }
            }
        }
    }
}

import VectorMath
#if canImport(Glibc)
import Glibc
#endif

/// Layer normalisation (Ba, Kiros & Hinton 2016), applied to each token's vector on its own:
///
///     y = (x − μ) / √(σ² + ε) · γ + β,   μ and σ² the mean and variance of x's h numbers
///
/// BERT applies it after every residual sum: `x = LayerNorm(x + sublayer(x))`.
struct LayerNorm: @unchecked Sendable {
    let gamma: Matrix
    let beta: Matrix
    let epsilon: Float
    let g: UnsafePointer<Float>
    let b: UnsafePointer<Float>

    init(gamma: Matrix, beta: Matrix, epsilon: Float) {
        self.gamma = gamma; self.beta = beta; self.epsilon = epsilon
        g = gamma.withUnsafeBufferPointer { $0.baseAddress! }
        b = beta.withUnsafeBufferPointer { $0.baseAddress! }
    }

    /// x = LayerNorm(x + residual) for `rows` rows of `width` numbers; `residual` may be nil.
    func apply(_ x: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, rows: Int, width: Int, threads: Int) {
        let x = SendablePointer(x), r = residual.map { SendablePointer(UnsafeMutablePointer(mutating: $0)) }
        let me = self
        parallelChunks(rows, threads: threads) { range in
            for row in range {
                let v = x.pointer + row * width
                if let r { Kernels.axpy(1, r.pointer + row * width, v, count: width) }
                let (mean, variance) = Kernels.meanAndVariance(v, count: width)
                let inv = 1 / sqrtf(variance + me.epsilon)
                for j in 0..<width { v[j] = (v[j] - mean) * inv * me.g[j] + me.b[j] }
            }
        }
    }
}

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
                if let r { Self.add(r.pointer + row * width, into: v, count: width) }
                let mean = Self.sum(v, count: width, minus: 0, squared: false) / Float(width)
                let variance = Self.sum(v, count: width, minus: mean, squared: true) / Float(width)
                let inv = 1 / sqrtf(variance + me.epsilon)
                for j in 0..<width { v[j] = (v[j] - mean) * inv * me.g[j] + me.b[j] }
            }
        }
    }

    /// v += r, eight at a time.
    @inline(__always)
    static func add(_ r: UnsafePointer<Float>, into v: UnsafeMutablePointer<Float>, count: Int) {
        var j = 0
        while j + 8 <= count {
            let out = UnsafeMutableRawPointer(v + j)
            out.storeBytes(of: out.loadUnaligned(as: SIMD8<Float>.self) + UnsafeRawPointer(r + j).loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
            j += 8
        }
        while j < count { v[j] += r[j]; j += 1 }
    }

    /// Σ (v − c) or Σ (v − c)², in eight running sums.
    @inline(__always)
    static func sum(_ v: UnsafePointer<Float>, count: Int, minus c: Float, squared: Bool) -> Float {
        var lanes = SIMD8<Float>()
        let cs = SIMD8<Float>(repeating: c)
        var j = 0
        while j + 8 <= count {
            let d = UnsafeRawPointer(v + j).loadUnaligned(as: SIMD8<Float>.self) - cs
            lanes += squared ? d * d : d
            j += 8
        }
        var total = lanes.sum()
        while j < count { let d = v[j] - c; total += squared ? d * d : d; j += 1 }
        return total
    }
}

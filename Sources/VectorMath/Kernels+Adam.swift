import Foundation

/// Adam (Kingma & Ba 2015), one step over a block of parameters, for the CLIP trainer:
///
///     m ← β₁·m + (1 − β₁)·g              the gradient's running mean
///     v ← β₂·v + (1 − β₂)·g²             its running mean square
///     θ ← θ − η · m̂ / (√v̂ + ε)           with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)
///
/// The two corrections are folded into one step size, η·√(1 − β₂ᵗ)/(1 − β₁ᵗ), and ε into
/// ε·√(1 − β₂ᵗ): the same numbers as `torch.optim.Adam`'s, with two divisions fewer a parameter.
///
/// ```swift
/// var p: [Float] = [1], m: [Float] = [0], v: [Float] = [0]
/// Kernels.adamStep(parameters: &p, gradients: [0.5], m: &m, v: &v, step: 1, learningRate: 0.1)
/// // p ≈ [0.9]: the first step moves every parameter by about η
/// ```
extension Kernels {
    public static func adamStep(parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                                m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, count: Int,
                                step: Int, learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        let t = Double(step)
        let size = Float(Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t)))
        let epsilonHat = epsilon * Float((1 - pow(Double(beta2), t)).squareRoot())
        let b1 = SIMD8<Float>(repeating: beta1), c1 = SIMD8<Float>(repeating: 1 - beta1)
        let b2 = SIMD8<Float>(repeating: beta2), c2 = SIMD8<Float>(repeating: 1 - beta2)
        let eta = SIMD8<Float>(repeating: size), eps = SIMD8<Float>(repeating: epsilonHat)
        var i = 0
        while i + 8 <= count {
            let g = SIMD8<Float>(UnsafeBufferPointer(start: gradients + i, count: 8))
            var mi = SIMD8<Float>(UnsafeBufferPointer(start: m + i, count: 8))
            var vi = SIMD8<Float>(UnsafeBufferPointer(start: v + i, count: 8))
            mi = b1 * mi + c1 * g
            vi = b2 * vi + c2 * g * g
            var p = SIMD8<Float>(UnsafeBufferPointer(start: parameters + i, count: 8))
            p -= eta * mi / (vi.squareRoot() + eps)
            for l in 0..<8 { m[i + l] = mi[l]; v[i + l] = vi[l]; parameters[i + l] = p[l] }
            i += 8
        }
        while i < count {
            let g = gradients[i]
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            parameters[i] -= size * m[i] / (v[i].squareRoot() + epsilonHat)
            i += 1
        }
    }

    /// Convenience over arrays (tests, small blocks).
    public static func adamStep(parameters: inout [Float], gradients: [Float], m: inout [Float], v: inout [Float],
                                step: Int, learningRate: Float) {
        let n = parameters.count
        precondition(gradients.count == n && m.count == n && v.count == n, "Adam's arrays have the parameters' length")
        parameters.withUnsafeMutableBufferPointer { p in
            m.withUnsafeMutableBufferPointer { mp in
                v.withUnsafeMutableBufferPointer { vp in
                    adamStep(parameters: p.baseAddress!, gradients: gradients, m: mp.baseAddress!, v: vp.baseAddress!, count: n,
                             step: step, learningRate: learningRate)
                }
            }
        }
    }
}

/// B (columns × rows) = Aᵀ, for A rows × columns, both row-major: a backward pass needs Xᵀ·dY
/// (a weight's gradient), and the matrix product takes A·B and A·Bᵀ only. Copied in 16×16
/// blocks so that both sides are read and written a cache line at a time.
///
/// ```swift
/// var t = [Float](repeating: 0, count: 6)
/// transpose(rows: 2, columns: 3, a: [1, 2, 3,  4, 5, 6], b: &t)   // t == [1, 4,  2, 5,  3, 6]
/// ```
public func transpose(rows: Int, columns: Int, a: UnsafePointer<Float>, b: UnsafeMutablePointer<Float>) {
    let block = 16
    var i0 = 0
    while i0 < rows {
        let i1 = min(rows, i0 + block)
        var j0 = 0
        while j0 < columns {
            let j1 = min(columns, j0 + block)
            for i in i0..<i1 {
                for j in j0..<j1 { b[j * rows + i] = a[i * columns + j] }
            }
            j0 = j1
        }
        i0 = i1
    }
}

/// The Gaussian error linear unit (Hendrycks & Gimpel 2016), the exact form BERT and XLM-R use:
///
///     GELU(x) = x · Φ(x) = ½ · x · (1 + erf(x / √2))
///
/// erf is the rational approximation Eigen uses for float (`generic_fast_erf_float`, coefficients from
/// Eigen 3.4, MPL 2.0): x·P(x²)/Q(x²) on [−4, 4], ±1 outside; within 4.2·10⁻⁷ of erf everywhere (checked
/// against Python's math.erf on 200,001 points of [−6, 6]). Calling libm's erff for each number took 16%
/// of minilm's forward pass.
extension Kernels {
    /// x ← GELU(x) in place, eight at a time (the transformer's feed-forward activations).
    @inlinable
    public static func gelu(_ x: UnsafeMutablePointer<Float>, count n: Int) {
        var i = 0
        while i + 8 <= n {
            let raw = UnsafeMutableRawPointer(x + i)
            let t = raw.loadUnaligned(as: SIMD8<Float>.self)
            raw.storeBytes(of: 0.5 * t * (1 + erf8(t * 0.70710678118654752)), as: SIMD8<Float>.self)
            i += 8
        }
        while i < n {
            let t = x[i]
            x[i] = 0.5 * t * (1 + erf8(SIMD8<Float>(repeating: t * 0.70710678118654752))[0])
            i += 1
        }
    }

    /// erf of eight numbers (see `gelu`).
    @inlinable @inline(__always)
    public static func erf8(_ a: SIMD8<Float>) -> SIMD8<Float> {
        typealias V = SIMD8<Float>
        let x = simdClamp(a, V(repeating: -4), V(repeating: 4))
        let x2 = x * x
        var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08
        p = x2 * p + -2.10102402082508e-06
        p = x2 * p + -5.69250639462346e-05
        p = x2 * p + -7.34990630326855e-04
        p = x2 * p + -2.95459980854025e-03
        p = x2 * p + -1.60960333262415e-02
        p = x * p
        var q = x2 * -1.45660718464996e-05 + -2.13374055278905e-04
        q = x2 * q + -1.68282697438203e-03
        q = x2 * q + -7.37332916720468e-03
        q = x2 * q + -1.42647390514189e-02
        return p / q
    }
}

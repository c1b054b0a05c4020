import VectorMath
#if canImport(Glibc)
import Glibc
#endif

/// The Gaussian error linear unit (Hendrycks & Gimpel 2016), the exact form BERT and XLM-R use:
///
///     GELU(x) = x · Φ(x) = ½ · x · (1 + erf(x / √2))
///
/// applied in place to every number of the feed-forward layer's hidden activations.
func gelu(_ x: UnsafeMutablePointer<Float>, count: Int, threads: Int) {
    let p = SendablePointer(x)
    parallelChunks(count, threads: threads) { range in
        let v = p.pointer
        for i in range { let t = v[i]; v[i] = 0.5 * t * (1 + erff(t * 0.70710678118654752)) }
    }
}

import VectorMath

/// GELU over the feed-forward layer's hidden activations, in place, split across threads; the
/// arithmetic is VectorMath's `Kernels.gelu` (exact GELU with a rational erf).
func gelu(_ x: UnsafeMutablePointer<Float>, count: Int, threads: Int) {
    let p = SendablePointer(x)
    parallelChunks(count, threads: threads, minimumPerThread: 1024) { range in
        Kernels.gelu(p.pointer + range.lowerBound, count: range.count)
    }
}

extension Kernels {
    /// Dot products of one query with scattered rows of a row-major matrix:
    /// `out[j] = Σᵢ query[i] · base[ids[j]·stride + i]` for j in 0..<count.
    ///
    /// This is the inner loop of a graph search (HNSW): a node's neighbours are rows spread
    /// over the whole matrix, so the loads, not the multiplications, set the pace.
    ///
    /// ```swift
    /// Kernels.dots(q, rows: m, stride: 50, ids: [7, 3], count: 2, into: &scores)
    /// ```
    @inlinable
    public static func dots(_ query: UnsafePointer<Float>, rows base: UnsafePointer<Float>, stride: Int,
                            ids: UnsafePointer<UInt32>, count: Int, into out: UnsafeMutablePointer<Float>) {
        var j = 0
        while j < count {
            out[j] = dot(query, base + Int(ids[j]) &* stride, count: stride)
            j &+= 1
        }
    }
}

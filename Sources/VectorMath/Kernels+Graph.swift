extension Kernels {
    /// The dot product of a float32 vector and a float16 one, both padded with zeros to a multiple
    /// of 8 lanes (`count`, a multiple of 8): the distance of a graph search (Index's HNSW), which
    /// keeps its points as float16 to read half the bytes per point it visits.
    ///
    /// Each lane's error is at most 2⁻¹¹ of the float16 value (its rounding), so for unit vectors
    /// the result is within 2⁻¹¹ ≈ 4.9·10⁻⁴ of the float32 dot product (Cauchy–Schwarz), plus the
    /// float32 rounding of the sums.
    ///
    /// `half` need not be aligned beyond 2 bytes; `query` beyond 4.
    @inlinable @inline(__always)
    public static func dotHalfPadded(_ query: UnsafePointer<Float>, _ half: UnsafeRawPointer, count n: Int) -> Float {
        typealias V = SIMD8<Float>
        let rq = UnsafeRawPointer(query)
        var acc0 = V(), acc1 = V()
        var i = 0
        while i &+ 16 <= n {
            acc0.addProduct(rq.loadUnaligned(fromByteOffset: i &* 4, as: V.self),
                            V(half.loadUnaligned(fromByteOffset: i &* 2, as: SIMD8<Float16>.self)))
            acc1.addProduct(rq.loadUnaligned(fromByteOffset: (i &+ 8) &* 4, as: V.self),
                            V(half.loadUnaligned(fromByteOffset: (i &+ 8) &* 2, as: SIMD8<Float16>.self)))
            i &+= 16
        }
        if i &+ 8 <= n {
            acc0.addProduct(rq.loadUnaligned(fromByteOffset: i &* 4, as: V.self),
                            V(half.loadUnaligned(fromByteOffset: i &* 2, as: SIMD8<Float16>.self)))
        }
        // Pairwise (8 → 4 → 2 → 1), as `dot`: `sum()` is a chain of seven dependent additions.
        let s8 = acc0 + acc1
        let s4 = s8.lowHalf + s8.highHalf
        let s2 = s4.lowHalf + s4.highHalf
        return s2[0] + s2[1]
    }

    /// The dot product of two float32 vectors padded with zeros to a multiple of 8 lanes (`count`,
    /// a multiple of 8), with fused multiply-adds: the exact re-ranking of a graph search's last
    /// candidates. The same value as `dot` up to the rounding of the sums.
    @inlinable
    public static func dotPadded(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count n: Int) -> Float {
        typealias V = SIMD8<Float>
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var acc0 = V(), acc1 = V()
        var i = 0
        while i &+ 16 <= n {
            acc0.addProduct(ra.loadUnaligned(fromByteOffset: i &* 4, as: V.self), rb.loadUnaligned(fromByteOffset: i &* 4, as: V.self))
            acc1.addProduct(ra.loadUnaligned(fromByteOffset: (i &+ 8) &* 4, as: V.self), rb.loadUnaligned(fromByteOffset: (i &+ 8) &* 4, as: V.self))
            i &+= 16
        }
        if i &+ 8 <= n {
            acc0.addProduct(ra.loadUnaligned(fromByteOffset: i &* 4, as: V.self), rb.loadUnaligned(fromByteOffset: i &* 4, as: V.self))
        }
        let s8 = acc0 + acc1
        let s4 = s8.lowHalf + s8.highHalf
        let s2 = s4.lowHalf + s4.highHalf
        return s2[0] + s2[1]
    }

    /// Widens `count` float16 values (a multiple of 8) to float32: a graph point's vector as a
    /// query, when the build compares points with each other.
    @inlinable
    public static func widenHalf(_ half: UnsafeRawPointer, into out: UnsafeMutablePointer<Float>, count n: Int) {
        let ro = UnsafeMutableRawPointer(out)
        var i = 0
        while i &+ 8 <= n {
            ro.storeBytes(of: SIMD8<Float>(half.loadUnaligned(fromByteOffset: i &* 2, as: SIMD8<Float16>.self)),
                          toByteOffset: i &* 4, as: SIMD8<Float>.self)
            i &+= 8
        }
    }
}

#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Memory and lane operations the trainers' SIMD steps and the scans are made of: a software
/// prefetch, √x and clamping eight lanes at once (one instruction each on x86-64), and which lanes
/// reach a threshold, as a bit mask.
extension Kernels {
    /// Reads one word of every 64-byte cache line of `byteCount` bytes at `p` and returns them
    /// combined, so that the caller can keep the result and the reads happen. A software
    /// prefetch: touching the memory of the next few items first lets their cache misses
    /// overlap, instead of each item waiting for its own.
    @inlinable
    public static func touch(_ p: UnsafeRawPointer, byteCount: Int) -> UInt32 {
        var a: UInt32 = 0, b: UInt32 = 0
        var offset = 0
        while offset + 64 < byteCount {
            a ^= p.load(fromByteOffset: offset, as: UInt32.self)
            b ^= p.load(fromByteOffset: offset + 64, as: UInt32.self)
            offset += 128
        }
        if offset < byteCount { a ^= p.load(fromByteOffset: offset, as: UInt32.self) }
        return a ^ b
    }

    /// √x, lane by lane. The standard library's `SIMD8.squareRoot()` takes the root of one lane
    /// at a time (a scalar `sqrtf` with an errno check for each); on x86-64 this is `sqrtps`.
    @inlinable @inline(__always)
    public static func simdSquareRoot(_ x: SIMD8<Float>) -> SIMD8<Float> {
        #if arch(x86_64)
        return SIMD8(lowHalf: _mm_sqrt_ps(x.lowHalf), highHalf: _mm_sqrt_ps(x.highHalf))
        #else
        return x.squareRoot()
        #endif
    }

    /// x limited to lo ... hi, lane by lane (`minps`/`maxps` on x86-64; elsewhere compares and
    /// masks: the standard library's `pointwiseMin`/`pointwiseMax` are not inlined).
    @inlinable @inline(__always)
    public static func simdClamp(_ x: SIMD8<Float>, _ lo: SIMD8<Float>, _ hi: SIMD8<Float>) -> SIMD8<Float> {
        #if arch(x86_64)
        return SIMD8(lowHalf: _mm_min_ps(_mm_max_ps(x.lowHalf, lo.lowHalf), hi.lowHalf),
                     highHalf: _mm_min_ps(_mm_max_ps(x.highHalf, lo.highHalf), hi.highHalf))
        #else
        return x.replacing(with: lo, where: x .< lo).replacing(with: hi, where: x .> hi)
        #endif
    }

    /// The lanes of `x` that are ≥ `threshold`, as bits: bit i is set when x[i] >= threshold (never
    /// for NaN). A scan tests eight scores against its current cut with this and visits only the set
    /// bits. The standard library's `x .>= y` builds its mask one lane at a time through memory
    /// (about 20 times slower); on x86-64 this is two `cmpps` and a `movmsk`.
    ///
    /// ```swift
    /// Kernels.lanesReaching(SIMD8<Float>(0, 5, 1, 9, 2, 3, .nan, 4), 3)   // 0b1010_1010
    /// ```
    @inlinable @inline(__always)
    public static func lanesReaching(_ x: SIMD8<Float>, _ threshold: Float) -> UInt32 {
        #if arch(x86_64)
        let t = SIMD4<Float>(repeating: threshold)
        return UInt32(truncatingIfNeeded: _mm_movemask_ps(_mm_cmpge_ps(x.lowHalf, t)) | (_mm_movemask_ps(_mm_cmpge_ps(x.highHalf, t)) << 4))
        #else
        var bits: UInt32 = 0
        for lane in 0..<8 where x[lane] >= threshold { bits |= 1 << UInt32(lane) }
        return bits
        #endif
    }
}

#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

extension Kernels {
    /// One stochastic step of GloVe on one co-occurrence record (i, j, Xᵢⱼ): the inner loop of
    /// the Stanford `glove.c`, with SIMD8.
    ///
    /// The record's error is diff = wᵢ·w̃ⱼ + bᵢ + b̃ⱼ − log Xᵢⱼ, its cost ½·f(Xᵢⱼ)·diff². With
    /// fdiff = f(Xᵢⱼ)·diff the gradients are fdiff·w̃ⱼ for wᵢ, fdiff·wᵢ for w̃ⱼ, and fdiff for
    /// each bias. Every parameter then takes an AdaGrad step: its own learning rate is
    /// η / √(1 + the sum of the squares of its past steps), so that the parameters of frequent
    /// words, which get many updates, take ever smaller steps.
    ///
    /// As `glove.c` does, exactly:
    /// - each component of a vector gradient is clipped to ±`gradientClip` and then multiplied
    ///   by η; it is this scaled step whose square is added to the AdaGrad sum;
    /// - both vector steps are computed from the values before the step;
    /// - the biases step by fdiff / √(sum) and add fdiff² to their sum, without η (in the
    ///   reference η stays out of the bias update since gradient clipping was added);
    /// - a record whose diff is not finite is skipped and changes nothing.
    ///
    /// Memory layout: `word` and `context` each point at `2·n` floats, the vector (`n` values)
    /// followed by the sums of its squared gradients (`n` values, starting at 1). `wordBias` and
    /// `contextBias` each point at 2 floats: the bias and the sum of its squared gradients.
    /// For full SIMD width, pad `n` to a multiple of 8 with zeros in the vectors and ones in
    /// the sums: padding stays zero and does not change any dot product.
    ///
    /// - Returns: the record's cost ½·f·diff², or NaN when the record was skipped.
    @inlinable
    public static func gloveStep(word: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>, count n: Int,
                                 wordBias: UnsafeMutablePointer<Float>, contextBias: UnsafeMutablePointer<Float>,
                                 logX: Float, weight: Float, learningRate: Float, gradientClip: Float) -> Float {
        // How far the model is from log Xᵢⱼ, and the same weighted by f(Xᵢⱼ).
        let diff = dot(word, context, count: n) + wordBias[0] + contextBias[0] - logX
        let fdiff = weight * diff
        guard diff.isFinite && fdiff.isFinite else { return .nan }

        // The vectors: AdaGrad steps on wᵢ and w̃ⱼ together, eight components at a time.
        let w = UnsafeMutableRawPointer(word), c = UnsafeMutableRawPointer(context)
        let gradSqOffset = n * 4
        let f8 = SIMD8<Float>(repeating: fdiff), eta8 = SIMD8<Float>(repeating: learningRate)
        let lo8 = SIMD8<Float>(repeating: -gradientClip), hi8 = SIMD8<Float>(repeating: gradientClip)
        var k = 0
        while k + 8 <= n {
            let o = k * 4
            let wk = w.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            let ck = c.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            let gw = w.loadUnaligned(fromByteOffset: gradSqOffset + o, as: SIMD8<Float>.self)
            let gc = c.loadUnaligned(fromByteOffset: gradSqOffset + o, as: SIMD8<Float>.self)
            // η × the clipped gradient, for wᵢ (which is fdiff·w̃ⱼ) and for w̃ⱼ (fdiff·wᵢ)
            let stepW = simdClamp(f8 * ck, lo8, hi8) * eta8
            let stepC = simdClamp(f8 * wk, lo8, hi8) * eta8
            w.storeBytes(of: wk - stepW / simdSquareRoot(gw), toByteOffset: o, as: SIMD8<Float>.self)
            c.storeBytes(of: ck - stepC / simdSquareRoot(gc), toByteOffset: o, as: SIMD8<Float>.self)
            w.storeBytes(of: gw + stepW * stepW, toByteOffset: gradSqOffset + o, as: SIMD8<Float>.self)
            c.storeBytes(of: gc + stepC * stepC, toByteOffset: gradSqOffset + o, as: SIMD8<Float>.self)
            k += 8
        }
        while k < n {
            let wk = word[k], ck = context[k]
            let stepW = Swift.min(Swift.max(fdiff * ck, -gradientClip), gradientClip) * learningRate
            let stepC = Swift.min(Swift.max(fdiff * wk, -gradientClip), gradientClip) * learningRate
            word[k] = wk - stepW / word[n + k].squareRoot()
            context[k] = ck - stepC / context[n + k].squareRoot()
            word[n + k] += stepW * stepW
            context[n + k] += stepC * stepC
            k += 1
        }

        // The biases: their gradient is fdiff itself.
        wordBias[0] -= fdiff / wordBias[1].squareRoot()
        contextBias[0] -= fdiff / contextBias[1].squareRoot()
        wordBias[1] += fdiff * fdiff
        contextBias[1] += fdiff * fdiff
        return 0.5 * fdiff * diff
    }

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
    static func simdSquareRoot(_ x: SIMD8<Float>) -> SIMD8<Float> {
        #if arch(x86_64)
        return SIMD8(lowHalf: _mm_sqrt_ps(x.lowHalf), highHalf: _mm_sqrt_ps(x.highHalf))
        #else
        return x.squareRoot()
        #endif
    }

    /// x limited to lo ... hi, lane by lane (`minps`/`maxps` on x86-64; elsewhere compares and
    /// masks: the standard library's `pointwiseMin`/`pointwiseMax` are not inlined).
    @inlinable @inline(__always)
    static func simdClamp(_ x: SIMD8<Float>, _ lo: SIMD8<Float>, _ hi: SIMD8<Float>) -> SIMD8<Float> {
        #if arch(x86_64)
        return SIMD8(lowHalf: _mm_min_ps(_mm_max_ps(x.lowHalf, lo.lowHalf), hi.lowHalf),
                     highHalf: _mm_min_ps(_mm_max_ps(x.highHalf, lo.highHalf), hi.highHalf))
        #else
        return x.replacing(with: lo, where: x .< lo).replacing(with: hi, where: x .> hi)
        #endif
    }
}

import VectorMath

/// GloVe's update rule for one co-occurrence record, twice: `reference`, the inner loop of
/// Stanford's `glove.c` one component at a time, to read and to test against; and `simd`, the
/// same arithmetic eight components at a time, which the trainer runs. The tests hold the two to
/// the same results.
public enum GloVeStep {
    /// One stochastic step of GloVe on one co-occurrence record (i, j, Xᵢⱼ): the inner loop of
    /// the Stanford `glove.c`, eight components at a time (SIMD8). Tested against `reference`.
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
    public static func simd(word: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>, count n: Int,
                                 wordBias: UnsafeMutablePointer<Float>, contextBias: UnsafeMutablePointer<Float>,
                                 logX: Float, weight: Float, learningRate: Float, gradientClip: Float) -> Float {
        // How far the model is from log Xᵢⱼ, and the same weighted by f(Xᵢⱼ).
        let diff = Kernels.dot(word, context, count: n) + wordBias[0] + contextBias[0] - logX
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
            let stepW = Kernels.simdClamp(f8 * ck, lo8, hi8) * eta8
            let stepC = Kernels.simdClamp(f8 * wk, lo8, hi8) * eta8
            w.storeBytes(of: wk - stepW / Kernels.simdSquareRoot(gw), toByteOffset: o, as: SIMD8<Float>.self)
            c.storeBytes(of: ck - stepC / Kernels.simdSquareRoot(gc), toByteOffset: o, as: SIMD8<Float>.self)
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

    /// The same step as `simd`, one component at a time, as `glove.c` writes it: the gradient of
    /// ½·f(Xᵢⱼ)·(wᵢ·w̃ⱼ + bᵢ + b̃ⱼ − log Xᵢⱼ)² clipped, scaled by η, and divided by the root of the
    /// parameter's AdaGrad sum; both vectors stepped from their old values; the biases by
    /// fdiff / √sum. Same memory layout and result as `simd`.
    public static func reference(word: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>, count n: Int,
                                 wordBias: UnsafeMutablePointer<Float>, contextBias: UnsafeMutablePointer<Float>,
                                 logX: Float, weight: Float, learningRate: Float, gradientClip: Float) -> Float {
        var diff: Float = 0
        for k in 0..<n { diff += word[k] * context[k] }
        diff += wordBias[0] + contextBias[0] - logX
        let fdiff = weight * diff
        guard diff.isFinite && fdiff.isFinite else { return .nan }
        for k in 0..<n {
            let wk = word[k], ck = context[k]
            let stepW = min(max(fdiff * ck, -gradientClip), gradientClip) * learningRate
            let stepC = min(max(fdiff * wk, -gradientClip), gradientClip) * learningRate
            word[k] = wk - stepW / word[n + k].squareRoot()
            context[k] = ck - stepC / context[n + k].squareRoot()
            word[n + k] += stepW * stepW
            context[n + k] += stepC * stepC
        }
        wordBias[0] -= fdiff / wordBias[1].squareRoot()
        contextBias[0] -= fdiff / contextBias[1].squareRoot()
        wordBias[1] += fdiff * fdiff
        contextBias[1] += fdiff * fdiff
        return 0.5 * fdiff * diff
    }
}

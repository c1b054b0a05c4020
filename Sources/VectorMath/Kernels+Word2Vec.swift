/// The logistic function σ(x) = 1 / (1 + e⁻ˣ) and −log σ(x), read from tables, as `word2vec.c`
/// and gensim do: Word2Vec asks for σ hundreds of millions of times, and `expf` would cost more
/// than the dot products it follows.
///
/// The tables cover −6 ≤ x < 6 (`word2vec.c`'s `MAX_EXP`) in 1,000 steps of 0.012; beyond that,
/// σ is taken as exactly 0 or 1 (the reference's rule: a word already predicted that surely
/// gets no push), and −log σ(x) as −x below −6 and 0 above 6. Between table points the error
/// of σ is at most 0.003 (the step times the largest slope of σ, ¼).
///
/// ```swift
/// let table = LogisticTable()
/// table.sigmoid(0)                 // 0.5
/// table.sigmoid(7)                 // 1
/// table.negativeLogSigmoid(0)      // 0.693 = log 2
/// ```
public final class LogisticTable: @unchecked Sendable {
    /// The largest |x| the tables cover.
    public static let limit: Float = 6
    /// Entries in each table.
    public static let size = 1000

    @usableFromInline let sigmoidValues: UnsafeMutablePointer<Float>
    @usableFromInline let negativeLogSigmoidValues: UnsafeMutablePointer<Float>
    @usableFromInline let scale: Float

    public init() {
        let n = Self.size
        sigmoidValues = .allocate(capacity: n)
        negativeLogSigmoidValues = .allocate(capacity: n)
        scale = Float(n) / (2 * Self.limit)
        for i in 0..<n {
            // Entry i stands for x = (i / n · 2 − 1) · limit, as in word2vec.c's expTable.
            let x = (Double(i) / Double(n) * 2 - 1) * Double(Self.limit)
            let s = 1 / (1 + _exp(-x))
            sigmoidValues[i] = Float(s)
            negativeLogSigmoidValues[i] = Float(-_log(s))
        }
    }

    deinit {
        sigmoidValues.deallocate()
        negativeLogSigmoidValues.deallocate()
    }

    /// σ(x), 0 below −6 and 1 from 6 on.
    @inlinable @inline(__always)
    public func sigmoid(_ x: Float) -> Float {
        if x >= Self.limit { return 1 }
        if x <= -Self.limit { return 0 }
        return sigmoidValues[index(x)]
    }

    /// −log σ(x), the cost of predicting with score x something that is there: −x below −6,
    /// 0 from 6 on.
    @inlinable @inline(__always)
    public func negativeLogSigmoid(_ x: Float) -> Float {
        if x >= Self.limit { return 0 }
        if x <= -Self.limit { return -x }
        return negativeLogSigmoidValues[index(x)]
    }

    /// The entry for x in (−limit, limit); just below the limit, (x + limit) · scale rounds up to
    /// `size` in Float, so the index is held to the last entry (it read past the table before).
    @inlinable @inline(__always)
    func index(_ x: Float) -> Int {
        min(Self.size - 1, Int((x + Self.limit) * scale))
    }
}

#if canImport(Glibc)
import Glibc
@usableFromInline func _exp(_ x: Double) -> Double { Glibc.exp(x) }
#else
import Foundation
@usableFromInline func _exp(_ x: Double) -> Double { Foundation.exp(x) }
#endif

extension Kernels {
    /// One step of Word2Vec's negative sampling (Mikolov et al. 2013, "Distributed
    /// Representations of Words and Phrases and their Compositionality"): the inner loop of
    /// `word2vec.c` and of gensim's `fast_sentence_sg_neg` / `fast_sentence_cbow_neg`.
    ///
    /// `input` is the vector h that predicts (a context word's vector in skip-gram, the mean of
    /// the context vectors in CBOW). `targets[0]` is the word that is really there, and
    /// `targets[1...]` are the noise words drawn for it. Each target t has an output vector
    /// v′ₜ, row t of `outputs` (rows `stride` floats apart). The cost is logistic:
    ///
    ///     cost = −log σ(v′₀ · h) − Σₜ₌₁ log σ(−v′ₜ · h)
    ///
    /// so the real word's score is pushed up and every noise word's down. With label ℓₜ (1 for
    /// t = 0, else 0) and g = η·(ℓₜ − σ(v′ₜ · h)), one gradient step is, target after target:
    ///
    ///     gradient += g · v′ₜ        (what h should move by; the caller adds it to the input rows)
    ///     v′ₜ      += g · h
    ///
    /// `gradient` must hold `n` floats; it is added to, not cleared. σ and −log σ come from
    /// `logistic` (see `LogisticTable`). Eight lanes at a time; `n` need not be a multiple of 8.
    ///
    /// - Returns: the cost of this step before it was taken (natural log).
    @inlinable
    public static func negativeSamplingStep(input: UnsafePointer<Float>, outputs: UnsafeMutablePointer<Float>, stride: Int,
                                            targets: UnsafePointer<Int32>, targetCount: Int, count n: Int,
                                            learningRate: Float, gradient: UnsafeMutablePointer<Float>,
                                            logistic: LogisticTable) -> Float {
        var cost: Float = 0
        let h = UnsafeRawPointer(input), e = UnsafeMutableRawPointer(gradient)
        for t in 0..<targetCount {
            let row = outputs + Int(targets[t]) * stride
            let f = dot(input, row, count: n)
            let label: Float = t == 0 ? 1 : 0
            cost += t == 0 ? logistic.negativeLogSigmoid(f) : logistic.negativeLogSigmoid(-f)
            let g = (label - logistic.sigmoid(f)) * learningRate
            if g == 0 { continue }
            // gradient += g·v′ₜ and v′ₜ += g·h in one pass over v′ₜ.
            let g8 = SIMD8<Float>(repeating: g)
            let v = UnsafeMutableRawPointer(row)
            var k = 0
            while k + 8 <= n {
                let o = k * 4
                let vk = v.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                let ek = e.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                let hk = h.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                e.storeBytes(of: ek + g8 * vk, toByteOffset: o, as: SIMD8<Float>.self)
                v.storeBytes(of: vk + g8 * hk, toByteOffset: o, as: SIMD8<Float>.self)
                k += 8
            }
            while k < n {
                let vk = row[k]
                gradient[k] += g * vk
                row[k] = vk + g * input[k]
                k += 1
            }
        }
        return cost
    }

    /// `negativeSamplingStep` written as plainly as possible, one float at a time: the reference
    /// the SIMD kernel is tested against. Same arguments, same result up to rounding.
    public static func negativeSamplingStepReference(input: UnsafePointer<Float>, outputs: UnsafeMutablePointer<Float>,
                                                     stride: Int, targets: UnsafePointer<Int32>, targetCount: Int,
                                                     count n: Int, learningRate: Float,
                                                     gradient: UnsafeMutablePointer<Float>, logistic: LogisticTable) -> Float {
        var cost: Float = 0
        for t in 0..<targetCount {
            let row = outputs + Int(targets[t]) * stride
            var f: Float = 0
            for k in 0..<n { f += input[k] * row[k] }
            let label: Float = t == 0 ? 1 : 0
            cost += logistic.negativeLogSigmoid(t == 0 ? f : -f)
            let g = (label - logistic.sigmoid(f)) * learningRate
            for k in 0..<n { gradient[k] += g * row[k] }
            for k in 0..<n { row[k] += g * input[k] }
        }
        return cost
    }
}

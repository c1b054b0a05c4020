import Foundation
import VectorMath

/// CLIP's symmetric InfoNCE loss (Radford et al. 2021, figure 3), over a batch of B pictures and
/// their B captions, as unit vectors U (B × D) and V (B × D):
///
///     logits  Lᵢⱼ = e^τ · uᵢ·vⱼ                         every picture against every caption
///     loss    = ½ · [ −(1/B) Σᵢ log softmaxⱼ(Lᵢ)ᵢ         each picture picks its own caption
///                     −(1/B) Σⱼ log softmaxᵢ(L·ⱼ)ⱼ ]      each caption picks its own picture
///
/// The diagonal holds the true pairs; every other cell of a row is a caption of another picture,
/// a negative. Its gradient, with R the row-wise and C the column-wise softmax of L:
///
///     ∂loss/∂L = (R − I + C − I) / 2B
///     ∂loss/∂U = e^τ · ∂L · V,   ∂loss/∂V = e^τ · ∂Lᵀ · U,   ∂loss/∂τ = Σᵢⱼ ∂Lᵢⱼ · Lᵢⱼ
///
/// Softmaxes subtract each row's (column's) largest logit before exponentiating, so that e^τ up to
/// 100 times a cosine never overflows.
public struct ContrastiveLoss {
    public var loss: Double
    public var dU: [Float]
    public var dV: [Float]
    public var dLogScale: Float
    /// The fraction of pictures whose own caption scores highest in its row (a batch accuracy).
    public var batchAccuracy: Double

    public init(u: [Float], v: [Float], count b: Int, dimensions d: Int, logScale: Float, threads: Int = 1) {
        let scale = exp(logScale)
        var logits = [Float](repeating: 0, count: b * b)
        matrixMultiplyTransposed(m: b, n: b, k: d, a: u, lda: d, b: v, ldb: d, c: &logits, ldc: b, threads: threads)
        for i in 0..<logits.count { logits[i] *= scale }

        var grad = [Float](repeating: 0, count: b * b)
        var loss = 0.0
        var correct = 0
        let w = 1 / Float(2 * b)
        // Rows: picture i chooses among the captions.
        for i in 0..<b {
            var top = -Float.infinity, best = 0
            for j in 0..<b where logits[i * b + j] > top { top = logits[i * b + j]; best = j }
            if best == i { correct += 1 }
            var sum: Double = 0
            for j in 0..<b { sum += Double(exp(logits[i * b + j] - top)) }
            loss += log(sum) + Double(top) - Double(logits[i * b + i])
            for j in 0..<b { grad[i * b + j] += w * Float(Double(exp(logits[i * b + j] - top)) / sum) }
            grad[i * b + i] -= w
        }
        // Columns: caption j chooses among the pictures.
        for j in 0..<b {
            var top = -Float.infinity
            for i in 0..<b { top = max(top, logits[i * b + j]) }
            var sum: Double = 0
            for i in 0..<b { sum += Double(exp(logits[i * b + j] - top)) }
            loss += log(sum) + Double(top) - Double(logits[j * b + j])
            for i in 0..<b { grad[i * b + j] += w * Float(Double(exp(logits[i * b + j] - top)) / sum) }
            grad[j * b + j] -= w
        }
        self.loss = loss / Double(2 * b)
        batchAccuracy = Double(correct) / Double(max(1, b))

        var dLogScale: Float = 0
        for i in 0..<grad.count { dLogScale += grad[i] * logits[i] }
        self.dLogScale = dLogScale

        // ∂U = e^τ·G·V, ∂V = e^τ·Gᵀ·U
        for i in 0..<grad.count { grad[i] *= scale }
        var dU = [Float](repeating: 0, count: b * d), dV = [Float](repeating: 0, count: b * d)
        matrixMultiply(m: b, n: d, k: b, a: grad, lda: b, b: v, ldb: d, c: &dU, ldc: d, threads: threads)
        var gradT = [Float](repeating: 0, count: b * b)
        transpose(rows: b, columns: b, a: grad, b: &gradT)
        matrixMultiply(m: b, n: d, k: b, a: gradT, lda: b, b: u, ldb: d, c: &dV, ldc: d, threads: threads)
        self.dU = dU
        self.dV = dV
    }
}

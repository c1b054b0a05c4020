import VectorMath

/// Everything GloVe learns, in the layout `GloVeStep.simd` works on: for each word i a word
/// vector wᵢ and a context vector w̃ᵢ, each followed by its AdaGrad sums of squared gradients,
/// and the two biases bᵢ, b̃ᵢ with theirs.
///
/// A vector takes `stride` floats (the dimension rounded up to a multiple of 8, the padding
/// zero), so that every step runs at full SIMD width; its sums follow it. Word vectors come
/// first (rows 0 ..< V), then context vectors (rows V ..< 2V). Threads update this memory
/// without locks (Hogwild), as the reference does.
final class GloVeParameters: @unchecked Sendable {
    let vocabularySize: Int
    let dimensions: Int
    let stride: Int
    /// 2V rows of [vector (stride) | sums of squared gradients (stride)].
    let vectors: UnsafeMutablePointer<Float>
    /// 2V pairs of [bias | sum of squared gradients].
    let biases: UnsafeMutablePointer<Float>
    /// Keeps the reads of `Kernels.touch` from being optimised away.
    var sink: UInt32 = 0

    /// Parameters initialised as in `glove.c`: every vector component and every bias uniform
    /// in [−0.5, 0.5) / dimensions, every sum of squared gradients 1 (so that the first step of
    /// each parameter has exactly the learning rate η).
    init(vocabularySize V: Int, dimensions n: Int, seed: UInt64) {
        precondition(n >= 1, "a word vector has at least one dimension")
        vocabularySize = V
        dimensions = n
        stride = (n + 7) / 8 * 8
        let rowFloats = 2 * stride
        vectors = .allocate(capacity: max(1, 2 * V * rowFloats))
        biases = .allocate(capacity: max(1, 4 * V))
        var random = SeededGenerator(seed: seed)
        for row in 0..<2 * V {
            let p = vectors + row * rowFloats
            for k in 0..<stride {
                p[k] = k < n ? (random.nextUniform() - 0.5) / Float(n) : 0
                p[stride + k] = 1
            }
            biases[2 * row] = (random.nextUniform() - 0.5) / Float(n)
            biases[2 * row + 1] = 1
        }
    }

    deinit {
        vectors.deallocate()
        biases.deallocate()
    }

    /// Where wᵢ and its sums are.
    @inline(__always) func word(_ i: Int) -> UnsafeMutablePointer<Float> { vectors + i * 2 * stride }
    /// Where w̃ⱼ and its sums are.
    @inline(__always) func context(_ j: Int) -> UnsafeMutablePointer<Float> { vectors + (vocabularySize + j) * 2 * stride }
    @inline(__always) func wordBias(_ i: Int) -> UnsafeMutablePointer<Float> { biases + 2 * i }
    @inline(__always) func contextBias(_ j: Int) -> UnsafeMutablePointer<Float> { biases + 2 * (vocabularySize + j) }

    /// W + W̃: row i is wᵢ + w̃ᵢ, the vector GloVe hands out for word i (see `GloVeTrainer`).
    func summedVectors() -> Matrix {
        var out = Matrix(rows: vocabularySize, columns: dimensions)
        out.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<vocabularySize {
                let w = word(i), c = context(i)
                for k in 0..<dimensions { buffer[i * dimensions + k] = w[k] + c[k] }
            }
        }
        return out
    }
}

import VectorMath

/// Everything Word2Vec learns: for each word i an input vector vᵢ (`syn0` in `word2vec.c`, the
/// vector handed out at the end) and an output vector v′ᵢ (`syn1neg`, used only to score a word
/// as the one to predict).
///
/// A vector takes `stride` floats (the dimension rounded up to a multiple of 8, the padding
/// zero and staying zero), so every step runs at full SIMD width. Threads update this memory
/// without locks (Hogwild), as the reference does.
final class Word2VecParameters: @unchecked Sendable {
    let vocabularySize: Int
    let dimensions: Int
    let stride: Int
    /// V rows of input vectors.
    let input: UnsafeMutablePointer<Float>
    /// V rows of output vectors.
    let output: UnsafeMutablePointer<Float>

    /// Initialised as in `word2vec.c` and gensim: input vectors uniform in [−0.5, 0.5) / dimensions,
    /// output vectors zero.
    init(vocabularySize V: Int, dimensions n: Int, seed: UInt64) {
        precondition(n >= 1, "a word vector has at least one dimension")
        vocabularySize = V
        dimensions = n
        stride = (n + 7) / 8 * 8
        input = .allocate(capacity: max(1, V * stride))
        output = .allocate(capacity: max(1, V * stride))
        output.initialize(repeating: 0, count: max(1, V * stride))
        var random = SeededGenerator(seed: seed)
        for i in 0..<V {
            for k in 0..<stride { input[i * stride + k] = k < n ? (random.nextUniform() - 0.5) / Float(n) : 0 }
        }
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    @inline(__always) func inputVector(_ i: Int32) -> UnsafeMutablePointer<Float> { input + Int(i) * stride }

    /// The input vectors, one row per word: the word vectors of the model.
    func inputVectors() -> Matrix {
        var out = Matrix(rows: vocabularySize, columns: dimensions)
        out.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<vocabularySize {
                for k in 0..<dimensions { buffer[i * dimensions + k] = input[i * stride + k] }
            }
        }
        return out
    }
}

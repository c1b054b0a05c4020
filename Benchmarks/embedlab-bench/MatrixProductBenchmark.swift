import VectorMath

/// The matrix product on the shapes EmbedLab uses, in GFLOP/s (2·m·n·k floating-point operations per
/// product, median of repeated runs): a batch of queries against a model (A·Bᵀ), a transformer layer
/// (A·B), and a square product. `embedlab-bench gemm` prints one line per shape; bench_peer.py times
/// numpy's `@` (OpenBLAS) on the same shapes.
struct MatrixProductBenchmark {
    struct Shape: Sendable {
        let name: String, m: Int, n: Int, k: Int, transposed: Bool
    }

    static let shapes: [Shape] = [
        Shape(name: "queries_x_words", m: 200, n: 30_000, k: 50, transposed: true),
        Shape(name: "encoder_qkv", m: 128, n: 1152, k: 384, transposed: false),
        Shape(name: "encoder_ffn", m: 128, n: 1536, k: 384, transposed: false),
        Shape(name: "square_512", m: 512, n: 512, k: 512, transposed: false),
    ]

    let shape: Shape
    let threads: Int
    let samples: Samples

    init(shape: Shape, threads: Int, repeats: Int) {
        var rng = SeededGenerator(seed: 42)
        let a = (0..<shape.m * shape.k).map { _ in rng.nextUniform() - 0.5 }
        let b = (0..<shape.n * shape.k).map { _ in rng.nextUniform() - 0.5 }
        var c = [Float](repeating: 0, count: shape.m * shape.n)
        let ldb = shape.transposed ? shape.k : shape.n
        samples = a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    Samples.measure(repeats: repeats, warmup: 2) {
                        if shape.transposed {
                            matrixMultiplyTransposed(m: shape.m, n: shape.n, k: shape.k, a: ap.baseAddress!, lda: shape.k,
                                                     b: bp.baseAddress!, ldb: ldb, c: cp.baseAddress!, ldc: shape.n, threads: threads)
                        } else {
                            matrixMultiply(m: shape.m, n: shape.n, k: shape.k, a: ap.baseAddress!, lda: shape.k,
                                           b: bp.baseAddress!, ldb: ldb, c: cp.baseAddress!, ldc: shape.n, threads: threads)
                        }
                    }
                }
            }
        }
        self.shape = shape
        self.threads = threads
    }

    var gflops: Double { 2 * Double(shape.m * shape.n * shape.k) / samples.median / 1e9 }

    static func run(_ options: GemmCommand) throws {
        let repeats = options.repeats
        for threads in [1, Parallelism.cores] {
            for shape in shapes {
                let b = MatrixProductBenchmark(shape: shape, threads: threads, repeats: repeats)
                print("gemm \(shape.name) \(shape.m)x\(shape.n)x\(shape.k) threads=\(threads) median_ms=\(Format.fixed(b.samples.median * 1e3, 3)) gflops=\(Format.fixed(b.gflops, 1))")
            }
        }
    }
}

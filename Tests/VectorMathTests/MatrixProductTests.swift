import XCTest
@testable import VectorMath

/// The matrix product against the definition Cᵢⱼ = Σₚ Aᵢₚ·Bⱼₚ (or Aᵢₚ·Bₚⱼ), summed in Double.
final class MatrixProductTests: XCTestCase {
    /// One product to check: sizes, leading dimensions (wider than the rows), and the data.
    struct Case {
        let m: Int, n: Int, k: Int, lda: Int, ldb: Int, ldc: Int
        let transposed: Bool
        var a: [Float], b: [Float], c: [Float]

        init(m: Int, n: Int, k: Int, pad: Int, transposed: Bool, seed: UInt64) {
            self.m = m; self.n = n; self.k = k; self.transposed = transposed
            lda = k + pad; ldb = (transposed ? k : n) + pad; ldc = n + pad
            var rng = SeededGenerator(seed: seed)
            a = (0..<Swift.max(1, m * lda)).map { _ in rng.nextUniform() * 2 - 1 }
            b = (0..<Swift.max(1, (transposed ? n : k) * ldb)).map { _ in rng.nextUniform() * 2 - 1 }
            c = (0..<Swift.max(1, m * ldc)).map { _ in rng.nextUniform() * 2 - 1 }
        }

        func expected(accumulate: Bool) -> [Double] {
            var out = c.map(Double.init)
            for i in 0..<m {
                for j in 0..<n {
                    var s = 0.0
                    for p in 0..<k { s += Double(a[i * lda + p]) * Double(transposed ? b[j * ldb + p] : b[p * ldb + j]) }
                    out[i * ldc + j] = accumulate ? out[i * ldc + j] + s : s
                }
            }
            return out
        }

        func computed(accumulate: Bool, threads: Int, small: Bool = false) -> [Float] {
            var out = c
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    out.withUnsafeMutableBufferPointer { cp in
                        if small {
                            smallProductTransposed(m: m, n: n, k: k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                                                   c: cp.baseAddress!, ldc: ldc, accumulate: accumulate, parallel: threads > 1)
                        } else if transposed {
                            matrixMultiplyTransposed(m: m, n: n, k: k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                                                     c: cp.baseAddress!, ldc: ldc, accumulate: accumulate, threads: threads)
                        } else {
                            matrixMultiply(m: m, n: n, k: k, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                                           c: cp.baseAddress!, ldc: ldc, accumulate: accumulate, threads: threads)
                        }
                    }
                }
            }
            return out
        }

        /// Checks every element of C, including the padding between rows, which must be untouched.
        func check(accumulate: Bool, threads: Int, small: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
            let want = expected(accumulate: accumulate), got = computed(accumulate: accumulate, threads: threads, small: small)
            let tolerance = 1e-5 * Double(k + 1)
            var failures = 0
            for (index, (w, g)) in zip(want, got).enumerated() where abs(w - Double(g)) > tolerance {
                failures += 1
                if failures <= 3 {
                    XCTFail("\(transposed ? "A·Bᵀ" : "A·B") m=\(m) n=\(n) k=\(k) lda=\(lda) ldb=\(ldb) ldc=\(ldc) accumulate=\(accumulate) threads=\(threads): C[\(index / ldc), \(index % ldc)] is \(g), expected \(w)", file: file, line: line)
                }
            }
        }
    }

    func testOddSizesAgreeWithTheDefinitionInBothLayouts() {
        var seed: UInt64 = 1
        for transposed in [true, false] {
            for (m, n, k) in [(1, 1, 1), (1, 17, 3), (5, 1, 9), (6, 16, 8), (7, 17, 5), (13, 31, 50), (12, 48, 2), (3, 100, 1), (97, 33, 19)] {
                for pad in [0, 3] {
                    let c = Case(m: m, n: n, k: k, pad: pad, transposed: transposed, seed: seed)
                    seed += 1
                    c.check(accumulate: false, threads: 1)
                    c.check(accumulate: true, threads: 1)
                }
            }
        }
    }

    func testEveryDepthFromOneTo1024IncludingTheBlockEdges() {
        var seed: UInt64 = 100
        for k in [1, 2, 3, 7, 8, 9, 15, 16, 17, 63, 100, 255, 256, 257, 300, 511, 512, 513, 777, 1023, 1024] {
            for transposed in [true, false] {
                let c = Case(m: 7, n: 19, k: k, pad: 1, transposed: transposed, seed: seed)
                seed += 1
                c.check(accumulate: false, threads: 1)
                c.check(accumulate: true, threads: 1)
            }
        }
    }

    func testBlocksLargerThanOneCacheBlockAndSeveralThreadsGiveTheSameAnswer() {
        // 2100 columns cross the 2048-column block, 100 rows cross the 96-row block,
        // 260 deep crosses the 256 depth block; 1, 2 and 3 threads split rows or columns.
        let wide = Case(m: 9, n: 2100, k: 60, pad: 2, transposed: true, seed: 501)
        let tall = Case(m: 100, n: 23, k: 260, pad: 0, transposed: false, seed: 502)
        let square = Case(m: 131, n: 129, k: 70, pad: 5, transposed: true, seed: 503)
        for threads in [1, 2, 3] {
            wide.check(accumulate: false, threads: threads)
            tall.check(accumulate: true, threads: threads)
            square.check(accumulate: threads == 2, threads: threads)
        }
    }

    /// The product for a few rows (a short query through a transformer layer), reading B in place:
    /// odd row counts (pairs and a last row), outputs not a multiple of 4, depths with a tail, padding
    /// between rows, and split over the worker threads (large enough) or not.
    func testTheSmallProductAgreesWithTheDefinition() {
        var seed: UInt64 = 700
        for (m, n, k) in [(1, 1, 1), (1, 5, 7), (2, 4, 8), (3, 9, 17), (7, 13, 384), (8, 1152, 64), (16, 203, 100), (5, 1536, 96)] {
            for pad in [0, 3] {
                let c = Case(m: m, n: n, k: k, pad: pad, transposed: true, seed: seed)
                seed += 1
                for threads in [1, 2] {
                    c.check(accumulate: false, threads: threads, small: true)
                    c.check(accumulate: true, threads: threads, small: true)
                }
            }
        }
        let empty = Case(m: 0, n: 4, k: 3, pad: 0, transposed: true, seed: 10)
        XCTAssertEqual(empty.computed(accumulate: false, threads: 2, small: true), empty.c)
        let none = Case(m: 3, n: 4, k: 0, pad: 1, transposed: true, seed: 11)
        XCTAssertEqual(none.computed(accumulate: true, threads: 1, small: true), none.c)
    }

    func testZeroDepthClearsOrKeepsTheResultAndEmptyProductsTouchNothing() {
        let c = Case(m: 3, n: 4, k: 0, pad: 1, transposed: true, seed: 9)
        XCTAssertEqual(c.computed(accumulate: false, threads: 1).enumerated().filter { $0.offset % 5 < 4 }.map(\.element), [Float](repeating: 0, count: 12))
        XCTAssertEqual(c.computed(accumulate: true, threads: 1), c.c)
        let empty = Case(m: 0, n: 4, k: 3, pad: 0, transposed: false, seed: 10)
        XCTAssertEqual(empty.computed(accumulate: false, threads: 2), empty.c)
    }

    func testTheDocumentedExamples() {
        let q: [Float] = [1, 0, 0, 1], words: [Float] = [1, 2, 3, 4, 5, 6]
        var scores = [Float](repeating: 0, count: 6)
        matrixMultiplyTransposed(m: 2, n: 3, k: 2, a: q, lda: 2, b: words, ldb: 2, c: &scores, ldc: 3)
        XCTAssertEqual(scores, [1, 3, 5, 2, 4, 6])
        let x: [Float] = [1, 2], w: [Float] = [1, 0, 2, 0, 1, 3]
        var y = [Float](repeating: 0, count: 3)
        matrixMultiply(m: 1, n: 3, k: 2, a: x, lda: 2, b: w, ldb: 3, c: &y, ldc: 3)
        XCTAssertEqual(y, [1, 2, 8])
    }
}

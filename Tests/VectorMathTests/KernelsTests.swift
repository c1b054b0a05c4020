import Foundation
import XCTest
@testable import VectorMath

final class KernelsTests: XCTestCase {
    func naiveDot(_ a: [Float], _ b: [Float]) -> Double { zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) } }

    func testDotNormAndCosineAgreeWithTheDefinitionForEveryLength() {
        var rng = SeededGenerator(seed: 7)
        for n in 0...41 {
            let a = (0..<n).map { _ in rng.nextUniform() * 2 - 1 }, b = (0..<n).map { _ in rng.nextUniform() * 2 - 1 }
            XCTAssertEqual(Double(n == 0 ? 0 : a.dot(b)), naiveDot(a, b), accuracy: 1e-5, "length \(n)")
            if n > 0 {
                XCTAssertEqual(Double(a.norm), naiveDot(a, a).squareRoot(), accuracy: 1e-5)
                XCTAssertEqual(Double(a.cosine(b)), naiveDot(a, b) / (naiveDot(a, a) * naiveDot(b, b)).squareRoot(), accuracy: 1e-5)
            }
        }
    }

    func testThePaddedGraphKernelsAgreeWithDotWithinFloat16sRounding() {
        var rng = SeededGenerator(seed: 3)
        for n in [8, 16, 24, 48, 56, 64, 72] {
            let a = (0..<n).map { _ in rng.nextUniform() * 2 - 1 }.normalized, b = (0..<n).map { _ in rng.nextUniform() * 2 - 1 }.normalized
            let half = b.map { Float16($0) }
            let exact = naiveDot(a, b)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    XCTAssertEqual(Double(Kernels.dotPadded(pa.baseAddress!, pb.baseAddress!, count: n)), exact, accuracy: 1e-6, "length \(n)")
                }
                half.withUnsafeBytes { ph in
                    let d = Double(Kernels.dotHalfPadded(pa.baseAddress!, ph.baseAddress!, count: n))
                    XCTAssertEqual(d, exact, accuracy: 1.0 / 2048, "length \(n)")
                    XCTAssertEqual(d, naiveDot(a, half.map { Float($0) }), accuracy: 1e-6, "length \(n): the float16 values themselves")
                }
            }
        }
    }

    func testTheArticlesCatAndDogAreAlmostParallelAndCatAndCarAreNot() {
        let cat: [Float] = [0.3, 0.8, -0.2], dog: [Float] = [0.4, 0.7, -0.1], car: [Float] = [-0.5, 0.1, 0.9]
        XCTAssertEqual(cat.cosine(dog), 0.9819, accuracy: 1e-4)   // numpy: 0.98193
        XCTAssertLessThan(cat.cosine(car), 0)
        XCTAssertEqual(cat.distance(dog), Float(0.03).squareRoot(), accuracy: 1e-6)
    }

    func testMeanAndVarianceAgreeWithTheDefinitionForEveryLength() {
        var rng = SeededGenerator(seed: 11)
        for n in 1...41 {
            let a = (0..<n).map { _ in rng.nextUniform() * 6 - 2 }
            let mean = a.reduce(0.0) { $0 + Double($1) } / Double(n)
            let variance = a.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(n)
            let got = a.withUnsafeBufferPointer { Kernels.meanAndVariance($0.baseAddress!, count: n) }
            XCTAssertEqual(Double(got.mean), mean, accuracy: 1e-5, "length \(n)")
            XCTAssertEqual(Double(got.variance), variance, accuracy: 1e-5, "length \(n)")
        }
    }

    func testGELUAgreesWithItsDefinitionThroughLibmsErf() {
        // ½·x·(1 + erf(x/√2)) in Double from libm, on [−7, 7] (past the ±4 where the approximation is ±1),
        // 8 at a time and in the tail, with NaN staying NaN.
        let xs = (0...2800).map { Float($0 - 1400) / 200 }
        var got = xs
        got.withUnsafeMutableBufferPointer { Kernels.gelu($0.baseAddress!, count: $0.count) }
        for (x, y) in zip(xs, got) {
            let want = 0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))
            XCTAssertEqual(Double(y), want, accuracy: 1e-6 * max(1, abs(want)), "x = \(x)")
        }
        var nan: [Float] = [.nan]
        nan.withUnsafeMutableBufferPointer { Kernels.gelu($0.baseAddress!, count: 1) }
        XCTAssertTrue(nan[0].isNaN)
    }

    func testAxpyAddsAScaledVector() {
        let y: [Float] = (0..<19).map(Float.init), x = [Float](repeating: 1, count: 19)
        XCTAssertEqual(y.adding(x, times: -2), (0..<19).map { Float($0) - 2 })
    }

    func testCosineOfAZeroVectorIsZeroNotNaN() {
        XCTAssertEqual([Float](repeating: 0, count: 5).cosine([1, 2, 3, 4, 5]), 0)
    }
}

final class TopKTests: XCTestCase {
    func testKeepsTheKLargestInOrderWithTiesGoingToTheLowerIndex() {
        var top = TopK(k: 3)
        for (i, s) in [0.5, 0.9, 0.1, 0.9, 0.7, 0.2].enumerated() { top.insert(index: i, score: Float(s)) }
        XCTAssertEqual(top.sorted().map(\.index), [1, 3, 4])
    }

    func testAgreesWithAFullSortOnRandomScores() {
        var rng = SeededGenerator(seed: 3)
        let scores = (0..<5000).map { _ in Float(rng.nextInt(below: 300)) / 300 }   // many ties
        var top = TopK(k: 25)
        for (i, s) in scores.enumerated() { top.insert(index: i, score: s) }
        let expected = scores.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }.prefix(25)
        XCTAssertEqual(top.sorted().map(\.index), Array(expected))
    }

    func testNaNScoresAreNeverKept() {
        var top = TopK(k: 2)
        top.insert(index: 0, score: .nan)
        top.insert(index: 1, score: 0.5)
        XCTAssertEqual(top.sorted().map(\.index), [1])
    }
}

final class MatrixTests: XCTestCase {
    func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in rng.nextUniform() - 0.5 })
    }

    func bruteForce(_ m: Matrix, _ q: [Float], k: Int, excluding: Set<Int> = []) -> [Int] {
        let scores = (0..<m.rows).map { m.row($0).dot(q) }
        return scores.indices.filter { !excluding.contains($0) }.sorted { (scores[$0], -$0) > (scores[$1], -$1) }.prefix(k).map { $0 }
    }

    func testNearestMatchesBruteForceOnOneCoreAndOnAll() {
        for rows in [100, 60_000] {   // 60,000 × 50 is above the parallel threshold
            let m = randomMatrix(rows: rows, columns: 50, seed: UInt64(rows))
            let q = m.row(17)
            XCTAssertEqual(m.nearest(to: q, k: 10).map(\.index), bruteForce(m, q, k: 10), "rows \(rows)")
            XCTAssertEqual(m.nearest(to: q, k: 10, excluding: [17, 3]).map(\.index), bruteForce(m, q, k: 10, excluding: [17, 3]))
        }
    }

    func testRowLimitSearchesOnlyTheFirstRows() {
        let m = randomMatrix(rows: 1000, columns: 8, seed: 5)
        let found = m.nearest(to: m.row(900), k: 5, rowLimit: 100)
        XCTAssertTrue(found.allSatisfy { $0.index < 100 })
    }

    func testBatchNearestEqualsOneQueryAtATime() {
        let m = randomMatrix(rows: 3000, columns: 50, seed: 11)
        let queries = Matrix(rowVectors: (0..<40).map { m.row($0 * 7) })
        let batch = m.nearest(batch: queries, k: 5, excluding: (0..<40).map { [$0 * 7] })
        for i in 0..<40 {
            XCTAssertEqual(batch[i].map(\.index), m.nearest(to: m.row(i * 7), k: 5, excluding: [i * 7]).map(\.index))
        }
    }

    func testMatrixVectorProductIsOneDotPerRow() {
        let m = Matrix(rowVectors: [[1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(m.multiply([1, -1]), [-1, -1, -1])
        XCTAssertEqual(m.multiply(batch: Matrix(rowVectors: [[1, 0], [0, 1]])).values, [1, 3, 5, 2, 4, 6])
    }

    func testMatricesAreValuesCopiedOnWrite() {
        let a = Matrix(rowVectors: [[1, 2], [3, 4]])
        var b = a
        b[0, 0] = 9
        XCTAssertEqual(a[0, 0], 1)
        XCTAssertEqual(b[0, 0], 9)
    }

    func testNormalizedRowsHaveUnitLengthAndZeroRowsStayZero() {
        let n = Matrix(rowVectors: [[3, 4], [0, 0]]).normalizedRows()
        XCTAssertEqual(n.row(0), [0.6, 0.8])
        XCTAssertEqual(n.row(1), [0, 0])
    }
}

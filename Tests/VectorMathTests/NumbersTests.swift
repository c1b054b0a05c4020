import Foundation
import XCTest
@testable import VectorMath

final class SeededGeneratorTests: XCTestCase {
    func testTheSameSeedGivesTheSameNumbers() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xs = (0..<100).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<100).map { _ in c.next() })
    }

    func testUniformIntegersStayInRangeAndCoverIt() {
        var rng = SeededGenerator(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<1000 { let x = rng.nextInt(below: 7); XCTAssert((0..<7).contains(x)); seen.insert(x) }
        XCTAssertEqual(seen.count, 7)
    }

    func testShuffleIsAPermutationAndReproducible() {
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        var x = Array(0..<50), y = Array(0..<50)
        a.shuffle(&x); b.shuffle(&y)
        XCTAssertEqual(x, y)
        XCTAssertNotEqual(x, Array(0..<50))
        XCTAssertEqual(x.sorted(), Array(0..<50))
    }

    func testGaussianSamplesHaveMeanZeroAndUnitVariance() {
        var rng = SeededGenerator(seed: 5)
        let xs = (0..<20_000).map { _ in rng.nextGaussian() }
        let mean = Statistics.mean(xs)
        XCTAssertEqual(mean, 0, accuracy: 0.03)
        XCTAssertEqual(Statistics.mean(xs.map { ($0 - mean) * ($0 - mean) }), 1, accuracy: 0.05)
    }
}

final class StatisticsTests: XCTestCase {
    func testPearsonOfALinearRelationIsOne() {
        XCTAssertEqual(Statistics.pearson([1, 2, 3, 4], [2, 4, 6, 8])!, 1, accuracy: 1e-12)
        XCTAssertEqual(Statistics.pearson([1, 2, 3, 4], [8, 6, 4, 2])!, -1, accuracy: 1e-12)
        XCTAssertNil(Statistics.pearson([1, 1, 1], [1, 2, 3]))
    }

    func testSpearmanAveragesTiedRanksAsScipyDoes() {
        XCTAssertEqual(Statistics.ranks([10, 20, 20, 30]), [1, 2.5, 2.5, 4])
        // scipy.stats.spearmanr([1, 2, 2, 3, 5], [5, 6, 7, 8, 7]) = 0.7631578947368421
        XCTAssertEqual(Statistics.spearman([1, 2, 2, 3, 5], [5, 6, 7, 8, 7])!, 0.7631578947368421, accuracy: 1e-12)
    }
}

final class PCATests: XCTestCase {
    func testPointsOnALineHaveOneComponent() {
        let rows: [[Float]] = (0..<10).map { t in [Float(t), 2 * Float(t), -Float(t)] }
        let pca = PCA(fitting: Matrix(rowVectors: rows), components: 2)
        XCTAssertEqual(pca.explainedVarianceRatio[0], 1, accuracy: 1e-6)
        let c = pca.components.row(0)
        XCTAssertEqual(c.norm, 1, accuracy: 1e-5)
        XCTAssertEqual(abs(Double(c.cosine([1, 2, -1]))), 1, accuracy: 1e-5)
        XCTAssertGreaterThan(c[1], 0, "the largest entry of a component is positive")
    }

    func testComponentsAreOrthonormalAndProjectionReconstructs() {
        var rng = SeededGenerator(seed: 2)
        let data = Matrix(rows: 40, columns: 6, values: (0..<240).map { _ in rng.nextUniform() })
        let pca = PCA(fitting: data, components: 6)
        for i in 0..<6 { for j in 0..<6 {
            XCTAssertEqual(pca.components.row(i).dot(pca.components.row(j)), i == j ? 1 : 0, accuracy: 1e-4)
        } }
        XCTAssertEqual(pca.variances, pca.variances.sorted(by: >))
        let back = pca.reconstruct(pca.project(data))
        for r in 0..<40 { XCTAssertEqual(back.row(r).distance(data.row(r)), 0, accuracy: 1e-4) }
    }
}

/// PCA on the shapes a learner can ask for: a few words of a very wide model, many rows of many
/// dimensions, non-finite values, and a request to stop.
final class PCAShapesTests: XCTestCase {
    func wideData(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        // Two strong directions plus noise, so that the top two components are well defined.
        let a = (0..<columns).map { _ in rng.nextUniform() - 0.5 }, b = (0..<columns).map { _ in rng.nextUniform() - 0.5 }
        var values: [Float] = []
        for _ in 0..<rows {
            let s = 10 * (rng.nextUniform() - 0.5), t = 4 * (rng.nextUniform() - 0.5)
            for c in 0..<columns { values.append(s * a[c] + t * b[c] + 0.01 * (rng.nextUniform() - 0.5)) }
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }

    func testAFewVectorsOfAVeryWideModelUseTheirGramMatrix() throws {
        // 5 × 20,000: a covariance would be 20,000² doubles (3.2 GB); the Gram matrix is 5 × 5.
        let data = wideData(rows: 5, columns: 20_000, seed: 3)
        let pca = try PCA(fitting: data, components: 2, shouldStop: { false })
        XCTAssertEqual(pca.components.rows, 2)
        XCTAssertEqual(pca.components.row(0).norm, 1, accuracy: 1e-4)
        XCTAssertEqual(pca.components.row(0).dot(pca.components.row(1)), 0, accuracy: 1e-4)
        XCTAssertGreaterThan(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1], 0.99)
    }

    func testManyRowsOfManyDimensionsGiveTrueEigenvectors() throws {
        // Above the exact limit both ways: the subspace iteration. Its answer must satisfy the
        // eigen-equation C·v = λ·v, with C·v = X̄ᵀ(X̄v)/(n − 1) computed directly.
        let n = 220, d = 230
        let data = wideData(rows: n, columns: d, seed: 4)
        let pca = try PCA(fitting: data, components: 2, shouldStop: { false })
        let mean = data.columnMeans()
        for k in 0..<2 {
            let v = pca.components.row(k)
            var cv = [Double](repeating: 0, count: d)
            for r in 0..<n {
                let x = data.row(r)
                var p = 0.0
                for c in 0..<d { p += Double(x[c] - mean[c]) * Double(v[c]) }
                for c in 0..<d { cv[c] += p * Double(x[c] - mean[c]) / Double(n - 1) }
            }
            let lambda = pca.variances[k]
            let residual = (0..<d).reduce(0.0) { $0 + pow(cv[$1] - lambda * Double(v[$1]), 2) }.squareRoot()
            XCTAssertLessThan(residual, 1e-3 * lambda, "component \(k + 1)")
        }
        XCTAssertGreaterThan(pca.variances[0], pca.variances[1])
        XCTAssertGreaterThan(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1], 0.99)
    }

    func testNonFiniteValuesAreAnErrorNamingTheValue() {
        let data = Matrix(rowVectors: [[1, 2, 3], [4, .infinity, 6], [7, 8, 9]])
        XCTAssertThrowsError(try PCA(fitting: data, components: 2, shouldStop: { false })) { error in
            XCTAssertEqual(error as? PCA.Failure, .nonFinite(row: 1, column: 1))
        }
        // The non-throwing form never traps either.
        XCTAssertEqual(PCA(fitting: data, components: 2).components.rows, 2)
    }

    func testStoppingEndsTheFit() {
        XCTAssertThrowsError(try PCA(fitting: wideData(rows: 220, columns: 230, seed: 5), components: 2, shouldStop: { true })) { error in
            XCTAssertEqual(error as? PCA.Failure, .cancelled)
        }
    }

    func testOddShapesNeverTrap() throws {
        XCTAssertEqual(try PCA(fitting: Matrix(rowVectors: [[1, 2, 3]]), components: 2, shouldStop: { false }).components.rows, 2)
        XCTAssertEqual(try PCA(fitting: Matrix(rowVectors: [[1, 2], [1, 2]]), components: 5, shouldStop: { false }).components.rows, 2)
        XCTAssertEqual(PCA(fitting: Matrix(rowVectors: [[1, 2, 3]]), components: 2).project(Matrix(rowVectors: [[1, 2]])).rows, 1)
    }
}

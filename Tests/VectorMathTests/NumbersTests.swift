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

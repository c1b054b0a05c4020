import XCTest
@testable import VectorMath

/// t-SNE keeps neighbourhoods: points of one cluster in 10-D land together in 2-D, the KL
/// divergence it minimises falls, and the same seed gives the same picture.
final class TSNETests: XCTestCase {
    /// `clusters` Gaussian blobs of `each` points in `dims` dimensions, centres 10 apart, σ = 1.
    func blobs(clusters: Int, each: Int, dims: Int = 10, seed: UInt64 = 3) -> (Matrix, [Int]) {
        var rng = SeededGenerator(seed: seed)
        var rows: [[Float]] = [], labels: [Int] = []
        let centres = (0..<clusters).map { _ in (0..<dims).map { _ in Float(rng.nextDouble() * 20 - 10) } }
        for c in 0..<clusters {
            for _ in 0..<each {
                rows.append(centres[c].map { $0 + Float(rng.nextDouble() * 2 - 1) * 1.7 })
                labels.append(c)
            }
        }
        return (Matrix(rowVectors: rows), labels)
    }

    /// The share of each point's k nearest points in 2-D that share its cluster.
    func neighbourAgreement(_ y: [(x: Double, y: Double)], _ labels: [Int], k: Int = 5) -> Double {
        var same = 0
        for i in y.indices {
            let near = y.indices.filter { $0 != i }.sorted {
                let a = (y[$0].x - y[i].x) * (y[$0].x - y[i].x) + (y[$0].y - y[i].y) * (y[$0].y - y[i].y)
                let b = (y[$1].x - y[i].x) * (y[$1].x - y[i].x) + (y[$1].y - y[i].y) * (y[$1].y - y[i].y)
                return a < b
            }.prefix(k)
            same += near.filter { labels[$0] == labels[i] }.count
        }
        return Double(same) / Double(y.count * k)
    }

    func testExactTSNEKeepsClustersAndLowersTheDivergence() {
        let (x, labels) = blobs(clusters: 4, each: 15)
        let tsne = TSNE(perplexity: 10, iterations: 400, seed: 7)
        let p = tsne.affinities(x)
        // P is a joint distribution: symmetric, summing to 1.
        XCTAssertEqual(p.values.reduce(0, +), 1, accuracy: 1e-9)
        let y = tsne.embed(x)
        let start = TSNE(perplexity: 10, iterations: 0, seed: 7).embed(x)
        let early = TSNE(perplexity: 10, iterations: 300, seed: 7).embed(x)
        let kl = (start: TSNE.klDivergence(p, start), early: TSNE.klDivergence(p, early), end: TSNE.klDivergence(p, y))
        XCTAssertLessThan(kl.end, kl.start / 3, "KL falls: \(kl)")
        XCTAssertLessThanOrEqual(kl.end, kl.early, "and keeps falling after the exaggeration: \(kl)")
        XCTAssertGreaterThan(neighbourAgreement(y, labels), 0.95)
        // Seeded: the same picture again, another seed another picture.
        let again = tsne.embed(x)
        XCTAssertTrue(zip(y, again).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
        let other = TSNE(perplexity: 10, iterations: 400, seed: 8).embed(x)
        XCTAssertFalse(zip(y, other).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
    }

    func testBarnesHutAgreesWithTheExactMethod() {
        let (x, labels) = blobs(clusters: 5, each: 40, seed: 11)
        let exact = TSNE(perplexity: 15, iterations: 350, seed: 5)
        let bh = TSNE(perplexity: 15, iterations: 350, seed: 5, exactLimit: 10)
        let p = exact.affinities(x)
        let ye = exact.embed(x), yb = bh.embed(x)
        XCTAssertGreaterThan(neighbourAgreement(yb, labels), 0.95)
        let (ke, kb) = (TSNE.klDivergence(p, ye), TSNE.klDivergence(p, yb))
        XCTAssertLessThan(abs(kb - ke), 0.25 * ke + 0.05, "Barnes–Hut's divergence is near the exact one: \(kb) vs \(ke)")
        XCTAssertTrue(zip(yb, bh.embed(x)).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }, "deterministic")
        // Points at the very same place do not break the tree.
        let same = Matrix(rowVectors: Array(repeating: [1, 2, 3], count: 30) + (0..<30).map { [Float($0), 0, 1] })
        let y = TSNE(perplexity: 5, iterations: 100, seed: 1, exactLimit: 5).embed(same)
        XCTAssertTrue(y.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }

    func testTinyInputs() {
        XCTAssertEqual(TSNE().embed(Matrix(rowVectors: [[1, 2]])).count, 1)
        let y = TSNE(iterations: 50).embed(Matrix(rowVectors: [[1, 0], [0, 1], [1, 1]]))
        XCTAssertEqual(y.count, 3)
        XCTAssertTrue(y.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }
}

import XCTest
@testable import VectorMath

/// `nearest(combinations:)` must answer every query exactly as `nearest(to:)` does for its target
/// (scores, order, ties to the lower row), whatever the sizes, k, row limit and exclusions.
final class CombinationNearestTests: XCTestCase {
    func unitRows(_ n: Int, _ d: Int, seed: UInt64) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        var rows = (0..<n).map { _ in (0..<d).map { _ in rng.nextUniform() * 2 - 1 } }
        for i in stride(from: 3, to: n, by: 7) { rows[i] = rows[i / 2] }   // exact ties
        return Matrix(rowVectors: rows).normalizedRows()
    }

    /// Every row scored with `Kernels.dot`, sorted: the definition of the answer.
    func reference(_ m: Matrix, _ q: [Float], k: Int, rowLimit: Int, excluding: [Int]) -> [ScoredIndex] {
        let all = (0..<min(rowLimit, m.rows)).filter { !excluding.contains($0) }.map { r in
            ScoredIndex(index: r, score: m.withRow(r) { row in q.withUnsafeBufferPointer { Kernels.dot(row.baseAddress!, $0.baseAddress!, count: q.count) } })
        }
        return Array(all.filter { !$0.score.isNaN }.sorted { $0.ranksAbove($1) }.prefix(k))
    }

    /// Analogy-like queries b + c − a (and one to four terms), their unit targets as the evaluation computes them.
    func queries(_ m: Matrix, count: Int, seed: UInt64) -> ([RowCombination], Matrix, [[Int]]) {
        var rng = SeededGenerator(seed: seed)
        var combinations: [RowCombination] = [], targets: [[Float]] = [], exclusions: [[Int]] = []
        for q in 0..<count {
            let terms = q % 5 == 4 ? 1 + q % 4 : 3
            let rows = (0..<terms).map { _ in rng.nextInt(below: min(m.rows, 40)) }   // few distinct rows, as in a questions file
            let weights: [Float] = terms == 3 ? [1, 1, -1] : (0..<terms).map { _ in rng.nextUniform() * 2 - 0.5 }
            var t = [Float](repeating: 0, count: m.columns)
            for (r, w) in zip(rows, weights) { t = t.adding(m.row(r), times: w) }
            combinations.append(RowCombination(rows: rows, weights: weights))
            targets.append(t.normalized)
            exclusions.append(rows + (q % 3 == 0 ? [rng.nextInt(below: m.rows)] : []))
        }
        return (combinations, Matrix(rowVectors: targets), exclusions)
    }

    func testEveryQueryIsAnsweredAsTheExactScanForManySizes() {
        for (n, d, nq) in [(1, 1, 2), (5, 3, 7), (9, 1, 4), (300, 17, 30), (1000, 50, 60), (2100, 50, 25), (257, 300, 12), (70, 1024, 5)] {
            let m = unitRows(n, d, seed: UInt64(n * 31 + d))
            let (combinations, targets, exclusions) = queries(m, count: nq, seed: UInt64(nq))
            for k in [1, 5, n + 3] {
                for limit in [n, n - n / 3] {
                    let answers = m.nearest(combinations: combinations, targets: targets, k: k, rowLimit: limit, excluding: exclusions)
                    for q in 0..<nq {
                        XCTAssertEqual(answers[q], reference(m, targets.row(q), k: k, rowLimit: limit, excluding: exclusions[q]),
                                       "n=\(n) d=\(d) k=\(k) limit=\(limit) query \(q)")
                    }
                }
            }
        }
    }

    /// Rows a few units in the last place apart: their order is decided by rounding, so only the
    /// exact re-rank of every candidate within the bound can give the exact scan's answer.
    func testNearTiesAreRankedAsTheExactScanRanksThem() {
        var rng = SeededGenerator(seed: 21)
        let d = 50
        var rows = (0..<200).map { _ in (0..<d).map { _ in rng.nextUniform() * 2 - 1 } }
        let unit = Matrix(rowVectors: rows).normalizedRows()
        rows = (0..<unit.rows).map { unit.row($0) }
        for _ in 0..<120 {
            var copy = rows[7]
            for _ in 0..<3 {
                let p = rng.nextInt(below: d)
                copy[p] = rng.nextInt(below: 2) == 0 ? copy[p].nextUp : copy[p].nextDown
            }
            rows.append(copy)
        }
        let m = Matrix(rowVectors: rows)
        var combinations: [RowCombination] = [], targets: [[Float]] = []
        for q in 0..<12 {
            let (b, c) = (7, 8 + q)
            let w: Float = 1e-3 * Float(q)
            combinations.append(RowCombination(rows: [b, c, 9], weights: [0.3, w, -0.01]))
            targets.append([Float](repeating: 0, count: d).adding(m.row(b), times: 0.3).adding(m.row(c), times: w).adding(m.row(9), times: -0.01).normalized)
        }
        let t = Matrix(rowVectors: targets)
        for k in [1, 5, 17] {
            let answers = m.nearest(combinations: combinations, targets: t, k: k, excluding: combinations.map { $0.rows })
            let batch = m.nearest(batch: t, k: k, excluding: combinations.map { Set($0.rows) })
            for q in 0..<12 {
                let expected = reference(m, t.row(q), k: k, rowLimit: m.rows, excluding: combinations[q].rows)
                XCTAssertEqual(answers[q], expected, "combination \(q), k=\(k)")
                XCTAssertEqual(batch[q], expected, "batch \(q), k=\(k)")
            }
        }
    }

    func testZeroOppositeAndNonFiniteQueriesFallBackToTheExactScan() {
        var m = unitRows(600, 20, seed: 4)
        let zero = RowCombination(rows: [3, 3], weights: [1, -1])                 // a − a: no direction
        let opposite = RowCombination(rows: [5], weights: [1])                     // its target points the other way
        let plain = RowCombination(rows: [7, 8, 9], weights: [1, 1, -1])
        let targets = Matrix(rowVectors: [[Float](repeating: 0, count: 20), m.row(5).map { -$0 },
                                          m.row(7).adding(m.row(8)).adding(m.row(9), times: -1).normalized])
        let combinations = [zero, opposite, plain]
        for q in 0..<3 {
            XCTAssertEqual(m.nearest(combinations: combinations, targets: targets, k: 4)[q], reference(m, targets.row(q), k: 4, rowLimit: 600, excluding: []))
        }
        m[11, 2] = .nan
        m[12, 0] = .infinity
        for q in 0..<3 {
            XCTAssertEqual(m.nearest(combinations: combinations, targets: targets, k: 4)[q], m.nearest(to: targets.row(q), k: 4))
        }
        XCTAssertEqual(m.nearest(combinations: [], targets: Matrix(rows: 0, columns: 20), k: 3), [])
        XCTAssertEqual(m.nearest(combinations: [plain], targets: Matrix(rowVectors: [targets.row(2)]), k: 0), [[]])
    }

    func testLanesReachingIsTheScalarComparison() {
        var rng = SeededGenerator(seed: 9)
        let specials: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, 1, .leastNonzeroMagnitude]
        for trial in 0..<2000 {
            let x = SIMD8<Float>((0..<8).map { _ in rng.nextInt(below: 4) == 0 ? specials[rng.nextInt(below: specials.count)] : Float(rng.nextInt(below: 5)) - 2 })
            let t = trial % 7 == 0 ? specials[trial % specials.count] : Float(rng.nextInt(below: 5)) - 2
            var expected: UInt32 = 0
            for lane in 0..<8 where x[lane] >= t { expected |= 1 << UInt32(lane) }
            XCTAssertEqual(Kernels.lanesReaching(x, t), expected, "\(x) ≥ \(t)")
        }
    }

    func testAFloorKeepsRowsBelowItOut() {
        var c = CandidateTopK(k: 2, margin: 0.01, floor: 0.5)
        c.offer(index: 0, score: 0.4)
        c.offer(index: 1, score: 0.6)
        c.offer(index: 2, score: 0.55)
        XCTAssertEqual(c.candidates.map(\.index), [1, 2])
        XCTAssertEqual(c.cut, 0.53, accuracy: 1e-6)
    }
}

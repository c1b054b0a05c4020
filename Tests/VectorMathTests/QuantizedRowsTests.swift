import XCTest
@testable import VectorMath

final class QuantizedRowsTests: XCTestCase {
    /// Every width (below 16, a multiple of 16, and with a tail read as the row's last 16 bytes) gives
    /// exactly the float32 answer of the dequantized unit rows.
    func testTheInt8ScanGivesTheExactAnswerAtEveryWidth() {
        var rng = SeededGenerator(seed: 7)
        for d in [3, 15, 16, 37, 100] {
            var m = Matrix(rows: 3_000, columns: d)
            m.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = rng.nextUniform() * 2 - 1 } }
            let q = QuantizedRows(quantizing: m)
            let unit = q.dequantized().normalizedRows()
            for _ in 0..<5 {
                let query = (0..<d).map { _ in rng.nextUniform() * 2 - 1 }.normalized
                XCTAssertEqual(q.nearest(to: query, k: 10, excluding: [0]), unit.nearest(to: query, k: 10, excluding: [0]), "d = \(d)")
                XCTAssertEqual(q.nearest(to: query, k: 3, rowLimit: 100), unit.nearest(to: query, k: 3, rowLimit: 100), "d = \(d)")
            }
        }
    }

    /// The int16 query can rank two rows the wrong way round: only the margin keeps the exact winner.
    /// The query's values at dimensions 97 and 98 are 0.51 and 0.49 of its int16 step (they round to
    /// 1 and 0) and 0.3 at 99 (rounds to 0). Row kind A has ones at 98 and 99 (exact 0.79 steps, the
    /// scan sees 0), kind B ones at 96 and 97 (exact 0.51, the scan sees 1); equal lengths, and every
    /// other row points away. Both kinds spread over groups and both halves of a split scan.
    func testAnExactWinnerTheInt16QueryRanksLowerIsStillFound() {
        var rng = SeededGenerator(seed: 9)
        let d = 100, n = 4_000
        var m = Matrix(rows: n, columns: d)
        m.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = rng.nextUniform() * 2 - 1 } }
        for r in 0..<n { m[r, 0] = -1 - rng.nextUniform() }   // the query's largest value is at 0
        let kindA = stride(from: 2_999, to: 100, by: -487).map { $0 }, kindB = stride(from: 5, to: 2_000, by: 333).map { $0 }
        for r in kindA + kindB {
            for p in 0..<d { m[r, p] = 0 }
            m[r, 1] = 127   // the row's scale makes the ones exact int8 ones
            if kindA.contains(r) { m[r, 98] = 1; m[r, 99] = 1 } else { m[r, 96] = 1; m[r, 97] = 1 }
        }
        let q = QuantizedRows(quantizing: m)
        XCTAssertGreaterThan(q.scanBytes(), 64 * 1024, "the scan should be split over threads")
        let unit = q.dequantized().normalizedRows()
        let step: Float = 1 / 32_767
        var query = [Float](repeating: 0, count: d)
        query[0] = 1
        query[97] = 0.51 * step; query[98] = 0.49 * step; query[99] = 0.3 * step
        for k in [1, 3, kindA.count, kindA.count + 1, 20] {
            XCTAssertEqual(q.nearest(to: query, k: k), unit.nearest(to: query, k: k), "k = \(k)")
        }
        XCTAssertEqual(q.nearest(to: query, k: kindA.count).map(\.index), kindA.sorted(), "kind A first, ties to the lower row")
    }

    /// Rows that differ by one int8 step in one dimension where the query's value is far below its
    /// int16 step (it rounds to 0 there): the scan's integer sums tie, the exact scores do not, and
    /// the better rows come later. Spread over groups of 32 and both halves of a split scan.
    func testNearTiesTheInt16QueryCannotSeparateAreOrderedExactly() {
        var rng = SeededGenerator(seed: 9)
        let d = 100, n = 4_000
        var m = Matrix(rows: n, columns: d)
        m.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = rng.nextUniform() * 2 - 1 } }
        let base = (0..<d).map { p in p == 0 ? Float(1) : Float(p % 7) / 10 - 0.3 }
        let places = (0..<30).map { i in (i * 131 + 5) % n }.sorted()
        for (i, r) in places.enumerated() {
            for p in 0..<d { m[r, p] = base[p] }
            m[r, 99] = Float(i - 15) / 127   // one int8 step apart, growing with the row
        }
        let q = QuantizedRows(quantizing: m)
        XCTAssertGreaterThan(q.scanBytes(), 64 * 1024, "the scan should be split over threads")
        let unit = q.dequantized().normalizedRows()
        var query = base
        query[99] = 1e-7   // far below the int16 step of this query (1/32767 of its largest value)
        let query1 = query.normalized
        for k in [1, 10, 29, 30, 31, 60] {
            XCTAssertEqual(q.nearest(to: query1, k: k), unit.nearest(to: query1, k: k), "k = \(k)")
        }
        let top = q.nearest(to: query1, k: 10).map(\.index)
        XCTAssertTrue(Set(top).isSubset(of: places))
        XCTAssertNotEqual(top, top.sorted(), "the exact order is not the row order a tie would give")
    }
}

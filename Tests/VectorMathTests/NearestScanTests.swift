import XCTest
@testable import VectorMath

/// The float16 scan and the batched scan must answer exactly as scoring every row with
/// `Kernels.dot` and sorting (higher score first, ties to the lower row).
final class NearestScanTests: XCTestCase {
    func unitRows(_ n: Int, _ d: Int, seed: UInt64, duplicates: Bool = false) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        var rows = (0..<n).map { _ in (0..<d).map { _ in rng.nextUniform() * 2 - 1 } }
        // Exact ties: some rows repeated further down, so equal scores must go to the lower row.
        if duplicates { for i in stride(from: 3, to: n, by: 7) { rows[i] = rows[i / 2] } }
        return Matrix(rowVectors: rows).normalizedRows()
    }

    func reference(_ m: Matrix, _ q: [Float], k: Int, rowLimit: Int? = nil, excluding: Set<Int> = []) -> [ScoredIndex] {
        let n = min(rowLimit ?? m.rows, m.rows)
        let all = (0..<n).filter { !excluding.contains($0) }.map { r in
            ScoredIndex(index: r, score: m.withRow(r) { row in q.withUnsafeBufferPointer { Kernels.dot(row.baseAddress!, $0.baseAddress!, count: q.count) } })
        }
        return Array(all.filter { !$0.score.isNaN }.sorted { $0.ranksAbove($1) }.prefix(k))
    }

    func testTheFloat16ScanAnswersExactlyAsTheFullSortForManySizes() {
        var seed: UInt64 = 1
        for (n, d) in [(1, 1), (7, 3), (8, 50), (9, 50), (33, 2), (100, 17), (1000, 50), (3001, 8), (257, 300), (40, 1024), (5000, 50)] {
            let m = unitRows(n, d, seed: seed, duplicates: true)
            let scan = NearestScan(m)
            for (i, k) in [1, 3, 10, n + 5].enumerated() {
                let q = m.row((i * 37) % n)
                XCTAssertEqual(scan.nearest(to: q, k: k), reference(m, q, k: k), "n=\(n) d=\(d) k=\(k)")
            }
            seed += 1
        }
    }

    /// Rows whose float16 copies are equal (or nearly) while their float32 scores differ in the last
    /// bits, in an order opposite to their row numbers, spread over groups of 32 and over both halves
    /// of a scan split between threads: only the exact re-rank can order them, and it must.
    func testNearTiesThatFloat16CannotSeparateAreOrderedExactly() {
        var rng = SeededGenerator(seed: 42)
        let d = 50, n = 6000
        var rows = (0..<n).map { _ in (0..<d).map { _ in rng.nextUniform() * 2 - 1 } }
        let v = (0..<d).map { _ in rng.nextUniform() * 2 - 1 }
        let u = (0..<d).map { p in p % 2 == 0 ? Float(0.01) : -0.01 }
        // 40 rows v + ε·u, ε growing with the row number: a query along v + u ranks them mostly
        // later-row-first, with score differences around 1e-6, far below float16's resolution.
        let places = (0..<40).map { i in (i * 149 + 7) % n }.sorted()
        for (i, r) in places.enumerated() {
            let eps = Float(i + 1) * 1e-4
            rows[r] = zip(v, u).map { $0 + eps * $1 }
        }
        let m = Matrix(rowVectors: rows).normalizedRows()
        let scan = NearestScan(m)
        XCTAssertGreaterThan(scan.scanBytes(), 64 * 1024, "the scan should be split over threads")
        let q = zip(v, u).map { $0 + $1 }
        for k in [1, 5, 10, 39, 40, 41, 100] {
            let answer = scan.nearest(to: q, k: k)
            XCTAssertEqual(answer, reference(m, q, k: k), "k=\(k)")
        }
        // The top 10 are near-tied rows, and not in row order (the order a float16 tie would give).
        let top = scan.nearest(to: q, k: 10).map(\.index)
        XCTAssertTrue(Set(top).isSubset(of: places))
        XCTAssertNotEqual(top, top.sorted())
    }

    func testRowLimitsExclusionsAndQueriesOfAnyLength() {
        let m = unitRows(2000, 50, seed: 11, duplicates: true)
        let scan = NearestScan(m)
        var rng = SeededGenerator(seed: 5)
        for trial in 0..<20 {
            let q = (0..<50).map { _ in (rng.nextUniform() * 2 - 1) * Float(trial + 1) }   // not unit length
            let limit = [nil, 1, 7, 999, 1500, 5000][trial % 6]
            let exclude: Set<Int> = [0, 5, rng.nextInt(below: 2000), rng.nextInt(below: 2000)]
            XCTAssertEqual(scan.nearest(to: q, k: 10, rowLimit: limit, excluding: exclude),
                           reference(m, q, k: 10, rowLimit: limit, excluding: exclude), "trial \(trial)")
        }
        XCTAssertEqual(scan.nearest(to: m.row(0), k: 0), [])
    }

    func testValuesOutsideFloat16AndNaNRowsFallBackToTheExactScan() {
        var big = unitRows(50, 4, seed: 3)
        big[3, 1] = 70_000
        big[9, 0] = .nan
        let q: [Float] = [0.1, 0.9, -0.2, 0.3]
        XCTAssertEqual(NearestScan(big).nearest(to: q, k: 5), reference(big, q, k: 5))
        XCTAssertEqual(NearestScan(big).nearest(to: q, k: 5).first?.index, 3)
    }

    func testABatchAnswersEveryQueryAsTheSingleScanDoes() {
        for (n, d, nq) in [(1, 1, 1), (17, 2, 13), (300, 7, 5), (2100, 50, 40), (4099, 3, 7), (300, 300, 9), (20, 1024, 3)] {
            let m = unitRows(n, d, seed: UInt64(n + d), duplicates: true)
            var rng = SeededGenerator(seed: UInt64(nq))
            let rows = (0..<nq).map { _ in rng.nextInt(below: n) }
            let queries = Matrix(rowVectors: rows.map { m.row($0) })
            let exclusions = rows.map { Set([$0, ($0 + 1) % n]) }
            let expected = rows.enumerated().map { i, r in reference(m, m.row(r), k: n + 2, rowLimit: n - n / 4, excluding: exclusions[i]) }
            for k in [1, 5, n + 2] {
                let batch = m.nearest(batch: queries, k: k, rowLimit: n - n / 4, excluding: exclusions)
                for i in rows.indices {
                    XCTAssertEqual(batch[i], Array(expected[i].prefix(k)), "n=\(n) d=\(d) query \(i) k=\(k)")
                }
            }
        }
    }

    func testTheWorkerPoolRunsEveryPartOnceAndMayBeCalledFromInsideAPart() {
        let pool = WorkerPool(workers: 3)
        for parts in [0, 1, 2, 5, 64] {
            var counts = [Int](repeating: 0, count: parts)
            counts.withUnsafeMutableBufferPointer { c in
                let p = SendablePointer(c.baseAddress!)
                pool.run(parts: parts) { part in
                    pool.run(parts: 2) { _ in }   // nested: runs inline
                    p.pointer[part] += 1
                }
            }
            XCTAssertEqual(counts, [Int](repeating: 1, count: parts))
        }
    }
}

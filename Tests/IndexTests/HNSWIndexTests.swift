import Foundation
import XCTest
import VectorMath
@testable import Index

/// Points in clusters around random centres, like word vectors: near points exist and far ones too.
func clusteredVectors(rows: Int, columns: Int, clusters: Int = 20, seed: UInt64 = 1) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    let centres = (0..<clusters).map { _ in (0..<columns).map { _ in Float(rng.nextGaussian()) } }
    var values: [Float] = []
    values.reserveCapacity(rows * columns)
    for _ in 0..<rows {
        let c = centres[rng.nextInt(below: clusters)]
        for j in 0..<columns { values.append(c[j] + 0.6 * Float(rng.nextGaussian())) }
    }
    return Matrix(rows: rows, columns: columns, values: values)
}

final class HNSWSearchTests: XCTestCase {
    func testFindsNineteenOfTwentyTrueNeighboursOnRandomData() throws {
        let data = clusteredVectors(rows: 1500, columns: 16)
        let queries = clusteredVectors(rows: 60, columns: 16, seed: 99)
        let index = try HNSWIndex.build(data, parameters: HNSWParameters(m: 8, efConstruction: 60))
        let exact = data.normalizedRows().nearest(batch: queries.normalizedRows(), k: 10)
        var found = 0
        for q in 0..<queries.rows {
            let approx = try index.nearest(to: queries.row(q), k: 10, ef: 64)
            XCTAssertEqual(approx.count, 10)
            found += Set(approx.map(\.index)).intersection(exact[q].map(\.index)).count
        }
        let recall = Double(found) / Double(queries.rows * 10)
        XCTAssertGreaterThanOrEqual(recall, 0.95, "recall@10 at ef=64")
        // A larger ef never does worse on these queries in total.
        var foundWide = 0
        for q in 0..<queries.rows {
            foundWide += Set(try index.nearest(to: queries.row(q), k: 10, ef: 120).map(\.index)).intersection(exact[q].map(\.index)).count
        }
        XCTAssertGreaterThanOrEqual(foundWide, found)
    }

    func testScoresAreCosinesBestFirstAndARowFindsItself() throws {
        let data = clusteredVectors(rows: 500, columns: 8)
        let index = try HNSWIndex.build(data, parameters: HNSWParameters(m: 8, efConstruction: 50))
        let best = try index.nearest(to: data.row(123), k: 5, ef: 32)
        XCTAssertEqual(best.first?.index, 123)
        XCTAssertEqual(best.first?.score ?? 0, 1, accuracy: 1e-5)
        XCTAssertEqual(best[1].score, data.row(123).cosine(data.row(best[1].index)), accuracy: 1e-5)
        XCTAssertEqual(best.map(\.score), best.map(\.score).sorted(by: >))
    }

    /// The walk compares in float16, whose rounding (about 5·10⁻⁴ for unit vectors) is far
    /// coarser than the gaps here: forty points at cosines 1 − t²/2 from the query, t in steps of
    /// 0.002, so consecutive ones differ by 10⁻⁵ or less. The answer must still come in exact
    /// float32 order with float32 cosines, as a brute-force scan gives it.
    func testNeighboursCloserThanFloat16CanTellApartComeInExactOrder() throws {
        var rng = SeededGenerator(seed: 5)
        let columns = 50
        let u = (0..<columns).map { _ in Float(rng.nextGaussian()) }.normalized
        var w = (0..<columns).map { _ in Float(rng.nextGaussian()) }
        w = w.adding(u, times: -w.dot(u)).normalized
        let near = (0..<40).map { i in u.adding(w, times: 0.002 * Float(i)) }
        let others = clusteredVectors(rows: 400, columns: columns, seed: 11)
        let data = Matrix(rowVectors: (0..<others.rows).map { others.row($0) } + near)
        let index = try HNSWIndex.build(data, parameters: HNSWParameters(m: 8, efConstruction: 64))
        let exact = data.normalizedRows().nearest(batch: Matrix(rowVectors: [u]), k: 10)[0]
        let approx = try index.nearest(to: u, k: 10, ef: 100)
        XCTAssertEqual(approx.map(\.index), (400..<410).map { $0 })
        XCTAssertEqual(approx.map(\.index), exact.map(\.index))
        for (a, e) in zip(approx, exact) { XCTAssertEqual(a.score, e.score, accuracy: 1e-6) }
    }

    func testTheGraphKeepsItsShape() throws {
        let data = clusteredVectors(rows: 1200, columns: 8)
        let index = try HNSWIndex.build(data, parameters: HNSWParameters(m: 6, efConstruction: 20))
        XCTAssertEqual(index.pointCount(onLayer: 0), 1200)
        // Each layer holds about 1/M of the one below.
        let layerOne = index.pointCount(onLayer: 1)
        XCTAssertTrue((1200 / 6 / 2...1200 / 6 * 2).contains(layerOne), "\(layerOne) points on layer 1")
        for p in stride(from: 0, to: 1200, by: 7) {
            XCTAssertLessThanOrEqual(index.links(of: p, layer: 0).count, 12)
            XCTAssertFalse(index.links(of: p, layer: 0).contains(p))
            XCTAssertGreaterThan(index.links(of: p, layer: 0).count, 0)
        }
    }

    func testAskingForMoreNeighboursThanThereArePointsGivesThemAll() throws {
        let data = clusteredVectors(rows: 5, columns: 4)
        let index = try HNSWIndex.build(data)
        let all = try index.nearest(to: data.row(0), k: 10, ef: 1)
        XCTAssertEqual(Set(all.map(\.index)), Set(0..<5))
    }

    func testTinyCollections() throws {
        let empty = try HNSWIndex.build(Matrix(rows: 0, columns: 3))
        XCTAssertEqual(try empty.nearest(to: [1, 0, 0], k: 3, ef: 10), [])
        let one = try HNSWIndex.build(Matrix(rowVectors: [[1, 2, 3]]))
        XCTAssertEqual(try one.nearest(to: [1, 0, 0], k: 3, ef: 10).map(\.index), [0])
        let two = try HNSWIndex.build(Matrix(rowVectors: [[1, 0], [0, 1]]))
        XCTAssertEqual(try two.nearest(to: [0.1, 1], k: 1, ef: 10).map(\.index), [1])
        XCTAssertEqual(try two.nearest(to: [1, 0.1], k: 5, ef: 10).map(\.index), [0, 1])
    }

    func testWrongQueriesAndParametersAreRefusedWithAReason() throws {
        let index = try HNSWIndex.build(clusteredVectors(rows: 10, columns: 4))
        XCTAssertThrowsError(try index.nearest(to: [1, 2], k: 3, ef: 10)) { error in
            XCTAssertEqual("\(error)", "the query has 2 dimensions, the indexed vectors have 4")
        }
        XCTAssertThrowsError(try index.nearest(to: [1, 2, 3, 4], k: 0, ef: 10))
        XCTAssertThrowsError(try index.nearest(to: [1, .nan, 3, 4], k: 3, ef: 10)) { error in
            XCTAssertEqual("\(error)", "the query's value 2 is nan: give a query of finite numbers")
        }
        XCTAssertThrowsError(try index.nearest(to: [1, 2, 3, -.infinity], k: 3, ef: 10))
        XCTAssertThrowsError(try HNSWIndex.build(clusteredVectors(rows: 10, columns: 4), parameters: HNSWParameters(m: 1))) { error in
            XCTAssertTrue("\(error)".hasPrefix("m=1 is outside 2…256"), "\(error)")
        }
    }
}

final class HNSWBuildTests: XCTestCase {
    func testTheSameSeedGivesTheSameGraphByteForByte() throws {
        let data = clusteredVectors(rows: 500, columns: 10)
        let dir = try temporaryFolder()
        let a = dir + "/a.hnsw", b = dir + "/b.hnsw", c = dir + "/c.hnsw"
        try HNSWIndex.build(data, parameters: HNSWParameters(m: 8, efConstruction: 40, seed: 7)).write(to: a)
        try HNSWIndex.build(data, parameters: HNSWParameters(m: 8, efConstruction: 40, seed: 7)).write(to: b)
        try HNSWIndex.build(data, parameters: HNSWParameters(m: 8, efConstruction: 40, seed: 8)).write(to: c)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)))
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: c)))
    }

    func testProgressCountsEveryPointAndCancellationKeepsNothing() throws {
        let data = clusteredVectors(rows: 1500, columns: 8)
        var reports: [Int] = []
        _ = try HNSWIndex.build(data, parameters: HNSWParameters(m: 4, efConstruction: 20), progress: { done, total in
            XCTAssertEqual(total, 1500)
            reports.append(done)
        })
        XCTAssertEqual(reports.last, 1500)
        XCTAssertEqual(reports, reports.sorted())
        XCTAssertGreaterThan(reports.count, 100)

        var polls = 0
        XCTAssertThrowsError(try HNSWIndex.build(data, shouldStop: { polls += 1; return polls > 3 })) { error in
            XCTAssertEqual(error as? IndexError, .cancelled(inserted: 768, of: 1500))
            XCTAssertEqual("\(error)", "index build stopped after 768 of 1500 points; nothing was kept")
        }
    }
}

func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "embedlab-index-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

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
}

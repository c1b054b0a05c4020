import XCTest
@testable import VectorMath

/// The int8 × int16 product against its definition y = x · (scale ⊙ Ŵ)ᵀ + b summed in Double: every output
/// within the error of rounding x to int16 (half a step of each row's scale, times Σ|w|), ragged sizes (rows
/// not a multiple of 6, outputs not of 16, an odd depth), padding between rows left untouched, one and two threads.
final class QuantizedProductTests: XCTestCase {
    struct Case {
        let m: Int, n: Int, k: Int, ldx: Int, ldy: Int
        var x: [Float], values: [Int8], scales: [Float], bias: [Float], y: [Float]

        init(m: Int, n: Int, k: Int, pad: Int, seed: UInt64) {
            self.m = m; self.n = n; self.k = k
            let ldx = k + pad
            self.ldx = ldx; ldy = n + pad
            var rng = SeededGenerator(seed: seed)
            // Rows of very different sizes, and a row of zeros when there are a few rows.
            x = (0..<(m * ldx)).map { i in
                let row = i / ldx
                return row == 2 ? 0 : (rng.nextUniform() * 2 - 1) * Float(1 << (row % 5)) * 0.3
            }
            values = (0..<(n * k)).map { _ in Int8(truncatingIfNeeded: Int(rng.nextUniform() * 256) - 128) }
            scales = (0..<n).map { _ in rng.nextUniform() * 0.05 + 0.001 }
            bias = (0..<n).map { _ in rng.nextUniform() - 0.5 }
            y = (0..<(m * (n + pad))).map { _ in rng.nextUniform() + 7 }
        }

        func computed(threads: Int, withBias: Bool = true) -> [Float] {
            let packed = PackedInt8Weights(values: values, scales: scales, outputs: n, inputs: k)
            var out = y
            x.withUnsafeBufferPointer { xp in
                bias.withUnsafeBufferPointer { bp in
                    out.withUnsafeMutableBufferPointer { yp in
                        quantizedProductTransposed(m: m, x: xp.baseAddress!, ldx: ldx, weights: packed,
                                                   bias: withBias ? bp.baseAddress! : nil, y: yp.baseAddress!, ldy: ldy, threads: threads)
                    }
                }
            }
            return out
        }

        /// Each output's exact value (Double) and how far the int16 rounding of its row of x may move it.
        func expected() -> [(value: Double, tolerance: Double)] {
            let top = Double(QuantizedProduct.largestActivation(pairs: (k + 1) / 2))
            let w = (0..<(n * k)).map { Double(scales[$0 / k]) * Double(values[$0]) }
            var out: [(value: Double, tolerance: Double)] = []
            for i in 0..<m {
                let row = (0..<k).map { Double(x[i * ldx + $0]) }
                let step = (row.map(abs).max() ?? 0) / top
                for j in 0..<n {
                    var want = Double(bias[j]), size = 0.0, weights = 0.0
                    for p in 0..<k { want += row[p] * w[j * k + p]; size += abs(row[p] * w[j * k + p]); weights += abs(w[j * k + p]) }
                    out.append((want, 0.5 * step * weights * 1.001 + 1e-6 * (size + abs(want)) + 1e-6))
                }
            }
            return out
        }

        func check(threads: [Int], file: StaticString = #filePath, line: UInt = #line) {
            let want = expected()
            for t in threads {
                let got = computed(threads: t)
                var failures = 0
                for i in 0..<m {
                    for j in 0..<n where abs(Double(got[i * ldy + j]) - want[i * n + j].value) > want[i * n + j].tolerance {
                        failures += 1
                        if failures <= 3 { XCTFail("m=\(m) n=\(n) k=\(k) threads=\(t): y[\(i), \(j)] is \(got[i * ldy + j]), expected \(want[i * n + j].value) ± \(want[i * n + j].tolerance)", file: file, line: line) }
                    }
                    for j in n..<ldy where got[i * ldy + j] != y[i * ldy + j] {
                        XCTFail("m=\(m) n=\(n) k=\(k): the padding y[\(i), \(j)] was written", file: file, line: line)
                    }
                }
            }
        }
    }

    func testRaggedSizesAgreeWithTheDefinition() {
        var seed: UInt64 = 900
        // Large enough for two threads: split by columns (3 rows) and by rows (40 rows, 7 slivers of 6).
        for (m, n, k, pad) in [(1, 1, 1, 0), (5, 17, 3, 5), (6, 16, 2, 0), (13, 37, 71, 5), (3, 384, 1536, 3), (40, 48, 600, 0), (20, 33, 385, 1)] {
            Case(m: m, n: n, k: k, pad: pad, seed: seed).check(threads: [1, 2])
            seed += 1
        }
    }

    /// Every row at its largest int16 against weights of −128 over k = 1,536: the largest sum there can be
    /// (−2,147,352,576) stays inside Int32: every output is −3 · 128 · 1,536 up to the float rounding of the scales.
    func testTheLargestSumsDoNotOverflow() {
        let k = 1536, m = 7, n = 20
        let packed = PackedInt8Weights(values: [Int8](repeating: -128, count: n * k), scales: [Float](repeating: 1, count: n), outputs: n, inputs: k)
        let x = [Float](repeating: 3, count: m * k)
        var y = [Float](repeating: 0, count: m * n)
        quantizedProductTransposed(m: m, x: x, ldx: k, weights: packed, bias: nil, y: &y, ldy: n, threads: 2)
        for v in y { XCTAssertEqual(v, -3 * 128 * Float(k), accuracy: 1) }
    }

    func testNoRowsTouchNothingAndAZeroRowGivesTheBias() {
        let c = Case(m: 3, n: 5, k: 4, pad: 1, seed: 5)
        let packed = PackedInt8Weights(values: c.values, scales: c.scales, outputs: 5, inputs: 4)
        var y = c.y
        quantizedProductTransposed(m: 0, x: c.x, ldx: 5, weights: packed, bias: c.bias, y: &y, ldy: 6)
        XCTAssertEqual(y, c.y)
        let got = c.computed(threads: 1)
        XCTAssertEqual(Array(got[12..<17]), c.bias)   // row 2 of x is zeros
    }

    /// A row holding NaN or an infinity, in the eight-at-a-time part or the tail, is multiplied as zeros (its
    /// outputs are the bias) and leaves the other rows as they were.
    func testARowThatIsNotFiniteGivesTheBiasAndSparesTheOthers() {
        let k = 21, n = 16, m = 4
        let values = (0..<(n * k)).map { Int8(truncatingIfNeeded: $0 * 37 % 255 - 127) }
        let scales = [Float](repeating: 0.01, count: n), bias = (0..<n).map { Float($0) }
        let packed = PackedInt8Weights(values: values, scales: scales, outputs: n, inputs: k)
        let clean = (0..<(m * k)).map { Float($0 % 7) - 3 }
        var want = [Float](repeating: 0, count: m * n)
        quantizedProductTransposed(m: m, x: clean, ldx: k, weights: packed, bias: bias, y: &want, ldy: n)
        for (row, column, bad) in [(0, 3, Float.nan), (1, 19, .nan), (2, 5, .infinity), (3, 20, -.infinity)] {
            var x = clean
            x[row * k + column] = bad
            var y = [Float](repeating: 0, count: m * n)
            quantizedProductTransposed(m: m, x: x, ldx: k, weights: packed, bias: bias, y: &y, ldy: n)
            XCTAssertEqual(Array(y[(row * n)..<(row * n + n)]), bias, "row \(row), value \(column) = \(bad)")
            for other in 0..<m where other != row {
                XCTAssertEqual(Array(y[(other * n)..<(other * n + n)]), Array(want[(other * n)..<(other * n + n)]))
            }
        }
    }
}

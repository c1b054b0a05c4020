import Foundation
import XCTest
import GloVe
import VectorMath

/// `GloVeStep.simd` against a line-by-line transcription of the inner loop of glove.c,
/// in double precision.
final class GloVeStepTests: XCTestCase {
    /// glove.c's update for one record; `w` and `c` are [vector..., bias], `gw` and `gc` their sums.
    private func referenceStep(_ w: inout [Double], _ c: inout [Double], _ gw: inout [Double], _ gc: inout [Double],
                               x: Double, xMax: Double, alpha: Double, eta: Double, clip: Double) -> Double {
        let n = w.count - 1
        var diff = 0.0
        for b in 0..<n { diff += w[b] * c[b] }
        diff += w[n] + c[n] - log(x)
        var fdiff = x > xMax ? diff : pow(x / xMax, alpha) * diff
        let cost = 0.5 * fdiff * diff
        var u1 = [Double](repeating: 0, count: n), u2 = u1
        for b in 0..<n {
            let temp1 = min(max(fdiff * c[b], -clip), clip) * eta
            let temp2 = min(max(fdiff * w[b], -clip), clip) * eta
            u1[b] = temp1 / gw[b].squareRoot()
            u2[b] = temp2 / gc[b].squareRoot()
            gw[b] += temp1 * temp1
            gc[b] += temp2 * temp2
        }
        for b in 0..<n { w[b] -= u1[b]; c[b] -= u2[b] }
        w[n] -= fdiff / gw[n].squareRoot()
        c[n] -= fdiff / gc[n].squareRoot()
        fdiff *= fdiff
        gw[n] += fdiff
        gc[n] += fdiff
        return cost
    }

    private func check(dimensions n: Int, x: Double, scale: Double, clip: Double, steps: Int) {
        var random = SeededGenerator(seed: UInt64(n))
        var w = (0...n).map { _ in scale * (random.nextDouble() - 0.5) }
        var c = (0...n).map { _ in scale * (random.nextDouble() - 0.5) }
        var gw = [Double](repeating: 1, count: n + 1), gc = gw
        // The kernel's layout: [vector | sums], and [bias, sum].
        var word = w[0..<n].map(Float.init) + Array(repeating: 1, count: n)
        var context = c[0..<n].map(Float.init) + Array(repeating: 1, count: n)
        var wordBias: [Float] = [Float(w[n]), 1], contextBias: [Float] = [Float(c[n]), 1]
        let xMax = 10.0, alpha = 0.75, eta = 0.05
        let weight = Float(x > xMax ? 1 : pow(x / xMax, alpha))
        for step in 0..<steps {
            let expected = referenceStep(&w, &c, &gw, &gc, x: x, xMax: xMax, alpha: alpha, eta: eta, clip: clip)
            let cost = GloVeStep.simd(word: &word, context: &context, count: n, wordBias: &wordBias, contextBias: &contextBias,
                                         logX: Float(log(x)), weight: weight, learningRate: Float(eta), gradientClip: Float(clip))
            XCTAssertEqual(Double(cost), expected, accuracy: 1e-4 * max(1, expected), "step \(step)")
            for b in 0..<n {
                XCTAssertEqual(Double(word[b]), w[b], accuracy: 1e-4 * max(1, abs(w[b])), "w[\(b)] after step \(step)")
                XCTAssertEqual(Double(context[b]), c[b], accuracy: 1e-4 * max(1, abs(c[b])), "c[\(b)] after step \(step)")
                XCTAssertEqual(Double(word[n + b]), gw[b], accuracy: 1e-4 * gw[b])
            }
            XCTAssertEqual(Double(wordBias[0]), w[n], accuracy: 1e-4 * max(1, abs(w[n])))
            XCTAssertEqual(Double(contextBias[1]), gc[n], accuracy: 1e-4 * gc[n])
        }
    }

    func testMatchesGloveCOnAFullSIMDWidth() {
        check(dimensions: 16, x: 3.5, scale: 0.1, clip: 100, steps: 20)
    }

    func testMatchesGloveCWithAScalarTail() {
        check(dimensions: 13, x: 250, scale: 0.5, clip: 100, steps: 20)
    }

    func testClipsLargeGradientsAsGloveCDoes() {
        // Large vectors and a large count: fdiff·c goes far beyond the clip of 0.1.
        check(dimensions: 10, x: 1e6, scale: 40, clip: 0.1, steps: 5)
    }

    func testSkipsARecordWhoseErrorIsNotFinite() {
        var word: [Float] = [1, 1], context: [Float] = [.infinity, 1]
        var wordBias: [Float] = [0, 1], contextBias: [Float] = [0, 1]
        let cost = GloVeStep.simd(word: &word, context: &context, count: 1, wordBias: &wordBias, contextBias: &contextBias,
                                     logX: 0, weight: 1, learningRate: 0.05, gradientClip: 100)
        XCTAssertTrue(cost.isNaN)
        XCTAssertEqual(word, [1, 1])
        XCTAssertEqual(wordBias, [0, 1])
    }
}

/// The SIMD step the trainer runs against GloVe's scalar reference step, on the same records.
final class GloVeStepSIMDTests: XCTestCase {
    /// Runs `steps` updates of both on the same random parameters; returns the largest difference,
    /// relative to the size of the numbers (float32 sums in another order differ in the last bits).
    private func largestDifference(dimensions n: Int, logX: Float, weight: Float, clip: Float, steps: Int) -> Float {
        var random = SeededGenerator(seed: UInt64(100 + n))
        func row() -> [Float] { (0..<n).map { _ in Float(random.nextDouble() - 0.5) } + [Float](repeating: 1, count: n) }
        var w1 = row(), c1 = row(), wb1: [Float] = [0.1, 1], cb1: [Float] = [-0.2, 1]
        var w2 = w1, c2 = c1, wb2 = wb1, cb2 = cb1
        var worst: Float = 0
        for _ in 0..<steps {
            let a = GloVeStep.simd(word: &w1, context: &c1, count: n, wordBias: &wb1, contextBias: &cb1,
                                   logX: logX, weight: weight, learningRate: 0.05, gradientClip: clip)
            let b = GloVeStep.reference(word: &w2, context: &c2, count: n, wordBias: &wb2, contextBias: &cb2,
                                        logX: logX, weight: weight, learningRate: 0.05, gradientClip: clip)
            worst = max(worst, abs(a - b) / max(1, abs(a), abs(b)))
        }
        for (x, y) in zip(w1 + c1 + wb1 + cb1, w2 + c2 + wb2 + cb2) { worst = max(worst, abs(x - y) / max(1, abs(x), abs(y))) }
        return worst
    }

    func testTheSIMDStepDoesWhatTheReferenceStepDoes() {
        // Whole SIMD blocks, a tail, only a tail; clipping off and on.
        for n in [8, 50, 13, 3] {
            XCTAssertLessThan(largestDifference(dimensions: n, logX: 1.2, weight: 0.7, clip: 100, steps: 20), 1e-5, "n = \(n)")
            XCTAssertLessThan(largestDifference(dimensions: n, logX: 9, weight: 1, clip: 0.01, steps: 20), 1e-5, "n = \(n), clipped")
        }
    }

    func testBothSkipARecordWhoseErrorIsNotFinite() {
        var w: [Float] = [1, 1], c: [Float] = [1, 1], wb: [Float] = [0, 1], cb: [Float] = [0, 1]
        XCTAssertTrue(GloVeStep.reference(word: &w, context: &c, count: 1, wordBias: &wb, contextBias: &cb,
                                          logX: -.infinity, weight: 1, learningRate: 0.05, gradientClip: 100).isNaN)
        XCTAssertTrue(GloVeStep.simd(word: &w, context: &c, count: 1, wordBias: &wb, contextBias: &cb,
                                     logX: -.infinity, weight: 1, learningRate: 0.05, gradientClip: 100).isNaN)
        XCTAssertEqual(w + c + wb + cb, [1, 1, 1, 1, 0, 1, 0, 1], "nothing changed")
    }
}

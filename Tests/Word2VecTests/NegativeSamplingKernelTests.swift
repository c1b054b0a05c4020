import XCTest
import VectorMath

final class NegativeSamplingKernelTests: XCTestCase {
    func testTheLogisticTableIsCloseToTheFormula() {
        let table = LogisticTable()
        for x in stride(from: Float(-5.99), through: 5.99, by: 0.037) {
            let exact = 1 / (1 + exp(-Double(x)))
            XCTAssertEqual(Double(table.sigmoid(x)), exact, accuracy: 0.0031, "σ(\(x))")
            XCTAssertEqual(Double(table.negativeLogSigmoid(x)), -log(exact), accuracy: 0.013, "−log σ(\(x))")
        }
        XCTAssertEqual(table.sigmoid(0), 0.5, accuracy: 1e-6)
        XCTAssertEqual(table.sigmoid(8), 1)
        XCTAssertEqual(table.sigmoid(-8), 0)
        XCTAssertEqual(table.negativeLogSigmoid(-10), 10)
        XCTAssertEqual(table.negativeLogSigmoid(10), 0)
    }

    /// A step by hand: h = (1, 0, …), v′ of the real word = (0.5, 0, …), of the noise word = 0:
    /// f = 0.5, g = η(1 − σ(0.5)); the noise word has f = 0, g = −η/2.
    func testOneStepByHand() {
        let n = 3, stride = 4, eta: Float = 0.1
        var input: [Float] = [1, 0, 0, 0]
        var outputs: [Float] = [0.5, 0, 0, 0,   0, 0, 0, 0]
        var gradient = [Float](repeating: 0, count: stride)
        let table = LogisticTable()
        let targets: [Int32] = [0, 1]
        let cost = Kernels.negativeSamplingStep(input: &input, outputs: &outputs, stride: stride, targets: targets,
                                                targetCount: 2, count: n, learningRate: eta, gradient: &gradient,
                                                logistic: table)
        let s = table.sigmoid(0.5)
        XCTAssertEqual(cost, table.negativeLogSigmoid(0.5) + table.negativeLogSigmoid(0), accuracy: 1e-6)
        XCTAssertEqual(cost, Float(-log(1 / (1 + exp(-0.5))) + log(2.0)), accuracy: 0.01)
        let g0 = eta * (1 - s), g1 = eta * (0 - 0.5)
        XCTAssertEqual(outputs[0], 0.5 + g0, accuracy: 1e-7)           // v′₀ += g₀·h
        XCTAssertEqual(outputs[4], g1, accuracy: 1e-7)                  // v′₁ += g₁·h
        XCTAssertEqual(gradient[0], g0 * 0.5 + g1 * 0, accuracy: 1e-7)  // gradient += g·v′ (v′ before its step)
        XCTAssertEqual(gradient[1], 0)
    }

    func testTheSIMDKernelMatchesTheScalarReference() {
        var random = SeededGenerator(seed: 3)
        let table = LogisticTable()
        for n in [1, 7, 8, 20, 100, 104] {
            let stride = (n + 7) / 8 * 8, rows = 12
            let input = (0..<stride).map { k in k < n ? random.nextUniform() - 0.5 : 0 }
            let outputs = (0..<rows * stride).map { k in k % stride < n ? random.nextUniform() - 0.5 : 0 }
            let targets: [Int32] = [3, 7, 0, 11, 7, 5]   // a noise word may come twice
            var (outA, outB) = (outputs, outputs)
            var (gradA, gradB) = ([Float](repeating: 0, count: stride), [Float](repeating: 0, count: stride))
            let costA = Kernels.negativeSamplingStep(input: input, outputs: &outA, stride: stride, targets: targets,
                                                     targetCount: targets.count, count: n, learningRate: 0.5,
                                                     gradient: &gradA, logistic: table)
            let costB = Kernels.negativeSamplingStepReference(input: input, outputs: &outB, stride: stride, targets: targets,
                                                              targetCount: targets.count, count: n, learningRate: 0.5,
                                                              gradient: &gradB, logistic: table)
            XCTAssertEqual(costA, costB, accuracy: 1e-4, "n = \(n)")
            for k in 0..<outA.count { XCTAssertEqual(outA[k], outB[k], accuracy: 1e-5, "n = \(n), output \(k)") }
            for k in 0..<stride { XCTAssertEqual(gradA[k], gradB[k], accuracy: 1e-5, "n = \(n), gradient \(k)") }
            XCTAssertNotEqual(outA, outputs)
        }
    }

    func testJustBelowTheLimitTheTableIsNotReadPastItsEnd() {
        // (x + 6) · scale rounds up to the table's size for the floats just below 6: a read past
        // the end once gave an epoch cost of 1e23 now and then.
        let table = LogisticTable()
        var x = Float(5.999)
        while x < LogisticTable.limit {
            XCTAssertEqual(Double(table.negativeLogSigmoid(x)), -log(1 / (1 + exp(-Double(x)))), accuracy: 0.01, "x = \(x)")
            XCTAssertEqual(Double(table.sigmoid(x)), 1 / (1 + exp(-Double(x))), accuracy: 0.01, "x = \(x)")
            x = x.nextUp
        }
    }
}

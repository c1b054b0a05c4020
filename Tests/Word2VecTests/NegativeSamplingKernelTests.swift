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
    /// f = 0.5, g = η(1 − σ(0.5)); the noise word has f = 0, g = −η/2. With one context word,
    /// skip-gram's window is exactly `word2vec.c`'s single prediction.
    func testOneStepByHand() {
        let stride = 8, eta: Float = 0.1
        var inputs: [Float] = [1, 0, 0, 0, 0, 0, 0, 0]
        var outputs: [Float] = [0.5, 0, 0, 0, 0, 0, 0, 0,   0, 0, 0, 0, 0, 0, 0, 0]
        var scratch = [Float](repeating: .nan, count: stride + 2)
        let table = LogisticTable()
        let cost = Kernels.skipGramStep(inputs: &inputs, context: [0], contextCount: 1, outputs: &outputs, targets: [0, 1],
                                        targetCount: 2, stride: stride, learningRate: eta, scratch: &scratch, logistic: table)
        let s = table.sigmoid(0.5)
        XCTAssertEqual(cost, table.negativeLogSigmoid(0.5) + table.negativeLogSigmoid(0), accuracy: 1e-6)
        XCTAssertEqual(cost, Float(-log(1 / (1 + exp(-0.5))) + log(2.0)), accuracy: 0.01)
        let g0 = eta * (1 - s), g1 = eta * (0 - 0.5)
        XCTAssertEqual(outputs[0], 0.5 + g0, accuracy: 1e-7)              // v′₀ += g₀·h
        XCTAssertEqual(outputs[8], g1, accuracy: 1e-7)                     // v′₁ += g₁·h
        XCTAssertEqual(inputs[0], 1 + g0 * 0.5 + g1 * 0, accuracy: 1e-7)   // h += Σ g·v′ (v′ before its step)
        XCTAssertEqual(Array(inputs[1...]), [0, 0, 0, 0, 0, 0, 0])         // padding and zero lanes stay zero
        XCTAssertEqual(Array(outputs[1..<8]) + Array(outputs[9...]), [Float](repeating: 0, count: 14))
    }

    /// CBOW by hand: the mean of two context rows predicts; both rows get the whole gradient.
    func testCBOWStepByHand() {
        let stride = 8, eta: Float = 0.2
        var inputs = [Float](repeating: 0, count: 3 * stride)
        inputs[0] = 2; inputs[stride + 1] = 4          // rows 0 and 1 are the context; row 2 is not
        inputs[2 * stride] = 9
        var outputs = [Float](repeating: 0, count: 2 * stride)
        outputs[0] = 1; outputs[1] = 1                 // the real word's v′ = (1, 1, 0, …); the noise word's is 0
        var scratch = [Float](repeating: .nan, count: stride + 2)
        let table = LogisticTable()
        let cost = Kernels.cbowStep(inputs: &inputs, context: [0, 1], contextCount: 2, outputs: &outputs, targets: [0, 1],
                                    targetCount: 2, stride: stride, learningRate: eta, scratch: &scratch, logistic: table)
        // h = (1, 2, 0, …); f₀ = 3, f₁ = 0.
        XCTAssertEqual(cost, table.negativeLogSigmoid(3) + table.negativeLogSigmoid(0), accuracy: 1e-6)
        let g0 = eta * (1 - table.sigmoid(3)), g1 = eta * (0 - table.sigmoid(0))
        XCTAssertEqual(outputs[0], 1 + g0 * 1, accuracy: 1e-6)
        XCTAssertEqual(outputs[1], 1 + g0 * 2, accuracy: 1e-6)
        XCTAssertEqual(outputs[stride], g1 * 1, accuracy: 1e-6)
        XCTAssertEqual(outputs[stride + 1], g1 * 2, accuracy: 1e-6)
        // e = g₀·(1, 1) + g₁·0, added to both context rows, not divided by 2.
        XCTAssertEqual(inputs[0], 2 + g0, accuracy: 1e-6)
        XCTAssertEqual(inputs[1], g0, accuracy: 1e-6)
        XCTAssertEqual(inputs[stride], g0, accuracy: 1e-6)
        XCTAssertEqual(inputs[stride + 1], 4 + g0, accuracy: 1e-6)
        XCTAssertEqual(inputs[2 * stride], 9)           // not in the context: untouched
    }

    func testTheSIMDKernelsMatchTheScalarReference() {
        var random = SeededGenerator(seed: 3)
        let table = LogisticTable()
        for n in [1, 7, 8, 20, 100, 104] {
            let stride = (n + 7) / 8 * 8, rows = 12
            let inputs = (0..<rows * stride).map { k in k % stride < n ? random.nextUniform() - 0.5 : 0 }
            let outputs = (0..<rows * stride).map { k in k % stride < n ? random.nextUniform() - 0.5 : 0 }
            for average in [false, true] {
                // Skip-gram: a context word may come twice, and so may a noise word. CBOW's targets
                // are distinct (with a noise word twice its single pass reads the row its first
                // copy already moved, as word2vec.c does, where the reference reads it unmoved).
                let context: [Int32] = average ? [1, 4, 9, 2] : [1, 4, 9, 4, 2, 0, 11]
                for targets: [Int32] in average ? [[3], [3, 7, 0, 11, 5]] : [[3], [3, 7, 0, 11, 7, 5], [6, 1, 2, 8]] {
                    var (inA, inB) = (inputs, inputs)
                    var (outA, outB) = (outputs, outputs)
                    var scratch = [Float](repeating: .nan, count: context.count * (stride + targets.count) + stride)
                    let costA = average
                        ? Kernels.cbowStep(inputs: &inA, context: context, contextCount: context.count, outputs: &outA,
                                           targets: targets, targetCount: targets.count, stride: stride, learningRate: 0.5,
                                           scratch: &scratch, logistic: table)
                        : Kernels.skipGramStep(inputs: &inA, context: context, contextCount: context.count, outputs: &outA,
                                               targets: targets, targetCount: targets.count, stride: stride, learningRate: 0.5,
                                               scratch: &scratch, logistic: table)
                    let costB = Kernels.negativeSamplingReference(average: average, inputs: &inB, context: context,
                                                                  outputs: &outB, targets: targets, stride: stride,
                                                                  learningRate: 0.5, logistic: table)
                    let label = "n = \(n), \(average ? "CBOW" : "skip-gram"), \(targets.count) targets"
                    XCTAssertEqual(costA, costB, accuracy: 1e-4, label)
                    for k in 0..<outA.count { XCTAssertEqual(outA[k], outB[k], accuracy: 1e-5, "\(label), output \(k)") }
                    for k in 0..<inA.count { XCTAssertEqual(inA[k], inB[k], accuracy: 1e-5, "\(label), input \(k)") }
                    XCTAssertNotEqual(outA, outputs, label)
                    XCTAssertNotEqual(inA, inputs, label)
                    for r in 0..<rows where !context.contains(Int32(r)) {   // rows not in the context stay as they were
                        XCTAssertEqual(inA[r * stride..<(r + 1) * stride], inputs[r * stride..<(r + 1) * stride], label)
                    }
                }
            }
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

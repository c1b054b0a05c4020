@testable import CLIP
import VectorMath
import XCTest

/// The hand-written backward pass against central finite differences of the loss itself.
final class GradientTests: XCTestCase {
    func testEveryKindOfParameterHasTheGradientOfTheLoss() {
        let world = PictureWorld(seed: 2)
        let vocabulary = CaptionVocabulary.grammar()
        let c = CLIPConfiguration(hidden: 8, wordDimensions: 5, dimensions: 4, vocabulary: vocabulary.count)
        var model = CLIPModel(configuration: c, vocabulary: vocabulary, world: world, seed: 11)
        model.parameters[c.layout.logScale] = 1.0   // a milder temperature keeps the loss smooth for differences
        let b = 6
        var pixels: [Float] = [], captions: [[Int]] = []
        var rng = SeededGenerator(seed: 5)
        for i in 0..<b {
            let p = world.picture(i)
            pixels += p.encoderInput
            captions.append(vocabulary.encode(CaptionGrammar().fullCaption(p.content, language: i % 2 == 0 ? .en : .zh, rng: &rng)).ids)
        }
        var gradient = [Float](repeating: 0, count: c.layout.count)
        let loss = model.step(pixels: pixels, captions: captions, gradient: &gradient, threads: 1)
        XCTAssertTrue(loss.loss.isFinite)

        func lossAt(_ index: Int, _ delta: Float) -> Double {
            var m = model
            m.parameters[index] += delta
            var g = [Float](repeating: 0, count: c.layout.count)
            return m.step(pixels: pixels, captions: captions, gradient: &g, threads: 1).loss
        }
        let l = c.layout
        let usedWord = captions[0][0]
        let samples: [(String, Int)] = [
            ("W1", l.w1 + 37 * c.hidden + 3), ("W1", l.w1 + 1500 * c.hidden + 5), ("b1", l.b1 + 2), ("b1", l.b1 + 6),
            ("W2", l.w2 + 1), ("W2", l.w2 + 5 * c.dimensions + 2), ("E", l.words + usedWord * c.wordDimensions + 1),
            ("E", l.words + captions[1][1] * c.wordDimensions + 4), ("Wt", l.wt + 3), ("Wt", l.wt + 4 * c.dimensions + 3), ("τ", l.logScale),
        ]
        var checked = 0
        for (name, index) in samples {
            let h: Float = 1e-2
            let numeric = (lossAt(index, h) - lossAt(index, -h)) / Double(2 * h)
            let analytic = Double(gradient[index])
            XCTAssertEqual(analytic, numeric, accuracy: 2e-3 + 0.05 * abs(numeric), "∂loss/∂\(name)[\(index)]")
            if abs(numeric) > 1e-3 { checked += 1 }
        }
        XCTAssertGreaterThanOrEqual(checked, 8, "most sampled gradients are far from zero, so the comparison means something")
        // A word no caption uses gets no gradient.
        let unused = (0..<vocabulary.count).first { w in !captions.contains { $0.contains(w) } }!
        XCTAssertEqual(gradient[l.words + unused * c.wordDimensions], 0)
    }

    func testAdamMovesEachParameterByAboutTheLearningRateAtFirst() {
        var p: [Float] = [1, -2, 3, 0, 1, 1, 1, 1, 1], m = [Float](repeating: 0, count: 9), v = m
        Kernels.adamStep(parameters: &p, gradients: [0.5, -3, 0.01, 0, 1, 1, 1, 1, 2], m: &m, v: &v, step: 1, learningRate: 0.1)
        XCTAssertEqual(p[0], 0.9, accuracy: 1e-5)
        XCTAssertEqual(p[1], -1.9, accuracy: 1e-5)
        XCTAssertEqual(p[2], 2.9, accuracy: 1e-4)
        XCTAssertEqual(p[3], 0)
        XCTAssertEqual(p[8], 0.9, accuracy: 1e-5)
    }
}

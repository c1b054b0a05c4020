import XCTest
import GloVe

final class WeightingFunctionTests: XCTestCase {
    func testFGrowsAsAPowerUpToXMaxThenStaysAtOne() {
        let f = WeightingFunction(xMax: 100, alpha: 0.75)
        XCTAssertEqual(f(0), 0)
        XCTAssertEqual(f(1), 0.031623, accuracy: 1e-6)     // (1/100)^¾ = 10^-1.5
        XCTAssertEqual(f(50), 0.594604, accuracy: 1e-6)    // ½^¾
        XCTAssertEqual(f(100), 1)
        XCTAssertEqual(f(1_000_000), 1)
    }

    func testTheReferenceDemoUsesXMax10() {
        let f = GloVeHyperparameters.referenceDemo.weighting
        XCTAssertEqual(f.xMax, 10)
        XCTAssertEqual(f(10), 1)
        XCTAssertEqual(f(1), 0.177828, accuracy: 1e-6)     // (1/10)^¾
    }

    func testAlphaOneIsLinear() {
        let f = WeightingFunction(xMax: 10, alpha: 1)
        XCTAssertEqual(f(2.5), 0.25, accuracy: 1e-7)
    }
}

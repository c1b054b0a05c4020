import XCTest
import Word2Vec

final class SubsamplingTests: XCTestCase {
    func testKeepProbabilityIsWord2VecsFormula() {
        // 10,000 tokens, t = 0.001: the threshold is 10 occurrences.
        let s = Subsampling(counts: [1000, 100, 10, 8890], threshold: 1e-3)
        // count 1000: (√(1000/10) + 1) · 10/1000 = 11 · 0.01
        XCTAssertEqual(s.keepProbability[0], 0.11, accuracy: 1e-12)
        // count 100: (√10 + 1) · 0.1
        XCTAssertEqual(s.keepProbability[1], (10.0.squareRoot() + 1) * 0.1, accuracy: 1e-12)
        XCTAssertEqual(s.keepProbability[1], 0.4162, accuracy: 1e-4)
        // count 10: (1 + 1) · 1 = 2, so always kept
        XCTAssertEqual(s.keepProbability[2], 1)
        // count 8890: (√889 + 1) / 889
        XCTAssertEqual(s.keepProbability[3], (889.0.squareRoot() + 1) / 889, accuracy: 1e-12)
    }

    func testThresholdZeroKeepsEverything() {
        XCTAssertEqual(Subsampling(counts: [1000, 1], threshold: 0).keepProbability, [1, 1])
    }
}

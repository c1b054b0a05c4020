import XCTest
import Word2Vec

final class NoiseDistributionTests: XCTestCase {
    /// The share of each word that the alias table gives: its own slot's kept part plus the rest of
    /// every slot that names it as the alias, over V slots.
    private func shares(_ noise: NoiseDistribution) -> [Double] {
        let V = noise.keep.count
        var share = [Double](repeating: 0, count: V)
        for i in 0..<V {
            let kept = Double(noise.keep[i]) / 4_294_967_296
            share[i] += kept / Double(V)
            share[Int(noise.alias[i])] += (1 - kept) / Double(V)
        }
        return share
    }

    func testEachWordGetsItsShareOfCountToTheThreeQuarters() {
        // 16^¾ = 8 and 1^¾ = 1: eight ninths for the first word.
        let two = NoiseDistribution(counts: [16, 1])
        XCTAssertEqual(two.probability[0], 8.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(shares(two)[0], 8.0 / 9, accuracy: 1e-9)
        XCTAssertEqual(shares(two)[1], 1.0 / 9, accuracy: 1e-9)
        // 81^¾ = 27, 16^¾ = 8, 1^¾ = 1, out of 36.
        let three = NoiseDistribution(counts: [81, 16, 1])
        for (i, expected) in [27.0 / 36, 8.0 / 36, 1.0 / 36].enumerated() {
            XCTAssertEqual(shares(three)[i], expected, accuracy: 1e-9, "word \(i)")
        }
    }

    func testTheExponentIsASetting() {
        // Exponent 1: the plain unigram distribution; exponent 0: every word alike.
        XCTAssertEqual(shares(NoiseDistribution(counts: [3, 1], exponent: 1))[0], 0.75, accuracy: 1e-9)
        XCTAssertEqual(shares(NoiseDistribution(counts: [3, 1], exponent: 0))[0], 0.5, accuracy: 1e-9)
    }

    func testDrawsFollowTheDistribution() {
        let noise = NoiseDistribution(counts: [81, 16, 1, 0, 5])
        // The top 32 bits choose the slot, the bits below decide between its word and its alias.
        XCTAssertEqual(noise.draw(0), noise.keep[0] > 0 ? 0 : noise.alias[0])
        var seen = [Int](repeating: 0, count: 5)
        var state: UInt64 = 1
        let draws = 200_000
        for _ in 0..<draws {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            seen[Int(noise.draw(state))] += 1
        }
        for i in 0..<5 {
            XCTAssertEqual(Double(seen[i]) / Double(draws), noise.probability[i], accuracy: 0.004, "word \(i): \(seen)")
        }
        XCTAssertEqual(seen[3], 0, "a word never counted is never drawn")
    }

    func testEveryCountedWordCanBeDrawnInALargeVocabulary() {
        let counts = [1_000_000] + Array(repeating: 5, count: 3000)
        let noise = NoiseDistribution(counts: counts)
        let share = shares(noise)
        for i in 1..<counts.count { XCTAssertEqual(share[i], noise.probability[i], accuracy: 1e-9) }
        XCTAssertEqual(share.reduce(0, +), 1, accuracy: 1e-9)
    }
}

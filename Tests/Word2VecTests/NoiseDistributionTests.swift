import XCTest
import Word2Vec

final class NoiseDistributionTests: XCTestCase {
    func testEachWordFillsItsShareOfCountToTheThreeQuarters() {
        // 16^¾ = 8 and 1^¾ = 1: eight slots in nine for the first word.
        XCTAssertEqual(NoiseDistribution(counts: [16, 1], tableSize: 9).table, [0, 0, 0, 0, 0, 0, 0, 0, 1])
        // 81^¾ = 27, 16^¾ = 8, 1^¾ = 1, out of 36.
        let table = NoiseDistribution(counts: [81, 16, 1], tableSize: 72).table
        XCTAssertEqual(table.filter { $0 == 0 }.count, 54)
        XCTAssertEqual(table.filter { $0 == 1 }.count, 16)
        XCTAssertEqual(table.filter { $0 == 2 }.count, 2)
        XCTAssertEqual(table, table.sorted())   // word by word, in order
    }

    func testTheExponentIsASetting() {
        // Exponent 1: the plain unigram distribution; exponent 0: every word alike.
        XCTAssertEqual(NoiseDistribution(counts: [3, 1], exponent: 1, tableSize: 4).table, [0, 0, 0, 1])
        XCTAssertEqual(NoiseDistribution(counts: [3, 1], exponent: 0, tableSize: 4).table, [0, 0, 1, 1])
    }

    func testDrawsFollowTheTable() {
        let noise = NoiseDistribution(counts: [16, 1], tableSize: 9)
        // The top 32 bits choose the slot: 0 → slot 0, the largest → the last slot.
        XCTAssertEqual(noise.draw(0), 0)
        XCTAssertEqual(noise.draw(UInt64.max), 1)
        XCTAssertEqual(noise.draw(UInt64(8 * (1 << 32) / 9 + 1) << 32), 1)
        XCTAssertEqual(noise.draw(UInt64(8 * (1 << 32) / 9 - 1) << 32), 0)
    }

    func testTheDefaultTableGivesEveryWordASlot() {
        let counts = [1_000_000] + Array(repeating: 5, count: 3000)
        let table = NoiseDistribution(counts: counts).table
        XCTAssertEqual(Set(table).count, counts.count)
    }
}

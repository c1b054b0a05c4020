#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where negative sampling draws its noise words from: word i with probability
///
///     P(i) = countᵢ^0.75 / Σⱼ countⱼ^0.75
///
/// the unigram distribution raised to ¾ (Mikolov et al. 2013 found ¾ better than both the plain
/// unigram distribution and the uniform one: it draws rare words a little more often than
/// their counts alone would).
///
/// As in `word2vec.c` (`InitUnigramTable`), the distribution is laid out in a table of word
/// indices in which word i fills a share P(i) of the slots, so that a draw is one random number
/// and one read. Here the slots of word i run from round(T·Cᵢ₋₁) to round(T·Cᵢ), where Cᵢ is
/// the cumulative probability of words 0 … i, so every word gets its share to within one slot.
///
/// ```swift
/// let noise = NoiseDistribution(counts: [16, 1], tableSize: 9)
/// noise.table        // [0, 0, 0, 0, 0, 0, 0, 0, 1]: 16^¾ = 8 against 1^¾ = 1
/// ```
public struct NoiseDistribution: Sendable {
    /// Word indices; a uniform slot is a draw from P.
    public let table: [Int32]

    /// The table for words with these counts. `tableSize` defaults to about 64 slots per word
    /// (a power of two from 2¹⁶ to 2²⁴), so that a word seen 5 times in ten million tokens still
    /// gets its slots.
    public init(counts: [Int], exponent: Double = 0.75, tableSize: Int? = nil) {
        precondition(!counts.isEmpty, "noise needs at least one word")
        let size = tableSize ?? Self.defaultTableSize(words: counts.count)
        precondition(size >= counts.count, "at least one slot per word")
        let weights = counts.map { pow(Double(max($0, 0)), exponent) }
        let total = weights.reduce(0, +)
        var table = [Int32](repeating: 0, count: size)
        var cumulative = 0.0, start = 0
        for (i, w) in weights.enumerated() {
            cumulative += w
            let end = i == weights.count - 1 ? size : min(size, Int((Double(size) * cumulative / total).rounded()))
            if end > start { for s in start..<end { table[s] = Int32(i) } }
            start = max(start, end)
        }
        self.table = table
    }

    static func defaultTableSize(words: Int) -> Int {
        var size = 1 << 16
        while size < 64 * words && size < 1 << 24 { size <<= 1 }
        return size
    }

    /// The word in the slot that the top 32 bits of `random` pick, every slot equally likely.
    @inline(__always)
    public func draw(_ random: UInt64) -> Int32 {
        table.withUnsafeBufferPointer { $0[Int(((random >> 32) &* UInt64($0.count)) >> 32)] }
    }
}

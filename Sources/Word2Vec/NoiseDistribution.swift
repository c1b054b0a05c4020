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
/// A draw is one random number and one read, by Walker's alias method (Vose's construction):
/// V slots, one per word; slot i keeps word i with probability `keep[i]` / 2³² and otherwise
/// gives its alias, `alias[i]`. Every word's share is exact (to 2⁻³²), and the table is 8 bytes a
/// word: 480 KB for 60,000 words, which stays in a core's cache. `word2vec.c`'s `InitUnigramTable`
/// lays the distribution out in 10⁸ slots of word indices instead (a draw is one read too, but
/// from 400 MB, nearly always a cache miss; this trainer's own table of 2²² slots, 16 MB, did the
/// same, and its reads were a fifth of CBOW's time), and gensim searches a cumulative table.
///
/// ```swift
/// let noise = NoiseDistribution(counts: [16, 1])
/// noise.probability       // [0.889, 0.111]: 16^¾ = 8 against 1^¾ = 1
/// noise.draw(0)           // 0: the top 32 bits pick slot 0, the bits below keep its word
/// ```
public struct NoiseDistribution: Sendable {
    /// P(i) for each word.
    public let probability: [Double]
    /// Slot i keeps word i when the draw's fraction is below `keep[i]` (out of 2³²).
    public let keep: [UInt32]
    /// The word slot i gives otherwise.
    public let alias: [Int32]

    public init(counts: [Int], exponent: Double = 0.75) {
        precondition(!counts.isEmpty, "noise needs at least one word")
        let weights = counts.map { pow(Double(max($0, 0)), exponent) }
        let total = weights.reduce(0, +)
        let V = counts.count
        probability = total > 0 ? weights.map { $0 / total } : Array(repeating: 1 / Double(V), count: V)
        // Vose: scale to a mean of 1, pair each slot under 1 with one over 1 that tops it up.
        var scaled = probability.map { $0 * Double(V) }
        var keep = [UInt32](repeating: UInt32.max, count: V)
        var alias = (0..<V).map { Int32($0) }
        var small: [Int] = [], large: [Int] = []
        for i in 0..<V { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.last, let l = large.last {
            small.removeLast(); large.removeLast()
            keep[s] = UInt32(min(4_294_967_295, (scaled[s] * 4_294_967_296).rounded()))
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // What is left is 1 up to rounding: kept whole (keep = 2³² − 1, alias = itself).
        self.keep = keep
        self.alias = alias
    }

    /// The word that `random` picks: its top 32 bits times V choose the slot (the top half of the
    /// product) and, below it, a fraction (the bottom half) that decides between the slot's word
    /// and its alias.
    @inline(__always)
    public func draw(_ random: UInt64) -> Int32 {
        let x = (random >> 32) &* UInt64(keep.count)
        let slot = Int(x >> 32)
        return UInt32(truncatingIfNeeded: x) < keep[slot] ? Int32(slot) : alias[slot]
    }
}

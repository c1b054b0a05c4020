/// How often a word occurs, p(w), as SIF pooling needs it: from counts when they are known, or
/// from frequency ranks when only the order is known (a model's vocabulary is most frequent first).
///
/// From ranks, Zipf's law stands in for the counts: the word of rank r (1 = most frequent) among
/// V words gets p(r) = 1 / (r · H_V), where H_V = 1 + 1/2 + … + 1/V makes the probabilities add up to 1.
///
/// ```swift
/// let p = WordProbabilities.zipf(vocabularySize: 30_000)
/// p.probability(of: "the", rank: 1)   // ≈ 0.093
/// let q = WordProbabilities.counts(["the": 900, "cat": 100])
/// q.probability(of: "cat", rank: 2)   // 0.1
/// ```
public struct WordProbabilities: Sendable, Equatable {
    /// Where the probabilities come from.
    public enum Source: String, Sendable, Equatable { case counts, ranks }

    public let source: Source
    private let counts: [String: Double]
    private let total: Double
    private let harmonic: Double

    private init(source: Source, counts: [String: Double], total: Double, harmonic: Double) {
        self.source = source
        self.counts = counts
        self.total = total
        self.harmonic = harmonic
    }

    /// Probabilities from ranks, by Zipf's law over a vocabulary of `vocabularySize` words.
    public static func zipf(vocabularySize: Int) -> WordProbabilities {
        let v = max(vocabularySize, 1)
        var h = 0.0
        for r in stride(from: v, through: 1, by: -1) { h += 1 / Double(r) }   // smallest first: less rounding
        return WordProbabilities(source: .ranks, counts: [:], total: 0, harmonic: h)
    }

    /// Probabilities from counts: p(w) = count(w) / Σ counts. A word without a count is taken to
    /// have been seen once.
    public static func counts(_ counts: [String: Int]) -> WordProbabilities {
        let total = counts.values.reduce(0.0) { $0 + Double(max($1, 0)) }
        return WordProbabilities(source: .counts, counts: counts.mapValues { Double(max($0, 0)) }, total: max(total, 1), harmonic: 0)
    }

    /// p(w) for `word`, whose frequency rank (1 = most frequent) is `rank`.
    public func probability(of word: String, rank: Int) -> Double {
        switch source {
        case .ranks: return 1 / (Double(max(rank, 1)) * harmonic)
        case .counts: return max(counts[word] ?? 1, 1) / total
        }
    }
}

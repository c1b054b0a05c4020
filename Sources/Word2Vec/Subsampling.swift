/// Frequent-word subsampling (Mikolov et al. 2013): before a sentence is trained on, each
/// occurrence of a word is kept with probability
///
///     keep(w) = (√(f(w) / t) + 1) · t / f(w)        (at most 1)
///
/// where f(w) = count(w) / (all counted tokens) is the word's frequency and t the threshold
/// (`sample`, 10⁻³ by default). This is the formula of `word2vec.c` and gensim (the paper prints
/// a simpler 1 − √(t / f)). Words rarer than about 2.6·t are always kept; "the", at 6 % of an
/// English text, is kept about one time in seven. Dropping most occurrences of the commonest
/// words speeds training up several times and lets a window reach further past them, and
/// the rare words' vectors get better for it.
///
/// ```swift
/// let s = Subsampling(counts: [1000, 10, 8990], threshold: 1e-3)
/// s.keepProbability[0]   // 0.11: f = 0.1, t/f = 0.01, (√100 + 1)·0.01
/// s.keepProbability[1]   // 1
/// ```
public struct Subsampling: Sendable {
    /// For each word, the probability that an occurrence of it is kept.
    public let keepProbability: [Double]
    /// The same, as a threshold for a 32-bit random number: keep when `random32 < keepBelow[w]`.
    let keepBelow: [UInt64]

    /// `threshold` 0 keeps every word.
    public init(counts: [Int], threshold: Double) {
        let total = Double(counts.reduce(0, +))
        keepProbability = counts.map { count in
            guard threshold > 0, count > 0, total > 0 else { return 1 }
            let t = threshold * total   // the threshold as a count, as word2vec.c writes it
            let c = Double(count)
            return min(1, ((c / t).squareRoot() + 1) * t / c)
        }
        keepBelow = keepProbability.map { UInt64(($0 * 4_294_967_296).rounded()) }
    }
}

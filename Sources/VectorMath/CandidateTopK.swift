/// The `k` best rows by an *approximate* score, and every row that may still be among the `k` best
/// once the scores are computed exactly: a fast scan (float16 rows, or a matrix product that sums
/// in another order) finds the candidates, and only they are scored again exactly.
///
/// If every approximate score is within `margin` of the exact one, then the k-th best approximate
/// score T̃ and the k-th best exact score T satisfy |T̃ − T| ≤ margin, and every row of the exact
/// top k (ties included) has an approximate score ≥ T − margin ≥ T̃ − 2·margin. So keeping each row
/// whose approximate score reaches (the k-th best so far) − 2·margin loses none of them.
///
/// ```swift
/// var c = CandidateTopK(k: 1, margin: 0.01)
/// c.offer(index: 0, score: 0.50); c.offer(index: 1, score: 0.49); c.offer(index: 2, score: 0.1)
/// c.candidates.map(\.index)   // [0, 1]: row 1 may beat row 0 exactly; row 2 cannot
/// ```
public struct CandidateTopK: Sendable {
    public let k: Int
    /// The largest possible difference between a row's approximate and exact scores.
    public let margin: Float
    /// The k best approximate scores seen so far.
    public private(set) var best: TopK
    /// Rows offered whose approximate score reached the cut at the time (pruned now and then).
    public private(set) var candidates: [ScoredIndex] = []
    /// A row needs at least this approximate score to be a candidate.
    public private(set) var cut: Float = -.infinity
    /// Prune when the candidates reach this many (doubles when most survive, as with many ties).
    private var pruneAt: Int

    /// Rows below `floor` are never candidates: a scan of some rows may start from the cut another
    /// scan of other rows reached, since the cut of all rows together is at least as high.
    public let floor: Float

    public init(k: Int, margin: Float, floor: Float = -.infinity) {
        self.k = Swift.max(0, k)
        self.margin = margin
        self.floor = floor
        best = TopK(k: self.k)
        pruneAt = 4 * self.k + 64
        cut = floor
    }

    /// Considers one row; callers test `score >= cut` first, so that most rows cost one comparison.
    public mutating func offer(index: Int, score: Float) {
        guard k > 0, score >= cut else { return }
        candidates.append(ScoredIndex(index: index, score: score))
        best.insert(index: index, score: score)
        cut = Swift.max(floor, best.threshold - 2 * margin)
        if candidates.count >= pruneAt { prune() }
    }

    /// Adds what another scan of other rows kept (one per thread). Its candidates below its own cut
    /// are skipped: the merged cut is never lower.
    public mutating func merge(_ other: CandidateTopK) {
        for c in other.candidates where c.score >= other.cut { offer(index: c.index, score: c.score) }
    }

    /// The exact top k: `exactScore` is called for every surviving candidate.
    public func exact(_ exactScore: (Int) -> Float) -> [ScoredIndex] {
        var top = TopK(k: k)
        for c in candidates where c.score >= cut { top.insert(index: c.index, score: exactScore(c.index)) }
        return top.sorted()
    }

    mutating func prune() {
        let cut = self.cut
        candidates.removeAll { $0.score < cut }
        pruneAt = Swift.max(4 * k + 64, 2 * candidates.count)
    }
}

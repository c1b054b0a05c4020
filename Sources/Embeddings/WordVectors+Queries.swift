import VectorMath

/// A word with its score in a query result (cosine similarity, or a 3CosMul score).
public struct Neighbour: Equatable, Sendable {
    public var word: String
    public var index: Int
    public var score: Float
    public init(word: String, index: Int, score: Float) { self.word = word; self.index = index; self.score = score }
}

/// How an analogy a : b :: c : ? is scored (Levy & Goldberg, 2014).
public enum AnalogyMethod: String, Sendable, CaseIterable {
    /// argmax cos(x, b) − cos(x, a) + cos(x, c): "b − a + c", what word2vec and gensim's `most_similar` do.
    case cosAdd = "3cosadd"
    /// argmax cos(x, b)·cos(x, c) / (cos(x, a) + ε), cosines shifted to [0, 1], ε = 0.001 (gensim's `most_similar_cosmul`).
    case cosMul = "3cosmul"
}

extension WordVectors {
    /// The row of `word`, or an `unknownWord` error with close spellings from the vocabulary.
    public func requireIndex(_ word: String) throws -> Int {
        if let i = index(of: word) { return i }
        throw EmbeddingsError.unknownWord(word, suggestions: suggestions(for: word))
    }

    /// Cosine similarity of two words: a·b / (‖a‖‖b‖).
    public func similarity(_ a: String, _ b: String) throws -> Float {
        let i = try requireIndex(a), j = try requireIndex(b)
        return unitRow(i).dot(unitRow(j))
    }

    /// The `k` words nearest to `vector` by cosine similarity, best first.
    /// - Parameters:
    ///   - excluding: words left out of the answer (unknown ones are ignored);
    ///   - restrictTo: search only the first N (most frequent) words.
    public func nearest(to vector: [Float], k: Int = 10, excluding: Set<String> = [], restrictTo: Int? = nil) throws -> [Neighbour] {
        guard vector.count == dimensions else { throw EmbeddingsError.dimensionMismatch(expected: dimensions, got: vector.count) }
        let q = vector.normalized
        let skip = Set(excluding.compactMap { index(of: $0) })
        return scanNearest(q, k: k, rowLimit: restrictTo, excluding: skip).map {
            Neighbour(word: word(at: $0.index), index: $0.index, score: $0.score)
        }
    }

    /// The `k` words nearest to `word`, the word itself left out.
    public func nearest(to word: String, k: Int = 10, restrictTo: Int? = nil) throws -> [Neighbour] {
        let i = try requireIndex(word)
        return try nearest(to: unitRow(i), k: k, excluding: [word], restrictTo: restrictTo)
    }

    /// a : b :: c : ?  — "b − a + c". With `excludeInputs` (the default, as in the literature and
    /// gensim) a, b and c cannot be the answer; without it, the answer is often b or c itself.
    public func analogy(a: String, b: String, c: String, k: Int = 10, method: AnalogyMethod = .cosAdd,
                        excludeInputs: Bool = true, restrictTo: Int? = nil) throws -> [Neighbour] {
        let ia = try requireIndex(a), ib = try requireIndex(b), ic = try requireIndex(c)
        let exclude: Set<Int> = excludeInputs ? [ia, ib, ic] : []
        switch method {
        case .cosAdd:
            // The mean of the unit vectors b̂, ĉ, −â (its length does not change the ranking).
            let target = unitRow(ib).adding(unitRow(ic)).adding(unitRow(ia), times: -1).normalized
            return scanNearest(target, k: k, rowLimit: restrictTo, excluding: exclude).map {
                Neighbour(word: word(at: $0.index), index: $0.index, score: $0.score)
            }
        case .cosMul:
            let n = normalized
            let queries = Matrix(rowVectors: [n.row(ia), n.row(ib), n.row(ic)])
            let scores = n.multiply(batch: queries, rowLimit: restrictTo)
            var top = TopK(k: k)
            scores.withUnsafeBufferPointer { s in
                let m = scores.columns
                for r in 0..<m where !exclude.contains(r) {
                    let ca = (s[r] + 1) / 2, cb = (s[m + r] + 1) / 2, cc = (s[2 * m + r] + 1) / 2
                    top.insert(index: r, score: cb * cc / (ca + 0.001))
                }
            }
            return top.sorted().map { Neighbour(word: word(at: $0.index), index: $0.index, score: $0.score) }
        }
    }

    /// The word that fits least: the one whose vector is farthest (lowest cosine) from the mean
    /// of all the words' unit vectors, as gensim's `doesnt_match`.
    public func oddOneOut(_ candidates: [String]) throws -> (word: String, scores: [Neighbour]) {
        guard candidates.count >= 2 else { throw EmbeddingsError.emptyQuery("odd needs at least two words") }
        let rows = try candidates.map { try requireIndex($0) }
        let units = rows.map { unitRow($0) }
        var mean = [Float](repeating: 0, count: dimensions)
        for u in units { mean = mean.adding(u) }
        mean = mean.normalized
        let scored = zip(candidates, zip(rows, units)).map { Neighbour(word: $0, index: $1.0, score: $1.1.dot(mean)) }
        let odd = scored.min { $0.score < $1.score || ($0.score == $1.score && $0.index > $1.index) }!
        return (odd.word, scored)
    }

    /// Where `word` ranks among the neighbours of `of` (1 = nearest), counting only the first
    /// `restrictTo` words; nil when `word` is outside them.
    public func rank(of word: String, amongNeighboursOf anchor: String, restrictTo: Int? = nil) throws -> Int? {
        let target = try requireIndex(word), a = try requireIndex(anchor)
        let limit = Swift.min(restrictTo ?? count, count)
        guard target < limit, target != a else { return nil }
        let scores = normalized.multiply(normalized.row(a), rowLimit: limit)
        let s = scores[target]
        var rank = 1
        for (i, x) in scores.enumerated() where i != a && i != target && (x > s || (x == s && i < target)) { rank += 1 }
        return rank
    }

    /// Up to `limit` vocabulary words spelled closest to `word` (edit distance, case folded),
    /// searched among the 50,000 most frequent words, for "did you mean".
    public func suggestions(for word: String, limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        guard !target.isEmpty else { return [] }
        let maxDistance = Swift.max(1, Swift.min(3, target.count / 3 + 1))
        var found: [(distance: Int, lengthGap: Int, index: Int)] = []
        for (i, w) in words.prefix(50_000).enumerated() {
            let candidate = Array(w.lowercased())
            if abs(candidate.count - target.count) > maxDistance { continue }
            let d = EditDistance.levenshtein(target, candidate, limit: maxDistance)
            // A suggestion shares at least one character with the word: '北' suggests no ','.
            if d <= maxDistance, d < Swift.max(target.count, candidate.count) { found.append((d, abs(candidate.count - target.count), i)) }
        }
        // Closest first; at the same distance a word of the same length (a typo, "dgo" → "dog")
        // before a longer or shorter one, then the more frequent.
        found.sort { ($0.distance, $0.lengthGap, $0.index) < ($1.distance, $1.lengthGap, $1.index) }
        return found.prefix(limit).map { words[$0.index] }
    }
}

enum EditDistance {
    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
    /// ("kign" → "king" is 1), the optimal-string-alignment variant of Damerau–Levenshtein.
    /// Stops early and returns `limit + 1` once the distance must exceed `limit`.
    static func levenshtein(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = current[0]
            for j in 1...b.count {
                var d = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = Swift.min(d, before[j - 2] + 1) }
                current[j] = d
                best = Swift.min(best, d)
            }
            if best > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}

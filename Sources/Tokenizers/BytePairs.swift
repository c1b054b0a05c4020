/// The two small operations byte-pair encoding is built from, as in karpathy/minbpe's
/// `get_stats` and `merge`: count the pairs of neighbours, and replace a pair by a new token.
enum BytePairs {
    /// How often each consecutive pair occurs in `ids`, listed in the order the pairs are
    /// first seen: `[1, 2, 3, 1, 2]` -> `[((1, 2), 2), ((2, 3), 1), ((3, 1), 1)]`.
    ///
    /// The order is what makes training deterministic: among pairs with the same count, the
    /// one seen first in the text wins (as Python's insertion-ordered dict does in minbpe).
    static func counts(_ ids: [Int]) -> [(pair: TokenPair, count: Int)] {
        var counts: [(pair: TokenPair, count: Int)] = []
        var position: [TokenPair: Int] = [:]   // pair -> its index in `counts`
        for (left, right) in zip(ids, ids.dropFirst()) {
            let pair = TokenPair(left, right)
            if let index = position[pair] {
                counts[index].count += 1
            } else {
                position[pair] = counts.count
                counts.append((pair, 1))
            }
        }
        return counts
    }

    /// The pair with the highest count; on a tie, the one listed first (seen first in the text).
    /// `nil` when there are no pairs.
    static func mostFrequent(_ counts: [(pair: TokenPair, count: Int)]) -> (pair: TokenPair, count: Int)? {
        var best = counts.first
        for entry in counts.dropFirst() where entry.count > best!.count {
            best = entry
        }
        return best
    }

    /// `ids` with every occurrence of `pair`, scanning left to right, replaced by `newID`:
    /// merging `(1, 2)` into `4` turns `[1, 2, 3, 1, 2]` into `[4, 3, 4]`.
    static func merge(_ ids: [Int], _ pair: TokenPair, into newID: Int) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(ids.count)
        var i = 0
        while i < ids.count {
            if i + 1 < ids.count, ids[i] == pair.left, ids[i + 1] == pair.right {
                merged.append(newID)
                i += 2
            } else {
                merged.append(ids[i])
                i += 1
            }
        }
        return merged
    }
}

import Foundation

/// The word graph (jieba's DAG) of a run of Chinese text, and its most probable path.
///
/// Position `k` is the text's `k`-th character. An edge from `k` to `end` is a dictionary word
/// covering characters `k..<end`; a character that starts no dictionary word gets a
/// one-character edge of its own. Every path from 0 to the end is one way to cut the text.
///
/// Each word has probability `P(w) = freq(w) / total` and a cut's probability is the product
/// of its words' (a unigram model). Working in logs, the best cut maximises
/// `Σ (log freq(w) − log total)`, found by dynamic programming from the right:
/// `best(k) = max over edges k→end of  log freq(k..<end) − log total + best(end)`, `best(n) = 0`.
/// Every word costs one `− log total`, so a long dictionary word usually beats its pieces.
///
/// ```swift
/// let graph = try ChineseSegmenter.bundled().wordGraph(for: "我来到北京清华大学")
/// graph.candidates[1].map(\.word)   // ["来", "来到"]
/// graph.bestPath.map { graph.word($0) }   // ["我", "来到", "北京", "清华大学"]
/// ```
public struct WordGraph: Sendable {
    /// One edge of the graph: a word that may start at a position.
    public struct Candidate: Hashable, Sendable {
        /// The characters the word covers.
        public let range: Range<Int>
        /// The word itself.
        public let word: String
        /// Its dictionary frequency; 0 for a character the dictionary does not have, which
        /// is scored as if it had frequency 1 (as jieba does).
        public let frequency: Int

        public init(range: Range<Int>, word: String, frequency: Int) {
            self.range = range
            self.word = word
            self.frequency = frequency
        }
    }

    /// The text's characters (Unicode scalars, as jieba counts them).
    public let characters: [Unicode.Scalar]
    /// `candidates[k]`: the words starting at character `k`, shortest first.
    public let candidates: [[Candidate]]
    /// `log(total)`: the log of the dictionary's total frequency.
    public let logTotal: Double
    /// The most probable cut, as character ranges from left to right.
    public let bestPath: [Range<Int>]
    /// The log probability of `bestPath`: the sum of its words' `log freq − log total`.
    public let bestLogProbability: Double

    /// The graph of `characters` with the given edges; finds the best path at once.
    public init(characters: [Unicode.Scalar], candidates: [[Candidate]], totalFrequency: Int) {
        precondition(candidates.count == characters.count, "one list of candidates per character")
        self.characters = characters
        self.candidates = candidates
        self.logTotal = log(Double(max(totalFrequency, 1)))

        // best[k]: the highest log probability of any cut of characters k..<n, and the end of
        // its first word. The empty rest of the text has log probability 0.
        let n = characters.count
        var best = [(logProbability: Double, end: Int)](repeating: (0, n), count: n + 1)
        for start in stride(from: n - 1, through: 0, by: -1) {
            var choice = (logProbability: -Double.infinity, end: start + 1)
            for candidate in candidates[start] {
                // log P(word) + the best cut of what follows the word; on a tie the longer
                // word wins (jieba takes the max of (score, end) tuples).
                let score = (log(Double(max(candidate.frequency, 1))) - logTotal) + best[candidate.range.upperBound].logProbability
                if score > choice.logProbability || (score == choice.logProbability && candidate.range.upperBound > choice.end) {
                    choice = (score, candidate.range.upperBound)
                }
            }
            best[start] = choice
        }

        // Follow the chosen first words from the left to read off the cut.
        var path: [Range<Int>] = []
        var position = 0
        while position < n {
            path.append(position..<best[position].end)
            position = best[position].end
        }
        self.bestPath = path
        self.bestLogProbability = n == 0 ? 0 : best[0].logProbability
    }

    /// The text of the characters in `range`.
    public func word(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: characters[range])
        return text
    }
}

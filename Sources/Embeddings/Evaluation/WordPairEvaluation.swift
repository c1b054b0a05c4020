import FileAccess
import Foundation
import VectorMath

/// Scores a model on word-pair similarity judgements (WordSim-353, SimLex-999 …): tab-separated
/// lines `word1<TAB>word2<TAB>score`, `#` comments. The model's cosine similarities are correlated
/// with the human scores, as gensim's `evaluate_word_pairs` does: Pearson's r, Spearman's ρ, and
/// the share of pairs with a word outside the first `restrictTo` words (skipped).
public struct WordPairEvaluation: Sendable {
    public var pearson: Double?
    public var spearman: Double?
    /// Pairs scored.
    public var pairs: Int
    /// Pairs skipped because a word is out of the vocabulary.
    public var outOfVocabulary: Int
    /// The share of pairs skipped, in percent.
    public var oovRatio: Double { pairs + outOfVocabulary > 0 ? Double(outOfVocabulary) / Double(pairs + outOfVocabulary) * 100 : 0 }
    /// Lines that were not `word<TAB>word<TAB>number`.
    public var invalidLines: [Int]

    public static func run(model: WordVectors, pairsPath path: String, restrictTo: Int = 300_000, caseInsensitive: Bool = true) throws -> WordPairEvaluation {
        let text = try EvaluationFile.read(path: path)
        return run(model: model, pairs: text, restrictTo: restrictTo, caseInsensitive: caseInsensitive)
    }

    public static func run(model: WordVectors, pairs text: String, restrictTo: Int = 300_000, caseInsensitive: Bool = true) -> WordPairEvaluation {
        let okVocab = SearchableWords(model, restrictTo: restrictTo, caseInsensitive: caseInsensitive)
        let n = model.normalized
        var gold: [Double] = [], predicted: [Double] = []
        var oov = 0
        var invalid: [Int] = []
        for (lineIndex, raw) in TextFile.lines(ofText: text).enumerated() {
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false)
            // A gold score of inf or nan (`1e400`, `nan`) would make the correlations meaningless: an invalid line.
            guard fields.count == 3, let score = Double(fields[2].trimmingCharacters(in: .whitespacesAndNewlines)), score.isFinite else {
                if !(lineIndex > 0 && raw.allSatisfy(\.isWhitespace)) { invalid.append(lineIndex + 1) }
                continue
            }
            guard let i = okVocab[word: String(fields[0])], let j = okVocab[word: String(fields[1])] else { oov += 1; continue }
            gold.append(score)
            predicted.append(Double(n.withRow(i) { x in n.withRow(j) { y in Kernels.dot(x.baseAddress!, y.baseAddress!, count: n.columns) } }))
        }
        return WordPairEvaluation(pearson: Statistics.pearson(gold, predicted), spearman: Statistics.spearman(gold, predicted),
                                  pairs: gold.count, outOfVocabulary: oov, invalidLines: invalid)
    }
}

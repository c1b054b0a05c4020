import Embeddings

/// How a model did on an evaluation file (`eval FILE`, `embedlab eval MODEL FILE`): analogy
/// accuracy per section, as gensim's `evaluate_word_analogies` counts it, or the correlation of
/// cosine similarity with human scores over word pairs (`evaluate_word_pairs`).
///
/// ```swift
/// // eval small-world on a freshly trained model
/// summary.kind            // .analogies
/// summary.total?.correct  // 300 (of 324)
/// ```
public struct EvaluationSummary: Equatable, Sendable, Codable {
    public enum Kind: String, Equatable, Sendable, Codable { case analogies, pairs }

    /// One section of analogy questions (": capital-common-countries"), or the total.
    public struct Section: Equatable, Sendable, Codable {
        public var section: String
        public var correct: Int
        public var total: Int
        public var accuracy: Double
    }

    public var kind: Kind
    public var file: String
    public var model: String
    /// The N most frequent words that were searched (gensim's restrict_vocab).
    public var restrict: Int
    /// Lines that were not questions or pairs (ignored), by line number.
    public var invalidLines: [Int]
    // Analogies.
    public var sections: [Section]?
    public var total: Section?
    /// Questions with a word outside the searched words.
    public var skipped: Int?
    /// True when Ctrl-C stopped the run; the counts are those of the questions answered.
    public var cancelled: Bool?
    // Word pairs.
    public var pairs: Int?
    public var outOfVocabulary: Int?
    /// Out-of-vocabulary pairs, in percent.
    public var outOfVocabularyPercent: Double?
    public var pearson: Double?
    public var spearman: Double?

    init(analogies r: AnalogyEvaluation, file: String, model: String, restrict: Int) {
        func section(_ s: AnalogyEvaluation.Score) -> Section { Section(section: s.section, correct: s.correct, total: s.total, accuracy: s.accuracy) }
        kind = .analogies; self.file = file; self.model = model; self.restrict = restrict; invalidLines = r.invalidLines
        sections = r.sections.map(section); total = section(r.total); skipped = r.skipped; cancelled = r.cancelled
    }

    init(pairs r: WordPairEvaluation, file: String, model: String, restrict: Int) {
        kind = .pairs; self.file = file; self.model = model; self.restrict = restrict; invalidLines = r.invalidLines
        pairs = r.pairs; outOfVocabulary = r.outOfVocabulary; outOfVocabularyPercent = r.oovRatio; pearson = r.pearson; spearman = r.spearman
    }
}

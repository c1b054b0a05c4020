import CLIP
import GloVe

/// How much memory a training run will need, estimated before it starts from the corpus's word
/// counts and the settings, so that a run over the session's memory budget (`CellLimits`) is
/// refused at once, with the estimate, instead of growing for minutes and being stopped.
///
/// The estimates are upper bounds on the large parts (what each trainer allocates), not
/// measurements: GloVe's co-occurrence records grow with the window (a 4.5 MB corpus at
/// `window=100` reached 1.7 GB), Word2Vec's and CLIP's parameters with the vocabulary and `dim`.
enum TrainingMemory {
    /// Bytes of a vector of `dimensions` floats as the trainers store it (rounded up to 8 floats).
    static func vectorBytes(_ dimensions: Int) -> Int { (dimensions + 7) / 8 * 8 * 4 }

    /// GloVe: the co-occurrence records (at most min(V, 2·window·count) a word; 12 bytes each in the
    /// matrix and 16 more in the shuffled copy training reads), the word and context vectors with
    /// their gradient sums, the corpus and its token indices.
    static func glove(_ vocabulary: Vocabulary, corpusBytes: Int, window: Int, dimensions: Int) -> Int {
        let V = vocabulary.count
        let records = vocabulary.counts.reduce(0) { sum, c in sum &+ min(V, 2 &* window &* c) }
        return records &* 28 &+ 4 &* V &* vectorBytes(dimensions) &+ corpusBytes &+ 4 &* vocabulary.corpusTokenCount
    }

    /// Word2Vec: input and output vectors, the corpus and its token indices, the noise table.
    static func word2vec(_ vocabulary: Vocabulary, corpusBytes: Int, dimensions: Int) -> Int {
        let V = vocabulary.count
        let noiseTable = min(1 << 24, max(1 << 16, 64 &* V)) &* 4
        return 2 &* V &* vectorBytes(dimensions) &+ corpusBytes &+ 4 &* vocabulary.corpusTokenCount &+ noiseTable
    }

    /// CLIP: every training picture's encoder input (4,096 floats) and its captions (about 1 KB),
    /// and the parameters four times over (the model, Adam's two moments, the gradient).
    static func clip(_ h: CLIPHyperparameters) -> Int {
        let words = 1_000   // the caption grammar's vocabulary is a few hundred words: an upper bound
        let parameters = PictureWorld.inputCount &* h.hidden &+ h.hidden &* (h.dimensions &+ 1)
            &+ words &* h.wordDimensions &+ h.wordDimensions &* h.dimensions &+ 2 &* h.dimensions
        return h.pictures &* (PictureWorld.inputCount &* 4 &+ 1_024) &+ 16 &* parameters
    }
}

extension Invocation {
    /// Refuses a training run whose `estimate` is over the session's memory budget, naming both.
    func refuseOverBudget(estimate: Int) throws {
        guard let budget = session.limits.memoryBytes, estimate > budget else { return }
        throw error(.trainingMemoryEstimate, ["estimate": CellLimits.bytes(estimate), "limit": CellLimits.bytes(budget)],
                    hint: language.text(.trainingMemoryHint))
    }
}

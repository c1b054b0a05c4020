import GloVe
import VectorMath

/// Word vectors trained by `Word2VecTrainer`: one row of `vectors` per word of `vocabulary`,
/// most frequent word first (the input vectors, as gensim's `model.wv` and `word2vec.c` write
/// them), and the record of how training went.
///
/// ```swift
/// let model = Word2VecTrainer(.smallWorld).train(on: SmallWorldCorpus().corpus)
/// model.vectors.rows            // == model.words.count
/// model.vector(for: "king")     // 24 floats
/// model.epochLosses.last        // the mean cost per prediction in the last epoch
/// ```
public struct Word2VecModel: Sendable {
    /// The words, most frequent first; `words[i]` has the vector in row i.
    public let vocabulary: Vocabulary
    /// One row per word, `hyperparameters.dimensions` columns.
    public let vectors: Matrix
    /// The mean cost per prediction (one real word and its noise words, see `Kernels.cbowStep`
    /// and `Kernels.skipGramStep`) of each completed epoch.
    public let epochLosses: [Double]
    /// True when training stopped because it was asked to; the vectors are those of that moment.
    public let wasCancelled: Bool
    /// In-vocabulary tokens in one pass over the corpus, before subsampling.
    public let wordsPerEpoch: Int
    /// The settings of the run.
    public let hyperparameters: Word2VecHyperparameters

    public init(vocabulary: Vocabulary, vectors: Matrix, epochLosses: [Double], wasCancelled: Bool,
                wordsPerEpoch: Int, hyperparameters: Word2VecHyperparameters) {
        precondition(vectors.rows == vocabulary.count, "one vector per word")
        self.vocabulary = vocabulary
        self.vectors = vectors
        self.epochLosses = epochLosses
        self.wasCancelled = wasCancelled
        self.wordsPerEpoch = wordsPerEpoch
        self.hyperparameters = hyperparameters
    }

    /// The words, most frequent first.
    public var words: [String] { vocabulary.words }

    /// How many epochs ran to the end.
    public var epochsCompleted: Int { epochLosses.count }

    /// The vector of `word`, or nil when the word has none.
    public func vector(for word: String) -> [Float]? {
        vocabulary.index(of: word).map { vectors.row($0) }
    }
}

/// How far a Word2Vec run has got, reported while it works.
///
/// During an epoch, `wordsDone` counts the words of all threads (before subsampling) and `loss`
/// is the first thread's mean cost per prediction so far; the report at the end of each epoch
/// (`isEpochEnd`) is exact.
public struct Word2VecProgress: Sendable, Equatable {
    public enum Stage: Sendable, Equatable {
        case countingWords, training
    }

    public var stage: Stage
    /// The epoch in progress, from 1; 0 before training starts.
    public var epoch: Int
    public var epochs: Int
    /// Words trained on in this epoch (before subsampling).
    public var wordsDone: Int
    /// In-vocabulary words in an epoch.
    public var words: Int
    /// The mean cost per prediction so far in this epoch.
    public var loss: Double
    /// The learning rate of the moment.
    public var learningRate: Float
    /// True for the one exact report at the end of each epoch.
    public var isEpochEnd: Bool

    public init(stage: Stage, epoch: Int = 0, epochs: Int = 0, wordsDone: Int = 0, words: Int = 0,
                loss: Double = 0, learningRate: Float = 0, isEpochEnd: Bool = false) {
        self.stage = stage
        self.epoch = epoch
        self.epochs = epochs
        self.wordsDone = wordsDone
        self.words = words
        self.loss = loss
        self.learningRate = learningRate
        self.isEpochEnd = isEpochEnd
    }

    /// How much of all training is done, from 0 to 1.
    public var fractionDone: Double {
        guard stage == .training, epochs > 0, words > 0 else { return 0 }
        return (Double(max(0, epoch - 1)) + Double(min(wordsDone, words)) / Double(words)) / Double(epochs)
    }
}

import VectorMath

/// Word vectors trained by `GloVeTrainer`: one row of `vectors` per word of `vocabulary`,
/// most frequent word first, and the record of how training went.
///
/// ```swift
/// let model = GloVeTrainer(.referenceDemo).train(on: corpus)
/// model.vectors.rows            // == model.words.count
/// model.vector(for: "king")     // 50 floats
/// model.epochCosts.last         // the mean cost per record in the last epoch
/// ```
public struct GloVeModel: Sendable {
    /// The words, most frequent first; `words[i]` has the vector in row i.
    public let vocabulary: Vocabulary
    /// W + W̃: one row per word, `hyperparameters.dimensions` columns.
    public let vectors: Matrix
    /// The mean cost per co-occurrence record of each completed epoch, as `glove.c` prints it
    /// ("iter: 001, cost: 0.084300").
    public let epochCosts: [Double]
    /// True when training stopped because it was asked to; the vectors are those of that moment.
    public let wasCancelled: Bool
    /// The settings of the run.
    public let hyperparameters: GloVeHyperparameters

    public init(vocabulary: Vocabulary, vectors: Matrix, epochCosts: [Double], wasCancelled: Bool,
                hyperparameters: GloVeHyperparameters) {
        precondition(vectors.rows == vocabulary.count, "one vector per word")
        self.vocabulary = vocabulary
        self.vectors = vectors
        self.epochCosts = epochCosts
        self.wasCancelled = wasCancelled
        self.hyperparameters = hyperparameters
    }

    /// The words, most frequent first.
    public var words: [String] { vocabulary.words }

    /// How many epochs ran to the end.
    public var epochsCompleted: Int { epochCosts.count }

    /// The vector of `word`, or nil when the word has none.
    public func vector(for word: String) -> [Float]? {
        vocabulary.index(of: word).map { vectors.row($0) }
    }
}

/// How far a GloVe run has got, reported while it works.
///
/// During an epoch, `recordsDone` and `cost` are estimated from the first training thread's
/// slice (each thread has an equal slice and they run at about the same speed); the report
/// at the end of each epoch (`isEpochEnd`) is exact.
public struct TrainingProgress: Sendable, Equatable {
    /// The pipeline stage being worked on.
    public enum Stage: Sendable, Equatable {
        case countingWords, countingCooccurrences, shuffling, training
    }

    public var stage: Stage
    /// The epoch in progress, from 1; 0 before training starts.
    public var epoch: Int
    public var epochs: Int
    /// Records processed in this epoch.
    public var recordsDone: Int
    /// Records in an epoch (the nonzero co-occurrences).
    public var records: Int
    /// The mean cost per record so far in this epoch.
    public var cost: Double
    /// True for the one exact report at the end of each epoch.
    public var isEpochEnd: Bool

    public init(stage: Stage, epoch: Int = 0, epochs: Int = 0, recordsDone: Int = 0, records: Int = 0,
                cost: Double = 0, isEpochEnd: Bool = false) {
        self.stage = stage
        self.epoch = epoch
        self.epochs = epochs
        self.recordsDone = recordsDone
        self.records = records
        self.cost = cost
        self.isEpochEnd = isEpochEnd
    }

    /// How much of all training is done, from 0 to 1.
    public var fractionDone: Double {
        guard stage == .training, epochs > 0, records > 0 else { return 0 }
        return (Double(max(0, epoch - 1)) + Double(recordsDone) / Double(records)) / Double(epochs)
    }
}

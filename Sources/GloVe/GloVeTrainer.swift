import VectorMath

/// Trains GloVe word vectors (Pennington, Socher & Manning, "GloVe: Global Vectors for Word
/// Representation", 2014), following the Stanford implementation (`glove.c`) in its math.
///
/// **The idea.** Words that appear in similar contexts have similar meanings, and the counts
/// Xᵢⱼ (how often word j appears near word i) carry that information. Ratios of co-occurrence
/// probabilities tell words apart: ice appears with "solid" much more often than steam does,
/// steam with "gas" much more often than ice, and both equally with "water". GloVe asks for
/// vectors whose dot products reproduce the logarithms of the counts:
///
///     wᵢ · w̃ⱼ + bᵢ + b̃ⱼ ≈ log Xᵢⱼ
///
/// **Why log X.** A difference of vectors should express a ratio of probabilities, and it is
/// the logarithm that turns ratios into differences: log(Pᵢₖ / Pⱼₖ) = log Pᵢₖ − log Pⱼₖ. The log
/// also tames the counts, which run from 1 to millions. The biases bᵢ and b̃ⱼ absorb what
/// depends on one word alone (log Xᵢ, how frequent the word is), so the vectors keep the rest.
///
/// **The cost.** A weighted least-squares fit over all nonzero Xᵢⱼ:
///
///     J = Σᵢⱼ f(Xᵢⱼ) · (wᵢ · w̃ⱼ + bᵢ + b̃ⱼ − log Xᵢⱼ)²
///
/// **The weighting.** f(x) = (x / x_max)^α below x_max, and 1 above (`WeightingFunction`):
/// rare pairs are noisy and count little, frequent pairs are capped, and pairs that never occur
/// (log 0) are left out entirely.
///
/// **Training.** Stochastic gradient descent over the records in random order, with AdaGrad
/// (each parameter's step shrinks with the squares of its past gradients), several threads at
/// once on disjoint slices of the records, without locks: two threads rarely touch the same
/// word at the same instant, and when they do, a lost update does no harm (Hogwild). One record
/// is one `GloVeStep.simd`.
///
/// **Why W + W̃.** Every word gets two vectors: wᵢ when it is the centre word, w̃ᵢ when it is
/// the context. X is symmetric, so the two sets differ only by their random start and the
/// noise of training; their sum is a little better than either (the paper reports a small but
/// consistent gain), and it is what the reference writes out by default (`-model 2`).
///
/// ```swift
/// let corpus = try Corpus(contentsOfFile: "/tmp/corpus-en-10m.txt")
/// let trainer = GloVeTrainer(.referenceDemo)
/// let model = trainer.train(on: corpus, progress: { p in
///     if p.isEpochEnd { print("iter: \(p.epoch), cost: \(p.cost)") }
/// }, isCancelled: { stopRequested.isSet })
/// model.vectors   // 59,762 × 50, most frequent word first
/// ```
public struct GloVeTrainer: Sendable {
    public typealias ProgressHandler = @Sendable (TrainingProgress) -> Void
    public typealias CancellationCheck = @Sendable () -> Bool

    public var hyperparameters: GloVeHyperparameters

    public init(_ hyperparameters: GloVeHyperparameters = GloVeHyperparameters()) {
        self.hyperparameters = hyperparameters
    }

    /// The whole pipeline: vocabulary, co-occurrence counts, shuffle, training.
    ///
    /// `progress` may be called on a training thread. `isCancelled` is asked between the
    /// stages, between slices of the counting, and by every training thread every 4096 records
    /// (about a millisecond); once it says true, the run stops within a fraction of a second and
    /// returns the vectors of that moment (`wasCancelled` is then true).
    public func train(on corpus: Corpus, progress: ProgressHandler? = nil, isCancelled: CancellationCheck? = nil) -> GloVeModel {
        let h = hyperparameters
        progress?(TrainingProgress(stage: .countingWords, epochs: h.epochs))
        let vocabulary = Vocabulary(counting: corpus, minCount: h.minCount, maxSize: h.maxVocabularySize, threads: h.threads)
        if isCancelled?() == true { return untrainedModel(vocabulary) }
        progress?(TrainingProgress(stage: .countingCooccurrences, epochs: h.epochs))
        guard let cooccurrences = CooccurrenceMatrix.count(corpus: corpus, vocabulary: vocabulary, window: h.window,
                                                           threads: h.threads, isCancelled: isCancelled) else {
            return untrainedModel(vocabulary)
        }
        return train(on: consume cooccurrences, progress: progress, isCancelled: isCancelled)
    }

    /// Trains vectors for the words of `cooccurrences` (its `window` is not used again).
    ///
    /// Training works on its own shuffled copy of the records; pass the matrix with `consume`
    /// (or as its last use) and its memory is given back as soon as that copy is made.
    public func train(on cooccurrences: consuming CooccurrenceMatrix, progress: ProgressHandler? = nil,
                      isCancelled: CancellationCheck? = nil) -> GloVeModel {
        let h = hyperparameters
        precondition(h.dimensions >= 1 && h.epochs >= 0 && h.threads >= 1 && h.learningRate > 0 && h.xMax > 0,
                     "GloVe needs dimensions ≥ 1, epochs ≥ 0, threads ≥ 1, learning rate > 0 and x_max > 0")
        let vocabulary = cooccurrences.vocabulary
        let parameters = GloVeParameters(vocabularySize: vocabulary.count, dimensions: h.dimensions, seed: h.seed)
        func model(_ costs: [Double], cancelled: Bool) -> GloVeModel {
            GloVeModel(vocabulary: vocabulary, vectors: parameters.summedVectors(), epochCosts: costs,
                       wasCancelled: cancelled, hyperparameters: h)
        }

        // The records in random order, each with its target log Xᵢⱼ and weight f(Xᵢⱼ).
        progress?(TrainingProgress(stage: .shuffling, epochs: h.epochs, records: cooccurrences.count))
        guard let records = TrainingRecords.shuffled(cooccurrences, weighting: h.weighting, seed: h.seed,
                                                     threads: h.threads, isCancelled: isCancelled) else {
            return model([], cancelled: true)
        }
        _ = consume cooccurrences   // the records live on in `records`

        var costs: [Double] = []
        for epoch in stride(from: 1, through: h.epochs, by: 1) {
            progress?(TrainingProgress(stage: .training, epoch: epoch, epochs: h.epochs, records: records.count))
            let (totalCost, cancelled) = runEpoch(epoch, records, parameters, progress, isCancelled)
            if cancelled { return model(costs, cancelled: true) }
            // The reference reports the cost summed over all records, divided by their number.
            let cost = records.count > 0 ? totalCost / Double(records.count) : 0
            costs.append(cost)
            progress?(TrainingProgress(stage: .training, epoch: epoch, epochs: h.epochs, recordsDone: records.count,
                                       records: records.count, cost: cost, isEpochEnd: true))
        }
        return model(costs, cancelled: false)
    }

    /// One pass over all records: thread t takes the t-th of `threads` equal slices, as
    /// `glove.c` does, and all threads update the same parameters without locks. Returns the
    /// summed cost, and whether the pass was cancelled.
    private func runEpoch(_ epoch: Int, _ records: TrainingRecords, _ parameters: GloVeParameters,
                          _ progress: ProgressHandler?, _ isCancelled: CancellationCheck?) -> (Double, Bool) {
        let n = records.count, threads = hyperparameters.threads
        let slices = parallelMap(threads) { t -> SliceResult in
            let lo = n / threads * t
            let hi = t == threads - 1 ? n : lo + n / threads
            // The first thread speaks for all: the slices are equal and run at about the same speed.
            let report: ((Int, Double) -> Void)? = t != 0 ? nil : progress.map { progress in
                { done, cost in
                    progress(TrainingProgress(stage: .training, epoch: epoch, epochs: hyperparameters.epochs,
                                              recordsDone: Swift.min(n, done * threads), records: n,
                                              cost: done > 0 ? cost / Double(done) : 0))
                }
            }
            return trainSlice(lo..<hi, of: records, parameters, report: report, isCancelled: isCancelled)
        }
        parameters.sink = slices.reduce(parameters.sink) { $0 ^ $1.sink }
        return (slices.reduce(0) { $0 + $1.cost }, slices.contains { $0.cancelled })
    }

    private struct SliceResult {
        var cost = 0.0
        var cancelled = false
        var sink: UInt32 = 0
    }

    /// Stochastic gradient descent over `records[range]`, one record after another: for each
    /// co-occurrence, one AdaGrad step on wᵢ, w̃ⱼ, bᵢ and b̃ⱼ (`GloVeStep.simd`). Asks
    /// `isCancelled` every 4096 records (about a millisecond) and reports every 64 times that.
    private func trainSlice(_ range: Range<Int>, of records: TrainingRecords, _ parameters: GloVeParameters,
                            report: ((Int, Double) -> Void)?, isCancelled: CancellationCheck?) -> SliceResult {
        let eta = hyperparameters.learningRate, clip = hyperparameters.gradientClip
        let stride = parameters.stride
        let rowBytes = 2 * stride * MemoryLayout<Float>.stride
        let checkEvery = 4096, reportEvery = 64 * checkEvery, batch = 8
        var result = SliceResult()
        var r = range.lowerBound
        while r < range.upperBound {
            if isCancelled?() == true { result.cancelled = true; return result }
            let end = Swift.min(range.upperBound, r + checkEvery)
            while r < end {
                // Read every cache line of the next few records' parameters first, so that their
                // cache misses overlap instead of coming one after another (a prefetch).
                let batchEnd = Swift.min(end, r + batch)
                for q in r..<batchEnd {
                    let record = records.base[q]
                    result.sink ^= Kernels.touch(parameters.word(Int(record.i)), byteCount: rowBytes)
                        ^ Kernels.touch(parameters.context(Int(record.j)), byteCount: rowBytes)
                        ^ Kernels.touch(parameters.wordBias(Int(record.i)), byteCount: 8)
                        ^ Kernels.touch(parameters.contextBias(Int(record.j)), byteCount: 8)
                }
                while r < batchEnd {
                    let record = records.base[r]
                    let i = Int(record.i), j = Int(record.j)
                    let cost = GloVeStep.simd(word: parameters.word(i), context: parameters.context(j), count: stride,
                                                 wordBias: parameters.wordBias(i), contextBias: parameters.contextBias(j),
                                                 logX: record.logX, weight: record.weight,
                                                 learningRate: eta, gradientClip: clip)
                    // A record whose error is not finite is skipped (NaN), as in the reference.
                    if !cost.isNaN { result.cost += Double(cost) }
                    r += 1
                }
            }
            let done = r - range.lowerBound
            if let report, done % reportEvery == 0 || r == range.upperBound { report(done, result.cost) }
        }
        return result
    }

    /// The model before any training (random vectors), for a run stopped while counting.
    private func untrainedModel(_ vocabulary: Vocabulary) -> GloVeModel {
        let parameters = GloVeParameters(vocabularySize: vocabulary.count, dimensions: hyperparameters.dimensions,
                                         seed: hyperparameters.seed)
        return GloVeModel(vocabulary: vocabulary, vectors: parameters.summedVectors(), epochCosts: [],
                          wasCancelled: true, hyperparameters: hyperparameters)
    }
}

import Embeddings
import Foundation
import GloVe
import VectorMath
import Word2Vec

/// `train word2vec corpus=small-world sg=1 dim=32 epochs=30`: trains Word2Vec (skip-gram or CBOW
/// with negative sampling) at the prompt, as `train glove` trains GloVe: the same live progress
/// bar with the loss of every epoch, the same Ctrl-C (the vectors of that moment are kept), and
/// the new vectors become the session's model (`save=FILE` also writes them).
///
/// Unset options take `Word2VecHyperparameters.smallWorld` for the small world and gensim's
/// defaults (`Word2VecHyperparameters()`: CBOW, 100 dims, window 5, 5 noise words, sample 0.001,
/// min count 5, 5 epochs) for a file.
extension OptionSpec {
    /// The options only `train word2vec` has; the rest it shares with `train glove` (`OptionSpec.glove`).
    public static let word2vecOnly: [OptionSpec] = [
        OptionSpec("sg", .integer(0...1),
                   help: Localized(en: "Word2Vec: 1 for skip-gram (each context word predicts the middle word), 0 for CBOW (their mean predicts it)",
                                   zh: "Word2Vec：1 为 skip-gram（每个上下文词预测中心词），0 为 CBOW（上下文的平均预测中心词）"),
                   example: "sg=1"),
        OptionSpec("negative", .integer(1...100),
                   help: Localized(en: "Word2Vec: noise words drawn for every real one (15; 5)", zh: "Word2Vec：每个真实词配的噪声词个数（15；5）"),
                   example: "negative=5"),
        OptionSpec("sample", .real(0...1),
                   help: Localized(en: "Word2Vec: frequent words above this frequency are dropped at random (0; 0.001)",
                                   zh: "Word2Vec：频率高于此值的高频词随机丢弃（0；0.001）"),
                   example: "sample=0.001"),
    ]

    /// The options only `train glove` has.
    static let gloveOnly = ["x-max", "alpha"]
}

extension Invocation {
    /// Refuses any of `specs` that was given: they belong to `train other`, not to `train method`.
    func refuseOptions(_ specs: [OptionSpec], of other: String, in method: String) throws {
        for spec in specs where options.given[spec.name] != nil {
            throw error(.trainingOptionOfOtherMethod, ["name": spec.name, "other": other, "method": method],
                        at: options.spans[spec.name] ?? span)
        }
    }

    func trainWord2Vec() throws -> Value {
        try refuseOptions(OptionSpec.glove.filter { OptionSpec.gloveOnly.contains($0.name) }, of: "glove", in: "word2vec")
        try refuseOptions(OptionSpec.clipOnly, of: "clip", in: "word2vec")
        let request = TrainingRequest(options)
        let corpus = try request.loadCorpus(self)
        let h = Self.word2vecSettings(options, smallWorld: request.isSmallWorld)
        if session.limits.memoryBytes != nil {
            let vocabulary = Vocabulary(counting: corpus, minCount: h.minCount, maxSize: h.maxVocabularySize, threads: h.threads)
            try refuseOverBudget(estimate: TrainingMemory.word2vec(vocabulary, corpusBytes: corpus.bytes.count, dimensions: h.dimensions))
        }
        let relay = ProgressRelay(title: "Word2Vec (\(h.architecture.rawValue)) on \(request.corpusName)", epochs: h.epochs, language: language,
                                  method: .word2vec, onProgress: session.onProgress)
        let (model, seconds) = timedTraining { Word2VecTrainer(h).train(on: corpus, progress: { relay.report($0) }, isCancelled: $0) }

        let (previous, saved) = try adoptTrainedVectors(words: model.words, matrix: model.vectors, wasCancelled: model.wasCancelled,
                                                        reachedTraining: relay.reachedTraining, request: request, minCount: h.minCount)
        var settings: [TrainingSummary.Setting] = [
            .init("sg", h.architecture == .skipGram ? "1" : "0"), .init("dim", "\(h.dimensions)"), .init("epochs", "\(h.epochs)"),
            .init("window", "\(h.window)"), .init("negative", "\(h.negative)"), .init("sample", "\(h.sample)"),
            .init("min-count", "\(h.minCount)")]
        if let m = h.maxVocabularySize { settings.append(.init("max-vocab", "\(m)")) }
        settings += [.init("eta", "\(h.learningRate)"), .init("threads", "\(h.threads)"), .init("seed", "\(h.seed)")]
        let summary = TrainingSummary(
            method: .word2vec, corpus: request.corpusName, modelName: previous == nil ? nil : request.name,
            words: model.words.count, dimensions: h.dimensions, tokens: model.vocabulary.corpusTokenCount,
            records: model.wordsPerEpoch, epochs: h.epochs, epochCosts: model.epochLosses, seconds: seconds,
            cancelled: model.wasCancelled, settings: settings, savedTo: saved,
            suggestions: previous == nil ? [] : request.suggestions(words: model.words, previous: previous!))
        var table = Self.table(summary, language)
        table.rows = table.rows.map { row in
            guard let key = row.first else { return row }
            switch key {
            case "corpus": return ["corpus", "\(summary.corpus): \(summary.tokens) tokens, \(summary.records) words a pass"]
            case "cost": return ["loss"] + row.dropFirst()
            case "time": return ["time", String(format: "%.2f s, %.0f words/s", summary.seconds, summary.wordsPerSecond)]
            default: return row
            }
        }
        if let name = summary.modelName, !summary.cancelled {
            table.title = language.text(.word2vecTrainingDone, ["architecture": h.architecture.rawValue, "corpus": summary.corpus, "name": name])
                + (saved.map { language.text(.trainingSaved, ["file": $0]) } ?? "")
        }
        return .table(table)
    }

    /// The settings of a `train word2vec` line: the small world's or gensim's defaults, then the options given.
    static func word2vecSettings(_ options: OptionValues, smallWorld: Bool) -> Word2VecHyperparameters {
        var h: Word2VecHyperparameters = smallWorld ? .smallWorld : Word2VecHyperparameters()
        if let n = options.integer("sg") { h.architecture = n == 1 ? .skipGram : .cbow }
        if let n = options.integer("dim") { h.dimensions = n }
        if let n = options.integer("epochs") { h.epochs = n }
        if let n = options.integer("window") { h.window = n }
        if let n = options.integer("negative") { h.negative = n }
        if let x = options.real("sample") { h.sample = x }
        if let n = options.integer("min-count") { h.minCount = n }
        if let n = options.integer("max-vocab") { h.maxVocabularySize = n }
        if let n = options.integer("threads") { h.threads = n }
        if let n = options.integer("seed") { h.seed = UInt64(n) }
        if let x = options.real("eta") {
            h.learningRate = Float(x)
            h.minLearningRate = min(h.minLearningRate, h.learningRate)
        }
        return h
    }
}

extension ProgressRelay {
    /// Word2Vec's reports, drawn like GloVe's: the bar, the epoch, the loss, a sparkline of the
    /// loss of every finished epoch.
    func report(_ p: Word2VecProgress) {
        switch p.stage {
        case .countingWords:
            report(TrainingProgress(stage: .countingWords, epochs: p.epochs))
        case .training:
            report(TrainingProgress(stage: .training, epoch: p.epoch, epochs: p.epochs, recordsDone: p.wordsDone, records: p.words,
                                    cost: p.loss, isEpochEnd: p.isEpochEnd))
        }
    }
}

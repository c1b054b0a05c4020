import ArgumentParser
import Embeddings
import Foundation
import GloVe

/// `embedlab train CORPUS OUT.embv`: GloVe from the command line, as the Stanford programs run
/// it (vocab_count → cooccur → shuffle → glove), printing the settings at the start and the cost
/// of every epoch, then writing the vectors (W + W̃) as a model file.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train GloVe vectors on a corpus and write them as a model file.",
        discussion: """
        CORPUS is `small-world` (EmbedLab's own bilingual toy corpus, trained in a blink) or a UTF-8 text file:
        one sentence or paragraph a line, tokens separated by spaces, Chinese already segmented (gunzip it first).
        Options left out take the small world's settings (20 dims, 25 epochs, window 5, min count 1, x_max 10,
        1 thread) or, for a file, the reference demo's (50 dims, 15 epochs, window 15, min count 5, x_max 10).
        With --threads 1 and a fixed --seed, two runs write identical vectors.
        Example: embedlab train small-world /tmp/small.embv && embedlab query /tmp/small.embv 'king - man + woman'
        """)

    @Argument(help: "`small-world`, or a text file: one sentence a line, tokens separated by spaces.")
    var corpus: String

    @Argument(help: "The model file to write: .embv (EmbedLab), .bin (word2vec binary), .txt or .vec (word2vec text).")
    var output: String

    @Option(help: "The length of each vector.") var dim: Int?
    @Option(help: "Passes over all co-occurrence records.") var epochs: Int?
    @Option(help: "Context words counted on each side of a word.") var window: Int?
    @Option(help: "Words seen fewer times get no vector.") var minCount: Int?
    @Option(help: "Keep at most this many of the most frequent words.") var maxVocab: Int?
    @Option(help: "Pairs seen this often or more get full weight in the cost.") var xMax: Float?
    @Option(help: "The exponent of the weighting function.") var alpha: Float?
    @Option(help: "AdaGrad's initial learning rate.") var eta: Float?
    @Option(help: "Threads training at once (1: reproducible with a fixed seed).") var threads: Int?
    @Option(help: "Seeds the initial vectors and the shuffle.") var seed: UInt64?
    @Flag(help: "Store float16 values in the .embv file (half the size).") var float16 = false

    func validate() throws {
        func check(_ value: Int?, _ name: String, _ range: ClosedRange<Int>) throws {
            if let value, !range.contains(value) { throw ValidationError("--\(name) must be from \(range.lowerBound) to \(range.upperBound)") }
        }
        try check(dim, "dim", 1...10_000)
        try check(epochs, "epochs", 0...10_000)
        try check(window, "window", 1...1000)
        try check(minCount, "min-count", 1...Int.max)
        try check(maxVocab, "max-vocab", 2...Int.max)
        try check(threads, "threads", 1...256)
        for (value, name) in [(xMax, "x-max"), (alpha, "alpha"), (eta, "eta")] {
            if let value, !(value > 0 && value.isFinite) { throw ValidationError("--\(name) must be a positive number") }
        }
    }

    func run() throws {
        let isSmallWorld = corpus == SmallWorldCorpus.name
        var h: GloVeHyperparameters = isSmallWorld ? SmallWorldCorpus.hyperparameters : .referenceDemo
        if let dim { h.dimensions = dim }
        if let epochs { h.epochs = epochs }
        if let window { h.window = window }
        if let minCount { h.minCount = minCount }
        if let maxVocab { h.maxVocabularySize = maxVocab }
        if let xMax { h.xMax = xMax }
        if let alpha { h.alpha = alpha }
        if let eta { h.learningRate = eta }
        if let threads { h.threads = threads }
        if let seed { h.seed = seed }

        let text: Corpus
        do {
            text = isSmallWorld ? SmallWorldCorpus().corpus : try Corpus(contentsOfFile: corpus)
        } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        // The settings first, as the reference's programs print theirs.
        print("corpus: \(corpus)")
        print("min count: \(h.minCount)" + (h.maxVocabularySize.map { ", max vocab: \($0)" } ?? ""))
        print("window size: \(h.window), context: symmetric, weighted 1/distance")
        print("vector size: \(h.dimensions)")
        print("x_max: \(h.xMax), alpha: \(h.alpha), eta: \(h.learningRate), gradient clip: \(h.gradientClip)")
        print("epochs: \(h.epochs), threads: \(h.threads), seed: \(h.seed)")
        fflush(nil)

        let clock = ContinuousClock()
        let start = clock.now
        let log = StageLog()
        let model = GloVeTrainer(h).train(on: text, progress: { p in log.report(p, since: start, clock: clock) })
        let seconds = Self.seconds(clock.now - start)
        guard model.words.count >= 2 else {
            Environment.warn("error: \(model.words.count) word(s) occur at least \(h.minCount) times in \(corpus); lower --min-count")
            throw ExitCode(1)
        }
        do {
            let name = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
            let vectors = try WordVectors(name: name, words: model.words, matrix: model.vectors)
            try vectors.save(path: output, float16: float16)
        } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        print("wrote \(output): \(model.words.count) words × \(h.dimensions) dimensions\(float16 ? " (float16)" : ""), "
              + String(format: "%.1f s in all", seconds))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// Prints a line when a stage starts and when an epoch ends (reports come from a training thread).
private final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lastStage: TrainingProgress.Stage?
    private var epochStart: ContinuousClock.Instant?

    func report(_ p: TrainingProgress, since start: ContinuousClock.Instant, clock: ContinuousClock) {
        lock.lock()
        defer { lock.unlock(); fflush(nil) }
        let elapsed = String(format: "%.1f s", Train.seconds(clock.now - start))
        if p.stage != lastStage {
            lastStage = p.stage
            switch p.stage {
            case .countingWords: print("counting words…")
            case .countingCooccurrences: print("counting co-occurrences… (\(elapsed))")
            case .shuffling: print("\(p.records) co-occurrence records; shuffling… (\(elapsed))")
            case .training: print("training… (\(elapsed))")
            }
        }
        if p.stage == .training && p.recordsDone == 0 && !p.isEpochEnd { epochStart = clock.now }
        if p.isEpochEnd {
            let epochSeconds = epochStart.map { Train.seconds(clock.now - $0) } ?? 0
            print(String(format: "iter: %03d, cost: %.6f, %.2f s", p.epoch, p.cost, epochSeconds))
        }
    }
}

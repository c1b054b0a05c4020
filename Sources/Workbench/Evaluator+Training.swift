import Embeddings
import Foundation
import GloVe
import VectorMath

/// `train glove corpus=small-world dim=20 epochs=25`: trains GloVe at the prompt, reporting
/// progress through `session.onProgress` (the REPL draws a bar and a sparkline of the cost),
/// stopping when `session.cancellation` is requested (Ctrl-C), and then makes the new vectors
/// the session's model, so that `king - man + woman` can be asked at once.
///
/// Options (all `key=value`): `corpus` (`small-world`, or a text file: one sentence a line,
/// tokens separated by spaces, Chinese already segmented), `dim`, `epochs`, `window`,
/// `min-count`, `max-vocab`, `x-max`, `alpha`, `eta`, `threads`, `seed`, `name` (default `trained`).
/// Unset options take `SmallWorldCorpus.hyperparameters` for the small world, the reference
/// demo's settings (`GloVeHyperparameters.referenceDemo`) for a file.
extension Evaluator {
    static let trainingUsage = "train glove corpus=small-world dim=20 epochs=25   (corpus=FILE for your own text)"

    func train(_ args: [CommandArgument], _ span: Span) throws -> Value {
        guard case .text(let raw, _) = args.first, raw.split(separator: " ").first == "glove" else {
            throw WorkbenchError("train trains GloVe vectors: train glove corpus=…", at: span,
                                 hint: Self.trainingUsage + #"; for the word itself, quote it: "train" - car + plane"#)
        }
        let request = try TrainingRequest(parsing: String(raw.dropFirst(5)), span: span)
        let corpus = try request.loadCorpus(span)
        let h = request.hyperparameters
        let relay = ProgressRelay(title: "GloVe on \(request.corpusName)", epochs: h.epochs, onProgress: session.onProgress)
        let cancellation = session.cancellation
        let clock = ContinuousClock()
        let start = clock.now
        let model = GloVeTrainer(h).train(on: corpus, progress: { relay.report($0) }, isCancelled: { cancellation.isRequested })
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

        guard model.words.count >= 2 || model.wasCancelled else {
            throw WorkbenchError("\(request.corpusName) has \(model.words.count) word\(model.words.count == 1 ? "" : "s") seen at least \(h.minCount) times; GloVe needs at least two",
                                 at: span, hint: "lower min-count, or train on more text")
        }
        // Adopt the vectors if training got as far as updating them; a run stopped while still
        // counting has only random vectors, and the session keeps its model.
        let previous = model.wasCancelled && !relay.reachedTraining ? nil : session.model.name
        if previous != nil {
            session.adopt(try WordVectors(name: request.name, words: model.words, matrix: model.vectors))
        }
        let summary = TrainingSummary(
            corpus: request.corpusName, modelName: previous == nil ? nil : request.name,
            words: model.words.count, dimensions: h.dimensions, tokens: model.vocabulary.corpusTokenCount,
            records: relay.records, epochs: h.epochs, epochCosts: model.epochCosts, seconds: seconds,
            cancelled: model.wasCancelled, settings: request.settings,
            suggestions: previous == nil ? [] : request.suggestions(model, previous: previous!))
        return .table(Self.table(summary))
    }

    /// The summary as rows (what a check or `--json` reads), with the summary itself as the detail.
    static func table(_ s: TrainingSummary) -> Table {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        var rows: [[String]] = []
        if let name = s.modelName { rows.append(["model", "\(name): \(s.words) words × \(s.dimensions) dimensions"]) }
        rows.append(["corpus", "\(s.corpus): \(s.tokens) tokens, \(s.records) co-occurrence records"])
        rows.append(["epochs", "\(s.epochCosts.count) of \(s.epochs)" + (s.cancelled ? " (stopped by Ctrl-C)" : "")])
        if let first = s.epochCosts.first, let last = s.epochCosts.last {
            rows.append(["cost", "\(f(first)) after epoch 1, \(f(last)) after epoch \(s.epochCosts.count)"])
        }
        rows.append(["time", String(format: "%.2f s", s.seconds)])
        rows.append(["settings", s.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ")])
        let title: String
        if let name = s.modelName {
            title = s.cancelled ? "training stopped by Ctrl-C; the vectors of that moment are in use as '\(name)'"
                                : "trained GloVe on \(s.corpus); now in use as '\(name)'"
        } else {
            title = "training stopped by Ctrl-C before it began; the model in use has not changed"
        }
        return Table(title: title, headers: [], rows: rows, detail: .training(s))
    }
}

/// What `train glove …` asked for: the corpus, the settings, the model's name.
struct TrainingRequest {
    var corpusName = SmallWorldCorpus.name
    var hyperparameters: GloVeHyperparameters
    var name = "trained"
    var isSmallWorld: Bool { corpusName == SmallWorldCorpus.name }

    static let keys = ["corpus", "dim", "epochs", "window", "min-count", "max-vocab", "x-max", "alpha", "eta", "threads", "seed", "name"]
    static let aliases = ["dims": "dim", "dimensions": "dim", "iter": "epochs", "mincount": "min-count", "min_count": "min-count",
                          "maxvocab": "max-vocab", "max_vocab": "max-vocab", "xmax": "x-max", "x_max": "x-max", "lr": "eta"]

    init(parsing text: String, span: Span) throws {
        var options: [String: String] = [:]
        for word in Self.words(text) {
            guard let eq = word.firstIndex(of: "=") else {
                throw WorkbenchError("expected key=value, found '\(word)'", at: span, hint: Evaluator.trainingUsage)
            }
            var key = word[..<eq].lowercased()
            key = Self.aliases[key] ?? key
            guard Self.keys.contains(key) else {
                throw WorkbenchError("train glove has no option '\(key)'; the options are \(Self.keys.joined(separator: ", "))", at: span, hint: Evaluator.trainingUsage)
            }
            options[key] = String(word[word.index(after: eq)...])
        }
        if let corpus = options["corpus"] { corpusName = corpus }
        if let n = options["name"] {
            guard !n.isEmpty, !n.contains("/") else { throw WorkbenchError("name= takes a model name", at: span, hint: "name=my-vectors") }
            name = n
        }
        var h: GloVeHyperparameters = corpusName == SmallWorldCorpus.name ? SmallWorldCorpus.hyperparameters : .referenceDemo
        func int(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let raw = options[key] else { return nil }
            guard let n = Int(raw), range.contains(n) else {
                throw WorkbenchError("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(raw)'", at: span, hint: Evaluator.trainingUsage)
            }
            return n
        }
        func float(_ key: String) throws -> Float? {
            guard let raw = options[key] else { return nil }
            guard let x = Float(raw), x > 0, x.isFinite else {
                throw WorkbenchError("\(key) must be a positive number, not '\(raw)'", at: span, hint: "x-max=10, alpha=0.75, eta=0.05")
            }
            return x
        }
        if let n = try int("dim", 1...1000) { h.dimensions = n }
        if let n = try int("epochs", 1...1000) { h.epochs = n }
        if let n = try int("window", 1...100) { h.window = n }
        if let n = try int("min-count", 1...1_000_000) { h.minCount = n }
        if let n = try int("max-vocab", 2...10_000_000) { h.maxVocabularySize = n }
        if let n = try int("threads", 1...64) { h.threads = n }
        if let raw = options["seed"] {
            guard let s = UInt64(raw) else { throw WorkbenchError("seed must be a whole number ≥ 0, not '\(raw)'", at: span, hint: "seed=42") }
            h.seed = s
        }
        if let x = try float("x-max") { h.xMax = x }
        if let x = try float("alpha") { h.alpha = x }
        if let x = try float("eta") { h.learningRate = x }
        hyperparameters = h
    }

    /// Whitespace-separated words, with "double quotes" around values that hold spaces.
    static func words(_ text: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for c in text {
            if c == "\"" { quoted.toggle(); continue }
            if c.isWhitespace && !quoted {
                if !current.isEmpty { out.append(current); current = "" }
            } else { current.append(c) }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    func loadCorpus(_ span: Span) throws -> Corpus {
        if isSmallWorld { return SmallWorldCorpus().corpus }
        let path = (corpusName as NSString).expandingTildeInPath
        do {
            return try Corpus(contentsOfFile: path)
        } catch {
            throw WorkbenchError("\(error)", at: span,
                                 hint: "corpus=small-world, or a text file with one sentence a line and tokens separated by spaces")
        }
    }

    var settings: [TrainingSummary.Setting] {
        let h = hyperparameters
        var s: [TrainingSummary.Setting] = [.init("dim", "\(h.dimensions)"), .init("epochs", "\(h.epochs)"), .init("window", "\(h.window)"),
                                            .init("min-count", "\(h.minCount)")]
        if let m = h.maxVocabularySize { s.append(.init("max-vocab", "\(m)")) }
        s += [.init("x-max", Self.number(h.xMax)), .init("alpha", Self.number(h.alpha)), .init("eta", Self.number(h.learningRate)),
              .init("threads", "\(h.threads)"), .init("seed", "\(h.seed)")]
        return s
    }

    static func number(_ x: Float) -> String { x == x.rounded() ? String(Int(x)) : "\(x)" }

    /// What to try on the new vectors.
    func suggestions(_ model: GloVeModel, previous: String) -> [String] {
        var out: [String]
        if isSmallWorld {
            out = ["king - man + woman", "北京 - 中国 + 法国", "near 猫"]
        } else {
            out = ["near \(model.words[min(model.words.count - 1, 100)])"]
        }
        if previous != name { out.append(":use \(previous)") }
        return out
    }
}

/// Turns the trainer's reports into `Progress` for the session's watcher, keeping the cost of
/// every finished epoch for the sparkline. Called from a training thread.
final class ProgressRelay: @unchecked Sendable {
    private let lock = NSLock()
    private let title: String
    private let epochs: Int
    private let onProgress: (@Sendable (Progress) -> Void)?
    private var costs: [Double] = []
    private var _records = 0
    private var _reachedTraining = false

    init(title: String, epochs: Int, onProgress: (@Sendable (Progress) -> Void)?) {
        self.title = title
        self.epochs = epochs
        self.onProgress = onProgress
    }

    var records: Int { lock.lock(); defer { lock.unlock() }; return _records }
    /// Whether the vectors were updated at least once (training, not only counting, had begun).
    var reachedTraining: Bool { lock.lock(); defer { lock.unlock() }; return _reachedTraining }

    func report(_ p: TrainingProgress) {
        lock.lock()
        if p.records > 0 { _records = p.records }
        if p.stage == .training && (p.recordsDone > 0 || p.isEpochEnd) { _reachedTraining = true }
        if p.isEpochEnd { costs.append(p.cost) }
        let series = costs
        lock.unlock()
        guard let onProgress else { return }
        let detail: String
        switch p.stage {
        case .countingWords: detail = "counting words"
        case .countingCooccurrences: detail = "counting co-occurrences"
        case .shuffling: detail = "shuffling \(p.records) records"
        case .training: detail = "epoch \(p.epoch)/\(epochs), cost " + String(format: "%.4f", p.isEpochEnd || p.recordsDone > 0 ? p.cost : series.last ?? 0)
        }
        onProgress(Progress(title: title, fraction: p.fractionDone, detail: detail, series: series))
    }
}

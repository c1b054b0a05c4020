import Embeddings
import Foundation
import GloVe
import VectorMath

/// `train glove corpus=small-world dim=20 epochs=25`: trains GloVe at the prompt, reporting
/// progress through `session.onProgress` (the REPL draws a bar and a sparkline of the cost),
/// stopping when `session.cancellation` is requested (Ctrl-C), and then makes the new vectors
/// the session's model, so that `king - man + woman` can be asked at once. `save=FILE` also
/// writes them to a model file: `embedlab train CORPUS OUT.embv` is this command.
///
/// Unset options take `SmallWorldCorpus.hyperparameters` for the small world, the reference
/// demo's settings (`GloVeHyperparameters.referenceDemo`) for a file.
///
/// `train word2vec …` trains Word2Vec the same way (`Commands+Word2Vec.swift`); the two share
/// the options they have in common, and each refuses the other's own.
extension CommandSpec {
    static let train = CommandSpec(
        "train", arguments: .options(keywords: ["glove", "word2vec", "clip"]), options: OptionSpec.glove + OptionSpec.word2vecOnly + OptionSpec.clipOnly,
        topic: .training,
        summary: Localized(en: "train GloVe or Word2Vec vectors on a corpus; the new model is then in use",
                           zh: "在语料上训练 GloVe 向量或 Word2Vec 向量；训练完即使用新模型"),
        examples: ["train glove corpus=small-world dim=20 epochs=25", "train glove corpus=FILE dim=50 epochs=15",
                   "train word2vec corpus=small-world sg=1 dim=32 window=5 negative=15 epochs=30", "train clip pictures=6000 epochs=12"],
        effects: [.changesModel, .trains], keywordEffects: ["clip": [.trains]], files: [.reads(.option("corpus"), names: .corpus), .writes(.option("save"))],
        namingOption: "name",
        evaluate: { $0.keyword == "clip" ? try $0.trainCLIP() : $0.keyword == "word2vec" ? try $0.trainWord2Vec() : try $0.trainGloVe() })
}

extension OptionSpec {
    /// The options of `train glove` and of `embedlab train`, declared once.
    public static let glove: [OptionSpec] = [
        OptionSpec("corpus", .text, default: .text(SmallWorldCorpus.name),
                   help: Localized(en: "small-world, or a text file: one sentence a line, tokens separated by spaces (Chinese already segmented)",
                                   zh: "small-world，或文本文件：每行一句，词之间用空格分开（中文须已分词）"),
                   example: "corpus=small-world"),
        OptionSpec("dim", aliases: ["dims", "dimensions"], .integer(1...1000),
                   help: Localized(en: "the length of each vector (small world 20, a file 50)", zh: "每个向量的长度（small-world 为 20，文件为 50）"),
                   example: "dim=50"),
        OptionSpec("epochs", aliases: ["iter"], .integer(1...1000),
                   help: Localized(en: "passes over all co-occurrence records (25; 15)", zh: "遍历全部共现记录的次数（25；15）"), example: "epochs=15"),
        OptionSpec("window", .integer(1...100),
                   help: Localized(en: "context words counted on each side of a word (5; 15)", zh: "每个词两侧各计入几个上下文词（5；15）"), example: "window=10"),
        OptionSpec("min-count", aliases: ["mincount", "min_count"], .integer(1...1_000_000),
                   help: Localized(en: "words seen fewer times get no vector (1; 5)", zh: "出现次数更少的词没有向量（1；5）"), example: "min-count=5"),
        OptionSpec("max-vocab", aliases: ["maxvocab", "max_vocab"], .integer(2...10_000_000),
                   help: Localized(en: "keep at most this many of the most frequent words", zh: "最多保留这么多个最常见的词"), example: "max-vocab=100000"),
        OptionSpec("x-max", aliases: ["xmax", "x_max"], .positive(atMost: 1e6),
                   help: Localized(en: "pairs seen this often or more get full weight (10)", zh: "共现达到这么多次的词对取满权重（10）"), example: "x-max=10"),
        OptionSpec("alpha", .positive(atMost: 10),
                   help: Localized(en: "the exponent of the weighting f(x) = (x/x_max)^α (0.75)", zh: "权重函数 f(x) = (x/x_max)^α 的指数（0.75）"), example: "alpha=0.75"),
        OptionSpec("eta", aliases: ["lr"], .positive(atMost: 10),
                   help: Localized(en: "AdaGrad's initial learning rate (0.05)", zh: "AdaGrad 的初始学习率（0.05）"), example: "eta=0.05"),
        OptionSpec("threads", .integer(1...64),
                   help: Localized(en: "threads training at once (1: reproducible with a fixed seed)", zh: "同时训练的线程数（1：固定种子时结果可复现）"), example: "threads=1"),
        OptionSpec("seed", .integer(0...Int.max),
                   help: Localized(en: "seeds the initial vectors and the shuffle", zh: "初始向量和打乱顺序的随机种子"), example: "seed=42"),
        OptionSpec("name", .name, default: .text("trained"),
                   help: Localized(en: "the name the session knows the new model by", zh: "会话中新模型的名称"), example: "name=my-vectors"),
        OptionSpec("save", .text,
                   help: Localized(en: "also write the vectors (W + W̃) to this file: .embv, .bin, .txt or .vec", zh: "同时把向量（W + W̃）写入此文件：.embv、.bin、.txt 或 .vec"),
                   example: "save=small.embv"),
        OptionSpec("float16", .onOff, default: .bool(false),
                   help: Localized(en: "store float16 values in a saved .embv (half the size)", zh: "保存 .embv 时用 float16（体积减半）"), example: "float16=on"),
    ]
}

extension Invocation {
    /// Runs a trainer's loop (`train`, given what to ask whether Ctrl-C was pressed) and times it, in seconds.
    func timedTraining<Model>(_ train: (_ isCancelled: @escaping @Sendable () -> Bool) -> Model) -> (model: Model, seconds: Double) {
        let cancellation = session.cancellation
        let clock = ContinuousClock()
        let start = clock.now
        let model = train { cancellation.isRequested }
        let elapsed = (clock.now - start).components
        return (model, Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }

    func trainGloVe() throws -> Value {
        try refuseOptions(OptionSpec.word2vecOnly, of: "word2vec", in: "glove")
        try refuseOptions(OptionSpec.clipOnly, of: "clip", in: "glove")
        let request = TrainingRequest(options)
        let corpus = try request.loadCorpus(self)
        let h = request.hyperparameters
        if session.limits.memoryBytes != nil {
            let vocabulary = Vocabulary(counting: corpus, minCount: h.minCount, maxSize: h.maxVocabularySize, threads: h.threads)
            try refuseOverBudget(estimate: TrainingMemory.glove(vocabulary, corpusBytes: corpus.bytes.count, window: h.window, dimensions: h.dimensions))
        }
        let relay = ProgressRelay(title: "GloVe · \(request.corpusName)", epochs: h.epochs, language: language, onProgress: session.onProgress)
        let (model, seconds) = timedTraining { GloVeTrainer(h).train(on: corpus, progress: { relay.report($0) }, isCancelled: $0) }

        let (previous, saved) = try adoptTrainedVectors(words: model.words, matrix: model.vectors, wasCancelled: model.wasCancelled,
                                                        reachedTraining: relay.reachedTraining, request: request, minCount: h.minCount)
        let summary = TrainingSummary(
            corpus: request.corpusName, modelName: previous == nil ? nil : request.name,
            words: model.words.count, dimensions: h.dimensions, tokens: model.vocabulary.corpusTokenCount,
            records: relay.records, epochs: h.epochs, epochCosts: model.epochCosts, seconds: seconds,
            cancelled: model.wasCancelled, settings: request.settings, savedTo: saved,
            suggestions: previous == nil ? [] : request.suggestions(model, previous: previous!))
        return .table(Self.table(summary, language))
    }

    /// The summary as rows (what a check reads), with the summary itself as the detail.
    static func table(_ s: TrainingSummary, _ l: Language) -> Table {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        var rows: [[String]] = []
        if let name = s.modelName { rows.append(["model", l.text(.modelShape, ["model": name, "words": "\(s.words)", "dims": "\(s.dimensions)"])]) }
        rows.append(["corpus", "\(s.corpus): \(s.tokens) tokens, \(s.records) co-occurrence records"])
        rows.append(["epochs", "\(s.epochCosts.count) of \(s.epochs)" + (s.cancelled ? " (stopped by Ctrl-C)" : "")])
        if let first = s.epochCosts.first, let last = s.epochCosts.last {
            rows.append(["cost", "\(f(first)) after epoch 1, \(f(last)) after epoch \(s.epochCosts.count)"])
        }
        rows.append(["time", String(format: "%.2f s", s.seconds)])
        rows.append(["settings", s.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ")])
        if let saved = s.savedTo { rows.append(["saved", saved]) }
        let title: String
        if let name = s.modelName {
            title = (s.cancelled ? l.text(.trainingStopped, ["name": name]) : l.text(.trainingDone, ["corpus": s.corpus, "name": name]))
                + (s.savedTo.map { l.text(.trainingSaved, ["file": $0]) } ?? "")
        } else {
            title = l.text(.trainingStoppedBeforeStart)
        }
        return Table(title: title, headers: [], rows: rows, detail: .training(s))
    }
}

/// What `train glove …` asked for: the corpus, the settings, the model's name (checked already
/// by the command table).
struct TrainingRequest {
    var corpusName: String
    var hyperparameters: GloVeHyperparameters
    var name: String
    var isSmallWorld: Bool { corpusName == SmallWorldCorpus.name }

    init(_ options: OptionValues) {
        corpusName = options.text("corpus") ?? SmallWorldCorpus.name
        name = options.text("name") ?? "trained"
        var h: GloVeHyperparameters = corpusName == SmallWorldCorpus.name ? SmallWorldCorpus.hyperparameters : .referenceDemo
        if let n = options.integer("dim") { h.dimensions = n }
        if let n = options.integer("epochs") { h.epochs = n }
        if let n = options.integer("window") { h.window = n }
        if let n = options.integer("min-count") { h.minCount = n }
        if let n = options.integer("max-vocab") { h.maxVocabularySize = n }
        if let n = options.integer("threads") { h.threads = n }
        if let n = options.integer("seed") { h.seed = UInt64(n) }
        if let x = options.real("x-max") { h.xMax = Float(x) }
        if let x = options.real("alpha") { h.alpha = Float(x) }
        if let x = options.real("eta") { h.learningRate = Float(x) }
        hyperparameters = h
    }

    /// The small world, or the corpus file (a relative path starts in `session.fileFolder`).
    func loadCorpus(_ invocation: Invocation) throws -> Corpus {
        let language = invocation.language
        let span = invocation.options.spans["corpus"] ?? invocation.span
        if isSmallWorld { return SmallWorldCorpus().corpus }
        let path = invocation.path(.option("corpus")) ?? corpusName
        do {
            return try Corpus(contentsOfFile: path)
        } catch {
            throw WorkbenchError("\(error)", at: span, hint: language.text(.corpusHint))
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
        suggestions(words: model.words, previous: previous)
    }

    /// What to try on new vectors for `words` (most frequent first).
    func suggestions(words: [String], previous: String) -> [String] {
        var out: [String]
        if isSmallWorld {
            out = ["king - man + woman", "北京 - 中国 + 法国", "near 猫"]
        } else {
            out = ["near \(words[min(words.count - 1, 100)])"]
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
    private let onProgress: (@Sendable (WorkProgress) -> Void)?
    private var costs: [Double] = []
    private var _records = 0
    private var _reachedTraining = false

    private let language: Language
    /// GloVe reports a cost, Word2Vec a loss.
    private let method: TrainingSummary.Method

    init(title: String, epochs: Int, language: Language, method: TrainingSummary.Method = .glove,
         onProgress: (@Sendable (WorkProgress) -> Void)?) {
        self.language = language
        self.method = method
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
        case .countingWords: detail = language.text(.stageCountingWords)
        case .countingCooccurrences: detail = language.text(.stageCountingCooccurrences)
        case .shuffling: detail = language.text(.stageShuffling, ["n": "\(p.records)"])
        case .training: detail = language.text(method == .word2vec ? .word2vecStageTraining : .stageTraining, ["epoch": "\(p.epoch)", "epochs": "\(epochs)",
                                                               "cost": String(format: "%.4f", p.isEpochEnd || p.recordsDone > 0 ? p.cost : series.last ?? 0)])
        }
        onProgress(WorkProgress(title: title, fraction: p.fractionDone, detail: detail, series: series, stage: "\(p.stage)"))
    }
}

extension Invocation {
    /// After a training run (GloVe or Word2Vec): refuse a corpus too small to give two words, then
    /// adopt the vectors as the session's model, saving them first with `save=`. A run stopped while
    /// still counting has only random vectors, so the session keeps its model (`previous` is nil).
    func adoptTrainedVectors(words: [String], matrix: Matrix, wasCancelled: Bool, reachedTraining: Bool,
                             request: TrainingRequest, minCount: Int) throws -> (previous: String?, saved: String?) {
        guard words.count >= 2 || wasCancelled else {
            throw WorkbenchError(language.text(.trainingTooFewWords, ["corpus": request.corpusName, "n": "\(words.count)", "min": "\(minCount)"]),
                                 at: span, hint: language.text(.trainingTooFewWordsHint))
        }
        guard !wasCancelled || reachedTraining else { return (nil, nil) }
        let previous = session.model.name
        let vectors = try WordVectors(name: request.name, words: words, matrix: matrix)
        var saved: String?
        if let path = options.text("save") {
            do { try vectors.save(path: self.path(.option("save")) ?? path, float16: options.bool("float16") ?? false) } catch {
                throw WorkbenchError(language.text(.cannotWriteFile, ["file": path, "reason": "\(error)"]), at: options.spans["save"] ?? span,
                                     hint: language.text(.cannotWriteFileHint))
            }
            saved = path
        }
        session.adopt(vectors)
        return (previous, saved)
    }
}

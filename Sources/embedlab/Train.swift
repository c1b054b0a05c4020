import FileAccess
import ArgumentParser
import Foundation
import GloVe
import Rendering
import Workbench

/// `embedlab train CORPUS OUT.embv`: the workbench's `train glove corpus=CORPUS save=OUT`, from the
/// command line: the options are the table's (`OptionSpec.glove`), checked there; the stages and
/// the cost of every epoch are printed as they happen, as the Stanford programs print theirs.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train GloVe or Word2Vec vectors on a corpus and write them as a model file.",
        discussion: """
        CORPUS is `small-world` (EmbedLab's own bilingual toy corpus, trained in a blink) or a UTF-8 text file: \
        one sentence or paragraph a line, tokens separated by spaces, Chinese already segmented (gunzip it first). \
        Options left out take the small world's settings (20 dims, 25 epochs, window 5, min count 1, x_max 10, \
        1 thread) or, for a file, the reference demo's (50 dims, 15 epochs, window 15, min count 5, x_max 10). \
        With --threads 1 and a fixed --seed, two runs write identical vectors. \
        The same as typing `train glove corpus=CORPUS save=OUT …` at the prompt.

        --method word2vec trains Word2Vec instead (`train word2vec …`): skip-gram (--sg 1) or CBOW (--sg 0) with \
        --negative noise words and --sample subsampling; left-out options take the small world's Word2Vec settings \
        (skip-gram, 32 dims, 30 epochs, window 5, 15 noise words) or, for a file, gensim's defaults (CBOW, 100 dims, \
        5 epochs, window 5, 5 noise words, sample 0.001, min count 5). --eta is then its starting learning rate.

        Example: embedlab train small-world /tmp/small.embv && embedlab query /tmp/small.embv 'king - man + woman'
        """)

    @Argument(help: "`small-world`, or a text file: one sentence a line, tokens separated by spaces.", completion: Completions.corpus)
    var corpus: String

    @Argument(help: "The model file to write: .embv (EmbedLab), .bin (word2vec binary), .txt or .vec (word2vec text).", completion: .file(extensions: ["embv", "bin", "txt", "vec"]))
    var output: String

    @Option(help: "glove (counts co-occurrences) or word2vec (predicts words from their neighbours).") var method: String = "glove"
    @Option(help: "The length of each vector (1–1000).") var dim: Int?
    @Option(help: "Passes over all co-occurrence records (1–1000).") var epochs: Int?
    @Option(help: "Context words counted on each side of a word (1–100).") var window: Int?
    @Option(help: "Words seen fewer times get no vector.") var minCount: Int?
    @Option(help: "Keep at most this many of the most frequent words.") var maxVocab: Int?
    @Option(help: "Pairs seen this often or more get full weight in the cost.") var xMax: Double?
    @Option(help: "The exponent of the weighting function.") var alpha: Double?
    @Option(help: "AdaGrad's initial learning rate.") var eta: Double?
    @Option(help: "Threads training at once (1–64; 1: reproducible with a fixed seed).") var threads: Int?
    @Option(help: "Seeds the initial vectors and the shuffle.") var seed: Int?
    @Option(help: "Word2Vec: 1 for skip-gram, 0 for CBOW.") var sg: Int?
    @Option(help: "Word2Vec: noise words drawn for every real one (1–100).") var negative: Int?
    @Option(help: "Word2Vec: frequent words above this frequency are dropped at random (0–1).") var sample: Double?
    @Flag(help: "Store float16 values in the .embv file (half the size).") var float16 = false
    @Flag(name: .customLong("write-corpus"), help: "Write the small world's sentences to OUTPUT, one a line (what gensim's Word2Vec reads; :python's code for train word2vec uses it), instead of training.") var writeCorpus = false
    @OptionGroup var out: OutputOptions

    func run() throws {
        if writeCorpus { return try writeSentences() }
        var options: [(String, String)] = [("corpus", corpus), ("save", output), ("name", Self.modelName(output))]
        let given: [(String, CustomStringConvertible?)] = [
            ("dim", dim), ("epochs", epochs), ("window", window), ("min-count", minCount), ("max-vocab", maxVocab),
            ("x-max", xMax), ("alpha", alpha), ("eta", eta), ("threads", threads), ("seed", seed),
            ("sg", sg), ("negative", negative), ("sample", sample),
        ]
        for case let (name, value?) in given { options.append((name, value.description)) }
        if float16 { options.append(("float16", "on")) }
        guard ["glove", "word2vec"].contains(method) else {
            throw ValidationError("--method is glove or word2vec, not '\(method)'")
        }
        try out.check(options, against: OptionSpec.glove + OptionSpec.word2vecOnly)
        let session = try out.session(Environment.defaultModel)
        let log = StageLog(quiet: out.json, method: method)
        session.onProgress = { log.report($0) }
        try out.print(input: "train \(method)") { try session.invoke("train", text: method, options: options) }
    }

    /// `embedlab train small-world small-world.txt --write-corpus`: the generated sentences as a text file.
    func writeSentences() throws {
        guard corpus == SmallWorldCorpus.name else {
            Environment.warn(out.language.text(.errorPrefix) + out.language.pick(
                en: "--write-corpus writes the small world's sentences; \(corpus) is a file already: give it to gensim as it is",
                zh: "--write-corpus 写出小世界语料的句子；\(corpus) 本来就是文件：直接交给 gensim"))
            throw ExitCode(64)
        }
        let world = SmallWorldCorpus()
        do { try SafeWrite.replace(output, with: Array((world.text + "\n").utf8), policy: nil) } catch {
            Environment.warn(out.language.text(.errorPrefix) + "\(error)")
            throw ExitCode(1)
        }
        print(out.language.pick(en: "wrote \(output): the small world's \(world.lines.count) sentences, one a line",
                                zh: "已写出 \(output)：小世界语料的 \(world.lines.count) 个句子，每行一句"))
    }

    /// `out/small.embv` is known as `small`.
    static func modelName(_ path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return name.isEmpty || name.contains("/") ? "trained" : name
    }
}

/// Prints a line when a stage starts and when an epoch ends (reports come from a training thread).
private final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private var lastStage = ""
    private var epochs = 0
    /// GloVe's line is the Stanford trainer's (`iter: 001, cost: …`); Word2Vec reports its loss per epoch.
    private let epochFormat: String

    init(quiet: Bool, method: String) {
        self.quiet = quiet
        epochFormat = method == "word2vec" ? "epoch: %03d, loss: %.6f" : "iter: %03d, cost: %.6f"
    }

    func report(_ p: WorkProgress) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock(); fflush(nil) }
        let stage = p.stage
        if p.series.count > epochs {
            epochs = p.series.count
            print(String(format: epochFormat, epochs, p.series.last ?? 0))
        } else if stage != lastStage, stage != "training" {
            print(p.detail + "…")
        }
        lastStage = stage
    }
}

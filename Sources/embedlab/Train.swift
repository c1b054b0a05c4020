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
        abstract: HelpText.pick("Train GloVe or Word2Vec vectors on a corpus and write them as a model file.", zh: "在语料上训练 GloVe 或 Word2Vec 向量，并写成模型文件。", indent: HelpText.column),
        discussion: HelpText.pick("""
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
        """, zh: "语料是 `small-world`（EmbedLab 自带的双语小语料，一眨眼就训练完）或 UTF-8 文本文件：每行一句或一段，词以空格分隔，中文需先分好词（gz 文件请先解压）。未给出的选项取小世界的设置（20 维、25 轮、窗口 5、最小词频 1、x_max 10、1 个线程），文件则取参考示例的设置（50 维、15 轮、窗口 15、最小词频 5、x_max 10）。用 --threads 1 和固定的 --seed，两次运行写出相同的向量。等同于在提示符下输入 `train glove corpus=语料 save=输出 …`。\n\n--method word2vec 改为训练 Word2Vec（`train word2vec …`）：skip-gram（--sg 1）或 CBOW（--sg 0），--negative 个噪声词，--sample 下采样；未给出的选项取小世界的 Word2Vec 设置（skip-gram、32 维、30 轮、窗口 5、15 个噪声词），文件则取 gensim 的默认值（CBOW、100 维、5 轮、窗口 5、5 个噪声词、sample 0.001、最小词频 5）。此时 --eta 是起始学习率。\n\n例：embedlab train small-world /tmp/small.embv && embedlab query /tmp/small.embv 'king - man + woman'"))

    @Argument(help: .l("`small-world`, or a text file: one sentence a line, tokens separated by spaces.", zh: "`small-world`，或文本文件：每行一句，词以空格分隔。"), completion: Completions.corpus)
    var corpus: String

    @Argument(help: .l("The model file to write: .embv (EmbedLab), .bin (word2vec binary), .txt or .vec (word2vec text).", zh: "要写出的模型文件：.embv（EmbedLab）、.bin（word2vec 二进制）、.txt 或 .vec（word2vec 文本）。"), completion: .file(extensions: ["embv", "bin", "txt", "vec"]))
    var output: String

    @Option(help: .l("glove (counts co-occurrences) or word2vec (predicts words from their neighbours).", zh: "glove（统计共现）或 word2vec（由邻近的词预测词）。", suffixed: true)) var method: String = "glove"
    @Option(help: .l("The length of each vector (1–1000).", zh: "每个向量的长度（1–1000）。")) var dim: Int?
    @Option(help: .l("Passes over all co-occurrence records (1–1000).", zh: "遍历全部共现记录的轮数（1–1000）。")) var epochs: Int?
    @Option(help: .l("Context words counted on each side of a word (1–100).", zh: "词两侧各计入多少个上下文词（1–100）。")) var window: Int?
    @Option(help: .l("Words seen fewer times get no vector.", zh: "出现次数少于此数的词没有向量。")) var minCount: Int?
    @Option(help: .l("Keep at most this many of the most frequent words.", zh: "最多保留这么多个最常见的词。")) var maxVocab: Int?
    @Option(help: .l("Pairs seen this often or more get full weight in the cost.", zh: "出现至少这么多次的词对在代价中取满权重。")) var xMax: Double?
    @Option(help: .l("The exponent of the weighting function.", zh: "权重函数的指数。")) var alpha: Double?
    @Option(help: .l("AdaGrad's initial learning rate.", zh: "AdaGrad 的初始学习率。")) var eta: Double?
    @Option(help: .l("Threads training at once (1–64; 1: reproducible with a fixed seed).", zh: "同时训练的线程数（1–64；1：固定种子时结果可复现）。")) var threads: Int?
    @Option(help: .l("Seeds the initial vectors and the shuffle.", zh: "初始向量和打乱顺序所用的种子。")) var seed: Int?
    @Option(help: .l("Word2Vec: 1 for skip-gram, 0 for CBOW.", zh: "Word2Vec：1 为 skip-gram，0 为 CBOW。")) var sg: Int?
    @Option(help: .l("Word2Vec: noise words drawn for every real one (1–100).", zh: "Word2Vec：每个真实词抽取的噪声词数（1–100）。")) var negative: Int?
    @Option(help: .l("Word2Vec: frequent words above this frequency are dropped at random (0–1).", zh: "Word2Vec：频率高于此值的常见词随机丢弃（0–1）。")) var sample: Double?
    @Flag(help: .l("Store float16 values in the .embv file (half the size).", zh: ".embv 文件中以 float16 存储数值（大小减半）。")) var float16 = false
    @Flag(name: .customLong("write-corpus"), help: .l("Write the small world's sentences to OUTPUT, one a line (what gensim's Word2Vec reads; :python's code for train word2vec uses it), instead of training.", zh: "把小世界语料的句子写入输出文件，每行一句（gensim 的 Word2Vec 读的就是它；:python 给 train word2vec 的代码会用到），而不训练。")) var writeCorpus = false
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
        print(out.language.text(.wroteSmallWorld, ["file": output, "n": "\(world.lines.count)"]))
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

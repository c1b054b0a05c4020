import ArgumentParser
import Foundation
import Rendering
import Workbench

/// `embedlab eval MODEL FILE`: the workbench's `eval FILE` on a model, from the command line.
/// `embedlab eval M F --json` and `embedlab query M 'eval F' --json` print the same JSON.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Score a model on analogy questions (questions-words format) or word-pair similarities.", zh: "用类比题（questions-words 格式）或词对相似度给模型打分。", indent: HelpText.column),
        discussion: HelpText.pick("""
        Analogy files have ': section' lines and four words a line (a b c d: a is to b as c is to d); \
        pair files are tab-separated 'word1 word2 score' lines with '#' comments. `small-world` is the \
        generated world's own questions. Results match gensim's evaluate_word_analogies / \
        evaluate_word_pairs (case-insensitive). The same as typing `eval FILE` at the prompt.
        """, zh: "类比文件有 ': 分节' 行，每行四个词（a b c d：a 之于 b 如同 c 之于 d）；词对文件是以制表符分隔的 '词1 词2 分数' 行，'#' 开头为注释。`small-world` 是生成的小世界自带的题目。结果与 gensim 的 evaluate_word_analogies / evaluate_word_pairs 一致（不区分大小写）。等同于在提示符下输入 `eval 文件`。"))

    @Argument(help: .l("A bundled model name (`embedlab models`) or a vectors file.", zh: "内置模型的名称（`embedlab models`）或向量文件。"), completion: Completions.model)
    var model: String

    @Argument(help: .l("An analogy questions file, a word-pair similarity file, or small-world.", zh: "类比题文件、词对相似度文件，或 small-world。"), completion: Completions.questions)
    var file: String

    @Option(help: .l("Use only the N most frequent words (gensim's restrict_vocab; default 300000).", zh: "只用最常见的 N 个词（即 gensim 的 restrict_vocab；默认 300000）。"))
    var restrict: Int?

    @Flag(help: .l("Treat FILE as word pairs (otherwise guessed: tabs and no ': ' sections).", zh: "把文件当作词对（否则自动猜测：有制表符且没有 ': ' 分节）。"))
    var pairs = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        var options: [(String, String)] = []
        if let restrict { options.append(("restrict", String(restrict))) }
        if pairs { options.append(("pairs", "on")) }
        try output.check(options, against: CommandTable.standard.command("eval")?.options ?? [])
        let session = try output.session(anyModel: model)
        try output.refuseEncoder(session, command: "eval",
                                 instead: "embedlab eval \(output.language == .zh ? "zh-wiki" : "glove-50d") \(file)")
        try output.print(input: "eval \(file)") { try session.invoke("eval", text: file, options: options) }
    }
}

import ArgumentParser
import Foundation
import Rendering
import Workbench

/// `embedlab eval MODEL FILE`: the workbench's `eval FILE` on a model, from the command line.
/// `embedlab eval M F --json` and `embedlab query M 'eval F' --json` print the same JSON.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a model on analogy questions (questions-words format) or word-pair similarities.",
        discussion: """
        Analogy files have ': section' lines and four words a line (a b c d: a is to b as c is to d); \
        pair files are tab-separated 'word1 word2 score' lines with '#' comments. `small-world` is the \
        generated world's own questions. Results match gensim's evaluate_word_analogies / \
        evaluate_word_pairs (case-insensitive). The same as typing `eval FILE` at the prompt.
        """)

    @Argument(help: "A bundled model name (`embedlab models`) or a vectors file.", completion: Completions.model)
    var model: String

    @Argument(help: "An analogy questions file, a word-pair similarity file, or small-world.", completion: Completions.questions)
    var file: String

    @Option(help: "Use only the N most frequent words (gensim's restrict_vocab; default 300000).")
    var restrict: Int?

    @Flag(help: "Treat FILE as word pairs (otherwise guessed: tabs and no ': ' sections).")
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

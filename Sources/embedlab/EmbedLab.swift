import ArgumentParser

/// `embedlab`: the REPL by default; subcommands for scripts and instructors.
@main
struct EmbedLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedlab",
        abstract: HelpText.pick("Learn word embeddings at the prompt: king - man + woman ≈ queen.", zh: "在提示符下学习词向量：king - man + woman ≈ queen。", indent: HelpText.column),
        discussion: HelpText.pick("""
        With no subcommand, starts the REPL on the default model (glove-50d; zh-wiki with --lang zh or a Chinese LANG). \
        Models are named (glove-50d, toy, library: see `embedlab models`) or given as a path \
        to a word2vec/GloVe text or binary file or an EmbedLab .embv file.
        """, zh: "不带子命令时，在默认模型上启动 REPL（glove-50d；用 --lang zh 或中文 LANG 时为 zh-wiki）。模型可以用名称指定（glove-50d、toy、library：见 `embedlab models`），或给出 word2vec/GloVe 文本或二进制文件、EmbedLab .embv 文件的路径。"),
        version: "embedlab \(Version.number)",
        subcommands: [Repl.self, Query.self, Eval.self, Convert.self, Train.self, ModelList.self, Embed.self, Run.self, Check.self, Demo.self, LessonCommand.self, Export.self, Projector.self],
        defaultSubcommand: Repl.self)

    /// `embedlab` alone, the learner's way in, starts the REPL without building the parser for
    /// every subcommand (its reflection costs milliseconds before the first prompt); any argument
    /// goes through the full parser.
    static func main() {
        guard CommandLine.arguments.count == 1 else { return main(nil) }
        do {
            try Repl.start(model: nil, lang: nil, lesson: nil)
        } catch {
            exit(withError: error)
        }
    }
}

import ArgumentParser

/// `embedlab`: the REPL by default; subcommands for scripts and instructors.
@main
struct EmbedLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedlab",
        abstract: "Learn word embeddings at the prompt: king - man + woman ≈ queen.",
        discussion: """
        With no subcommand, starts the REPL on the default model (glove-50d; zh-wiki with --lang zh or a Chinese LANG). \
        Models are named (glove-50d, toy, library: see `embedlab models`) or given as a path \
        to a word2vec/GloVe text or binary file or an EmbedLab .embv file.
        """,
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

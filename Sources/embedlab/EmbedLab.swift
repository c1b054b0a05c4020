import ArgumentParser

/// `embedlab`: the REPL by default; subcommands for scripts and instructors.
@main
struct EmbedLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedlab",
        abstract: "Learn word embeddings at the prompt: king - man + woman ≈ queen.",
        discussion: """
        With no subcommand, starts the REPL on the default model (glove-50d).
        Models are named (glove-50d, toy, library: see `embedlab models`) or given as a path
        to a word2vec/GloVe text or binary file or an EmbedLab .embv file.
        """,
        subcommands: [Repl.self, Query.self, Eval.self, Convert.self, Train.self, Models.self, Embed.self, Run.self, Check.self, Demo.self, LessonCommand.self, Export.self, Projector.self],
        defaultSubcommand: Repl.self)
}

import ArgumentParser

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the interactive prompt (the default).")
    @Option(help: "The model to start with.") var model: String = Environment.defaultModel
    func run() throws {
        let session = try Query.session(model)
        print("EmbedLab on \(session.model.name)")
    }
}

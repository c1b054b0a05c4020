import ArgumentParser

/// `embedlab-bench COMMAND --option value ...`: the options scripts/bench.sh passes, parsed by
/// swift-argument-parser (`embedlab-bench help COMMAND` lists them).
struct EmbedLabBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedlab-bench",
        abstract: "EmbedLab's side of scripts/bench.sh (release build; run by the script, never by the tests).",
        subcommands: [PrepareCommand.self, RunCommand.self, GemmCommand.self, FocusCommand.self, ZhWikiCommand.self])
}

struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prepare", abstract: "Write the data both sides use: raw matrices, word2vec text, query rows.")
    @Option(help: "The bundled model (.embv).") var model: String
    @Option(help: "The folder with large.f32; the data is written there.") var data: String
    @Option(name: .customLong("large-rows"), help: "Rows of large.f32.") var largeRows: Int
    @Option(help: "Query rows drawn from each matrix.") var queries = 200
    @Option(help: "Seed of the query draw.") var seed = 1
    func run() throws { try Prepare.run(self) }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Time EmbedLab on the prepared data and print the table with the peer's figures.")
    @Option(help: "The bundled model (.embv).") var model: String
    @Option(help: "The folder `prepare` wrote and the peer's reports are in.") var data: String
    @Option(help: "questions-words.txt.") var questions: String
    @Option(help: "Words the analogy evaluation may answer with.") var restrict = 30_000
    @Option(help: "Untimed nearest-neighbour queries first.") var warmup = 20
    @Flag(help: "Print one JSON object of the figures as the last line.") var json = false
    func run() throws { try Run.run(self) }
}

struct GemmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gemm", abstract: "Time the matrix product on the shapes EmbedLab uses (1 and all threads).")
    @Option(help: "Timed runs per shape.") var repeats = 20
    func run() throws { try MatrixProductBenchmark.run(self) }
}

struct FocusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "focus", abstract: "Time one part alone (batch: 200 queries over 400k; eval: questions-words), with CPU time.")
    @Option(help: "batch, eval or nearest.") var part: String
    @Option(help: "The folder `prepare` wrote.") var data: String
    @Option(help: "Timed runs.") var repeats = 7
    @Option(help: "Rows of large.f32 (batch).") var rows = 400_000
    @Option(help: "The model (eval).") var model: String?
    @Option(help: "questions-words.txt (eval).") var questions: String?
    func run() throws { try FocusBenchmark.run(self) }
}

struct ZhWikiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "zhwiki", abstract: "Open zh-wiki (int8, in place) and time its nearest neighbours beside a 400k × 50 float16 scan.")
    @Option(help: "The model (.embv).") var model = "vectors/zh-wiki.embv"
    @Option(help: "Timed queries.") var queries = 200
    @Option(help: "Seed of the query draw.") var seed = 1
    @Flag(help: "Print one JSON object of the figures as the last line.") var json = false
    func run() throws { try ZhWikiBenchmark.run(self) }
}

enum BenchError: Error, CustomStringConvertible {
    case message(String)
    var description: String {
        switch self { case .message(let text): return text }
    }
}

/// The one table of commands. Everything that needs to know the commands reads it: the parser
/// (which words start a command, which are functions, which take text), the evaluator (which
/// function to call), `:help`, Tab completion, the REPL's routing of `:` commands, and the command
/// line. A command is added by declaring it (`CommandSpec`, usually in its own file under
/// `Commands/`) and listing it here.
public struct CommandTable: Sendable {
    public let commands: [CommandSpec]
    private let byName: [String: Int]

    public init(_ commands: [CommandSpec]) {
        self.commands = commands
        var byName: [String: Int] = [:]
        for (i, c) in commands.enumerated() { for n in c.names where byName[n] == nil { byName[n] = i } }
        self.byName = byName
    }

    /// Every command EmbedLab knows, in the order `:help` lists them.
    public static let standard = CommandTable([
        // words and vectors
        .show, .vars, .dims,
        // similarity
        .sim, .dist, .dot, .norm, .embed, .row,
        // neighbours
        .near, .odd, .rank, .analogy,
        // what embeddings are for
        .search, .recommend, .classify, .index,
        // model
        .plot, .vocab, .eval, .models, .use, .load, .set,
        // text
        .tokens, .bpe, .cooccur,
        // training
        .train,
        // pictures and words (CLIP)
        .picture, .draw, .caption, .pictures,
        // session
        .help, .lang, .save, .export, .python, .quit,
        // lessons
        .lesson, .hint, .skip, .back, .progress,
    ])

    /// The command named `name` (with or without aliases); meta commands are looked up with their `:`.
    public func command(_ name: String) -> CommandSpec? {
        byName[name].map { commands[$0] } ?? byName[name.lowercased()].map { commands[$0] }
    }

    /// Names that start a command at the beginning of a line (not the `:` ones).
    public var lineCommandNames: [String] { commands.filter { !$0.isMeta }.flatMap(\.names) }
    /// `:help`, `:use`, … with their aliases.
    public var metaCommandNames: [String] { commands.filter(\.isMeta).flatMap(\.names) }
    /// Names that may be written as functions: `cos(猫, 狗)`.
    public var functionNames: [String] { commands.filter(\.isFunction).flatMap(\.names) }

    public func isLineCommand(_ word: String) -> Bool { command(word).map { !$0.isMeta } ?? false }
    public func isFunction(_ word: String) -> Bool { command(word)?.isFunction ?? false }
    public func takesText(_ word: String) -> Bool {
        guard let c = command(word), !c.isMeta else { return false }
        switch c.arguments {
        case .text, .options: return true
        case .none, .expressions: return false
        }
    }

    public func commands(in topic: HelpTopic) -> [CommandSpec] { commands.filter { $0.topic == topic } }
}

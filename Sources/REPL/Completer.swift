import Embeddings
import Workbench

/// What Tab offers, from the line so far and the word being typed, read from the command table:
/// `:` commands after a leading `:`, then what the command declares for its arguments (models
/// after `:use`, topics after `:help`, settings after `:set`, options after `train glove`);
/// commands at the start of a line; then variables and vocabulary words, most frequent first
/// (北 completes to 北京 as "ki" does to king).
public struct Completer {
    public let session: Session
    /// Lesson ids, for `:lesson` (the REPL knows them; the workbench does not).
    public var lessonIDs: () -> [String]

    public init(session: Session, lessonIDs: @escaping () -> [String] = { [] }) {
        self.session = session
        self.lessonIDs = lessonIDs
    }

    /// Candidates for `text`, the word under the cursor; `line` is everything typed before it.
    public func candidates(for text: String, lineBefore line: String) -> [String] {
        let table = session.commands
        let before = String(line.drop { $0.isWhitespace })
        if before.isEmpty, text.hasPrefix(":") {
            return table.metaCommandNames.filter { $0.hasPrefix(text) }
        }
        let firstWord = before.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        if let command = table.command(firstWord) {
            let previous = before.split(whereSeparator: \.isWhitespace).dropFirst().map(String.init)
            if command.completions != .words {
                return arguments(of: command, after: previous).filter { $0.hasPrefix(text) }
            }
        }
        var out: [String] = []
        if before.isEmpty { out += (table.lineCommandNames.sorted() + ["let"]).filter { $0.hasPrefix(text) } }
        out += session.variables.keys.sorted().filter { $0.hasPrefix(text) }
        guard !text.isEmpty else { return out }
        for word in session.model.words where word.hasPrefix(text) { out.append(word) }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// What a command's declaration offers after the words already typed.
    func arguments(of command: CommandSpec, after previous: [String]) -> [String] {
        switch command.completions {
        case .none, .words: return []
        case .models: return session.catalog.entries().map(\.name)
        case .help: return HelpTopic.allCases.map(\.rawValue) + session.commands.commands.map(\.name).filter { !$0.hasPrefix(":") }
        case .lessons: return lessonIDs() + ["off"]
        case .fixed(let words): return words
        case .settings:
            // :set NAME, then the values NAME accepts.
            if let name = previous.first, let spec = OptionSpec.settings.first(where: { $0.isNamed(name) }) {
                switch spec.kind {
                case .onOff: return ["on", "off"]
                case .choice(let words): return words
                case .integerOrOff: return ["off"]
                default: return []
                }
            }
            return OptionSpec.settings.map(\.name)
        case .options:
            switch command.arguments {
            case .text(_, let keyword?, _) where previous.isEmpty: return [keyword]
            case .options(let keywords) where previous.isEmpty && !keywords.isEmpty: return keywords
            default: break
            }
            let given = Set(previous.compactMap { $0.split(separator: "=").first.map(String.init) })
            return command.options.filter { !given.contains($0.name) }.map { $0.name + "=" }
        }
    }
}

/// Helpers for completion lists.
public enum Completion {
    /// The longest prefix (in whole characters) that every candidate shares.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for c in candidates.dropFirst() {
            let chars = Array(c)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        return String(prefix)
    }
}

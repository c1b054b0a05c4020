import Embeddings
import Workbench

/// What Tab offers, from the line so far and the word being typed: meta commands after a
/// leading `:`, model names after `:use`, commands at the start of a line, then variables and
/// vocabulary words (most frequent first; 北 completes to 北京 as king's "ki" does to king).
public struct Completer {
    public let session: Session
    public var metaCommands: [String]

    public init(session: Session, metaCommands: [String]) {
        self.session = session
        self.metaCommands = metaCommands
    }

    /// Candidates for `text`, the word under the cursor; `line` is everything typed before it.
    public func candidates(for text: String, lineBefore line: String) -> [String] {
        let before = line.trimmingWhitespaceStart
        if before.isEmpty, text.hasPrefix(":") {
            return metaCommands.filter { $0.hasPrefix(text) }
        }
        if before.hasPrefix(":use") || before.hasPrefix(":load") {
            return session.catalog.entries().map(\.name).filter { $0.hasPrefix(text) }
        }
        if before.hasPrefix(":lesson") || before.hasPrefix(":help") || before.hasPrefix(":set") {
            return extraCandidates(before).filter { $0.hasPrefix(text) }
        }
        var out: [String] = []
        if before.isEmpty { out += (Parser.commandNames.sorted() + ["let"]).filter { $0.hasPrefix(text) } }
        out += session.variables.keys.sorted().filter { $0.hasPrefix(text) }
        guard !text.isEmpty else { return out }
        for word in session.model.words where word.hasPrefix(text) { out.append(word) }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// Completions for the arguments of some meta commands.
    public var argumentCandidates: [String: [String]] = [:]

    private func extraCandidates(_ before: String) -> [String] {
        let command = String(before.split(separator: " ").first ?? "")
        if command == ":help" { return Help.topics.map(\.name) }
        if command == ":set" { return ["k", "exclude", "method", "restrict", "on", "off", "3cosadd", "3cosmul"] }
        return argumentCandidates[command] ?? []
    }
}

extension String {
    var trimmingWhitespaceStart: String { String(drop { $0.isWhitespace }) }
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

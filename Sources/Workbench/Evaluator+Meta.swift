import Embeddings
import Foundation

extension Evaluator {
    /// Meta commands the workbench itself understands. The REPL handles its own (`:quit`, `:save`,
    /// `:lesson` …) before a line gets here.
    func meta(_ name: String, _ rest: String, _ span: Span) throws -> Value {
        switch name {
        case "help", "h", "?":
            return .text(Help.text(topic: rest.isEmpty ? nil : rest))
        case "models":
            let current = model.name
            let rows: [[String]] = session.catalog.entries().map { entry in
                let shape = (try? WordVectors.load(path: entry.path)).map { "\($0.count) × \($0.dimensions)" } ?? "unreadable"
                return [entry.name == current ? "* \(entry.name)" : "  \(entry.name)", shape, String(format: "%.1f MB", Double(entry.bytes) / 1e6)]
            }
            return .table(Table(title: "bundled models (* = in use); switch with :use NAME", headers: ["model", "words × dims", "size"], rows: rows, numericColumns: [2]))
        case "use", "load":
            guard !rest.isEmpty else {
                throw WorkbenchError(":\(name) needs a model name or file", at: span, hint: name == "use" ? ":use glove-50d  (:models lists them)" : ":load path/to/vectors.txt")
            }
            let m = try session.use(rest)
            return .text("now using \(m.name): \(m.count) words × \(m.dimensions) dimensions")
        case "set":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.isEmpty {
                return .table(Table(title: "settings (change with :set NAME VALUE)", headers: ["setting", "value"], rows: settings.summary.map { [$0.0, $0.1] }))
            }
            guard parts.count == 2 else {
                throw WorkbenchError(":set needs a name and a value", at: span, hint: ":set k 5, :set exclude off, :set method 3cosmul, :set restrict 10000")
            }
            var changed = settings
            let message = try changed.apply(parts[0], parts[1].trimmingWhitespace)
            session.settings = changed
            return .text(message)
        default:
            throw WorkbenchError("unknown command :\(name)", at: span, hint: ":help lists the commands")
        }
    }
}

import FileAccess
import Foundation
import Embeddings
import Workbench

/// What a graded answer may read: files under the lesson's own folder and the bundled models,
/// nothing else; and it may write nothing. The REPL itself keeps full access for its user; this
/// applies to answers being graded (runner, `lesson grade`, `lesson lint`).
///
/// The sandbox reads the parsed statement before it runs, to refuse with a message about the
/// answer (`:use PATH`, `:load PATH`, `eval FILE` and `train glove corpus=FILE` name files;
/// `:save` writes one); the session it grades in also carries the same `ReadPolicy`, which the
/// file opener enforces on the file actually opened (links followed), whatever command opens it.
///
///     let sandbox = AnswerSandbox(roots: ["/course/lessons"], catalog: catalog)
///     try sandbox.allow(Parser.parse(":load /etc/passwd"))   // throws: outside the lesson's folder
public struct AnswerSandbox: Sendable {
    /// The policy the file opener enforces: the roots and the bundled model folders.
    public let policy: ReadPolicy
    let modelNames: Set<String>
    /// The lesson's folder (the first root), where a relative corpus file starts.
    let folder: String

    public init(roots: [String], catalog: ModelCatalog) {
        folder = roots.first ?? "."
        policy = ReadPolicy(readable: roots + catalog.directories + SearchState.collectionFolders(for: catalog))
        // The bundled static models (NAME.embv) and transformer encoders (NAME.embt).
        let encoders = catalog.directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
            .filter { $0.hasSuffix(".embt") }.map { String($0.dropLast(5)) }
        modelNames = Set(catalog.entries().map(\.name) + encoders)
    }

    /// Throws a message for the learner when the statement would read outside the roots or write.
    public func allow(_ statement: Statement) throws {
        switch statement {
        case .meta(let name, let rest, let span):
            if ["save", "export", "history"].contains(name) {
                throw WorkbenchError("an answer cannot write files (:\(name))", at: span, hint: "answer with a command that computes the result")
            }
            if name == "use" || name == "load", !rest.isEmpty, !modelNames.contains(rest), rest != "trained" {
                try allowRead(rest, span)
            }
        case .command("eval", let args, let span):
            if case .text(let raw, _)? = args.first,
               let file = raw.split(separator: " ").first(where: { !$0.contains("=") }).map(String.init), file != "small-world" {
                try allowRead(file, span)
            }
        case .command("train", let args, let span):
            if case .text(let raw, _)? = args.first {
                let call = CommandPattern.tokens(raw)
                // A relative corpus starts in the lesson's folder (`Session.fileFolder`).
                for case .option("corpus", let file) in call where file != "small-world" {
                    let isRelative = !file.hasPrefix("/") && !file.hasPrefix("~")
                    try allowRead(isRelative ? (folder as NSString).appendingPathComponent(file) : file, span)
                }
            }
        default:
            break
        }
    }

    func allowRead(_ path: String, _ span: Span) throws {
        let full = ReadPolicy.canonical(path)
        guard policy.readableRoots.contains(where: { $0 == "/" || full == $0 || full.hasPrefix($0 + "/") }) else {
            throw WorkbenchError("an answer may only read files in the lesson's folder and the bundled models, not \(path)",
                                 at: span, hint: "put the file beside the lesson, or use a bundled model (:models lists them)")
        }
    }
}

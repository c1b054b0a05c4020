import FileAccess
import Foundation
import Embeddings
import Workbench

/// What a graded answer may read: files under the lesson's own folder and the bundled models,
/// nothing else; and it may write nothing. The REPL itself keeps full access for its user; this
/// applies to answers being graded (runner, `lesson grade`, `lesson lint`).
///
/// The sandbox reads the bound line before it runs, to refuse with a message about the answer
/// (the files its command declares: `:use PATH`, `:load PATH`, `eval FILE` and
/// /// `train glove corpus=FILE` read one, `:save FILE` and `save=FILE` write one); the session it
/// grades in also carries the same `ReadPolicy`, which the file opener enforces on the file actually opened (links followed), whatever command opens it.
///
///     let sandbox = AnswerSandbox(roots: ["/course/lessons"], catalog: catalog)
///     try sandbox.allow(session.bind(":load /etc/passwd"))   // throws: outside the lesson's folder
public struct AnswerSandbox: Sendable {
    /// The policy the file opener enforces: the roots and the bundled model folders.
    public let policy: ReadPolicy

    /// `excluding`: folders inside the roots an answer may not read (other learners' answers, the
    /// grader's output folder).
    public init(roots: [String], catalog: ModelCatalog, excluding: [String] = []) {
        policy = ReadPolicy(readable: roots + catalog.directories + SearchState.collectionFolders(for: catalog), denied: excluding)
    }

    /// Throws a message for the learner when the bound line would read outside the roots or write:
    /// it reads the files the command declares (`CommandSpec.files`), already resolved by the binder
    /// (a relative corpus starts in the lesson's folder, `Session.fileFolder`); names that are not
    /// files (a bundled model, `small-world`) were left out there.
    public func allow(_ bound: BoundLine) throws {
        for file in bound.files {
            switch file.access {
            case .write:
                throw WorkbenchError("an answer cannot write files (\(bound.command?.name ?? bound.line))", at: file.span,
                                     hint: "answer with a command that computes the result")
            case .read:
                try allowRead(file.path, file.span)
            }
        }
    }

    func allowRead(_ path: String, _ span: Span) throws {
        guard policy.allowsReading(ReadPolicy.canonical(path)) else {
            throw WorkbenchError("an answer may only read files in the lesson's folder and the bundled models, not \(path)",
                                 at: span, hint: "put the file beside the lesson, or use a bundled model (:models lists them)")
        }
    }
}

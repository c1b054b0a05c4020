/// One line read once (`Session.bind`): what was parsed, the command bound to its declaration, and
/// what running it would do. Everyone who must know what a line does reads this, never its text:
/// the REPL routes host commands by `host`, the grader sandboxes `files`, the lesson replay keeps
/// lines by `effects`, a `uses` check compares `invocation`s, and `Session.evaluate(_:)` runs it.
///
///     let bound = try session.bind(":load collection notes.txt")
///     bound.effects           // [.loadsCollection]
///     bound.invocation?.text  // "notes.txt"
///     bound.files.map(\.path) // ["/home/me/notes.txt"]
public struct BoundLine: Sendable {
    /// The line as typed.
    public let line: String
    public let statement: Statement
    /// The command or `:` command bound to its `CommandSpec` (options checked, aliases resolved);
    /// nil for an expression, `let`, an analogy or an empty line.
    public let invocation: Invocation?
    /// The table it was read with (the session's).
    public let commands: CommandTable

    /// The command's declaration, if the line is a command.
    public var command: CommandSpec? { invocation?.command }
    /// The host command (`:quit`, `:save`, `:lesson` …) the REPL carries out, if it is one.
    public var host: HostCommand? { invocation?.command.host }
    /// What running it does besides returning a value: the command's declared effects for the
    /// sub-verb typed; `let` sets a variable; expressions and analogies do nothing else.
    public var effects: CommandEffects {
        if let invocation { return invocation.effects }
        if case .assignment = statement { return .setsVariable }
        return []
    }
    /// The files it reads and writes, resolved (see `Invocation.files`).
    public var files: [FileUse] { invocation?.files ?? [] }
    /// The name given to what it makes (`train … name=news`), if any.
    public var namedModel: String? { invocation?.givenName }
    /// Whether it can leave the session in another state (model, settings, variables, index,
    /// collections, tokenizer): lines that a lesson replay must run again.
    public var changesState: Bool { !effects.isDisjoint(with: CommandEffects.sessionState) }

    /// The same reading, to run in another session (a graded answer, read in the learner's session,
    /// runs in the grading one): nothing is parsed or checked again; only the files are resolved
    /// anew, against that session's folder and the models it knows.
    public func bound(in session: Session) -> BoundLine {
        BoundLine(line: line, statement: statement, invocation: invocation?.moved(to: session), commands: session.commands)
    }
}

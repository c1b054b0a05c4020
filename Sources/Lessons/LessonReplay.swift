import Foundation
import Embeddings
import Workbench

/// Grades exercises in isolation: each answer runs in a session replayed from the lesson's start
/// (its model, then every earlier step's demo cells and solutions), so that no answer, and
/// nothing else the learner typed, can change another answer's grade. The runner, `lesson grade`
/// and `lesson lint` all grade through `grade(step:answer:language:)`.
///
///     let replay = LessonReplay(lesson: lesson, catalog: catalog)
///     let (grade, _) = try replay.grade(step: 0, answer: "king - man + woman", language: .en)
///     grade.passed   // true
///
/// Commands that only look at the session (near, sim, plot …) cannot change it, so the replay
/// skips them; a training run whose model is replaced before anything uses it is skipped too.
/// The session before a step is kept and reused until an answer changes it.
public final class LessonReplay {
    public let lesson: Lesson
    public let catalog: ModelCatalog
    public var limits: AnswerLimits
    /// Ctrl-C for every session this replay builds (the REPL passes its own).
    public let cancellation: Cancellation
    /// Progress of long work in those sessions (the REPL's progress bar).
    public var onProgress: (@Sendable (WorkProgress) -> Void)?
    private var prepared: (setup: [String], session: Session, fingerprint: Fingerprint)?

    public init(lesson: Lesson, catalog: ModelCatalog, limits: AnswerLimits? = nil, cancellation: Cancellation = Cancellation()) {
        self.lesson = lesson
        self.catalog = catalog
        self.limits = limits ?? AnswerLimits(seconds: 60, sandbox: AnswerSandbox(roots: [lesson.folder], catalog: catalog))
        self.cancellation = cancellation
    }

    /// The one grading function: `answer` to the exercise of step `index`, in the session where
    /// the lesson stands at that step. Returns the grade and the session it ran in (the runner
    /// takes a passed answer's state from it). Throws only when the lesson's model cannot load.
    public func grade(step index: Int, answer: String, language: Language) throws -> (grade: ExerciseGrade, session: Session) {
        guard lesson.steps.indices.contains(index), let exercise = lesson.steps[index].exercise else {
            throw WorkbenchError("step \(index + 1) of \(lesson.id) is not an exercise")
        }
        let session = try self.session(before: index)
        // The answer's own output (a table's title, an error) speaks the learner's language too.
        session.language = language
        let grade = exercise.grade(answer, in: session, language: language, limits: limits)
        if Fingerprint(session) != prepared?.fingerprint { prepared = nil }
        return (grade, session)
    }

    /// A session where the lesson stands just before step `index` (reused while nothing changed it,
    /// also for a later step when the steps between changed nothing: the same lines set it up).
    public func session(before index: Int) throws -> Session {
        let setup = LessonReplay.setup(lesson, before: index)
        if let p = prepared, p.setup == setup, Fingerprint(p.session) == p.fingerprint {
            p.session.onProgress = onProgress
            return p.session
        }
        // The lesson's own model file is untrusted too: read under the same policy as its answers.
        let reference = lesson.modelReference
        let model = try limits.sandbox.map { sandbox in try sandbox.policy.apply { try catalog.load(reference) } } ?? catalog.load(reference)
        let session = Session(catalog: catalog, model: model, cancellation: cancellation)
        session.onProgress = onProgress
        session.readPolicy = limits.sandbox?.policy
        session.fileFolder = lesson.folder
        for line in setup {
            _ = try? session.evaluate(line, record: false)
        }
        session.cancellation.reset()
        prepared = (setup, session, Fingerprint(session))
        return session
    }

    /// The lines that put a session where the lesson stands before step `index`.
    static func setup(_ lesson: Lesson, before index: Int) -> [String] {
        let lines = lesson.steps.prefix(index).flatMap { step in step.demo + [step.exercise?.solution].compactMap { $0 } }
        let statements = lines.map { (line: $0, statement: try? Parser.parse($0)) }.filter { $0.statement.map(changesState) ?? false }
        // A model trained (or switched to) and then replaced before anything used it needs no replay.
        // A training under its own name= replaces the model in use too (and is itself always replayed);
        // a later `:use trained` still needs the model, however far on it comes.
        var keep: [String] = []
        for (i, item) in statements.enumerated() {
            let later = statements[(i + 1)...]
            if replacesModel(item.statement!),
               let next = later.first(where: { replacesModel($0.statement!) || isNamedTraining($0.statement!) || usesModel($0.statement!) }),
               !usesModel(next.statement!),
               !later.prefix(while: { !(replacesModel($0.statement!) && isTraining($0.statement!)) }).contains(where: { usesModel($0.statement!) }) {
                continue
            }
            keep.append(item.line)
        }
        return keep
    }

    /// Whether a statement can change the session (model, settings, variables, BPE).
    static func changesState(_ statement: Statement) -> Bool {
        switch statement {
        case .meta(let name, _, _): return ["use", "load", "set"].contains(name)
        case .assignment: return true
        case .command(let name, _, _): return name == "train" || name == "bpe" || name == "index"
        default: return false
        }
    }

    static func isTraining(_ statement: Statement) -> Bool {
        if case .command("train", _, _) = statement { return true }
        return false
    }

    /// `train … name=NAME`: a model of its own, which also becomes the model in use.
    static func isNamedTraining(_ statement: Statement) -> Bool {
        if case .command("train", let args, _) = statement, case .text(let raw, _)? = args.first { return raw.contains("name=") }
        return false
    }

    static func replacesModel(_ statement: Statement) -> Bool {
        switch statement {
        case .meta(let name, _, _): return name == "use" || name == "load"
        case .command("train", let args, _):
            // A model trained under its own name= can be switched back to later: always replayed.
            if case .text(let raw, _)? = args.first, raw.contains("name=") { return false }
            return true
        default: return false
        }
    }

    /// Lines whose result depends on the model before them: a `let` keeps a vector computed
    /// from it, `:use trained` switches back to the last trained model.
    static func usesModel(_ statement: Statement) -> Bool {
        switch statement {
        case .assignment: return true
        case .meta(let name, let rest, _): return (name == "use" || name == "load") && rest == "trained"
        default: return false
        }
    }

    /// What an answer can change in a session.
    struct Fingerprint: Equatable {
        var model: ObjectIdentifier
        var settings: Settings
        var variables: [String: VectorValue]
        var bpe: [String]?

        init(_ session: Session) {
            model = ObjectIdentifier(session.model)
            settings = session.settings
            variables = session.variables
            bpe = session.bpe.map { $0.merges.map(\.readableText) }
        }
    }

    /// Brings `target` to the state of `source`: its model, settings, variables and BPE.
    public static func transferState(from source: Session, to target: Session) {
        target.adopt(source.model)
        target.searchState.takeOver(from: source.searchState)
        target.settings = source.settings
        for (name, value) in source.variables { target.setVariable(name, value) }
        target.bpe = source.bpe
    }
}

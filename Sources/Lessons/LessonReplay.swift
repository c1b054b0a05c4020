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
    private var prepared: (setup: [String], session: Session, fingerprint: Fingerprint, cells: [Session.Cell])?
    /// The language the replayed lines run in (their outputs go into the learner's notebook).
    public var language: Language = .en
    /// The cells that put the last prepared session where it stands: `:use` of the lesson's model,
    /// then the replayed lines with their outputs. The runner records them in the learner's session,
    /// so that a saved notebook replays to the same state.
    public var setupCells: [Session.Cell] { prepared?.cells ?? [] }

    public init(lesson: Lesson, catalog: ModelCatalog, limits: AnswerLimits? = nil, cancellation: Cancellation = Cancellation()) {
        self.lesson = lesson
        self.catalog = catalog
        self.limits = limits ?? AnswerLimits(seconds: 60, sandbox: AnswerSandbox(roots: [lesson.folder], catalog: catalog))
        self.cancellation = cancellation
    }

    /// The one grading function: `answer` to the exercise of step `index`, in the session where
    /// the lesson stands at that step. Returns the grade and the session it ran in (the runner
    /// takes a passed answer's state from it). Throws only when the lesson's model cannot load.
    /// `reading`: the answer as the learner's session already read it (see `Exercise.grade`).
    public func grade(step index: Int, answer: String, reading: Result<BoundLine, Error>? = nil,
                      language: Language) throws -> (grade: ExerciseGrade, session: Session) {
        guard lesson.steps.indices.contains(index), let exercise = lesson.steps[index].exercise else {
            throw WorkbenchError("step \(index + 1) of \(lesson.id) is not an exercise")
        }
        let session = try self.session(before: index)
        // The answer's own output (a table's title, an error) speaks the learner's language too.
        session.language = language
        let grade = exercise.grade(answer, reading: reading, in: session, language: language, limits: limits)
        if Fingerprint(session) != prepared?.fingerprint { prepared = nil }
        return (grade, session)
    }

    /// A session where the lesson stands just before step `index` (reused while nothing changed it,
    /// also for a later step when the steps between changed nothing: the same lines set it up).
    public func session(before index: Int) throws -> Session {
        // The lines are read (bound) in the prepared session when there is one, else in the new one.
        var fresh: Session?
        let reader = try prepared?.session ?? { let s = try newSession(); fresh = s; return s }()
        let setup = LessonReplay.setup(lesson, before: index, reading: reader)
        if fresh == nil, let p = prepared, p.setup == setup, Fingerprint(p.session) == p.fingerprint {
            p.session.onProgress = onProgress
            return p.session
        }
        let session = try fresh ?? newSession()
        session.language = language
        // The lesson's model, said as a learner would type it: the first cell of what is replayed.
        _ = try? session.evaluate(":use \(lesson.modelReference)")
        // The lesson's earlier cells are untrusted work too: each runs within the answers' time limit
        // (`lesson grade --time-limit 5` stops a heavy earlier cell after 5 s, for every learner).
        for line in setup {
            let timer = limits.seconds.map { Deadline(seconds: $0, cancellation: session.cancellation) }
            _ = try? session.evaluate(line)
            timer?.cancel()
            if timer?.fired == true { session.cancellation.reset() }
        }
        session.cancellation.reset()
        prepared = (setup, session, Fingerprint(session), session.cells)
        return session
    }

    /// The lines this replay runs to put a session where the lesson stands before step `index`.
    func setup(before index: Int) throws -> [String] {
        LessonReplay.setup(lesson, before: index, reading: try prepared?.session ?? newSession())
    }

    /// A session on the lesson's model, sandboxed, reading relative files in the lesson's folder.
    private func newSession() throws -> Session {
        // The lesson's own model file is untrusted too: read under the same policy as its answers.
        let reference = lesson.modelReference
        let model = try limits.sandbox.map { sandbox in try sandbox.policy.apply { try catalog.load(reference) } } ?? catalog.load(reference)
        let session = Session(catalog: catalog, model: model, cancellation: cancellation)
        session.onProgress = onProgress
        session.readPolicy = limits.sandbox?.policy
        session.fileFolder = lesson.folder
        return session
    }

    /// The lines that put a session where the lesson stands before step `index`: the demo cells and
    /// solutions of the steps before it whose commands declare an effect on the session
    /// (`BoundLine.changesState`), each read once in `reader` (which they do not change).
    static func setup(_ lesson: Lesson, before index: Int, reading reader: Session) -> [String] {
        // A lesson whose steps differ by language (`lang=`) replays one language's path: that of the
        // step (English for a shared one). Runner, grader and linter replay `inLanguage(_:)` anyway.
        let path: Language? = lesson.variesByLanguage ? (lesson.steps.indices.contains(index) ? lesson.steps[index].language ?? .en : .en) : nil
        let steps = lesson.steps.prefix(index).filter { path == nil || $0.language == nil || $0.language == path }
        let lines = steps.flatMap { step in step.demo + [step.exercise?.solution].compactMap { $0 } }
        let bound = lines.compactMap { try? reader.bind($0) }.filter(\.changesState)
        // A model trained (or switched to) and then replaced before anything used it needs no replay.
        // A training under its own name= replaces the model in use too (and is itself always replayed);
        // a later `:use trained` still needs the model, however far on it comes.
        var keep: [String] = []
        for (i, item) in bound.enumerated() {
            let later = bound[(i + 1)...]
            if replacesModel(item),
               let next = later.first(where: { replacesModel($0) || isNamedTraining($0) || usesModel($0) }),
               !usesModel(next),
               !later.prefix(while: { !(replacesModel($0) && isTraining($0)) }).contains(where: usesModel) {
                continue
            }
            keep.append(item.line)
        }
        return keep
    }

    static func isTraining(_ line: BoundLine) -> Bool { line.effects.contains(.trains) }

    /// `train … name=NAME`: a model of its own, which also becomes the model in use.
    static func isNamedTraining(_ line: BoundLine) -> Bool { isTraining(line) && line.namedModel != nil }

    /// Another model is in use afterwards, and the one before cannot be gone back to by name
    /// (a model trained under its own name= can be switched back to later: always replayed).
    static func replacesModel(_ line: BoundLine) -> Bool { line.effects.contains(.changesModel) && line.namedModel == nil }

    /// Lines whose result depends on the model before them: a `let` keeps a vector computed
    /// from it, `:use trained` switches back to the last trained model.
    static func usesModel(_ line: BoundLine) -> Bool {
        if line.effects.contains(.setsVariable) { return true }
        return line.effects.contains(.changesModel) && !line.effects.contains(.trains) && line.invocation?.text == "trained"
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

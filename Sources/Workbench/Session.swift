import Embeddings
import Foundation
import Encoders
import FileAccess
import Tokenizers
import VectorMath

/// The state of one learner's session: the model in use, variables, settings, and the cells
/// evaluated so far. One `Session` serves the REPL, a piped script, a notebook run or a lesson.
///
/// ```swift
/// let session = Session(catalog: catalog, model: try catalog.load("glove-50d"))
/// let result = try session.evaluate("king - man + woman")
/// result.value.words?.first   // "queen"
/// ```
public final class Session: @unchecked Sendable {
    public let catalog: ModelCatalog
    public private(set) var model: WordVectors
    public var settings = Settings()
    public private(set) var variables: [String: VectorValue] = [:]
    /// Every line evaluated, in order, with its value or error (for `:save`).
    public private(set) var cells: [Cell] = []
    public let cancellation: Cancellation
    /// The commands this session understands (the standard table unless a test gives another).
    public let commands: CommandTable
    /// The language of messages, errors, labels and help (`:lang zh`).
    public var language: Language
    /// The BPE tokenizer of the last `bpe train`, so that `tokens` can show a BPE row.
    public var bpe: BPETokenizer?
    /// The picture model of `train clip`, `picture N`, `search pictures` (CLIP, `PictureState`).
    public let pictures = PictureState()
    /// Collections encoded so far and the HNSW index of the model (`search`, `index build`).
    public let searchState = SearchState()
    /// Called while long work runs (set by the REPL to draw a progress bar). Nil: nobody is watching.
    public var onProgress: (@Sendable (WorkProgress) -> Void)?
    /// What files this session may read and write: nil for the learner at the prompt (full access);
    /// `ReadPolicy.sandbox(document:bundled:)` for a lesson, a notebook being run, or graded answers.
    public var readPolicy: ReadPolicy?
    /// Where a relative file name in a command starts: a lesson's own folder while the lesson runs
    /// (`train word2vec corpus=corpora/news.txt` in `lessons/07-….md` reads `lessons/corpora/news.txt`);
    /// nil: the working directory.
    public var fileFolder: String?
    /// How the last line's work went on this machine (a search's time, whether its vectors came from
    /// the cache): the prompt shows it under the value; it is not part of the value, so a saved
    /// notebook replays to the same output. Cleared before each line runs.
    public var runNote: String?
    /// The time limit and memory budget of each line (`CellLimits`): none at the prompt, the command
    /// line's for a document run (`CellLimits.processDefault`, what every new session starts with).
    public var limits = CellLimits.processDefault

    /// `path` with `~` expanded and, when relative, placed in `fileFolder`.
    public func resolve(path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard let fileFolder, !expanded.hasPrefix("/") else { return expanded }
        return (fileFolder as NSString).appendingPathComponent(expanded)
    }
    private var loaded: [String: WordVectors] = [:]
    /// The transformer encoder in use after `:use minilm`, else nil. Word commands keep `model`
    /// (the last static model); texts, `embed` and `WORD in "SENTENCE"` go through the encoder.
    public private(set) var encoder: SentenceEncoder?
    private var loadedEncoders: [String: SentenceEncoder] = [:]

    /// One evaluated line.
    public struct Cell: Equatable, Sendable {
        public var input: String
        public var outcome: Outcome
        public enum Outcome: Equatable, Sendable { case value(Value), error(WorkbenchError) }

        public init(input: String, outcome: Outcome) { self.input = input; self.outcome = outcome }
    }

    /// The result of evaluating one line: what was parsed and bound, and what it produced.
    public struct Evaluation: Equatable, Sendable {
        public var statement: Statement { bound.statement }
        /// The line as it was bound (its command's invocation and declared effects).
        public var bound: BoundLine
        public var value: Value

        public static func == (a: Evaluation, b: Evaluation) -> Bool { a.statement == b.statement && a.value == b.value }
    }

    public init(catalog: ModelCatalog, model: WordVectors, cancellation: Cancellation = Cancellation(),
                commands: CommandTable = .standard, language: Language = .en) {
        self.catalog = catalog
        self.model = model
        self.cancellation = cancellation
        self.commands = commands
        self.language = language
        loaded[model.name] = model
    }

    /// Parses and evaluates one line, recording it as a cell. Errors are recorded too, then
    /// thrown, always as a `WorkbenchError` (a model's or a file's error keeps its message).
    @discardableResult
    public func evaluate(_ line: String, record: Bool = true) throws -> Evaluation {
        guard let readPolicy, ReadPolicy.current == nil else { return try evaluateUnderCurrentPolicy(line, record: record) }
        return try readPolicy.apply { try evaluateUnderCurrentPolicy(line, record: record) }
    }

    /// Reads a line once: parses it with this session's table and language and binds its command to
    /// the declaration (counts, options, ranges, sub-verb, files resolved), without running it. The
    /// REPL routes on it, the lesson runner and grader check and sandbox it, the replay keeps lines by
    /// its effects; `evaluate` runs it.
    ///
    ///     let bound = try session.bind("train glove corpus=news.txt name=news")
    ///     bound.effects          // [.changesModel, .trains]
    ///     bound.files[0].path    // "/…/lessons/news.txt" (in the lesson's folder)
    ///     bound.namedModel       // "news"
    public func bind(_ line: String) throws -> BoundLine {
        let statement = try Parser.parse(line, table: commands, language: language)
        return try bind(statement, line: line)
    }

    /// Binds an already parsed statement (see `bind(_:)`).
    public func bind(_ statement: Statement, line: String) throws -> BoundLine {
        switch statement {
        case .command(let name, let args, let span):
            guard let spec = commands.command(name) else {
                throw WorkbenchError(language.text(.unknownCommand, ["name": name]), at: span, hint: ":help")
            }
            return BoundLine(line: line, statement: statement,
                             invocation: try Invocation.bind(spec, typedName: name, arguments: args, span: span, session: self), commands: commands)
        case .meta(let name, let rest, let span):
            guard let spec = commands.command(":" + name) else {
                throw WorkbenchError(language.text(.unknownMetaCommand, ["name": name]), at: span, hint: ":help")
            }
            let args: [CommandArgument] = rest.isEmpty ? [] : [.text(rest, Span(span.end - rest.count, span.end))]
            return BoundLine(line: line, statement: statement,
                             invocation: try Invocation.bind(spec, typedName: ":" + name, arguments: args, span: span, session: self), commands: commands)
        default:
            return BoundLine(line: line, statement: statement, invocation: nil, commands: commands)
        }
    }

    /// Runs a line already read (`bind`): what `evaluate(line)` does, without reading it again. A
    /// reading that failed is recorded as the line's error and thrown, as `evaluate(line)` would.
    @discardableResult
    public func evaluate(_ line: String, reading: Result<BoundLine, Error>, record: Bool = true) throws -> Evaluation {
        switch reading {
        case .success(let bound):
            return try evaluate(bound, record: record)
        case .failure(let error):
            let e = error as? WorkbenchError ?? localized(error)
            if record { cells.append(Cell(input: line, outcome: .error(e))) }
            throw e
        }
    }

    /// Runs a bound line and records it as a cell (see `evaluate(_:)`, which is `bind` then this).
    @discardableResult
    public func evaluate(_ bound: BoundLine, record: Bool = true) throws -> Evaluation {
        guard let readPolicy, ReadPolicy.current == nil else { return try run(bound, record: record) }
        return try readPolicy.apply { try run(bound, record: record) }
    }

    private func run(_ bound: BoundLine, record: Bool) throws -> Evaluation {
        let language = language
        let describe: @Sendable (CellWatch.Reason) -> String = { [limits, line = bound.line] reason in
            "'\(PrintableText.excerpt(line))': " + Session.limitMessage(reason, limits, language).message
        }
        let watch = CellWatch(limits, cancellation: cancellation, describe: describe)
        defer { watch?.finish() }
        var failure: Error
        do {
            runNote = nil
            // A model mapped from a large file that changed underneath is refused before it is read.
            try model.checkUnchanged()
            let value = try Evaluator(session: self).evaluate(bound)
            if watch?.stopped == nil {
                if record, bound.statement != .empty { cells.append(Cell(input: bound.line, outcome: .value(value))) }
                return Evaluation(bound: bound, value: value)
            }
            failure = CancellationError()
        } catch {
            failure = error
        }
        // Work stopped by a limit ends in its own way (training keeps the vectors of that moment, an
        // index build says "stopped after …"): the limit is the cause, and the line's error says so.
        let e = watch?.stopped.map { stoppedByLimit($0, describe($0)) } ?? failure as? WorkbenchError ?? localized(failure)
        if record { cells.append(Cell(input: bound.line, outcome: .error(e))) }
        throw e
    }

    /// The error of a line stopped by its time limit or memory budget (the stop request is cleared:
    /// the next line runs).
    private func stoppedByLimit(_ reason: CellWatch.Reason, _ description: String) -> WorkbenchError {
        cancellation.reset()
        CellLimits.countStop(description)
        return Session.limitMessage(reason, limits, language)
    }

    static func limitMessage(_ reason: CellWatch.Reason, _ limits: CellLimits, _ language: Language) -> WorkbenchError {
        switch reason {
        case .time:
            return WorkbenchError(language.text(.cellTimeLimit, ["limit": CellLimits.seconds(limits.seconds ?? 0)]),
                                  hint: language.text(.cellLimitHint))
        case .memory(let resident):
            return WorkbenchError(language.text(.cellMemoryLimit, ["used": CellLimits.bytes(resident), "limit": CellLimits.bytes(limits.memoryBytes ?? 0)]),
                                  hint: language.text(.cellLimitHint))
        }
    }

    private func evaluateUnderCurrentPolicy(_ line: String, record: Bool) throws -> Evaluation {
        let bound: BoundLine
        do {
            bound = try bind(line)
        } catch {
            let e = error as? WorkbenchError ?? localized(error)
            if record { cells.append(Cell(input: line, outcome: .error(e))) }
            throw e
        }
        return try run(bound, record: record)
    }

    /// An error from a lower layer, in the session's language where the catalogue has its words.
    func localized(_ error: Error) -> WorkbenchError {
        if case EmbeddingsError.dimensionMismatch(let expected, let got)? = error as? EmbeddingsError {
            return WorkbenchError(language.text(.vectorDoesNotFitModel, ["got": "\(got)", "expected": "\(expected)"]),
                                  hint: language.text(.vectorDoesNotFitModelHint, ["expected": "\(expected)"]))
        }
        return WorkbenchError(String(describing: error))
    }

    /// Runs a command by name with its text and options given apart, as the command line does
    /// (`embedlab eval MODEL FILE --restrict N` is `eval FILE restrict=N`). The options are checked
    /// by the table as if typed; nothing is recorded.
    public func invoke(_ name: String, text: String = "", options: [(String, String)] = []) throws -> Value {
        guard let readPolicy, ReadPolicy.current == nil else { return try invokeUnderCurrentPolicy(name, text: text, options: options) }
        return try readPolicy.apply { try invokeUnderCurrentPolicy(name, text: text, options: options) }
    }

    private func invokeUnderCurrentPolicy(_ name: String, text: String, options: [(String, String)]) throws -> Value {
        do {
            let span = Span(0, 0)
            var args: [CommandArgument] = text.isEmpty ? [] : [.text(text, span)]
            args += options.map { .option($0.0, $0.1, span) }
            return try Evaluator(session: self).invoke(name, args, span)
        } catch {
            throw error as? WorkbenchError ?? WorkbenchError(String(describing: error))
        }
    }

    /// The other bundled models whose vocabulary has `word` (for "'猫' is not in glove-50d; zh-wiki has it"),
    /// best first: a model of the word's script (Chinese for a word with Han characters, else not)
    /// before the others, then the larger vocabulary (zh-wiki before the 31-word toy).
    public func bundledModels(containing word: String) -> [String] {
        let chinese = Self.isChinese(word)
        let found = catalog.entries().compactMap { entry -> (name: String, fits: Bool, count: Int)? in
            guard entry.name != model.name else { return nil }
            let m: WordVectors
            if let cached = loaded[entry.name] { m = cached } else {
                guard let opened = try? catalog.load(entry.name) else { return nil }
                loaded[entry.name] = opened
                m = opened
            }
            guard m.contains(word) || m.contains(word.lowercased()) else { return nil }
            return (entry.name, Self.isChinese(model: m) == chinese, m.count)
        }
        return found.sorted { ($0.fits ? 1 : 0, $0.count) > ($1.fits ? 1 : 0, $1.count) }.map(\.name)
    }

    /// Whether `word` has a Han character.
    static func isChinese(_ word: String) -> Bool { word.unicodeScalars.contains { $0.properties.isIdeographic } }

    /// Whether most of a model's 100 most frequent words have Han characters.
    static func isChinese(model m: WordVectors) -> Bool {
        let n = Swift.min(100, m.count)
        return n > 0 && 2 * (0..<n).filter { isChinese(m.word(at: $0)) }.count >= n
    }

    /// Whether `name` is a model this session knows by name (bundled, an encoder, loaded or trained)
    /// rather than a file: `:use glove-50d`, `:use trained`, `:use news` after `train … name=news`.
    public func knowsModel(_ name: String) -> Bool {
        guard !name.contains("/"), !name.hasSuffix(".embt") else { return false }
        return loaded[name] != nil || loadedEncoders[name] != nil || name == "trained"
            || catalog.entries().contains { $0.name == name } || encoderPath(name) != nil
    }

    /// Switches to another model by name or path, keeping already loaded ones in memory.
    public func use(_ nameOrPath: String) throws -> WordVectors {
        if let m = loaded[nameOrPath] { model = m; encoder = nil; return m }
        let m = try catalog.load(nameOrPath)
        loaded[nameOrPath] = m
        if let file = try? catalog.resolve(nameOrPath) { searchState.modelWasRead(m.name, from: file) }
        model = m
        encoder = nil
        return m
    }

    /// The bundled transformer encoders (`NAME.embt` in the model folders) that open, with their configuration.
    public func encoderEntries() -> [(name: String, config: EncoderConfig, bytes: Int)] {
        var seen = Set<String>()
        return catalog.directories.flatMap { dir -> [(name: String, config: EncoderConfig, bytes: Int)] in
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".embt") }.sorted()
            return files.compactMap { f in
                let name = String(f.dropLast(5))
                guard seen.insert(name).inserted, let file = try? EncoderFile(path: (dir as NSString).appendingPathComponent(f)) else { return nil }
                return (name, file.config, file.file.count)
            }
        }
    }

    /// The file of the encoder called `name` (`NAME.embt` in the model folders), or `name` itself when it is
    /// a path to an `.embt` file; nil when there is none (then `name` is a static model).
    public func encoderPath(_ name: String) -> String? {
        if name.hasSuffix(".embt") { return name }
        guard !name.contains("/") else { return nil }
        return catalog.directories.map { ($0 as NSString).appendingPathComponent(name + ".embt") }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Switches to an encoder, loading it on first use (start-up never pays for it); nil when `name`
    /// is not an encoder. A bad file is a `ModelFileError`.
    public func useEncoder(_ name: String) throws -> SentenceEncoder? {
        if let e = loadedEncoders[name] { encoder = e; return e }
        guard let path = encoderPath(name) else { return nil }
        let e = try SentenceEncoder(path: path, name: name.hasSuffix(".embt") ? nil : name)
        loadedEncoders[name] = e
        encoder = e
        return e
    }

    /// The encoder called `name`, loaded on first use, without switching to it (`embedlab embed MODEL`).
    public func loadEncoder(_ name: String) throws -> SentenceEncoder? {
        if let e = loadedEncoders[name] { return e }
        guard let path = encoderPath(name) else { return nil }
        let e = try SentenceEncoder(path: path, name: name.hasSuffix(".embt") ? nil : name)
        loadedEncoders[name] = e
        return e
    }

    /// Makes an in-memory model current (one just trained, for example).
    public func adopt(_ newModel: WordVectors) {
        loaded[newModel.name] = newModel
        searchState.modelWasMade(newModel.name)
        model = newModel
        encoder = nil
    }

    public func setVariable(_ name: String, _ value: VectorValue) { variables[name] = value }

    /// Forgets the recorded cells (after `:save`, or when a lesson starts).
    public func clearCells() { cells.removeAll() }

    /// Records cells that ran elsewhere but belong to this session's story (a graded answer, the
    /// lines a lesson replayed to put the session where it stands), so that `:save` writes them.
    public func record(_ newCells: [Cell]) { cells += newCells }
}

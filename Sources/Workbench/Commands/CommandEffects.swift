/// What a command does besides returning a value, declared once in its `CommandSpec` so that nobody
/// has to guess it from the text of a line: the lesson replay keeps the lines that change the session,
/// the sandbox checks the files a graded answer would read or write, the runner hands a graded
/// answer's state to the learner, and the notebook recorder writes down what a replay needs.
///
///     :use glove-50d            [.changesModel]
///     train glove dim=20        [.changesModel, .trains]
///     index build               [.buildsIndex]        (index compare: nothing)
///     :load collection f.txt    [.loadsCollection]    (:load f.txt: .changesModel)
///     let v = king - man        [.setsVariable]
public struct CommandEffects: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Afterwards another model is in use (`:use`, `:load FILE`, `train`).
    public static let changesModel = CommandEffects(rawValue: 1 << 0)
    /// Trains vectors: long work, and a model that did not exist before (`train`).
    public static let trains = CommandEffects(rawValue: 1 << 1)
    /// Builds the HNSW index of the model in use (`index build`).
    public static let buildsIndex = CommandEffects(rawValue: 1 << 2)
    /// Reads a collection of documents into the session (`:load collection FILE`).
    public static let loadsCollection = CommandEffects(rawValue: 1 << 3)
    /// Changes a setting (`:set k 5`).
    public static let changesSettings = CommandEffects(rawValue: 1 << 4)
    /// Changes the language of messages and lessons (`:lang zh`).
    public static let changesLanguage = CommandEffects(rawValue: 1 << 5)
    /// Names a vector (`let royal = king - man`).
    public static let setsVariable = CommandEffects(rawValue: 1 << 6)
    /// Learns a tokenizer the session keeps (`bpe train`: `tokens` then shows a BPE row).
    public static let trainsTokenizer = CommandEffects(rawValue: 1 << 7)

    /// Effects that leave the session in another state (everything but the language, which is the
    /// learner's choice and not the lesson's).
    public static let sessionState: CommandEffects = [.changesModel, .trains, .buildsIndex, .loadsCollection,
                                                      .changesSettings, .setsVariable, .trainsTokenizer]
}

/// A part of a command that names a file: the command's text (`eval FILE`, `:load FILE`), an
/// option's value (`train glove corpus=FILE save=OUT`) or the collection a collection command names
/// first (`search notes/faq.txt "…"`). Some values are names, not files: a bundled model
/// (`:use glove-50d`), the generated corpus (`corpus=small-world`), a bundled or loaded collection
/// (`search faq-en …`); `names` says which.
///
///     :load FILE                 .reads(.text, names: .models, form: .plain)
///     :load collection FILE      .reads(.text, form: .keyword("collection"))
///     search COLLECTION "…"      .reads(.collection, names: .collections)
public struct FileParameter: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The command's text, after its keyword.
        case text
        /// The value of this option.
        case option(String)
        /// The collection named first (`Invocation.collection`).
        case collection
    }
    public enum Access: Sendable, Equatable { case read, write }
    /// Names that mean something other than a file.
    public enum Names: Sendable, Equatable {
        /// Every value is a file.
        case none
        /// A model the session knows by name (bundled, an encoder, loaded or trained) is not a file.
        case models
        /// `small-world`, the generated corpus, is not a file.
        case corpus
        /// A collection by name (bundled beside the models, or loaded) is not a file: only a name
        /// with a `/` or a `.` in it is read as a path (`notes/faq.txt`).
        case collections
    }
    /// Which form of the command names this file.
    public enum Form: Sendable, Equatable {
        /// Every form.
        case any
        /// Only the form without a sub-verb or keyword (`:load FILE`, not `:load collection FILE`).
        case plain
        /// Only the form that starts with this sub-verb or keyword (`:load collection FILE`).
        case keyword(String)

        func includes(_ keyword: String?) -> Bool {
            switch self {
            case .any: return true
            case .plain: return keyword == nil
            case .keyword(let k): return k == keyword
            }
        }
    }

    public var source: Source
    public var access: Access
    public var names: Names
    public var form: Form

    public init(_ source: Source, _ access: Access, names: Names = .none, form: Form = .any) {
        self.source = source; self.access = access; self.names = names; self.form = form
    }

    public static func reads(_ source: Source, names: Names = .none, form: Form = .any) -> FileParameter {
        FileParameter(source, .read, names: names, form: form)
    }
    public static func writes(_ source: Source, form: Form = .any) -> FileParameter {
        FileParameter(source, .write, form: form)
    }
}

/// The commands the program around the workbench carries out (the REPL), declared in the table so
/// that help, completion and routing know them; the REPL switches on this, never on a name.
public enum HostCommand: String, Sendable, CaseIterable {
    case quit, save, export, lesson, hint, skip, back, progress
}

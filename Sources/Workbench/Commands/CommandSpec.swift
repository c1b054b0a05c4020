/// One command of the command language, declared once: its names, what it takes, its options,
/// its help in English and 中文, what Tab offers after it, and the function that evaluates it.
/// The parser, the evaluator, `:help`, Tab completion, the REPL's routing of `:` commands and the
/// command line's subcommands all read these declarations (see `CommandTable`).
///
/// A new command is one declaration and one evaluation function:
///
/// ```swift
/// extension CommandSpec {
///     static let norm = CommandSpec(
///         "norm", arguments: .expressions(.vector, count: 1...1, wholeLine: true), isFunction: true,
///         topic: .similarity,
///         summary: Localized(en: "the length of a vector", zh: "向量的长度"),
///         examples: ["norm 猫", "norm(king - man)"],
///         evaluate: { try $0.norm() })
/// }
/// ```
public struct CommandSpec: Sendable {
    /// The name learners type first; meta commands start with `:` (":use").
    public var name: String
    /// Other names for the same command ("cos" for "sim", ":q" for ":quit").
    public var aliases: [String]
    public var arguments: Arguments
    public var options: [OptionSpec]
    /// Can be written as a function of expressions: `cos(猫, 狗)`.
    public var isFunction: Bool
    /// The `:help` topic it is listed under.
    public var topic: HelpTopic
    /// One line: what it does.
    public var summary: Localized
    /// Lines to type, shown by `:help NAME` (and checked by a test to parse).
    public var examples: [String]
    /// What Tab offers for its arguments.
    public var completions: Completions
    public var action: Action
    /// The line's shape written out by hand, in both languages, when the derived `synopsis` would
    /// say too little (`search COLLECTION "query" [k]` rather than `search TEXT`).
    public var usage: Localized?
    /// What it does besides returning a value (`CommandEffects`): changes the model, trains, builds
    /// an index, loads a collection … `Session.bind` hands these to whoever must know before it runs.
    public var effects: CommandEffects
    /// Effects of one form, instead of `effects`, when the line starts with that keyword
    /// (`index build` builds an index, `index compare` does not).
    public var keywordEffects: [String: CommandEffects]
    /// Which parts of the line name files it reads or writes (`eval FILE`, `train … corpus=FILE save=OUT`,
    /// `search notes/faq.txt "…"`).
    public var files: [FileParameter]
    /// Optional first words of a text command that choose another form (`:load collection FILE`);
    /// the binder takes the word off the text and gives it as `Invocation.keyword`.
    public var subverbs: [String]
    /// The option that names what the command makes (`train … name=NAME`): a model of its own,
    /// which a later `:use NAME` can go back to.
    public var namingOption: String?

    /// What a command takes after its name.
    public enum Arguments: Sendable {
        /// Nothing: `dims`, `vars`, `:models`.
        case none
        /// Expressions or words: `sim 猫 狗`, `near 5 king - man`, `sim king - man, queen`. With
        /// `wholeLine`, the rest of the line is one expression unless commas separate several.
        case expressions(ArgumentKind, count: ClosedRange<Int>, wholeLine: Bool)
        /// The rest of the line as text, its options split off the end: `tokens "从Token到向量"`,
        /// `eval FILE restrict=30000`. With a `keyword`, the text starts with that word
        /// (`bpe train …`, `train glove …`). `required`: the text may not be empty.
        case text(ArgumentKind, keyword: String?, required: Bool)
        /// Options only, as `key=value`, after one of the `keywords` if there are any:
        /// `train glove corpus=… dim=…`, `train word2vec corpus=… sg=1` (`Invocation.keyword` says which).
        case options(keywords: [String])
    }

    /// What an argument is, for help, errors and completion.
    public enum ArgumentKind: String, Sendable {
        case word, vector, text, file, pattern, model, setting, topic, lesson, language, corpus
        /// A collection's name, then a query, an item or a text (quoted or not), then an optional
        /// count for the command's positional option: `search faq-en "how do I pay" 3`. The binder
        /// splits it (`Invocation.collection`).
        case collection

        /// "WORD", "TEXT", "FILE": the placeholder in a synopsis.
        public var placeholder: String { rawValue.uppercased() }

        /// "2 words", "one expression" / "2 个词".
        public func count(_ n: Int, _ language: Language) -> String {
            let (one, many, zh): (String, String, String) = switch self {
            case .word: ("word", "words", "个词")
            case .vector: ("word or expression", "words or expressions", "个词或表达式")
            default: ("argument", "arguments", "个参数")
            }
            if language == .zh { return "\(n) \(zh)" }
            return n == 1 ? "one \(one)" : "\(n) \(many)"
        }

        /// "a text", "a file" / "一段文本": what a text command needs.
        public func what(_ language: Language) -> String {
            switch self {
            case .text: return language.text(.argumentKindText)
            case .file: return language.text(.argumentKindFile)
            case .pattern: return language.text(.argumentKindPattern)
            case .model: return language.text(.argumentKindModel)
            case .corpus: return language.text(.argumentKindCorpus)
            case .collection: return language.text(.argumentKindCollection)
            default: return language.text(.argumentKindOther)
            }
        }
    }

    /// Who carries a command out.
    public enum Action: Sendable {
        /// The workbench: a function from the bound invocation to a value.
        case evaluate(@Sendable (Invocation) throws -> Value)
        /// The program around the workbench (the REPL: `:quit`, `:save`, `:lesson` …). The table
        /// still declares it, so that help, completion and routing know it.
        case host(HostCommand)
    }

    /// What Tab offers after the command's name.
    public enum Completions: Sendable, Equatable {
        case none
        /// Vocabulary words and variables.
        case words
        /// The bundled models' names.
        case models
        /// Help topics and command names.
        case help
        /// Settings' names, then their values.
        case settings
        /// Lesson ids (the REPL knows them).
        case lessons
        /// These words.
        case fixed([String])
        /// The keyword, then the options as `name=`.
        case options
    }

    public init(_ name: String, aliases: [String] = [], arguments: Arguments = .none, options: [OptionSpec] = [],
                isFunction: Bool = false, topic: HelpTopic, summary: Localized, examples: [String] = [],
                completions: Completions? = nil, usage: Localized? = nil,
                effects: CommandEffects = [], keywordEffects: [String: CommandEffects] = [:], files: [FileParameter] = [],
                subverbs: [String] = [], namingOption: String? = nil, action: Action) {
        self.name = name; self.aliases = aliases; self.arguments = arguments; self.options = options
        self.usage = usage
        self.effects = effects; self.keywordEffects = keywordEffects; self.files = files
        self.subverbs = subverbs; self.namingOption = namingOption
        self.isFunction = isFunction; self.topic = topic; self.summary = summary; self.examples = examples
        self.action = action
        if let completions {
            self.completions = completions
        } else if case .expressions = arguments {
            self.completions = .words
        } else if !options.isEmpty {
            self.completions = .options
        } else {
            self.completions = .none
        }
    }

    /// Convenience for the usual case: evaluated by the workbench.
    public init(_ name: String, aliases: [String] = [], arguments: Arguments = .none, options: [OptionSpec] = [],
                isFunction: Bool = false, topic: HelpTopic, summary: Localized, examples: [String] = [],
                completions: Completions? = nil, usage: Localized? = nil,
                effects: CommandEffects = [], keywordEffects: [String: CommandEffects] = [:], files: [FileParameter] = [],
                subverbs: [String] = [], namingOption: String? = nil,
                evaluate: @escaping @Sendable (Invocation) throws -> Value) {
        self.init(name, aliases: aliases, arguments: arguments, options: options, isFunction: isFunction, topic: topic,
                  summary: summary, examples: examples, completions: completions, usage: usage,
                  effects: effects, keywordEffects: keywordEffects, files: files, subverbs: subverbs, namingOption: namingOption,
                  action: .evaluate(evaluate))
    }

    /// Every name it answers to.
    public var names: [String] { [name] + aliases }
    public var isMeta: Bool { name.hasPrefix(":") }
    public var isHost: Bool { host != nil }
    /// The host command it is, if the REPL carries it out.
    public var host: HostCommand? { if case .host(let h) = action { return h }; return nil }

    /// What the command does when typed with `keyword` (nil: without one).
    public func effects(keyword: String?) -> CommandEffects {
        keyword.flatMap { keywordEffects[$0] } ?? effects
    }

    /// The line's shape in the learner's language: the hand-written `usage` when there is one,
    /// else the `synopsis` derived from the arguments.
    public func synopsis(_ language: Language) -> String { usage?.text(language) ?? synopsis }

    /// The line's shape, for help and errors: `near [k] WORD…`, `eval FILE [restrict=N]`.
    public var synopsis: String {
        var parts = [name]
        for o in options where o.positional { parts.append("[\(o.name)]") }
        switch arguments {
        case .none: break
        case .expressions(let kind, let count, _):
            let p = kind.placeholder
            if count.lowerBound == count.upperBound {
                parts += Array(repeating: p, count: count.lowerBound)
            } else {
                parts += Array(repeating: p, count: max(1, count.lowerBound)) + ["…"]
            }
        case .text(let kind, let keyword, let required):
            if let keyword { parts.append(keyword) }
            parts.append(required ? kind.placeholder : "[\(kind.placeholder)]")
            for o in options where !o.positional { parts.append("[\(o.name)=…]") }
        case .options(let keywords):
            if !keywords.isEmpty { parts.append(keywords.joined(separator: "|")) }
            parts.append(isMeta ? "[NAME VALUE]" : "[NAME=VALUE …]")
        }
        return parts.joined(separator: " ")
    }
}

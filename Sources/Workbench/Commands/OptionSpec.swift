/// One option of a command, declared once: its name, the values it takes, its default and its
/// help in both languages. Every range check of the command language happens in `parse`, so
/// `k`, `dim`, `window`, `epochs`, `eta`, `x-max`, `alpha`, `restrict`, `--limit` and `--auto` are
/// validated in one place with one wording of the error, at the prompt and on the command line.
///
/// ```swift
/// try OptionSpec.k.parse("5", language: .en)      // .integer(5)
/// try OptionSpec.k.parse("lots", language: .en)   // error: k must be a whole number from 1 to 1000, not 'lots'
/// ```
public struct OptionSpec: Sendable {
    /// What values an option takes.
    public enum Kind: Sendable, Equatable {
        /// A whole number in a range: `k` is 1…1000.
        case integer(ClosedRange<Int>)
        /// A whole number in a range, or `off`: `restrict`.
        case integerOrOff(ClosedRange<Int>)
        /// A positive, finite number, at most the bound: `eta`, `x-max`, `alpha`.
        case positive(atMost: Double)
        /// A number in a range: `--auto` seconds.
        case real(ClosedRange<Double>)
        /// `on` or `off` (also yes/no, true/false, 1/0).
        case onOff
        /// One of a few words: `method` is 3cosadd or 3cosmul.
        case choice([String])
        /// A model name: not empty, no `/`.
        case name
        /// Any text: a file name, a corpus.
        case text
    }

    public var name: String
    /// Other spellings accepted for the name (`dims` for `dim`, `lr` for `eta`).
    public var aliases: [String]
    public var kind: Kind
    /// The value when the option is not given; nil when it depends on the context (say so in `help`).
    public var defaultValue: OptionValue?
    public var help: Localized
    /// What to type, for the error's hint: "near 5 king".
    public var example: String
    /// The option may be written as a leading number without its name: `near 5 king`.
    public var positional: Bool

    public init(_ name: String, aliases: [String] = [], _ kind: Kind, default defaultValue: OptionValue? = nil,
                help: Localized, example: String, positional: Bool = false) {
        self.name = name; self.aliases = aliases; self.kind = kind; self.defaultValue = defaultValue
        self.help = help; self.example = example; self.positional = positional
    }

    /// Whether `word` names this option (case-insensitive, aliases included).
    public func isNamed(_ word: String) -> Bool {
        let w = word.lowercased()
        return w == name || aliases.contains(w)
    }

    /// Reads and checks one value; the error says what the option takes, in the learner's language.
    public func parse(_ raw: String, language: Language = .en, at span: Span? = nil) throws -> OptionValue {
        let value = raw.trimmingWhitespace
        func fail(_ phrase: Phrase, _ extra: [String: String] = [:]) -> WorkbenchError {
            var args = ["name": name, "value": value]
            args.merge(extra) { $1 }
            return WorkbenchError(language.text(phrase, args), at: span, hint: example)
        }
        switch kind {
        case .integer(let range), .integerOrOff(let range):
            if case .integerOrOff = kind, value.lowercased() == "off" { return .off }
            guard let n = Int(value), range.contains(n) else {
                if range.upperBound == Int.max {
                    throw fail(kind == .integer(range) ? .optionWholeNumberAtLeast : .optionWholeNumberAtLeastOrOff, ["low": "\(range.lowerBound)"])
                }
                throw fail(kind == .integer(range) ? .optionWholeNumber : .optionWholeNumberOrOff,
                           ["low": "\(range.lowerBound)", "high": "\(range.upperBound)"])
            }
            return .integer(n)
        case .positive(let bound):
            guard let x = Double(value), x > 0, x.isFinite, x <= bound else {
                throw fail(.optionPositive, ["high": OptionValue.real(bound).description])
            }
            return .real(x)
        case .real(let range):
            guard let x = Double(value), x.isFinite, range.contains(x) else {
                throw fail(.optionNumber, ["low": OptionValue.real(range.lowerBound).description, "high": OptionValue.real(range.upperBound).description])
            }
            return .real(x)
        case .onOff:
            switch value.lowercased() {
            case "on", "true", "yes", "1": return .bool(true)
            case "off", "false", "no", "0": return .bool(false)
            default: throw fail(.optionOnOff)
            }
        case .choice(let words):
            guard let w = words.first(where: { $0 == value.lowercased() }) else {
                throw fail(.optionChoice, ["choices": words.joined(separator: language == .zh ? "、" : ", ")])
            }
            return .text(w)
        case .name:
            guard !value.isEmpty, !value.contains("/") else { throw fail(.optionName) }
            return .text(value)
        case .text:
            guard !value.isEmpty else { throw fail(.optionText) }
            return .text(value)
        }
    }

    /// The accepted values, for help: "1–1000", "on/off", "3cosadd, 3cosmul".
    public func accepted(_ language: Language) -> String {
        switch kind {
        case .integer(let r): return r.upperBound == Int.max ? "≥ \(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
        case .integerOrOff(let r): return (r.upperBound == Int.max ? "≥ \(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)") + ", off"
        case .positive(let b): return "> 0, ≤ \(OptionValue.real(b))"
        case .real(let r): return "\(OptionValue.real(r.lowerBound))–\(OptionValue.real(r.upperBound))"
        case .onOff: return "on, off"
        case .choice(let words): return words.joined(separator: ", ")
        case .name: return language.text(.optionKindName)
        case .text: return language.text(.optionKindText)
        }
    }
}

/// A checked option value.
public enum OptionValue: Equatable, Sendable, CustomStringConvertible {
    case integer(Int)
    case real(Double)
    case bool(Bool)
    case text(String)
    /// `restrict off`.
    case off

    public var description: String {
        switch self {
        case .integer(let n): return String(n)
        case .real(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .bool(let b): return b ? "on" : "off"
        case .text(let t): return t
        case .off: return "off"
        }
    }

    public var integer: Int? { if case .integer(let n) = self { return n }; return nil }
    public var real: Double? {
        switch self { case .real(let x): return x; case .integer(let n): return Double(n); default: return nil }
    }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var text: String? { if case .text(let t) = self { return t }; return nil }
}

/// The options given to one command, checked against its declaration.
public struct OptionValues: Sendable {
    public var given: [String: OptionValue] = [:]
    /// Where each was typed, for errors that come later (a corpus file that cannot be read).
    public var spans: [String: Span] = [:]
    let specs: [OptionSpec]

    init(specs: [OptionSpec]) { self.specs = specs }

    /// The value given, else the declared default.
    public subscript(_ name: String) -> OptionValue? {
        given[name] ?? specs.first { $0.name == name }?.defaultValue
    }
    public func integer(_ name: String) -> Int? { self[name]?.integer }
    public func real(_ name: String) -> Double? { self[name]?.real }
    public func text(_ name: String) -> String? { self[name]?.text }
    public func bool(_ name: String) -> Bool? { self[name]?.bool }
    public func isGiven(_ name: String) -> Bool { given[name] != nil }
}

import Embeddings

/// What the learner can change with `:set` (declared as `OptionSpec.settings`).
public struct Settings: Equatable, Sendable {
    /// How many neighbours to show (`:set k 5`).
    public var k = 10
    /// Leave the input words out of an expression's neighbours (`:set exclude off` to see why we do).
    public var excludeInputs = true
    /// How analogies are scored (`:set method 3cosmul`).
    public var method: AnalogyMethod = .cosAdd
    /// Search only the most frequent N words (`:set restrict 10000`; `:set restrict off`).
    public var restrictTo: Int?
    /// How `near` and expressions find neighbours: every word (`exact`) or the HNSW index (`:set search approx`).
    public var approximateSearch = false
    /// Candidates an approximate search keeps (`:set ef 64`): more is slower and finds more of the true neighbours.
    public var ef = 64

    public init() {}

    /// Applies `:set NAME VALUE`, checking the value against the setting's declaration; returns a
    /// confirmation in `language`.
    @discardableResult
    public mutating func apply(_ name: String, _ raw: String, language: Language = .en, at span: Span? = nil) throws -> String {
        guard let spec = OptionSpec.settings.first(where: { $0.isNamed(name) }) else {
            throw WorkbenchError(language.text(.settingUnknown, ["name": name, "settings": OptionSpec.settings.map(\.name).joined(separator: ", ")]),
                                 at: span, hint: ":set k 5")
        }
        return try set(spec, spec.parse(raw, language: language, at: span), language: language)
    }

    /// Sets a checked value; returns the confirmation.
    public mutating func set(_ spec: OptionSpec, _ value: OptionValue, language: Language) throws -> String {
        switch spec.name {
        case "k":
            k = value.integer ?? k
            return language.text(.settingK, ["k": "\(k)"])
        case "exclude":
            excludeInputs = value.bool ?? excludeInputs
            return language.text(excludeInputs ? .settingExcludeOn : .settingExcludeOff)
        case "method":
            method = AnalogyMethod(rawValue: value.text ?? "") ?? method
            return "method = \(method.rawValue)"
        case "search":
            approximateSearch = value.text == "approx"
            return language.text(approximateSearch ? .settingSearchApprox : .settingSearchExact)
        case "ef":
            ef = value.integer ?? ef
            return "ef = \(ef)"
        default:
            restrictTo = value.integer
            return restrictTo.map { language.text(.settingRestrict, ["n": "\($0)"]) } ?? language.text(.settingRestrictOff)
        }
    }

    /// The `:set` line that changes these settings into `target` (nil when they are the same):
    /// `:set search exact ef 64`. A lesson records it when it starts, so a saved notebook resets too.
    public func line(toReach target: Settings) -> String? {
        let changes = zip(summary, target.summary).filter { $0.1 != $1.1 }.map { "\($1.0) \($1.1)" }
        return changes.isEmpty ? nil : ":set " + changes.joined(separator: " ")
    }

    public var summary: [(String, String)] {
        [("k", "\(k)"), ("exclude", excludeInputs ? "on" : "off"), ("method", method.rawValue), ("restrict", restrictTo.map(String.init) ?? "off"),
         ("search", approximateSearch ? "approx" : "exact"), ("ef", "\(ef)")]
    }
}

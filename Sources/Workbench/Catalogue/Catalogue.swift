/// The string catalogue: what the workbench says, in English and in 中文, by `Phrase`.
/// A test checks that every phrase has both texts and that both use the same `{placeholders}`.
public enum Catalogue {
    public static func table(_ language: Language) -> [Phrase: String] {
        language == .zh ? chinese : english
    }

    /// The text of `phrase` in `language`, with `{name}` replaced by `values["name"]`. A phrase
    /// missing from a language falls back to English (the test makes sure none is missing).
    public static func text(_ phrase: Phrase, _ language: Language, _ values: [String: String] = [:]) -> String {
        fill(table(language)[phrase] ?? english[phrase] ?? phrase.rawValue, values)
    }

    /// `{name}` in `template` replaced by `values["name"]` in one pass over the template: a value is
    /// never read again, so a learner's text that holds `{model}` stays as typed. A placeholder
    /// without a value stays as it is.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }

    /// The `{placeholders}` a text uses, for the completeness test.
    public static func placeholders(_ text: String) -> Set<String> {
        var out = Set<String>()
        var current: String?
        for c in text {
            if c == "{" { current = "" } else if c == "}" { if let p = current { out.insert(p) }; current = nil } else { current?.append(c) }
        }
        return out
    }
}

/// The string catalogue: what the workbench says, in English and in 中文, by `Phrase`.
/// A test checks that every phrase has both texts and that both use the same `{placeholders}`.
public enum Catalogue {
    public static func table(_ language: Language) -> [Phrase: String] {
        language == .zh ? chinese : english
    }

    /// The text of `phrase` in `language`, with `{name}` replaced by `values["name"]`. A phrase
    /// missing from a language falls back to English (the test makes sure none is missing).
    public static func text(_ phrase: Phrase, _ language: Language, _ values: [String: String] = [:]) -> String {
        var text = table(language)[phrase] ?? english[phrase] ?? phrase.rawValue
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
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

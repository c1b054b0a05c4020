import Foundation

/// The language a learner reads: prose, help, messages, errors and labels.
///
/// ```swift
/// Language.fromEnvironment(["LANG": "zh_CN.UTF-8"])   // .zh
/// Language.zh.pick(en: "hint", zh: "提示")               // "提示"
/// ```
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, zh

    /// From `LC_ALL`/`LC_MESSAGES`/`LANG` (the first that is set): `zh_*` gives 中文, anything else English.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    /// Picks the text for this language from a pair.
    public func pick(en: String, zh: String) -> String { self == .zh ? zh : en }

    /// Items written as a list in this language: `a, b, c` / `a、b、c`.
    public func list(_ items: [String]) -> String { items.joined(separator: self == .zh ? "、" : ", ") }
}

/// A text in both languages: a command's help, an option's description.
public struct Localized: Equatable, Sendable {
    public var en: String
    public var zh: String
    public init(en: String, zh: String) { self.en = en; self.zh = zh }
    public func text(_ language: Language) -> String { language.pick(en: en, zh: zh) }
}

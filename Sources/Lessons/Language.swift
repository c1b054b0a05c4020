import Foundation

/// The language prose and feedback are shown in.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, zh

    /// From `LANG`/`LC_ALL`/`LC_MESSAGES`: `zh_*` gives 中文, anything else English.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    /// Picks the text for this language from a pair.
    public func pick(en: String, zh: String) -> String { self == .zh ? zh : en }
}

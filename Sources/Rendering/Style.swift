import Workbench

/// How output should look: the terminal's width, whether to use colour, and the language of
/// labels. Colour only on a terminal, and never when `NO_COLOR` is set (the executable decides).
public struct Style: Sendable {
    public var width: Int
    public var color: Bool
    public var language: Language
    public init(width: Int = 80, color: Bool = false, language: Language = .en) {
        self.width = max(30, width)
        self.color = color
        self.language = language
    }

    /// The same style with labels in `language`.
    public func withLanguage(_ language: Language) -> Style { var s = self; s.language = language; return s }

    /// Plain text for files, pipes and tests.
    public static let plain = Style(width: 80, color: false)

    public enum Tone: String, Sendable { case dim = "2", bold = "1", italic = "3", green = "32", red = "31", yellow = "33", cyan = "36", magenta = "35" }

    public func paint(_ s: String, _ tone: Tone) -> String {
        color ? "\u{1B}[\(tone.rawValue)m\(s)\u{1B}[0m" : s
    }
}

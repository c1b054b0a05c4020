/// Text from a file made safe to show on a terminal: every control character becomes a visible
/// escape, so that a word such as `"\u{1B}]52;c;…\u{07}"` in a model cannot set the clipboard,
/// clear the screen or retitle the window; and a huge line is cut, so that an error never echoes
/// a 300 MB line back.
///
/// Escaped: C0 controls except tab and line feed (`\e`, `\a`, `\r`, `\u{0}`…), DEL, C1 controls
/// (U+0080–U+009F), and the bidirectional overrides/isolates (U+202A–U+202E, U+2066–U+2069) that can
/// make text read differently from what it is.
///
/// ```swift
/// PrintableText.escaping("ok\u{1B}[2J")            // "ok\\e[2J"
/// PrintableText.escaping(String(repeating: "x", count: 1000), limit: 10)   // "xxxxxxxxxx… (1000 bytes)"
/// ```
public enum PrintableText {
    /// `text` with control characters escaped; with `limit`, cut after that many UTF-8 bytes of
    /// input and marked with `… (N bytes)`. `keepNewlines: false` escapes `\n` and `\t` too (for one-line messages).
    public static func escaping<S: StringProtocol>(_ text: S, limit: Int? = nil, keepNewlines: Bool = true) -> String {
        var out = ""
        var consumed = 0
        let total = text.utf8.count
        for scalar in text.unicodeScalars {
            if let limit, consumed >= limit {
                out += "… (\(total) bytes)"
                return out
            }
            consumed += UTF8.width(scalar)
            let v = scalar.value
            switch v {
            case 0x0A where keepNewlines, 0x09 where keepNewlines: out.unicodeScalars.append(scalar)
            case 0x1B: out += "\\e"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x0D: out += "\\r"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// At most `limit` characters (grapheme clusters, so a character is never cut in half) of
    /// `text`, escaped for one line, with `…` when cut: what an error may quote of a file's or a
    /// line's content (a 64 MB line is quoted as its first 80 characters, never whole).
    ///
    ///     PrintableText.excerpt(String(repeating: "\u{0}", count: 1 << 26))   // "\\u{0}\\u{0}…" (80 of them, then …)
    public static func excerpt<S: StringProtocol>(_ text: S, limit: Int = 80) -> String {
        var end = text.startIndex
        var count = 0
        while end < text.endIndex, count < limit {
            end = text.index(after: end)
            count += 1
        }
        let cut = end < text.endIndex
        return escaping(text[text.startIndex..<end], keepNewlines: false) + (cut ? "…" : "")
    }

    /// True when `text` needs no escaping (the common case, checked without allocating).
    public static func isPrintable<S: StringProtocol>(_ text: S) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: continue
            case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return false
            default: continue
            }
        }
        return true
    }
}

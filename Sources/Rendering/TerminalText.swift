import FileAccess

/// The one sanitiser between text from files and the terminal. Words in a model, lesson prose,
/// notebook cells, file names and error messages that quote them all pass through here, so that
/// a word such as `"\u{1B}]52;c;…\u{07}"` (OSC 52: write the clipboard), `"\u{1B}[2J"` (clear the
/// screen) or `"\u{1B}]2;…\u{07}"` (set the window title) is shown as `\e]52;c;…\a`, never obeyed.
///
/// Every control character becomes a visible escape (see `PrintableText`), except line feeds,
/// tabs and the colour sequences `Style.paint` itself writes (`ESC [ n m` for its few tones),
/// which only ever change colour.
///
/// ```swift
/// TerminalText.printable("cat\u{1B}[2J")                    // "cat\\e[2J"
/// TerminalText.printable(Style(color: true).paint("ok", .green))   // unchanged
/// ```
public enum TerminalText {
    /// The escape sequences `Style.paint` emits: reset and each tone.
    static let colourSequences: Set<String> = Set(["0"] + [Style.Tone.dim, .bold, .italic, .green, .red, .yellow, .cyan, .magenta].map(\.rawValue))

    public static func printable(_ text: String) -> String {
        guard !PrintableText.isPrintable(text) else { return text }
        var out = ""
        var pending = Substring.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}", let sequence = colourSequence(at: scalars) {
                out += PrintableText.escaping(String(pending))
                pending.removeAll()
                out += "\u{1B}[" + sequence + "m"
                scalars = scalars.dropFirst(sequence.unicodeScalars.count + 2)
                continue
            }
            pending.append(scalar)
        }
        return out + PrintableText.escaping(String(pending))
    }

    /// The tone code when `rest` (just after an ESC) is `[code m` with one of Style's codes.
    private static func colourSequence(at rest: Substring.UnicodeScalarView) -> String? {
        guard rest.first == "[" else { return nil }
        var code = ""
        for s in rest.dropFirst().prefix(4) {
            if s == "m" { return colourSequences.contains(code) ? code : nil }
            guard ("0"..."9").contains(s) else { return nil }
            code.unicodeScalars.append(s)
        }
        return nil
    }
}

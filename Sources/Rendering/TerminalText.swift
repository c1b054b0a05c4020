import FileAccess

/// The one sanitiser between text from files and the terminal. Words in a model, lesson prose,
/// notebook cells, file names and error messages that quote them all pass through here, so that
/// a word such as `"\u{1B}]52;c;…\u{07}"` (OSC 52: write the clipboard), `"\u{1B}[2J"` (clear the
/// screen) or `"\u{1B}]2;…\u{07}"` (set the window title) is shown as `\e]52;c;…\a`, never obeyed.
///
/// Every control character becomes a visible escape (see `PrintableText`), except line feeds,
/// tabs and the colour sequences EmbedLab's renderers write (`ESC [ n;n m` with colour codes only),
/// which only ever change colour.
///
/// ```swift
/// TerminalText.printable("cat\u{1B}[2J")                    // "cat\\e[2J"
/// TerminalText.printable(Style(color: true).paint("ok", .green))   // unchanged
/// ```
public enum TerminalText {
    /// The colour codes (SGR parameters) EmbedLab's renderers write: reset, Style's tones, and the
    /// foreground and background colours the token views use. Only colours: nothing that moves
    /// the cursor, clears, hides text or talks to the terminal.
    static let colourCodes: Set<String> = {
        let tones: [Style.Tone] = [.dim, .bold, .italic, .green, .red, .yellow, .cyan, .magenta]
        var codes: Set<String> = ["0", "39", "49"]
        for tone in tones { codes.insert(tone.rawValue) }
        for range in [30...37, 40...47, 90...97] { for n in range { codes.insert(String(n)) } }
        return codes
    }()

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

    /// The codes when `rest` (just after an ESC) is `[code;code…m` made only of colour codes.
    private static func colourSequence(at rest: Substring.UnicodeScalarView) -> String? {
        guard rest.first == "[" else { return nil }
        var codes = ""
        for s in rest.dropFirst().prefix(16) {
            if s == "m" {
                return !codes.isEmpty && codes.split(separator: ";", omittingEmptySubsequences: false).allSatisfy { colourCodes.contains(String($0)) } ? codes : nil
            }
            guard ("0"..."9").contains(s) || s == ";" else { return nil }
            codes.unicodeScalars.append(s)
        }
        return nil
    }
}

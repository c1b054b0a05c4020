import FileAccess

/// The one sanitiser between text from files and the terminal. Words in a model, lesson prose,
/// notebook cells, file names and error messages that quote them all pass through here, so that
/// a word such as `"\u{1B}]52;c;…\u{07}"` (OSC 52: write the clipboard), `"\u{1B}[2J"` (clear the
/// screen) or `"\u{1B}]2;…\u{07}"` (set the window title) is shown as `\e]52;c;…\a`, never obeyed.
///
/// Every control character becomes a visible escape (see `PrintableText`), except line feeds,
/// tabs and, when colour is on, exactly the colour sequences EmbedLab's renderers write
/// (`Style.Tone`'s codes, reset, and the token views' `30;46` and `30;43`): a sequence from content
/// that could hide text (`ESC[30;40m`, black on black) or do anything else is shown, never obeyed.
/// With colour off (`NO_COLOR`, `TERM=dumb`, a pipe) every escape is shown.
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
        var codes: Set<String> = ["0", TokensRenderer.evenCell, TokensRenderer.oddCell]
        for tone in tones { codes.insert(tone.rawValue) }
        return codes
    }()

    /// `text` made safe for a terminal; `colour: false` shows every escape sequence, ours too.
    public static func printable(_ text: String, colour: Bool = true) -> String {
        guard !PrintableText.isPrintable(text) else { return text }
        guard colour else { return PrintableText.escaping(text) }
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

    /// The codes when `rest` (just after an ESC) is `[code;code…m` made only of colour codes, or
    /// one extended colour, as pictures are drawn (`PictureRenderer`): `38;5;N` / `48;5;N` (256
    /// colours) or `38;2;R;G;B` / `48;2;R;G;B` (24-bit), every number 0…255. Like the basic
    /// colours these only paint; anything else (cursor moves, clearing, titles) is escaped.
    private static func colourSequence(at rest: Substring.UnicodeScalarView) -> String? {
        guard rest.first == "[" else { return nil }
        var codes = ""
        for s in rest.dropFirst().prefix(20) {
            if s == "m" {
                return colourCodes.contains(codes) || isExtendedColour(codes) ? codes : nil
            }
            guard ("0"..."9").contains(s) || s == ";" else { return nil }
            codes.unicodeScalars.append(s)
        }
        return nil
    }

    private static func isExtendedColour(_ codes: String) -> Bool {
        let parts = codes.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == "38" || parts[0] == "48" else { return false }
        let numbers = parts.dropFirst(2)
        guard numbers.allSatisfy({ $0.count <= 3 && (Int($0).map { (0...255).contains($0) } ?? false) }) else { return false }
        return (parts[1] == "5" && numbers.count == 1) || (parts[1] == "2" && numbers.count == 3)
    }
}

/// Lesson prose (a small Markdown subset) for the terminal: paragraphs wrapped to the width
/// (汉字 may break anywhere, Latin words only at spaces), `*emphasis*`, `**strong**`,
/// `` `code` ``, lists (`- `), and `### ` sub-headings. Inline marks are read by a small scanner,
/// not by regular expressions, so a lone `*` stays a `*`.
public enum ProseRenderer {
    /// The prose as terminal text; control characters in it are shown escaped (`TerminalText`).
    public static func render(_ markdown: String, style: Style) -> String {
        TerminalText.printable(unescaped(markdown, style: style), colour: style.color)
    }

    static func unescaped(_ markdown: String, style: Style) -> String {
        var out: [String] = []
        for paragraph in markdown.components(separatedBy: "\n\n") {
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let firstLine = lines.first, listMarker(firstLine) != nil,
               lines.allSatisfy({ listMarker($0) != nil || $0.hasPrefix("  ") }) {
                // A list (`- `, `* ` or `1. `): one item per marker, continuation lines joined to their item.
                var items: [(marker: String, text: String)] = []
                for l in lines {
                    let t = l.trimmingSpaces
                    if let marker = listMarker(l) {
                        items.append((marker == "-" || marker == "*" ? "•" : marker, String(t.dropFirst(marker.count + 1))))
                    } else if !items.isEmpty { items[items.count - 1].text += " " + t }
                }
                for item in items {
                    let indent = DisplayWidth.of(item.marker) + 1
                    out += wrap(spans(item.text), width: style.width - indent, style: style).enumerated()
                        .map { ($0 == 0 ? item.marker + " " : String(repeating: " ", count: indent)) + $1 }
                }
            } else if let first = lines.first, first.hasPrefix("#") {
                let title = first.drop { $0 == "#" }.trimmingSpaces
                out.append(style.paint(title, .bold))
                let rest = lines.dropFirst().joined(separator: " ")
                if !rest.isEmpty { out += wrap(spans(rest), width: style.width, style: style) }
            } else {
                out += wrap(spans(lines.map { $0.trimmingSpaces }.joined(separator: " ")), width: style.width, style: style)
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// "-", "*" or "12." when the line starts a list item.
    static func listMarker(_ line: String) -> String? {
        let t = line.trimmingSpaces
        if t.hasPrefix("- ") || t.hasPrefix("* ") { return String(t.prefix(1)) }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, t.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return digits + "."
    }

    enum Mark { case plain, emphasis, strong, code }

    /// Splits text into runs by inline mark.
    static func spans(_ text: String) -> [(String, Mark)] {
        var result: [(String, Mark)] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        func flush(_ mark: Mark) { if !current.isEmpty { result.append((current, mark)); current = "" } }
        while i < chars.count {
            let c = chars[i]
            if c == "`", let close = chars[(i + 1)...].firstIndex(of: "`") {
                flush(.plain); result.append((String(chars[(i + 1)..<close]), .code)); i = close + 1; continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*", let close = find("**", in: chars, from: i + 2) {
                flush(.plain); result.append((String(chars[(i + 2)..<close]), .strong)); i = close + 2; continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] != " ", let close = chars[(i + 1)...].firstIndex(of: "*"), close > i + 1 {
                flush(.plain); result.append((String(chars[(i + 1)..<close]), .emphasis)); i = close + 1; continue
            }
            current.append(c)
            i += 1
        }
        flush(.plain)
        return result
    }

    static func find(_ s: String, in chars: [Character], from: Int) -> Int? {
        let pattern = Array(s)
        var i = from
        while i + pattern.count <= chars.count {
            if Array(chars[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }

    /// Wraps runs to `width` columns; returns painted lines. A unit of wrapping is a Latin word
    /// with its trailing space (which may span marks: "*man*," stays one unit) or one wide character.
    static func wrap(_ runs: [(String, Mark)], width: Int, style: Style) -> [String] {
        typealias Unit = [(text: String, mark: Mark)]
        var units: [Unit] = []
        var word: Unit = []
        func append(_ c: Character, _ mark: Mark) {
            if let last = word.last, last.mark == mark { word[word.count - 1].text.append(c) } else { word.append((String(c), mark)) }
        }
        for (text, mark) in runs {
            // A short code span of Latin text (`em ##bed ##ding ##s`) is one unit: never split between its pieces.
            let whole = mark == .code && DisplayWidth.of(text) <= 32 && text.allSatisfy { DisplayWidth.of($0) == 1 }
            for c in text {
                if DisplayWidth.of(c) == 2 {
                    if !word.isEmpty { units.append(word); word = [] }
                    units.append([(String(c), mark)])
                } else if c == " " && !whole {
                    append(c, mark)
                    units.append(word); word = []
                } else {
                    append(c, mark)
                }
            }
        }
        if !word.isEmpty { units.append(word) }
        // A book title, 《…》, moves down whole rather than being split (when it is short enough).
        var titled: [Unit] = []
        var u = 0
        while u < units.count {
            if units[u].first?.text.hasPrefix("《") == true,
               let end = units[u...].prefix(16).firstIndex(where: { $0.contains { $0.text.contains("》") } }), end > u {
                titled.append(units[u...end].flatMap { $0 })
                u = end + 1
                continue
            }
            titled.append(units[u])
            u += 1
        }
        units = titled
        // Lines as lists of units, so that units can move down to the next line.
        var lines: [[Unit]] = [[]]
        func lineWidth(_ line: [Unit]) -> Int {
            var text = line.map { $0.map(\.text).joined() }.joined()
            while text.last == " " { text.removeLast() }
            while text.first == " " { text.removeFirst() }
            return DisplayWidth.of(text)
        }
        func text(_ unit: Unit) -> String { unit.map(\.text).joined().trimmingSpaces }
        for unit in units {
            let candidate = lines[lines.count - 1] + [unit]
            if lineWidth(candidate) <= width || lines[lines.count - 1].isEmpty {
                lines[lines.count - 1] = candidate
                continue
            }
            if text(unit).isEmpty { continue }   // a space at the margin: the break itself
            // Break. Closing punctuation never starts a line (kinsoku): the character before it
            // moves down with it, rather than letting it hang past the margin. An opening bracket
            // never ends a line: it moves down with what it opens.
            var previous = lines[lines.count - 1]
            var moved: [Unit] = []
            // (A run of closing marks, "）。", moves down together with the character before it.)
            while closing.contains(text(moved.first ?? unit)), previous.count > 1 { moved.insert(previous.removeLast(), at: 0) }
            while previous.count > 1, let last = previous.last, opening.contains(text(last)) { moved.insert(previous.removeLast(), at: 0) }
            lines[lines.count - 1] = previous
            lines.append(moved + [unit])
        }
        return lines.filter { !$0.isEmpty }.map { line in
            var out = ""
            for (u, unit) in line.enumerated() {
                for (i, segment) in unit.enumerated() {
                    var t = u == 0 && i == 0 ? String(segment.text.drop { $0 == " " }) : segment.text
                    // The line's last space is the break: left inside a colour (a code span ending the line), it
                    // would make the line one column too wide, and the terminal would wrap it onto a blank line.
                    if u == line.count - 1 && i == unit.count - 1 { while t.last == " " { t.removeLast() } }
                    out += paint(t, segment.mark, style)
                }
            }
            return out.trailingSpacesTrimmed
        }
    }

    /// Punctuation that may not start a line, and brackets that may not end one (a norm's bars,
    /// ‖猫‖, are both: the name between them stays with them).
    static let closing: Set<String> = ["，", "。", "；", "：", "！", "？", "、", "）", "》", "」", "』", "”", "’", ",", ".", ";", ":", "!", "?", ")", "…", "……", "‖"]
    static let opening: Set<String> = ["（", "《", "「", "『", "“", "‘", "(", "[", "‖"]

    static func paint(_ s: String, _ mark: Mark, _ style: Style) -> String {
        switch mark {
        case .plain: return s
        case .strong: return style.paint(s, .bold)
        case .emphasis: return style.paint(s, .italic)
        case .code: return style.paint(s, .cyan)
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}

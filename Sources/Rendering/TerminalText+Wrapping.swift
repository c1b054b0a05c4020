extension TerminalText {
    /// Text wrapped to `width` terminal columns, for lines the terminal would otherwise cut
    /// wherever the margin falls (a banner, a hint, feedback, help). Latin words break only at
    /// spaces (a word longer than the line is cut); 汉字 may break between any two characters,
    /// except that closing punctuation never starts a line (the character before it moves down
    /// with it) and an opening bracket never ends one — the rule `ProseRenderer` follows.
    /// A continuation line keeps the line's indent, and lines under a leading mark (`✗ `, `• `)
    /// line up after the mark. A short book title (《红楼梦》) is not split. Colour sequences take no
    /// width. Lines that fit are unchanged.
    ///
    /// ```swift
    /// TerminalText.wrapped("✗ Not yet: the word you subtract is not the question's.", width: 30)
    /// // "✗ Not yet: the word you\n  subtract is not the\n  question's."
    /// ```
    public static func wrapped(_ text: String, width: Int) -> String {
        guard width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }.joined(separator: "\n")
    }

    /// One piece that wrapping keeps whole: a Latin word with its trailing spaces, or one wide
    /// character; colour sequences ride along with the piece they precede.
    struct Piece {
        var text = ""
        var width = 0
        var visible = ""
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        let pieces = pieces(of: line)
        guard pieces.map(\.width).reduce(0, +) > width else { return line }
        // The indent of continuation lines: the line's own, plus a leading mark's.
        var indent = line.prefix { $0 == " " }.count
        if let mark = pieces.first(where: { !$0.visible.trimmingCharacters(in: .whitespaces).isEmpty })?.visible.trimmingCharacters(in: .whitespaces),
           ["✗", "✓", "★", "•", "-", "*", "→"].contains(mark) || (mark.hasSuffix(".") && Int(mark.dropLast()) != nil) {
            indent += DisplayWidth.of(mark) + 1
        }
        // A two-column line (`  Ctrl-C      stops training; …`): continue under the second column.
        let visible = pieces.map(\.visible).joined()
        if let gap = visible.range(of: #"^ *[^ ]+( [^ ]+)* {2,}(?=[^ ])"#, options: .regularExpression) {
            let column = DisplayWidth.of(visible[gap])
            if column <= width * 2 / 3 { indent = column }
        }
        if indent > width * 2 / 3 { indent = min(line.prefix { $0 == " " }.count, width / 3) }
        let pad = String(repeating: " ", count: indent)

        var lines: [[Piece]] = [[]]
        func used(_ l: [Piece], first: Bool) -> Int {
            var w = l.map(\.width).reduce(0, +)
            // Trailing spaces of the last piece do not count: they become the break.
            if let last = l.last { w -= last.visible.reversed().prefix { $0 == " " }.count }
            return w + (first ? 0 : indent)
        }
        for piece in pieces {
            let first = lines.count == 1
            var current = lines[lines.count - 1]
            if used(current + [piece], first: first) <= width || current.isEmpty {
                lines[lines.count - 1] = current + [piece]
                continue
            }
            if piece.visible.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            var moved: [Piece] = []
            let visible = piece.visible.trimmingCharacters(in: .whitespaces)
            // A run of closing marks ("）。") moves down together with the character before it.
            while closing.contains((moved.first?.visible ?? visible).trimmingCharacters(in: .whitespaces)), current.count > 1 {
                moved.insert(current.removeLast(), at: 0)
            }
            while current.count > 1, let last = current.last, opening.contains(last.visible.trimmingCharacters(in: .whitespaces)) {
                moved.insert(current.removeLast(), at: 0)
            }
            lines[lines.count - 1] = current
            lines.append(moved + [piece])
        }
        // A piece wider than a line (a long path, a long word) is cut at the margin.
        var out: [String] = []
        for (n, l) in lines.enumerated() where !l.isEmpty {
            var text = l.map(\.text).joined()
            if n > 0 { text = pad + String(text.drop { $0 == " " }) }
            while text.last == " " { text.removeLast() }
            out += cut(text, width: width, indent: n > 0 ? indent : 0, pad: pad)
        }
        return out.joined(separator: "\n")
    }

    /// A line still wider than `width` cut into pieces of `width` columns.
    static func cut(_ line: String, width: Int, indent: Int, pad: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var w = 0
        var chars = line[...]
        while let c = chars.first {
            if c == "\u{1B}", let end = chars.firstIndex(of: "m"), chars.distance(from: chars.startIndex, to: end) < 8 {
                current += chars[...end]; chars = chars[chars.index(after: end)...]; continue
            }
            let cw = DisplayWidth.of(c)
            if w + cw > width, w > indent {
                lines.append(current)
                current = pad; w = pad.count
            }
            current.append(c); w += cw
            chars = chars.dropFirst()
        }
        lines.append(current)
        return lines
    }

    static func pieces(of line: String) -> [Piece] {
        var pieces: [Piece] = []
        var piece = Piece()
        var pendingEscape = ""
        var chars = line[...]
        func close() { if !piece.text.isEmpty { pieces.append(piece); piece = Piece() } }
        while let c = chars.first {
            if c == "\u{1B}", let end = chars.firstIndex(of: "m"), chars.distance(from: chars.startIndex, to: end) < 8 {
                pendingEscape += chars[...end]
                chars = chars[chars.index(after: end)...]
                continue
            }
            chars = chars.dropFirst()
            let w = DisplayWidth.of(c)
            if w == 2 {
                close()
                pieces.append(Piece(text: pendingEscape + String(c), width: 2, visible: String(c)))
                pendingEscape = ""
                continue
            }
            if c == " " {
                // A space closes the word it follows (leading spaces stay on the first piece).
                piece.text += pendingEscape + " "; piece.width += 1; piece.visible += " "; pendingEscape = ""
                if piece.visible.contains(where: { $0 != " " }) { close() }
                continue
            }
            if piece.visible.last == " ", piece.visible.contains(where: { $0 != " " }) { close() }
            piece.text += pendingEscape + String(c); piece.width += w; piece.visible.append(c); pendingEscape = ""
        }
        piece.text += pendingEscape
        close()
        // A book title, 《…》, stays on one line when it is short enough.
        var merged: [Piece] = []
        var i = 0
        while i < pieces.count {
            if pieces[i].visible.hasPrefix("《"),
               let end = pieces[i...].prefix(16).firstIndex(where: { $0.visible.contains("》") }), end > i {
                let run = pieces[i...end]
                merged.append(Piece(text: run.map(\.text).joined(), width: run.map(\.width).reduce(0, +), visible: run.map(\.visible).joined()))
                i = end + 1
                continue
            }
            merged.append(pieces[i])
            i += 1
        }
        return merged
    }

    /// Punctuation that may not start a line, and brackets that may not end one.
    static let closing: Set<String> = ["，", "。", "；", "：", "！", "？", "、", "）", "》", "」", "』", "”", "’", ",", ".", ";", ":", "!", "?", ")", "…", "……", "‖"]
    static let opening: Set<String> = ["（", "《", "「", "『", "“", "‘", "(", "[", "‖"]
}

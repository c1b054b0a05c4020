import Workbench

/// Draws one text cut several ways, one row per view, lined up by UTF-8 bytes: a word sits
/// above its characters, a character above its bytes. Token boundaries are coloured (each token
/// on its own background, alternating) on a terminal, and marked with │ in plain text.
///
///     从Token到向量: 4 words, 9 characters, 17 bytes
///     words       从      │Token         │到      │向量
///       bytes     3       │5             │3       │6
///     characters  从      │T │o │k │e │n │到      │向      │量
///       bytes     3       │1 │1 │1 │1 │1 │3       │3       │3
///     bytes       E4│BB│8E│54│6F│6B│65│6E│E5│88│B0│E5│90│91│E9│87│8F
///
/// Under words and characters: how many bytes each takes; under BPE tokens: their ids. A
/// `bpe train` result also lists the merges, in the order they were learned.
public enum TokensRenderer {
    /// The token views' cell colours (black on cyan, black on yellow): the only two-code colour
    /// sequences EmbedLab writes (`TerminalText` lets exactly these through).
    static let evenCell = "30;46", oddCell = "30;43"
    public static func render(_ b: TokenBreakdown, title: String?, style: Style) -> String {
        var lines: [String] = []
        if let title { lines.append(style.paint(DisplayWidth.truncate(title, to: style.width), .bold)) }
        if !b.merges.isEmpty { lines += merges(b.merges, style: style) + [""] }
        lines += aligned(b, style: style)
        if let note = b.note { lines.append(style.paint(TerminalText.wrapped(note, width: style.width), .dim)) }
        return lines.joined(separator: "\n")
    }

    /// The merges as a table, the first 24 and the last 3 when there are many.
    static func merges(_ merges: [TokenBreakdown.Merge], style: Style) -> [String] {
        func row(_ k: Int, _ m: TokenBreakdown.Merge) -> [String] {
            [String(k + 1), visible(m.left) + " + " + visible(m.right), "→ " + visible(m.token), String(m.id), "×\(m.count)"]
        }
        var rows = merges.enumerated().map { row($0.offset, $0.element) }
        if rows.count > 30 { rows = Array(rows.prefix(24)) + [["…", "", "", "", ""]] + Array(rows.suffix(3)) }
        let l = style.language
        let table = Table(headers: ["#", l.text(.headerMerge), l.text(.headerNewToken), "id", l.text(.headerCount)], rows: rows, numericColumns: [0, 3, 4])
        return TableRenderer.render(table, style: style).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Spaces and control characters made visible, so that a token's extent can be seen.
    static func visible(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case " ": out += "␣"
            case "\t": out += "⇥"
            case "\n", "\r\n", "\r": out += "⏎"
            default:
                if let v = c.unicodeScalars.first?.value, v < 0x20 || v == 0x7F {
                    out += "<" + String(v, radix: 16, uppercase: true) + ">"
                } else {
                    out.append(c)
                }
            }
        }
        return out
    }

    /// A view's name as the learner reads it ("words" is 词 in Chinese); the data keeps the English key.
    static func viewName(_ name: String, _ l: Language) -> String {
        switch name {
        case "words": return l.text(.viewWords)
        case "characters": return l.text(.viewCharacters)
        case "bytes": return l.text(.headerBytes)
        default: return name
        }
    }

    /// A view's label row and (for all but bytes) its number row.
    private struct Row {
        var name: String
        var cells: [(range: Range<Int>, text: String)]
        var colored: Bool
    }

    /// The views lined up by bytes, wrapped to the terminal's width where no token is cut.
    static func aligned(_ b: TokenBreakdown, style: Style) -> [String] {
        var rows: [Row] = []
        for view in b.views {
            let label = view.name == "bytes" ? { (p: TokenBreakdown.Piece) in p.hex } : { (p: TokenBreakdown.Piece) in visible(p.text) }
            rows.append(Row(name: viewName(view.name, style.language), cells: view.pieces.map { ($0.byteRange, label($0)) }, colored: true))
            switch view.name {
            case "bytes": break
            case "BPE": rows.append(Row(name: "  id", cells: view.pieces.map { ($0.byteRange, $0.id.map(String.init) ?? "") }, colored: false))
            default: rows.append(Row(name: "  " + style.language.text(.headerBytes), cells: view.pieces.map { ($0.byteRange, String($0.byteCount)) }, colored: false))
            }
        }
        // The segments: between every two neighbouring boundaries of any view.
        var cuts = Set([0, b.byteCount])
        for row in rows { for cell in row.cells { cuts.insert(cell.range.lowerBound); cuts.insert(cell.range.upperBound) } }
        let bounds = cuts.sorted()
        guard bounds.count >= 2 else { return [] }
        let segments = bounds.count - 1
        var segmentOf = [Int: Int]()
        for (k, x) in bounds.enumerated() { segmentOf[x] = k }
        // Each segment as wide as the narrowest cell that fits it needs; wider cells widen their last segment.
        var width = [Int](repeating: 1, count: segments)
        let spans = rows.flatMap { row in row.cells.map { (segmentOf[$0.range.lowerBound]!, segmentOf[$0.range.upperBound]! - 1, DisplayWidth.of($0.text)) } }
        for (s, e, w) in spans.sorted(by: { $0.1 - $0.0 < $1.1 - $1.0 }) where e >= s {
            let have = (s...e).reduce(0) { $0 + width[$1] } + (e - s)
            if have < w { width[e] += w - have }
        }
        // Where a line may wrap: boundaries that no cell of any view straddles.
        var straddled = Set<Int>()
        for row in rows {
            for cell in row.cells where cell.range.count > 1 {
                for k in (segmentOf[cell.range.lowerBound]! + 1)..<segmentOf[cell.range.upperBound]! { straddled.insert(bounds[k]) }
            }
        }
        let nameWidth = (rows.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        let room = max(20, style.width - nameWidth)
        var chunks: [Range<Int>] = []
        var start = 0, used = 0, lastCut: Int?
        for k in 0..<segments {
            if used + width[k] > room, let cut = lastCut, cut > start {
                chunks.append(start..<cut)
                start = cut
                used = (cut..<k).reduce(0) { $0 + width[$1] + 1 }
                lastCut = nil
            }
            used += width[k] + 1
            if !straddled.contains(bounds[k + 1]) { lastCut = k + 1 }
        }
        chunks.append(start..<segments)

        var out: [String] = []
        for (n, chunk) in chunks.enumerated() {
            if n > 0 { out.append("") }
            for row in rows {
                out.append(style.paint(DisplayWidth.pad(row.name, to: nameWidth), row.colored ? .bold : .dim)
                           + line(row, chunk: chunk, bounds: bounds, width: width, segmentOf: segmentOf, style: style))
            }
        }
        return out.map { $0.trailingSpacesTrimmed }
    }

    /// One row over the segments of `chunk`: each cell padded to its segments' width, a │ (or a
    /// change of colour) after each cell.
    private static func line(_ row: Row, chunk: Range<Int>, bounds: [Int], width: [Int], segmentOf: [Int: Int], style: Style) -> String {
        var s = ""
        var k = chunk.lowerBound
        var cellIndex = 0
        let cells = row.cells
        while k < chunk.upperBound {
            while cellIndex < cells.count, segmentOf[cells[cellIndex].range.upperBound]! <= k { cellIndex += 1 }
            if cellIndex < cells.count, segmentOf[cells[cellIndex].range.lowerBound]! <= k {
                let cell = cells[cellIndex]
                let last = min(segmentOf[cell.range.upperBound]! - 1, chunk.upperBound - 1)
                let area = (k...last).reduce(0) { $0 + width[$1] } + (last - k)
                let text = DisplayWidth.pad(DisplayWidth.truncate(cell.text, to: area), to: area)
                if style.color && row.colored {
                    s += "\u{1B}[" + (cellIndex % 2 == 0 ? TokensRenderer.evenCell : TokensRenderer.oddCell) + "m" + text + "\u{1B}[0m"
                    s += " "
                } else {
                    s += text + (style.color ? " " : "│")
                }
                k = last + 1
            } else {
                // No token of this view here (the space between two words).
                s += String(repeating: " ", count: width[k] + 1)
                k += 1
            }
        }
        if s.hasSuffix("│") { s.removeLast() }
        return s
    }
}

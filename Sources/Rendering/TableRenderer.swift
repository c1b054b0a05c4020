import Workbench

/// Draws a `Table` with columns aligned by display width, so 汉字 and Latin line up.
/// Columns that do not fit the terminal are shortened, widest first, with "…".
public enum TableRenderer {
    public static func render(_ table: Table, style: Style) -> String {
        var lines: [String] = []
        // A title (and a note on its second line) wraps where the line ends; it is never cut off.
        if let title = table.title {
            lines += TerminalText.wrapped(title, width: style.width).split(separator: "\n", omittingEmptySubsequences: false).map { style.paint(String($0), .bold) }
        }
        let columnCount = max(table.headers.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return lines.joined(separator: "\n") }
        let cell = { (row: [String], c: Int) -> String in c < row.count ? row[c] : "" }
        var widths = (0..<columnCount).map { c in ([table.headers] + table.rows).map { DisplayWidth.of(cell($0, c)) }.max() ?? 0 }
        let gap = 2
        while widths.reduce(0, +) + gap * (columnCount - 1) > style.width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 {
            widths[widest] -= 1
        }
        func line(_ row: [String], header: Bool) -> String {
            var parts: [String] = []
            for c in 0..<columnCount {
                let text = DisplayWidth.truncate(cell(row, c), to: widths[c])
                let padded = c == columnCount - 1 && !table.numericColumns.contains(c) ? text : DisplayWidth.pad(text, to: widths[c], right: table.numericColumns.contains(c))
                parts.append(header ? style.paint(padded, .dim) : padded)
            }
            return parts.joined(separator: String(repeating: " ", count: gap))
        }
        if !table.headers.isEmpty { lines.append(line(table.headers, header: true)) }
        for row in table.rows { lines.append(line(row, header: false)) }
        return lines.map { $0.trailingSpacesTrimmed }.joined(separator: "\n")
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

import Foundation
import Workbench

/// Draws `index sweep` as ANN-Benchmarks draws a method: recall across (from the lowest point's
/// tenth up to 1), queries per second up on a log scale (one row band per decade), each ef a
/// `●` with its label, brute force a `◆` at recall 1; then the table of the same figures.
///
///     queries/s
///        10k ┤   ● ef=10   ● ef=20
///            │                   ● ef=40
///         1k ┤                         ● ef=80 ● ef=160
///            │                                      ◆ exact
///        100 ┤
///            └┬─────────┬─────────┬─────────┬────
///            0.7       0.8       0.9        1  recall@10
public enum SweepRenderer {
    public static func render(_ table: Table, _ sweep: RecallSweep, style: Style) -> String {
        let l = style.language
        var out: [String] = []
        if let title = table.title {
            out += TerminalText.wrapped(title, width: style.width).split(separator: "\n", omittingEmptySubsequences: false).map { style.paint(String($0), .bold) }
        }
        let marks = sweep.points.map { (x: $0.recall, y: $0.queriesPerSecond, mark: "●", label: "ef=\($0.ef)") }
            + [(x: 1.0, y: sweep.exactQueriesPerSecond, mark: "◆", label: "")]
        let usable = marks.filter { $0.x.isFinite && $0.y.isFinite && $0.y > 0 }
        if let chart = chart(usable, k: sweep.k, style: style) { out += chart }
        out.append(TableRenderer.render(Table(headers: table.headers, rows: table.rows, numericColumns: table.numericColumns), style: style))
        return out.joined(separator: "\n")
    }

    static let margin = 7   // "  100k " then the axis
    /// The line above the chart, and the start of what a notebook's check does not compare.
    public static var chartHeading: (en: String, zh: String) { (Language.en.text(.sweepChartHeading), Language.zh.text(.sweepChartHeading)) }
    /// How the chart's last line (its legend) starts.
    public static let legendStart = "  ● HNSW"

    static func chart(_ marks: [(x: Double, y: Double, mark: String, label: String)], k: Int, style: Style) -> [String]? {
        guard let minX = marks.map(\.x).min(), let minY = marks.map(\.y).min(), let maxY = marks.map(\.y).max() else { return nil }
        let cols = max(24, min(style.width - margin - 16, 64)), bandRows = 3
        // Recall from the lowest point's tenth (0.9 when every point is above it) to 1.
        let x0 = min(0.9, (minX * 10).rounded(.down) / 10), x1 = 1.0
        // Queries per second in whole decades around the points.
        let d0 = Int(log10(minY).rounded(.down)), d1 = max(d0 + 1, Int(log10(maxY).rounded(.up)))
        let rows = (d1 - d0) * bandRows + 1
        func column(_ x: Double) -> Int { Int(((x - x0) / (x1 - x0) * Double(cols - 1)).rounded()).clamped(0, cols - 1) }
        func row(_ y: Double) -> Int { Int(((Double(d1) - log10(y)) * Double(bandRows)).rounded()).clamped(0, rows - 1) }
        var grid = [[String]](repeating: [String](repeating: " ", count: cols + 12), count: rows)
        var unplaced: [String] = []
        // Markers first, so no label covers one; then each label right of its marker, else left.
        var placed = marks.map { (r: row($0.y), c: column($0.x), $0.mark, $0.label) }
        // Brute force drawn on an ef's point (ef=320 also finds them all) moves one cell right, so both show.
        for (k, p) in placed.enumerated() {
            if grid[p.r][p.c] != " " { placed[k].c = min(p.c + 1, grid[p.r].count - 1) }
            grid[placed[k].r][placed[k].c] = p.2
        }
        for p in placed where !p.3.isEmpty {
            let w = DisplayWidth.of(p.3)
            // A label keeps a blank cell on both sides, so that it reads as its own point's.
            let free = { (start: Int) in
                start >= 0 && start + w <= grid[p.r].count && ((start - 1)...(start + w)).allSatisfy { $0 < 0 || $0 >= grid[p.r].count || grid[p.r][$0] == " " }
            }
            let start = free(p.c + 2) ? p.c + 2 : free(p.c - w - 1) ? p.c - w - 1 : -1
            guard start >= 0 else { unplaced.append(p.3); continue }
            // A wide character takes two cells: its second cell holds nothing.
            var c = start
            for ch in p.3 {
                grid[p.r][c] = String(ch)
                for extra in 1..<max(1, DisplayWidth.of(ch)) { grid[p.r][c + extra] = "" }
                c += max(1, DisplayWidth.of(ch))
            }
        }
        var lines = [style.paint(style.language.text(.sweepChartHeading), .dim)]
        for r in 0..<rows {
            let decade = r % bandRows == 0 ? d1 - r / bandRows : nil
            let label = decade.map { compact(pow(10, Double($0))) } ?? ""
            let body = grid[r].joined().trailingSpacesTrimmed
                .replacingOccurrences(of: "●", with: style.paint("●", .cyan)).replacingOccurrences(of: "◆", with: style.paint("◆", .yellow))
            lines.append(DisplayWidth.pad(label, to: margin - 2, right: true) + (decade == nil ? " │" : " ┤") + body)
        }
        // The recall axis: a tick every tenth (every 0.02 over a short span), labels under the ticks.
        let step = x1 - x0 > 0.25 ? 0.1 : 0.02
        var axis = [Character](repeating: "─", count: cols + 1), labels = [Character](repeating: " ", count: cols + 12)
        var x = x1
        while x >= x0 - 1e-9 {
            let c = column(x)
            axis[c] = "┬"
            let text = Array(x >= 1 - 1e-9 ? "1" : String(format: step < 0.1 ? "%.2f" : "%.1f", x))
            let start = max(0, c - text.count / 2)
            if start + text.count <= labels.count, labels[start..<(start + text.count)].allSatisfy({ $0 == " " }),
               start + text.count >= labels.count || labels[start + text.count] == " ", start == 0 || labels[start - 1] == " " {
                for (i, ch) in text.enumerated() { labels[start + i] = ch }
            }
            x -= step
        }
        lines.append(String(repeating: " ", count: margin - 1) + "└" + String(axis))
        lines.append(String(repeating: " ", count: margin) + String(labels).trailingSpacesTrimmed + "  recall@\(k)")
        let note = style.language.text(.sweepChartNote)
        lines += TerminalText.wrapped(note, width: style.width - 2).split(separator: "\n").map { style.paint("  " + $0, .dim) }
        // The legend ends the chart (a notebook's check skips from the heading to here: the
        // points move with the machine's speed); labels with no room beside their point are named in it.
        let crowded = unplaced.isEmpty ? "" : style.language.text(.sweepNoRoomToLabel, ["words": style.language.list(unplaced)])
        lines.append("  " + style.paint("●", .cyan) + " HNSW" + crowded + "   " + style.paint("◆", .yellow) + style.language.text(.sweepExactLegend))
        return lines
    }

    /// 1, 10, 100, 1k, 10k, 100k, 1M.
    static func compact(_ v: Double) -> String {
        switch v {
        case 1_000_000...: return "\(Int((v / 1_000_000).rounded()))M"
        case 1000...: return "\(Int((v / 1000).rounded()))k"
        default: return "\(Int(v.rounded()))"
        }
    }
}

private extension Int {
    func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(hi, Swift.max(lo, self)) }
}

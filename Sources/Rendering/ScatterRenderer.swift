import Workbench

/// Draws labelled points in the terminal with braille characters: each character cell holds
/// a 2 × 4 grid of dots, so a 60 × 16 cell plot has 120 × 64 positions. Labels are written
/// beside their points where they fit.
///
/// Equal aspect: a terminal cell is about twice as tall as it is wide, so its dots are about
/// square, and one unit spans the same number of dots across and up:
/// `dots per unit = min(across / (x₁ − x₀), up / (y₁ − y₀))`. A second component that explains
/// little of the variance gives a low, wide plot, not a stretched square.
public enum ScatterRenderer {
    public static func render(_ plot: ScatterPlot, style: Style) -> String {
        let cols = max(20, min(style.width - 4, 72)), maxRows = 16
        let shown = plot.points.filter { $0.x.isFinite && $0.y.isFinite }
        let xs = shown.map(\.x), ys = shown.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
            return plot.title + (plot.points.isEmpty ? "" : "\n  (no point has finite coordinates to plot)")
        }
        // Leave room at the right for labels.
        let plotCols = max(10, cols - (shown.map { DisplayWidth.of($0.label) }.max() ?? 0) - 2)
        let across = Double(plotCols * 2 - 1), up = Double(maxRows * 4 - 1)
        // Spans of huge or tiny coordinates can overflow to infinity or divide to it: a scale that
        // is not finite and positive draws everything at one spot rather than trapping.
        let xr = x1 - x0, yr = y1 - y0
        var perUnit = xr > 0 && yr > 0 ? min(across / xr, up / yr) : xr > 0 ? across / xr : yr > 0 ? up / yr : 1
        if !perUnit.isFinite || perUnit <= 0 { perUnit = xr.isFinite && yr.isFinite ? 1 : 0 }
        /// A coordinate on the dot grid, clamped to 0…limit (NaN and infinities too).
        func dot(_ v: Double, _ limit: Int) -> Int {
            guard v.isFinite else { return 0 }
            return Int(min(Double(limit), max(0, v.rounded())))
        }
        let rows = max(1, min(maxRows, dot((yr * perUnit).rounded(.down), maxRows * 4) / 4 + 1))
        var dots = [[UInt8]](repeating: [UInt8](repeating: 0, count: cols), count: rows)
        var text = [[String?]](repeating: [String?](repeating: nil, count: cols), count: rows)
        // Braille dot bits for (dx, dy) inside a cell.
        let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var placed: [(row: Int, col: Int, label: String)] = []
        for p in shown {
            let px = dot((p.x - x0) * perUnit, Int(across))
            let py = dot((y1 - p.y) * perUnit, rows * 4 - 1)
            let c = px / 2, r = py / 4
            dots[r][c] |= bit[px % 2][py % 4]
            placed.append((r, c, p.label))
        }
        // Labels: right of the point if free, else left, else skipped (listed below the plot).
        var unplaced: [String] = []
        var occupied = [[Bool]](repeating: [Bool](repeating: false, count: cols), count: rows)
        for (r, row) in dots.enumerated() { for (c, d) in row.enumerated() where d != 0 { occupied[r][c] = true } }
        for item in placed {
            let w = DisplayWidth.of(item.label)
            // A label of no width (empty, or only combining marks) has nothing to place.
            guard w > 0 else { continue }
            func free(_ start: Int) -> Bool {
                start >= 0 && start + w <= cols && (start..<(start + w)).allSatisfy { !occupied[item.row][$0] }
            }
            let start = free(item.col + 1) ? item.col + 1 : free(item.col - w) ? item.col - w : -1
            guard start >= 0 else { unplaced.append(item.label); continue }
            text[item.row][start] = item.label
            for c in start..<(start + w) { occupied[item.row][c] = true }
            // A wide label covers cells: mark them so nothing is drawn there.
            for c in (start + 1)..<(start + w) { text[item.row][c] = "" }
        }
        var lines = [style.paint(plot.title, .bold)]
        for r in 0..<rows {
            var line = "│"
            var c = 0
            while c < cols {
                if let label = text[r][c] {
                    if !label.isEmpty { line += style.paint(label, .cyan) }
                    c += 1
                    continue
                }
                line.append(dots[r][c] == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(dots[r][c]))!))
                c += 1
            }
            lines.append(line.trailingSpacesTrimmed)
        }
        lines.append("└" + String(repeating: "─", count: cols))
        let axes = "  x: \(plot.xLabel)   y: \(plot.yLabel)", note = "   " + style.language.text(.plotSameScale)
        lines.append(DisplayWidth.of(axes + note) <= style.width ? axes + note : axes)
        if !unplaced.isEmpty { lines.append("  " + style.language.text(.plotLabelsNoRoom, ["words": style.language.list(unplaced)])) }
        return lines.joined(separator: "\n")
    }
}

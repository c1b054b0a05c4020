import Workbench

/// Draws labelled points in the terminal with braille characters: each character cell holds
/// a 2 × 4 grid of dots, so a 60 × 16 cell plot has 120 × 64 positions. Labels are written
/// beside their points where they fit.
public enum ScatterRenderer {
    public static func render(_ plot: ScatterPlot, style: Style) -> String {
        let cols = max(20, min(style.width - 4, 72)), rows = 16
        let xs = plot.points.map(\.x), ys = plot.points.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return plot.title }
        let xr = max(x1 - x0, 1e-9), yr = max(y1 - y0, 1e-9)
        // Leave room at the right for labels.
        let plotCols = max(10, cols - (plot.points.map { DisplayWidth.of($0.label) }.max() ?? 0) - 2)
        var dots = [[UInt8]](repeating: [UInt8](repeating: 0, count: cols), count: rows)
        var text = [[String?]](repeating: [String?](repeating: nil, count: cols), count: rows)
        // Braille dot bits for (dx, dy) inside a cell.
        let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var placed: [(row: Int, col: Int, label: String)] = []
        for p in plot.points {
            let px = Int(((p.x - x0) / xr * Double(plotCols * 2 - 1)).rounded())
            let py = Int(((y1 - p.y) / yr * Double(rows * 4 - 1)).rounded())
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
        lines.append("  x: \(plot.xLabel)   y: \(plot.yLabel)")
        if !unplaced.isEmpty { lines.append("  (no room for the labels of: \(unplaced.joined(separator: ", ")))") }
        return lines.joined(separator: "\n")
    }
}

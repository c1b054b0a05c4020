import Foundation
import Workbench

/// Pictures in the terminal (`picture 3`, `search pictures "…"`, the similarity matrix).
///
/// Each character cell shows two pixels, one above the other: the upper half block ▀ painted in
/// the upper pixel's colour on the lower pixel's colour, so a 32 × 32 picture is 32 columns by 16
/// rows. With 24-bit colour (`COLORTERM=truecolor` or `24bit`) the colours are exact; otherwise
/// each is the nearest of the 256-colour palette's 6 × 6 × 6 cube. Without colour (`NO_COLOR`,
/// `TERM=dumb`, a pipe) a picture is its description and a silhouette in characters by brightness.
/// Pictures are laid side by side as far as the width allows (one per row at 40 columns, three
/// at 120); below 34 columns they are drawn at half size. Every piece of text (labels, descriptions,
/// a classification's labels as typed) goes through `TerminalText.printable`; the only escapes are
/// the colours this renderer writes.
public enum PictureRenderer {
    public enum Depth: Sendable { case none, palette256, trueColour }

    /// The colour depth for `style`: none without colour, else from `COLORTERM`.
    public static func depth(_ style: Style, environment: [String: String] = ProcessInfo.processInfo.environment) -> Depth {
        guard style.color else { return .none }
        let c = (environment["COLORTERM"] ?? "").lowercased()
        return c.contains("truecolor") || c.contains("24bit") ? .trueColour : .palette256
    }

    public static func render(_ table: Table, _ board: PictureBoard, style: Style, depth: Depth? = nil) -> String {
        let depth = depth ?? Self.depth(style)
        var out: [String] = []
        let showsTable = board.grid == nil && (table.rows.count > 1 || !table.headers.isEmpty)
        // Each thing is said once: a picture's line under it is left out when the table has a row for it
        // (its number first) saying what it shows (`search pictures`), and the title when that line says
        // it (`picture 3`, `draw`).
        let described = board.items.map { item in
            showsTable && table.rows.contains { row in "picture \(row.first ?? "")" == item.label && row.contains { $0.contains(item.description) } }
        }
        let captions = zip(board.items, described).filter { !$0.1 }.map { caption($0.0, style: style) }
        if let title = table.title, !captions.contains(where: { $0.contains(title) }) { out.append(style.paint(TerminalText.printable(title), .bold)) }
        out += strip(board, described: described, style: style, depth: depth)
        if let grid = board.grid {
            out.append("")
            out += heatMap(grid, labels: board.items.map(\.label), style: style, depth: depth)
        } else if showsTable {
            out.append("")
            out.append(TerminalText.printable(TableRenderer.render(Table(headers: table.headers, rows: table.rows, numericColumns: table.numericColumns),
                                                                   style: style)))
        }
        return out.joined(separator: "\n")
    }

    /// The pictures side by side, with their labels under them (when there are several) and then a line
    /// for each saying what it shows (unless `described`: the table below says it).
    static func strip(_ board: PictureBoard, described: [Bool], style: Style, depth: Depth) -> [String] {
        let side = board.side
        let scale = style.width >= side + 2 ? 1 : 2
        let columns = side / scale
        var out: [String] = []
        if depth == .none {
            for (i, item) in board.items.enumerated() {
                out.append(described[i] ? DisplayWidth.truncate(label(item), to: style.width) : caption(item, style: style))
                out += silhouette(item.rgb, side: side, columns: 16)
            }
            return out
        }
        let gap = 2
        let perRow = max(1, (style.width + gap) / (columns + gap))
        var start = 0
        while start < board.items.count {
            let row = Array(board.items[start..<min(board.items.count, start + perRow)])
            for y in stride(from: 0, to: side, by: 2 * scale) {
                out.append(row.map { cells($0.rgb, side: side, y: y, scale: scale, depth: depth) }.joined(separator: String(repeating: " ", count: gap)))
            }
            if board.items.count > 1 {
                out.append(row.map { DisplayWidth.pad(DisplayWidth.truncate(label($0), to: columns), to: columns) }.joined(separator: String(repeating: " ", count: gap))
                    .trailingSpacesTrimmed)
            }
            start += perRow
        }
        for (i, item) in board.items.enumerated() where !described[i] { out.append(caption(item, style: style)) }
        return out
    }

    static func label(_ item: PictureBoard.Item) -> String {
        TerminalText.printable(item.label + (item.score.map { String(format: " %.3f", $0) } ?? ""))
    }

    /// "picture 3 (0.912): a large red circle on the left  [held out]"
    static func caption(_ item: PictureBoard.Item, style: Style) -> String {
        let score = item.score.map { String(format: " (%.3f)", $0) } ?? ""
        return DisplayWidth.truncate(TerminalText.printable("\(item.label)\(score): \(item.description)" + (item.heldOut ? style.language.text(.picturesHeldOutMark) : "")),
                                     to: style.width)
    }

    /// One row of half blocks: pixel rows y (upper) and y + scale (lower).
    static func cells(_ rgb: [UInt8], side: Int, y: Int, scale: Int, depth: Depth) -> String {
        var s = ""
        var x = 0
        while x < side {
            let top = pixel(rgb, side: side, x: x, y: y), bottom = pixel(rgb, side: side, x: x, y: min(side - 1, y + scale))
            s += "\u{1B}[\(code(top, foreground: true, depth))m\u{1B}[\(code(bottom, foreground: false, depth))m▀"
            x += scale
        }
        return s + "\u{1B}[0m"
    }

    static func pixel(_ rgb: [UInt8], side: Int, x: Int, y: Int) -> (Int, Int, Int) {
        let i = (y * side + x) * 3
        guard i + 2 < rgb.count else { return (0, 0, 0) }
        return (Int(rgb[i]), Int(rgb[i + 1]), Int(rgb[i + 2]))
    }

    static func code(_ c: (Int, Int, Int), foreground: Bool, _ depth: Depth) -> String {
        let layer = foreground ? "38" : "48"
        switch depth {
        case .trueColour: return "\(layer);2;\(c.0);\(c.1);\(c.2)"
        default: return "\(layer);5;\(palette(c))"
        }
    }

    /// The nearest colour of xterm's 6 × 6 × 6 cube (16 + 36 r + 6 g + b), or of its grey ramp.
    static func palette(_ c: (Int, Int, Int)) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearest(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
        let (r, g, b) = (nearest(c.0), nearest(c.1), nearest(c.2))
        let cube = 16 + 36 * r + 6 * g + b
        let mean = (c.0 + c.1 + c.2) / 3
        let greyIndex = max(0, min(23, (mean - 8 + 5) / 10))
        let grey = 8 + 10 * greyIndex
        func distance(_ a: (Int, Int, Int)) -> Int { (a.0 - c.0) * (a.0 - c.0) + (a.1 - c.1) * (a.1 - c.1) + (a.2 - c.2) * (a.2 - c.2) }
        return distance((grey, grey, grey)) < distance((levels[r], levels[g], levels[b])) ? 232 + greyIndex : cube
    }

    /// The picture in characters by brightness, 16 × 8 (a cell is 2 × 4 pixels, sampled): what
    /// shape, where.
    static func silhouette(_ rgb: [UInt8], side: Int, columns: Int) -> [String] {
        let ramp = Array(" .:-=+*#%@")
        let step = side / columns
        var lines: [String] = []
        for y in stride(from: 0, to: side, by: 2 * step) {
            var line = ""
            for x in stride(from: 0, to: side, by: step) {
                let (r, g, b) = pixel(rgb, side: side, x: x, y: y)
                let (r2, g2, b2) = pixel(rgb, side: side, x: x, y: min(side - 1, y + step))
                // The background is at most 0.15 bright: below that is empty.
                let v = max(0, (Double(max(r, g, b) + max(r2, g2, b2)) / 510 - 0.15) / 0.85)
                line.append(ramp[min(ramp.count - 1, Int(v * Double(ramp.count)))])
            }
            lines.append("|" + line + "|")
        }
        return lines
    }

    /// The matrix as coloured cells (or numbers with the diagonal in brackets, without colour),
    /// then which caption each column is.
    static func heatMap(_ grid: PictureBoard.Grid, labels: [String], style: Style, depth: Depth) -> [String] {
        let labelWidth = min(12, labels.map { DisplayWidth.of($0) }.max() ?? 0)
        var out = [String(repeating: " ", count: labelWidth) + grid.captions.indices.map { DisplayWidth.pad("c\($0 + 1)", to: 7, right: true) }.joined()]
        let all = grid.values.flatMap { $0 }
        let low = all.min() ?? 0, high = all.max() ?? 1
        for (i, row) in grid.values.enumerated() {
            var line = DisplayWidth.pad(DisplayWidth.truncate(TerminalText.printable(i < labels.count ? labels[i] : ""), to: labelWidth), to: labelWidth)
            for (j, v) in row.enumerated() {
                let text = String(format: "%.2f", v)
                if depth == .none {
                    line += DisplayWidth.pad(i == j ? "[\(text)]" : text, to: 7, right: true)
                } else {
                    let t = high > low ? (v - low) / (high - low) : 0
                    let c = (Int(20 + 215 * t), Int(40 + 120 * t * (1 - t) * 4 * 0.5), Int(120 * (1 - t)))
                    // Dark digits on the bright cells, light on the dark ones; as extended colours, which
                    // the terminal gate lets through (a bare 30 or 97 it shows as text).
                    let ink = t > 0.6 ? (0, 0, 0) : (255, 255, 255)
                    line += " \u{1B}[\(code(c, foreground: false, depth))m\u{1B}[\(code(ink, foreground: true, depth))m" + DisplayWidth.pad(text, to: 6, right: true) + "\u{1B}[0m"
                }
            }
            out.append(line)
        }
        for (j, c) in grid.captions.enumerated() { out.append(DisplayWidth.truncate(TerminalText.printable("c\(j + 1) = \(c)"), to: style.width)) }
        return out
    }
}

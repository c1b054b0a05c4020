import Workbench

/// Pictures in SVG and HTML (`:export`, notebook pages): each picture at 4 × its size, a rectangle
/// per run of equal pixels in a row, its label and description under it; the similarity matrix
/// below, its cells shaded by cosine and the diagonal (the true pairs) outlined.
public enum PictureSVG {
    static let scale = 4.0

    public static func render(_ board: PictureBoard, title: String?) -> String {
        let side = Double(board.side) * scale
        let gap = 24.0, captionHeight = 34.0
        let perRow = max(1, min(board.items.count, 4))
        let rows = (board.items.count + perRow - 1) / perRow
        let picturesHeight = Double(rows) * (side + captionHeight + gap)
        let cell = 44.0
        let gridHeight = board.grid.map { Double($0.values.count) * cell + 30 + Double($0.captions.count) * 18 + 20 } ?? 0
        let width = max(Double(perRow) * (side + gap) + gap, board.grid.map { 120 + Double($0.captions.count) * cell + 24 } ?? 0, 360)
        var c = SVGCanvas(width: width, height: 40 + picturesHeight + gridHeight, title: title ?? "pictures")
        if let title { c.text(title, x: gap, y: 24, size: 14, weight: "bold") }
        for (k, item) in board.items.enumerated() {
            let x0 = gap + Double(k % perRow) * (side + gap), y0 = 40 + Double(k / perRow) * (side + captionHeight + gap)
            for y in 0..<board.side {
                var x = 0
                while x < board.side {
                    let i = (y * board.side + x) * 3
                    guard i + 2 < item.rgb.count else { break }
                    let colour = Array(item.rgb[i..<i + 3])
                    var run = 1
                    while x + run < board.side, Array(item.rgb[i + run * 3..<i + run * 3 + 3]) == colour { run += 1 }
                    c.rect(x: x0 + Double(x) * scale, y: y0 + Double(y) * scale, width: Double(run) * scale, height: scale,
                           fill: String(format: "#%02x%02x%02x", colour[0], colour[1], colour[2]))
                    x += run
                }
            }
            let score = item.score.map { String(format: " · %.3f", $0) } ?? ""
            c.text(item.label + score, x: x0, y: y0 + side + 14, size: 12, weight: "bold")
            c.text(item.description + (item.heldOut ? " (held out)" : ""), x: x0, y: y0 + side + 28, size: 10)
        }
        if let grid = board.grid {
            let top = 40 + picturesHeight + 10
            let left = 120.0
            let all = grid.values.flatMap { $0 }
            let low = all.min() ?? 0, high = all.max() ?? 1
            for (j, _) in grid.captions.enumerated() {
                c.text("c\(j + 1)", x: left + Double(j) * cell + cell / 2, y: top + 14, size: 12, anchor: .middle)
            }
            for (i, row) in grid.values.enumerated() {
                let y = top + 20 + Double(i) * cell
                c.text(i < board.items.count ? board.items[i].label : "", x: gap, y: y + cell / 2 + 4, size: 12)
                for (j, v) in row.enumerated() {
                    let t = high > low ? (v - low) / (high - low) : 0
                    let shade = String(format: "#%02x%02x%02x", Int(235 - 180 * t), Int(240 - 120 * t), 255)
                    c.rect(x: left + Double(j) * cell, y: y, width: cell - 2, height: cell - 2, fill: shade,
                           stroke: i == j ? SVGCanvas.Tone.highlight.rawValue : nil, tooltip: grid.captions[j])
                    c.text(String(format: "%.2f", v), x: left + Double(j) * cell + cell / 2 - 1, y: y + cell / 2 + 4, size: 11, anchor: .middle)
                }
            }
            for (j, caption) in grid.captions.enumerated() {
                c.text("c\(j + 1) = \(caption)", x: gap, y: top + 30 + Double(grid.values.count) * cell + Double(j) * 18, size: 11)
            }
        }
        return c.svg
    }
}

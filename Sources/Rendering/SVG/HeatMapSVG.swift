import Workbench

/// A labelled square matrix of numbers (`cooccur "the cat sat on the mat"`: the co-occurrence
/// counts X) as a heat map: cell i, j shaded by X[i][j] / max X, the number written in it.
///
///            the  cat  sat
///     the     ·    1   0.5
///     cat     1    ·    1
public struct HeatMap: Sendable {
    public var title: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// values[i][j]; nil where the table has no number ("·" is 0).
    public var values: [[Double?]]
    public var cells: [[String]]

    /// A table is a matrix when its first column names the rows, its other headers name the same
    /// things in the same order, and every other cell is a number (or "·" for 0).
    public init?(table: Table) {
        guard table.headers.count >= 2, !table.rows.isEmpty else { return nil }
        let columns = Array(table.headers.dropFirst())
        let rows = table.rows.compactMap(\.first)
        guard rows.count == table.rows.count, rows == columns, table.rows.allSatisfy({ $0.count == columns.count + 1 }) else { return nil }
        var values: [[Double?]] = []
        for row in table.rows {
            var parsed: [Double?] = []
            for cell in row.dropFirst() {
                if cell == "·" || cell.isEmpty { parsed.append(cell.isEmpty ? nil : 0); continue }
                guard let v = Double(cell), v.isFinite else { return nil }
                parsed.append(v)
            }
            values.append(parsed)
        }
        self.title = table.title ?? ""
        self.rowLabels = rows
        self.columnLabels = columns
        self.values = values
        self.cells = table.rows.map { Array($0.dropFirst()) }
    }
}

public enum HeatMapSVG {
    static let cell = 40.0

    public static func render(_ m: HeatMap) -> String {
        let labelWidth = min(160, (m.rowLabels.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 20) + 16)
        let columnHeight = min(160, (m.columnLabels.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 20) + 16)
        let left = 12 + labelWidth, top = 36 + columnHeight
        let width = max(left + cell * Double(m.columnLabels.count) + 16, SVGCanvas.textWidth(m.title, size: 14, bold: true) + 24)
        var c = SVGCanvas(width: width.rounded(.up), height: top + cell * Double(m.rowLabels.count) + 16, title: m.title)
        c.text(m.title, x: 12, y: 22, size: 14, weight: "bold")
        let largest = m.values.flatMap { $0.compactMap { $0 } }.map(abs).max() ?? 0
        for (j, label) in m.columnLabels.enumerated() {
            // Column labels read upwards, so long words fit above narrow columns.
            let x = left + cell * (Double(j) + 0.5) + 4
            c.text(label, x: x, y: top - 8, rotate: -90)
        }
        for (i, label) in m.rowLabels.enumerated() {
            let y = top + cell * Double(i)
            c.text(label, x: left - 8, y: y + cell / 2 + 4, anchor: .end)
            for (j, v) in m.values[i].enumerated() {
                let x = left + cell * Double(j)
                let share = largest > 0 ? abs(v ?? 0) / largest : 0
                c.rect(x: x, y: y, width: cell, height: cell, fill: shade(share), stroke: "#8888884d",
                       tooltip: "\(label) · \(m.columnLabels[j]) = \(m.cells[i][j])")
                c.text(m.cells[i][j], x: x + cell / 2, y: y + cell / 2 + 4, size: 11, anchor: .middle,
                       fill: share > 0.55 ? "#ffffff" : "#1a1a1a")
            }
        }
        return c.svg
    }

    /// From a pale blue-white (0) to a deep blue (the largest value), linearly in sRGB.
    static func shade(_ t: Double) -> String {
        let t = max(0, min(1, t))
        let from = (247.0, 251.0, 255.0), to = (8.0, 69.0, 148.0)
        func hex(_ a: Double, _ b: Double) -> String {
            let v = Int((a + (b - a) * t).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[v / 16], digits[v % 16]])
        }
        return "#" + hex(from.0, to.0) + hex(from.1, to.1) + hex(from.2, to.2)
    }
}

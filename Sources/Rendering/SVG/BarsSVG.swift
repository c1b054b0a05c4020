import Workbench

/// Bars as SVG: a vector's components (signed, about a centre line, on `Bars.fixedLimit`'s scale,
/// the same for every vector), a neighbour list's scores, a cosine on [−1, 1].
///
///     near 猫  →   狗    ██████████████████  0.98
///                  老虎  █████████████▌      0.74
public enum BarsSVG {
    static let rowHeight = 22.0, top = 44.0, barLength = 240.0

    /// One bar per component, negative to the left of the centre line, positive to the right.
    /// Without dimension names the components are called d1, d2, …; at most 64 are drawn.
    public static func vector(_ v: VectorValue) -> String {
        let values = v.values.prefix(64).map(Double.init)
        let names = values.indices.map { i in i < (v.dimensionNames?.count ?? 0) ? v.dimensionNames![i] : "d\(i + 1)" }
        let limit = Bars.fixedLimit(values)
        let nameWidth = min(200, (names.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 20) + 12)
        let title = "\(v.label)  (\(v.values.count) dimensions" + (values.count < v.values.count ? "; the first \(values.count) shown)" : ")")
        let centre = 12 + nameWidth + 56 + barLength / 2
        let width = max(centre + barLength / 2 + 24, SVGCanvas.textWidth(title, size: 14, bold: true) + 24)
        var c = SVGCanvas(width: width.rounded(.up), height: top + rowHeight * Double(values.count) + 30, title: title)
        c.text(title, x: 12, y: 22, size: 14, weight: "bold")
        for (i, x) in values.enumerated() {
            let y = top + rowHeight * Double(i)
            c.text(names[i], x: 12, y: y + 15)
            c.text(AxisTicks.compact(x), x: 12 + nameWidth + 48, y: y + 15, size: 11, anchor: .end, fill: SVGCanvas.Tone.axis.rawValue)
            let length = min(1, abs(x) / limit) * barLength / 2
            let fill = x < 0 ? SVGCanvas.Tone.orange.rawValue : SVGCanvas.Tone.blue.rawValue
            c.rect(x: x < 0 ? centre - length : centre, y: y + 4, width: length, height: rowHeight - 8, fill: fill, tooltip: "\(names[i]) = \(AxisTicks.compact(x))")
        }
        let bottom = top + rowHeight * Double(values.count)
        c.line(x1: centre, y1: top, x2: centre, y2: bottom)
        for (x, label) in [(centre - barLength / 2, "−" + AxisTicks.compact(limit)), (centre, "0"), (centre + barLength / 2, AxisTicks.compact(limit))] {
            c.line(x1: x, y1: bottom, x2: x, y2: bottom + 4)
            c.text(label, x: x, y: bottom + 16, size: 10, anchor: .middle, fill: SVGCanvas.Tone.axis.rawValue)
        }
        return c.svg
    }

    /// One bar per neighbour, best first. Cosine and 3CosAdd scores are drawn on [0, 1] (a score
    /// below 0 draws no bar); 3CosMul's on [0, the best score].
    public static func neighbours(_ n: NeighbourList) -> String {
        let scores = n.items.map { Double($0.score) }
        let full = n.method.isCosine ? 1.0 : max(scores.filter(\.isFinite).max() ?? 1, 1e-9)
        var notes = [n.method.rawValue]
        if !n.excluded.isEmpty { notes.append("input words left out: " + n.excluded.joined(separator: ", ")) }
        let title = n.query, subtitle = "(" + notes.joined(separator: "; ") + ")"
        let wordWidth = min(220, (n.items.map { SVGCanvas.textWidth($0.word, size: 12) }.max() ?? 20) + 12)
        let left = 36 + wordWidth
        let width = max(left + barLength + 64, SVGCanvas.textWidth(title, size: 14, bold: true) + 24, SVGCanvas.textWidth(subtitle, size: 11) + 24)
        let top = 52.0
        var c = SVGCanvas(width: width.rounded(.up), height: top + rowHeight * Double(n.items.count) + 12, title: "\(title) \(subtitle)")
        c.text(title, x: 12, y: 22, size: 14, weight: "bold")
        c.text(subtitle, x: 12, y: 40, size: 11, fill: SVGCanvas.Tone.axis.rawValue)
        for (i, item) in n.items.enumerated() {
            let y = top + rowHeight * Double(i)
            let score = Double(item.score)
            c.text("\(i + 1)", x: 28, y: y + 15, size: 11, anchor: .end, fill: SVGCanvas.Tone.axis.rawValue)
            c.text(item.word, x: 36, y: y + 15, weight: i == 0 ? "bold" : nil)
            let length = score.isFinite ? max(0, min(1, score / full)) * barLength : 0
            c.rect(x: left, y: y + 4, width: length, height: rowHeight - 8, fill: SVGCanvas.Tone.green.rawValue, tooltip: "\(item.word) \(AxisTicks.compact(score))")
            c.text(String(format: "%.4f", score.isFinite ? score : 0), x: left + length + 6, y: y + 15, size: 11, fill: SVGCanvas.Tone.axis.rawValue)
        }
        return c.svg
    }

    /// A cosine (or any number in [−1, 1]) as one bar about 0.
    public static func scalar(_ s: ScalarValue) -> String {
        let text = "\(s.label) = \(String(format: "%.4f", s.value.isFinite ? s.value : 0))"
        let width = max(340, SVGCanvas.textWidth(text, size: 14, bold: true) + 24)
        var c = SVGCanvas(width: width.rounded(.up), height: 86, title: text)
        c.text(text, x: 12, y: 22, size: 14, weight: "bold")
        let centre = 12 + barLength / 2 + 20
        let f = s.value.isFinite ? max(-1, min(1, s.value)) : 0
        let length = abs(f) * barLength / 2
        c.rect(x: f < 0 ? centre - length : centre, y: 36, width: length, height: 16, fill: f < 0 ? SVGCanvas.Tone.orange.rawValue : SVGCanvas.Tone.green.rawValue)
        c.line(x1: centre, y1: 32, x2: centre, y2: 56)
        for (x, label) in [(centre - barLength / 2, "−1"), (centre, "0"), (centre + barLength / 2, "1")] {
            c.line(x1: x, y1: 56, x2: x, y2: 60)
            c.text(label, x: x, y: 72, size: 10, anchor: .middle, fill: SVGCanvas.Tone.axis.rawValue)
        }
        return c.svg
    }
}

import Workbench

/// A scatter plot (`plot 猫 狗 汽车 飞机`) as SVG, at equal aspect: one unit is as long across as
/// up, so a second principal component that explains 1% of the variance gives a flat strip, not
/// a square. The axis titles carry the explained variance ("PC1 (62%)").
///
///     pixels per unit  s = min(maxWidth / (x₁ − x₀), maxHeight / (y₁ − y₀))
///     plot area        (x₁ − x₀)·s  ×  (y₁ − y₀)·s
///
/// Each point is a `<g class="point" data-word="…">` holding its dot and its label, so a page can
/// find and highlight it.
public enum ScatterSVG {
    /// Where each point lands, in pixels, and the size of the whole picture.
    public struct Layout: Sendable {
        public var width: Double
        public var height: Double
        public var plotLeft: Double, plotTop: Double, plotWidth: Double, plotHeight: Double
        public var scale: Double
        public var x0: Double, y1: Double
        public func position(_ x: Double, _ y: Double) -> (Double, Double) {
            (plotLeft + (x - x0) * scale, plotTop + (y1 - y) * scale)
        }
    }

    static let pad = 16.0, marginLeft = 56.0, marginTop = 40.0, marginBottom = 48.0

    public static func layout(_ plot: ScatterPlot, maxWidth: Double = 560, maxHeight: Double = 420) -> Layout {
        let xs = plot.points.map(\.x).filter(\.isFinite), ys = plot.points.map(\.y).filter(\.isFinite)
        let x0 = xs.min() ?? 0, x1 = xs.max() ?? 1, y0 = ys.min() ?? 0, y1 = ys.max() ?? 1
        let xr = x1 - x0, yr = y1 - y0
        let inner = (w: maxWidth - 2 * pad, h: maxHeight - 2 * pad)
        let scale: Double
        switch (xr > 0, yr > 0) {
        case (true, true): scale = min(inner.w / xr, inner.h / yr)
        case (true, false): scale = inner.w / xr
        case (false, true): scale = inner.h / yr
        case (false, false): scale = 1
        }
        let labelRoom = min(160, (plot.points.map { SVGCanvas.textWidth($0.label, size: 12) }.max() ?? 0) + 10)
        let plotWidth = xr * scale + 2 * pad, plotHeight = yr * scale + 2 * pad
        let width = max(marginLeft + plotWidth + labelRoom, SVGCanvas.textWidth(plot.title, size: 14, bold: true) + 24, 240)
        return Layout(width: width.rounded(.up), height: (marginTop + plotHeight + marginBottom).rounded(.up),
                      plotLeft: marginLeft, plotTop: marginTop, plotWidth: plotWidth, plotHeight: plotHeight,
                      scale: scale, x0: x0 - pad / scale, y1: y1 + pad / scale)
    }

    /// `attributes(i)` adds attributes to point i's group (the projector page's neighbour lists).
    /// `declutter`: a label that would cover an earlier one gets the class `crowded` (a page hides
    /// it until the point is hovered or found) instead of being drawn over the others. `fills`:
    /// a colour per point (a category's), else all blue.
    public static func render(_ plot: ScatterPlot, maxWidth: Double = 560, maxHeight: Double = 420, declutter: Bool = false,
                              fills: [String]? = nil, attributes: ((Int) -> [(String, String)])? = nil) -> String {
        let l = layout(plot, maxWidth: maxWidth, maxHeight: maxHeight)
        var c = SVGCanvas(width: l.width, height: l.height, title: plot.title)
        c.text(plot.title, x: 12, y: 22, size: 14, weight: "bold")
        axes(into: &c, l)
        c.text(plot.xLabel, x: l.plotLeft + l.plotWidth / 2, y: l.height - 10, anchor: .middle)
        if l.plotHeight >= SVGCanvas.textWidth(plot.yLabel, size: 12) + 8 {
            c.text(plot.yLabel, x: 14, y: l.plotTop + l.plotHeight / 2, anchor: .middle, rotate: -90)
        } else {
            // A flat plot (a small second component): the y title above the frame instead of beside it.
            c.text(plot.yLabel, x: l.plotLeft, y: l.plotTop - 6, size: 11)
        }
        var taken: [Box] = []
        for (i, p) in plot.points.enumerated() where p.x.isFinite && p.y.isFinite {
            let (x, y) = l.position(p.x, p.y)
            c.beginGroup(className: "point", attributes: [("data-word", p.label)] + (attributes?(i) ?? []))
            let fill = fills.flatMap { i < $0.count ? $0[i] : nil } ?? SVGCanvas.Tone.blue.rawValue
            c.circle(cx: x, cy: y, r: 4, fill: fill, tooltip: "\(p.label) (\(AxisTicks.compact(p.x)), \(AxisTicks.compact(p.y)))")
            let label = place(p.label, x: x, y: y, avoiding: &taken, keepCrowded: !declutter)
            c.text(p.label, x: label.x, y: label.y, anchor: label.anchor, className: label.fits ? nil : "crowded")
            c.endGroup()
        }
        return c.svg
    }

    /// A label's box: left, top, right, bottom in pixels.
    struct Box { var x0, y0, x1, y1: Double
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
    }

    /// Where a point's label goes: right of it, else left, else above or below on the right, the
    /// first place no earlier label covers (the first choice when all are taken). Greedy, in the
    /// points' order, so the same plot always puts its labels in the same places.
    /// A label that fits nowhere is placed at the first choice and, unless `keepCrowded`, not
    /// counted as taken (it is hidden until asked for) and reported as not fitting.
    static func place(_ text: String, x: Double, y: Double, avoiding taken: inout [Box], keepCrowded: Bool = true) -> (x: Double, y: Double, anchor: SVGCanvas.Anchor, fits: Bool) {
        let w = SVGCanvas.textWidth(text, size: 12), h = 12.0
        let candidates: [(Double, Double, SVGCanvas.Anchor, Box)] = [
            (x + 7, y + 4, .start, Box(x0: x + 7, y0: y - 8, x1: x + 7 + w, y1: y + 4)),
            (x - 7, y + 4, .end, Box(x0: x - 7 - w, y0: y - 8, x1: x - 7, y1: y + 4)),
            (x + 5, y - 7, .start, Box(x0: x + 5, y0: y - 7 - h, x1: x + 5 + w, y1: y - 7)),
            (x + 5, y + 16, .start, Box(x0: x + 5, y0: y + 16 - h, x1: x + 5 + w, y1: y + 16)),
        ]
        let free = candidates.first { c in !taken.contains { $0.overlaps(c.3) } }
        let chosen = free ?? candidates[0]
        if free != nil || keepCrowded { taken.append(chosen.3) }
        return (chosen.0, chosen.1, chosen.2, free != nil || keepCrowded)
    }

    /// A frame, ticks at the same step on both axes (equal aspect), and dashed lines through 0.
    static func axes(into c: inout SVGCanvas, _ l: Layout) {
        let right = l.plotLeft + l.plotWidth, bottom = l.plotTop + l.plotHeight
        c.rect(x: l.plotLeft, y: l.plotTop, width: l.plotWidth, height: l.plotHeight, fill: "none", stroke: SVGCanvas.Tone.axis.rawValue)
        let xLo = l.x0, xHi = l.x0 + l.plotWidth / l.scale, yHi = l.y1, yLo = l.y1 - l.plotHeight / l.scale
        let step = AxisTicks.step(span: max(xHi - xLo, yHi - yLo), count: 6)
        for x in AxisTicks.values(xLo, xHi, step: step) {
            let (px, _) = l.position(x, 0)
            c.line(x1: px, y1: bottom, x2: px, y2: bottom + 4)
            c.text(AxisTicks.label(x, step: step), x: px, y: bottom + 16, size: 10, anchor: .middle, fill: SVGCanvas.Tone.axis.rawValue)
            if x == 0 { c.line(x1: px, y1: l.plotTop, x2: px, y2: bottom, stroke: SVGCanvas.Tone.grid.rawValue, dashed: true) }
        }
        for y in AxisTicks.values(yLo, yHi, step: step) {
            let (_, py) = l.position(0, y)
            c.line(x1: l.plotLeft - 4, y1: py, x2: l.plotLeft, y2: py)
            c.text(AxisTicks.label(y, step: step), x: l.plotLeft - 6, y: py + 3.5, size: 10, anchor: .end, fill: SVGCanvas.Tone.axis.rawValue)
            if y == 0 { c.line(x1: l.plotLeft, y1: py, x2: right, y2: py, stroke: SVGCanvas.Tone.grid.rawValue, dashed: true) }
        }
    }
}

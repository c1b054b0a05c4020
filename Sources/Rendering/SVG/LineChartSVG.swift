import Foundation

/// A `LineChart` as SVG: a frame, ticks at round numbers (powers of ten on a log axis), one
/// coloured line with dots per series, and a legend when there is more than one series.
///
///     pixel x = left + (t(x) − t(x₀)) / (t(x₁) − t(x₀)) · width,   t = log₁₀ on a log axis, else identity
public enum LineChartSVG {
    static let palette: [SVGCanvas.Tone] = [.blue, .orange, .green, .purple, .red]
    static let left = 64.0, top = 40.0, plotWidth = 440.0, plotHeight = 260.0, bottom = 48.0

    public static func render(_ chart: LineChart) -> String {
        let legendRoom = chart.series.count > 1 ? min(180, (chart.series.map { SVGCanvas.textWidth($0.name, size: 11) }.max() ?? 0) + 36) : 16
        let width = max(left + plotWidth + legendRoom, SVGCanvas.textWidth(chart.title, size: 14, bold: true) + 24)
        var c = SVGCanvas(width: width.rounded(.up), height: top + plotHeight + bottom, title: chart.title)
        c.text(chart.title, x: 12, y: 22, size: 14, weight: "bold")
        let all = chart.series.flatMap(\.points).filter { usable($0.x, log: chart.logX) && usable($0.y, log: chart.logY) }
        let xAxis = Axis(all.map(\.x), log: chart.logX), yAxis = Axis(all.map(\.y), log: chart.logY)
        func px(_ x: Double) -> Double { left + xAxis.fraction(x) * plotWidth }
        func py(_ y: Double) -> Double { top + (1 - yAxis.fraction(y)) * plotHeight }

        c.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "none", stroke: SVGCanvas.Tone.axis.rawValue)
        for (x, label) in xAxis.ticks() {
            c.line(x1: px(x), y1: top, x2: px(x), y2: top + plotHeight, stroke: SVGCanvas.Tone.grid.rawValue)
            c.text(label, x: px(x), y: top + plotHeight + 16, size: 10, anchor: .middle, fill: SVGCanvas.Tone.axis.rawValue)
        }
        for (y, label) in yAxis.ticks() {
            c.line(x1: left, y1: py(y), x2: left + plotWidth, y2: py(y), stroke: SVGCanvas.Tone.grid.rawValue)
            c.text(label, x: left - 6, y: py(y) + 3.5, size: 10, anchor: .end, fill: SVGCanvas.Tone.axis.rawValue)
        }
        c.text(chart.xLabel, x: left + plotWidth / 2, y: top + plotHeight + 38, anchor: .middle)
        c.text(chart.yLabel, x: 14, y: top + plotHeight / 2, anchor: .middle, rotate: -90)

        for (k, series) in chart.series.enumerated() {
            let colour = palette[k % palette.count].rawValue
            let points = series.points.enumerated().filter { usable($0.element.x, log: chart.logX) && usable($0.element.y, log: chart.logY) }
            c.polyline(points.map { (px($0.element.x), py($0.element.y)) }, stroke: colour)
            // Dots only where they can be told apart.
            if points.count <= 60 {
                for (i, p) in points {
                    c.circle(cx: px(p.x), cy: py(p.y), r: 3, fill: colour, tooltip: "\(series.name): \(AxisTicks.compact(p.x)), \(AxisTicks.compact(p.y))")
                    if i < series.pointLabels.count, !series.pointLabels[i].isEmpty {
                        c.text(series.pointLabels[i], x: px(p.x) + 5, y: py(p.y) - 6, size: 10)
                    }
                }
            }
            if chart.series.count > 1 {
                let y = top + 8 + 18 * Double(k)
                c.rect(x: left + plotWidth + 12, y: y, width: 14, height: 4, fill: colour)
                c.text(series.name, x: left + plotWidth + 32, y: y + 6, size: 11)
            }
        }
        return c.svg
    }

    static func usable(_ v: Double, log: Bool) -> Bool { v.isFinite && (!log || v > 0) }

    /// One axis: the data's range (on a log axis, in decades) and its round ticks.
    struct Axis {
        var lo: Double, hi: Double, log: Bool
        /// Whole numbers only (epochs, dimensions): no ticks between them.
        var integral: Bool
        init(_ values: [Double], log: Bool) {
            self.log = log
            integral = !log && values.allSatisfy { $0 == $0.rounded() }
            let t = values.map { log ? log10($0) : $0 }
            var lo = t.min() ?? 0, hi = t.max() ?? 1
            if hi - lo < 1e-12 { lo -= 0.5; hi += 0.5 }
            // A little room, so the first and last points are not drawn on the frame.
            let margin = (hi - lo) * 0.04
            self.lo = lo - margin; self.hi = hi + margin
        }
        func fraction(_ v: Double) -> Double { ((log ? log10(v) : v) - lo) / (hi - lo) }
        func ticks() -> [(Double, String)] {
            if log {
                let decades = AxisTicks.values(lo, hi, step: 1).map { pow(10, $0) }
                if decades.count >= 2 { return decades.map { ($0, AxisTicks.compact($0)) } }
                // Less than two decades: 1, 2 and 5 times the powers of ten inside the range.
                var out: [(Double, String)] = []
                for e in Int(floor(lo))...Int(ceil(hi)) {
                    for m in [1.0, 2, 5] {
                        let v = m * pow(10, Double(e))
                        if log10(v) >= lo - 1e-9, log10(v) <= hi + 1e-9 { out.append((v, AxisTicks.compact(v))) }
                    }
                }
                return out
            }
            let step = integral ? max(1, AxisTicks.step(span: hi - lo, count: 6)) : AxisTicks.step(span: hi - lo, count: 6)
            return AxisTicks.values(lo, hi, step: step).map { ($0, AxisTicks.label($0, step: step)) }
        }
    }
}

import Workbench

/// Values as pictures: the one place that decides which value is drawn how in SVG, as
/// `ValueRenderer` does for the terminal.
///
/// | value | picture |
/// |---|---|
/// | `plot 猫 狗 汽车 飞机` (scatter) | points at equal aspect, axes with the explained variance |
/// | a vector | a bar per component about 0 |
/// | `near 猫`, `king - man + woman` | a bar per neighbour |
/// | `sim 猫 狗` (a cosine) | one bar on [−1, 1] |
/// | `cooccur "…"` (a labelled square matrix) | a heat map |
/// | `train glove …` | the cost per epoch |
/// | `eval questions-words.txt`, `eval small-world` | accuracy by section |
/// | `index sweep` | recall@k against queries per second (log scale), a point per ef, brute force at recall 1 |
/// | `picture 3`, `search pictures "…"`, `pictures 1 2 3` | the pictures themselves (and the similarity matrix) |
///
///     SVGRenderer.svg(try session.evaluate("plot king queen man woman").value)   // "<svg …"
public enum SVGRenderer {
    /// The picture of `value`, or nil when it has none (text, a plain table).
    public static func svg(_ value: Value) -> String? {
        switch value {
        case .scatter(let p): return ScatterSVG.render(p)
        case .vector(let v): return BarsSVG.vector(v)
        case .neighbours(let n): return n.items.isEmpty ? nil : BarsSVG.neighbours(n)
        case .scalar(let s): return s.kind == .cosine ? BarsSVG.scalar(s) : nil
        case .table(let t):
            if case .training(let summary) = t.detail, !summary.epochCosts.isEmpty {
                return LineChartSVG.render(LineChart(training: summary, title: t.title))
            }
            if case .evaluation(let e) = t.detail { return AccuracySVG.render(e, title: t.title) }
            if case .pictures(let b) = t.detail { return PictureSVG.render(b, title: t.title) }
            if case .sweep(let w) = t.detail { return LineChartSVG.render(LineChart(sweep: w, title: t.title)) }
            if let m = HeatMap(table: t) { return HeatMapSVG.render(m) }
            return nil
        case .text, .none: return nil
        }
    }

    /// `svg(value)` as a standalone file: an XML declaration first, and a white background, so the
    /// picture reads the same on a light or dark slide and in a viewer's dark mode (inlined in a
    /// page it has none, and follows the page's colours instead).
    public static func file(_ value: Value) -> String? {
        guard var svg = svg(value), let title = svg.range(of: "</title>\n") else { return nil }
        svg.insert(contentsOf: "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n", at: title.upperBound)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.replacingOccurrences(of: " fill=\"currentColor\" role=", with: " fill=\"#1d1d1f\" role=")
    }

    /// Which values have pictures, for an error message: "this value has no picture; …".
    public static let whatHasPictures = "plot, a vector, near or an analogy, sim, cooccur, train glove, eval, index sweep, picture, search pictures"
}

import Workbench

/// An analogy evaluation (`eval questions-words.txt`, `eval small-world`) as bars: each section's
/// accuracy on [0, 100%], the total last and in bold, with "correct/total" beside each bar.
///
///     capital-common-countries  ███████████████████  93.7%  474/506
///     family                    ███████████▌          57.9%  293/506
public enum AccuracySVG {
    static let rowHeight = 22.0, barLength = 260.0

    /// The picture, or nil for an evaluation without sections (word pairs: two correlations, no bars).
    public static func render(_ e: EvaluationSummary, title: String?) -> String? {
        guard e.kind == .analogies, let sections = e.sections, let total = e.total else { return nil }
        let rows = sections + [total]
        let heading = title ?? "\(e.model) on \(e.file)"
        let note = "accuracy by section; \(e.restrict) most frequent words searched" + ((e.skipped ?? 0) > 0 ? "; \(e.skipped!) questions skipped (words outside them)" : "")
        let nameWidth = min(260, (rows.map { SVGCanvas.textWidth($0.section, size: 12) }.max() ?? 40) + 16)
        let left = 12 + nameWidth, top = 52.0
        let width = max(left + barLength + 130, SVGCanvas.textWidth(heading, size: 14, bold: true) + 24, SVGCanvas.textWidth(note, size: 11) + 24)
        var c = SVGCanvas(width: width.rounded(.up), height: top + rowHeight * Double(rows.count) + 30, title: heading)
        c.text(heading, x: 12, y: 22, size: 14, weight: "bold")
        c.text(note, x: 12, y: 40, size: 11, fill: SVGCanvas.Tone.axis.rawValue)
        for (i, s) in rows.enumerated() {
            let y = top + rowHeight * Double(i), isTotal = i == rows.count - 1
            let share = s.accuracy.isFinite ? max(0, min(1, s.accuracy)) : 0
            c.text(s.section, x: 12, y: y + 15, weight: isTotal ? "bold" : nil)
            c.rect(x: left, y: y + 4, width: share * barLength, height: rowHeight - 8,
                   fill: (isTotal ? SVGCanvas.Tone.blue : SVGCanvas.Tone.green).rawValue, tooltip: "\(s.section): \(s.correct)/\(s.total)")
            c.text(s.total == 0 ? "no questions" : String(format: "%.1f%%  %d/%d", share * 100, s.correct, s.total), x: left + share * barLength + 6, y: y + 15, size: 11,
                   fill: SVGCanvas.Tone.axis.rawValue)
        }
        let bottom = top + rowHeight * Double(rows.count)
        for f in [0.0, 0.5, 1.0] {
            c.line(x1: left + f * barLength, y1: bottom, x2: left + f * barLength, y2: bottom + 4)
            c.text("\(Int(f * 100))%", x: left + f * barLength, y: bottom + 16, size: 10, anchor: .middle, fill: SVGCanvas.Tone.axis.rawValue)
        }
        return c.svg
    }
}

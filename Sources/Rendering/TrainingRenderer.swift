import Foundation
import Workbench

/// Draws how a training run went: the model, the corpus, the cost as a sparkline from the first
/// epoch to the last, the settings, and what to type next.
///
///     trained GloVe on small-world; now in use as 'trained'
///       316 words × 20 dimensions · 35820 tokens · 6288 records · 25 of 25 epochs in 0.03 s
///       cost      0.5001 █▆▅▄▄▃▃▂▂▂▁▁ 0.0034  (per epoch, log scale)
///       settings  dim 20, epochs 25, window 5, min-count 1, x-max 10, alpha 0.75, eta 0.05, threads 1,
///                 seed 1
///       try       king - man + woman  ·  北京 - 中国 + 法国  ·  near 猫  ·  :use glove-50d
///
/// A Word2Vec run counts words, not records, and shows its speed in words a second:
///
///       316 words × 32 dimensions · 35820 tokens · 35820 words a pass
///       time      30 of 30 epochs in 1.20 s · 895500 words/s
public enum TrainingRenderer {
    public static func render(_ s: TrainingSummary, title: String?, style: Style) -> String {
        var lines: [String] = []
        if let title { lines.append(style.paint(title, s.cancelled ? .yellow : .bold)) }
        let l = style.language
        switch s.method {
        case .glove:
            lines += flowed(l.text(.trainingLine, ["words": "\(s.words)", "dims": "\(s.dimensions)", "tokens": "\(s.tokens)", "records": "\(s.records)",
                                                   "done": "\(s.epochCosts.count)", "epochs": "\(s.epochs)", "seconds": String(format: "%.2f", s.seconds)]),
                            first: "  ", indent: "    ", style: style)
        case .word2vec:
            // Word2Vec has no records: it trains on the corpus's words, and its speed is words a second.
            lines += flowed(l.text(.word2vecTrainingLine, ["words": "\(s.words)", "dims": "\(s.dimensions)", "tokens": "\(s.tokens)",
                                                           "trained": "\(s.records)"]),
                            first: "  ", indent: "    ", style: style)
            lines.append("  " + style.paint(DisplayWidth.pad(l.text(.word2vecTime), to: 8), .dim) + "  "
                         + l.text(.word2vecTimeLine, ["done": "\(s.epochCosts.count)", "epochs": "\(s.epochs)",
                                                      "seconds": String(format: "%.2f", s.seconds), "rate": "\(Int(s.wordsPerSecond.rounded()))"]))
        }
        if let first = s.epochCosts.first, let last = s.epochCosts.last {
            // On a log scale: the cost falls fast at first, and the later epochs would all be ▁.
            let room = max(8, min(60, style.width - 40))
            let logs = sampled(s.epochCosts, room).map { $0 > 0 ? Foundation.log($0) : 0 }
            lines.append("  " + DisplayWidth.pad(l.text(s.method == .word2vec ? .word2vecLoss : .trainingCost), to: 8) + "  " + String(format: "%.4f ", first) + style.paint(Bars.sparkline(logs), .green)
                         + String(format: " %.4f", last) + style.paint("  " + l.text(.trainingCostNote), .dim))
        }
        lines += wrapped(s.settings.map { "\($0.name) \($0.value)" }, label: l.text(.trainingSettings), style: style)
        if !s.suggestions.isEmpty {
            lines += flowed(s.suggestions.joined(separator: "  ·  "), first: "  " + style.paint(DisplayWidth.pad(l.text(.trainingTry), to: 8), .dim) + "  ",
                            indent: String(repeating: " ", count: 12), style: style, separator: "  ·  ")
        }
        return lines.joined(separator: "\n")
    }

    /// "  settings  a, b, c" over as many lines as the width needs, continuation lines indented.
    static func wrapped(_ items: [String], label: String, style: Style) -> [String] {
        let indent = "  " + String(repeating: " ", count: 8) + "  "
        var lines: [String] = []
        var current = ""
        for (k, item) in items.enumerated() {
            let piece = item + (k < items.count - 1 ? "," : "")
            if !current.isEmpty, DisplayWidth.of(indent) + DisplayWidth.of(current) + 1 + DisplayWidth.of(piece) > style.width {
                lines.append(current)
                current = piece
            } else {
                current += (current.isEmpty ? "" : " ") + piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.enumerated().map { k, line in
            (k == 0 ? "  " + style.paint(DisplayWidth.pad(label, to: 8), .dim) + "  " : indent) + line
        }
    }

    /// `text`'s pieces (between ` · `, or `separator`) over as many lines as the width needs, the
    /// first line after `first`, the others after `indent`: a piece is never cut (`1.39 s` and
    /// `:use glove-50d` were split where an 80-column terminal ended the line).
    static func flowed(_ text: String, first: String, indent: String, style: Style, separator: String = " · ") -> [String] {
        let pieces = text.components(separatedBy: separator)
        var lines: [String] = []
        var current = first
        // Widths counted without colour codes (the label may be painted).
        var width = style.color ? DisplayWidth.of(first.replacingOccurrences(of: #"\x{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)) : DisplayWidth.of(first)
        let gap = String(separator.prefix { $0 == " " })
        for (k, piece) in pieces.enumerated() {
            let item = piece + (k < pieces.count - 1 ? separator.trailingSpacesTrimmed : "")
            if k > 0, width + gap.count + DisplayWidth.of(item) > style.width {
                lines.append(current.trailingSpacesTrimmed)
                current = indent + item
                width = DisplayWidth.of(indent) + DisplayWidth.of(item)
            } else {
                current += (k > 0 ? gap : "") + item
                width += (k > 0 ? gap.count : 0) + DisplayWidth.of(item)
            }
        }
        lines.append(current.trailingSpacesTrimmed)
        return lines
    }

    /// At most `n` values, evenly spaced, the first and the last always kept.
    static func sampled(_ values: [Double], _ n: Int) -> [Double] {
        guard values.count > n, n >= 2 else { return values }
        return (0..<n).map { values[$0 * (values.count - 1) / (n - 1)] }
    }
}

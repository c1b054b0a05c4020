import Foundation
import Workbench

/// Draws how a training run went: the model, the corpus, the cost as a sparkline from the first
/// epoch to the last, the settings, and what to type next.
///
///     trained GloVe on small-world; now in use as 'trained'
///       316 words × 20 dimensions · 35820 tokens · 9214 records · 40 of 40 epochs in 0.31 s
///       cost      0.0843 █▅▃▂▂▁▁▁▁▁▁ 0.0034
///       settings  dim 20, epochs 40, window 5, min-count 1, x-max 10, alpha 0.75, eta 0.05, threads 1, seed 1
///       try       king - man + woman  ·  北京 - 中国 + 法国  ·  near 猫  ·  :use glove-50d
public enum TrainingRenderer {
    public static func render(_ s: TrainingSummary, title: String?, style: Style) -> String {
        var lines: [String] = []
        if let title { lines.append(style.paint(title, s.cancelled ? .yellow : .bold)) }
        let epochs = "\(s.epochCosts.count) of \(s.epochs) epochs in " + String(format: "%.2f s", s.seconds)
        lines.append("  \(s.words) words × \(s.dimensions) dimensions · \(s.tokens) tokens · \(s.records) records · " + epochs)
        if let first = s.epochCosts.first, let last = s.epochCosts.last {
            let room = max(8, style.width - 30)
            lines.append("  cost      " + String(format: "%.4f ", first) + style.paint(Bars.sparkline(sampled(s.epochCosts, room)), .green)
                         + String(format: " %.4f", last))
        }
        lines.append("  " + style.paint("settings", .dim) + "  " + s.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
        if !s.suggestions.isEmpty {
            lines.append("  " + style.paint("try", .dim) + "       " + s.suggestions.joined(separator: "  ·  "))
        }
        return lines.joined(separator: "\n")
    }

    /// At most `n` values, evenly spaced, the first and the last always kept.
    static func sampled(_ values: [Double], _ n: Int) -> [Double] {
        guard values.count > n, n >= 2 else { return values }
        return (0..<n).map { values[$0 * (values.count - 1) / (n - 1)] }
    }
}

import Foundation
import Workbench

extension ValueRenderer {
    /// A table with a richer form (`Table.detail`): token views side by side, or a training run
    /// with the sparkline of its cost.
    static func detailed(_ table: Table, style: Style) -> String {
        switch table.detail {
        case .tokens(let b): return TokensRenderer.render(b, title: table.title, style: style)
        case .training(let s): return TrainingRenderer.render(s, title: table.title, style: style)
        case .pictures(let b): return PictureRenderer.render(table, b, style: style)
        case .sweep(let w): return SweepRenderer.render(table, w, style: style)
        case .evaluation, nil: return TableRenderer.render(table, style: style)
        }
    }
}

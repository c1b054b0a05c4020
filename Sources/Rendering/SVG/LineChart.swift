import Foundation
import Workbench

/// Numbers against numbers, as lines: a training run's cost per epoch, accuracy against the
/// number of dimensions, recall against queries per second. Any series of (x, y) pairs can be
/// drawn; `LineChartSVG` draws it.
///
///     LineChart(title: "GloVe on small-world", xLabel: "epoch", yLabel: "cost",
///               series: [.init(name: "cost", points: [(1, 0.50), (2, 0.21), (3, 0.09)])], logY: true)
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// Labels written beside the points (ef=40, 50 dims), or empty.
        public var pointLabels: [String]
        public init(name: String, points: [(x: Double, y: Double)], pointLabels: [String] = []) {
            self.name = name; self.points = points; self.pointLabels = pointLabels
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Logarithmic axes, for numbers that span decades (a falling cost, queries per second).
    public var logX: Bool
    public var logY: Bool

    public init(title: String, xLabel: String, yLabel: String, series: [Series], logX: Bool = false, logY: Bool = false) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series; self.logX = logX; self.logY = logY
    }

    /// A GloVe run's cost after each epoch, on a log scale (it falls by orders of magnitude).
    public init(training s: TrainingSummary, title: String?) {
        let points = s.epochCosts.enumerated().map { (x: Double($0.offset + 1), y: $0.element) }
        let positive = s.epochCosts.allSatisfy { $0 > 0 }
        self.init(title: title ?? "GloVe on \(s.corpus)", xLabel: "epoch", yLabel: positive ? "cost (log scale)" : "cost",
                  series: [Series(name: "cost", points: points)], logY: positive && s.epochCosts.count > 1)
    }

    /// `index sweep` as ANN-Benchmarks draws it: recall@k across, queries per second up on a log
    /// scale, HNSW a line with a point per ef, brute force one point at recall 1.
    public init(sweep w: RecallSweep, title: String?) {
        self.init(title: title ?? "recall against speed on \(w.model)", xLabel: "recall@\(w.k)", yLabel: "queries per second (log scale)",
                  series: [Series(name: "HNSW", points: w.points.map { (x: $0.recall, y: $0.queriesPerSecond) }, pointLabels: w.points.map { "ef=\($0.ef)" }),
                           Series(name: "brute force", points: [(x: 1, y: w.exactQueriesPerSecond)], pointLabels: ["exact"])],
                  logY: true)
    }
}

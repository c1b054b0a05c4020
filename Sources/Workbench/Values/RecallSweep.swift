/// `index sweep`: one HNSW index searched at several `ef`, each point its recall@k against
/// its queries per second, with brute force as the point every method is measured against.
/// This is the data of an ANN-Benchmarks chart (recall across, queries per second up, on a log
/// scale): the table's rows are the gradable part, the renderers draw the chart.
public struct RecallSweep: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        /// The search setting: how many candidates the bottom layer keeps.
        public var ef: Int
        /// Share of the true k nearest found, 0…1.
        public var recall: Double
        public var queriesPerSecond: Double
        public init(ef: Int, recall: Double, queriesPerSecond: Double) {
            self.ef = ef; self.recall = recall; self.queriesPerSecond = queriesPerSecond
        }
    }
    public var model: String
    /// How many words were asked, one at a time, and how many neighbours each (recall@k).
    public var queries: Int
    public var k: Int
    /// Brute force over every word: recall 1 by definition.
    public var exactQueriesPerSecond: Double
    /// The index at each ef, lowest ef first.
    public var points: [Point]
    public init(model: String, queries: Int, k: Int, exactQueriesPerSecond: Double, points: [Point]) {
        self.model = model; self.queries = queries; self.k = k; self.exactQueriesPerSecond = exactQueriesPerSecond; self.points = points
    }
}

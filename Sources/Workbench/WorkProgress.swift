/// A report from long work (training, evaluation) while it runs, for a progress bar; named apart
/// from Foundation's `Progress`.
/// The workbench never draws it: the REPL does, on a terminal; pipes and lessons ignore it.
public struct WorkProgress: Equatable, Sendable {
    /// What is running: "training GloVe".
    public var title: String
    /// How much is done, 0…1.
    public var fraction: Double
    /// A short status in the learner's language: "epoch 3/15, cost 0.0543".
    public var detail: String
    /// Numbers so far to draw as a sparkline (the loss per epoch).
    public var series: [Double]
    /// Which stage of the work this is, as a stable name ("counting words", "training"), for
    /// watchers that print a line per stage whatever the language.
    public var stage: String

    public init(title: String, fraction: Double, detail: String, series: [Double] = [], stage: String = "") {
        self.title = title; self.fraction = fraction; self.detail = detail; self.series = series; self.stage = stage
    }
}

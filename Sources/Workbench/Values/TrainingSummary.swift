/// How a training run at the prompt went (`train glove corpus=small-world`, `train word2vec …`):
/// what was trained on what, the cost after every epoch, how long it took, and whether Ctrl-C
/// stopped it.
public struct TrainingSummary: Equatable, Sendable {
    /// Which trainer ran; it decides what `records` counts.
    public enum Method: String, Equatable, Sendable, Codable {
        /// GloVe: `records` is the nonzero co-occurrence records trained on in every epoch.
        case glove
        /// Word2Vec: `records` is the corpus words (in the vocabulary) trained on in every epoch,
        /// and the cost is the loss of one prediction.
        case word2vec
    }
    public var method: Method
    /// "small-world" or the corpus file's path.
    public var corpus: String
    /// The name the session now knows the model by ("trained"); nil when no model was adopted.
    public var modelName: String?
    public var words: Int
    public var dimensions: Int
    /// Tokens in the corpus, and what every epoch trains on: GloVe's nonzero co-occurrence
    /// records, Word2Vec's words (see `method`).
    public var tokens: Int
    public var records: Int
    /// The epochs asked for; `epochCosts.count` of them ran to the end.
    public var epochs: Int
    /// The mean cost per record after each completed epoch, as `glove.c` prints it.
    public var epochCosts: [Double]
    public var seconds: Double
    /// True when Ctrl-C (or `cancellation.request()`) stopped the run.
    public var cancelled: Bool
    /// The settings, in order, for display: ("window", "5"), ("x_max", "10"), …
    public var settings: [Setting]
    /// The model file the vectors were also written to (`save=FILE`).
    public var savedTo: String?
    /// Lines worth typing next: "king - man + woman".
    public var suggestions: [String]

    public struct Setting: Equatable, Sendable, Codable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    /// Words a second over the whole run (Word2Vec's measure of speed): every epoch's words, over the time taken.
    public var wordsPerSecond: Double { seconds > 0 ? Double(records) * Double(epochCosts.count) / seconds : 0 }

    public init(method: Method = .glove, corpus: String, modelName: String?, words: Int, dimensions: Int, tokens: Int, records: Int, epochs: Int,
                epochCosts: [Double], seconds: Double, cancelled: Bool, settings: [Setting], savedTo: String? = nil, suggestions: [String]) {
        self.method = method
        self.corpus = corpus; self.modelName = modelName; self.words = words; self.dimensions = dimensions
        self.tokens = tokens; self.records = records; self.epochs = epochs; self.epochCosts = epochCosts
        self.seconds = seconds; self.cancelled = cancelled; self.settings = settings; self.savedTo = savedTo; self.suggestions = suggestions
    }
}

/// How a GloVe run at the prompt went (`train glove corpus=small-world`): what was trained on
/// what, the cost after every epoch, how long it took, and whether Ctrl-C stopped it.
public struct TrainingSummary: Equatable, Sendable {
    /// "small-world" or the corpus file's path.
    public var corpus: String
    /// The name the session now knows the model by ("trained"); nil when no model was adopted.
    public var modelName: String?
    public var words: Int
    public var dimensions: Int
    /// Tokens in the corpus, and nonzero co-occurrence records trained on in every epoch.
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

    public init(corpus: String, modelName: String?, words: Int, dimensions: Int, tokens: Int, records: Int, epochs: Int,
                epochCosts: [Double], seconds: Double, cancelled: Bool, settings: [Setting], savedTo: String? = nil, suggestions: [String]) {
        self.corpus = corpus; self.modelName = modelName; self.words = words; self.dimensions = dimensions
        self.tokens = tokens; self.records = records; self.epochs = epochs; self.epochCosts = epochCosts
        self.seconds = seconds; self.cancelled = cancelled; self.settings = settings; self.savedTo = savedTo; self.suggestions = suggestions
    }
}

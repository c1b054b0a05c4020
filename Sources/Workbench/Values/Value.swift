import Embeddings

/// What evaluating a line produces. The REPL renders it, a lesson check grades it, a notebook
/// records it: nobody parses printed text back.
public enum Value: Equatable, Sendable {
    case vector(VectorValue)
    case scalar(ScalarValue)
    case neighbours(NeighbourList)
    case table(Table)
    case scatter(ScatterPlot)
    /// A sentence for the learner (confirmations, settings).
    case text(String)
    case none

    /// The vector in this value, if it has one.
    public var vector: [Float]? {
        if case .vector(let v) = self { return v.values }
        return nil
    }

    /// The number in this value, if it has one.
    public var number: Double? {
        if case .scalar(let s) = self { return s.value }
        return nil
    }

    /// The words of a neighbour list, best first.
    public var words: [String]? {
        switch self {
        case .neighbours(let list): return list.items.map(\.word)
        default: return nil
        }
    }
}

/// A vector with a label saying where it came from ("king - man + woman", "猫").
public struct VectorValue: Equatable, Sendable {
    public var values: [Float]
    public var label: String
    /// The vocabulary words it was computed from (left out of its neighbours).
    public var sources: [String]
    /// Names of the dimensions, when the model has them.
    public var dimensionNames: [String]?
    public init(values: [Float], label: String, sources: [String] = [], dimensionNames: [String]? = nil) {
        self.values = values; self.label = label; self.sources = sources; self.dimensionNames = dimensionNames
    }
}

/// A number with what it measures: `cos(猫, 狗) = 0.98`.
public struct ScalarValue: Equatable, Sendable {
    public var value: Double
    public var label: String
    /// What kind of number it is, for rendering a bar: cosine in [-1, 1], or a plain number.
    public var kind: Kind
    public enum Kind: String, Equatable, Sendable { case cosine, distance, number }
    public init(value: Double, label: String, kind: Kind = .number) { self.value = value; self.label = label; self.kind = kind }
}

/// The nearest words to something, best first, with what was left out and how it was scored.
public struct NeighbourList: Equatable, Sendable {
    public var query: String
    public var items: [Neighbour]
    /// Words that were not allowed in the answer (the inputs of an analogy).
    public var excluded: [String]
    /// How the scores were computed.
    public var method: Method
    public init(query: String, items: [Neighbour], excluded: [String] = [], method: Method = .cosine) {
        self.query = query; self.items = items; self.excluded = excluded; self.method = method
    }

    /// How a neighbour's score was computed.
    public enum Method: String, Equatable, Sendable, CaseIterable {
        /// cos(x, v): the nearest words to a vector.
        case cosine
        /// cos(x, b) − cos(x, a) + cos(x, c): an analogy by 3CosAdd.
        case cosAdd = "3CosAdd"
        /// cos(x, b)·cos(x, c) / (cos(x, a) + ε), cosines shifted to [0, 1]: an analogy by 3CosMul.
        case cosMul = "3CosMul"
        /// cos(x, mean of the group), lowest first: the odd one out.
        case cosineToMean = "cosine to the group's mean, lowest first"

        /// Whether scores are cosines in [-1, 1] (a bar can be drawn to scale).
        public var isCosine: Bool { self == .cosine || self == .cosAdd }
    }
}

/// Rows of cells with a header, for anything tabular (odd one out, vocabulary, co-occurrences).
public struct Table: Equatable, Sendable {
    public var title: String?
    public var headers: [String]
    public var rows: [[String]]
    /// Columns to right-align (numbers).
    public var numericColumns: Set<Int>
    /// The same data in a richer form, for renderers that can draw it (the others draw the rows).
    public var detail: TableDetail?
    public init(title: String? = nil, headers: [String], rows: [[String]], numericColumns: Set<Int> = [], detail: TableDetail? = nil) {
        self.title = title; self.headers = headers; self.rows = rows; self.numericColumns = numericColumns; self.detail = detail
    }
}

/// What a table stands for when it is more than rows: token views to draw side by side with
/// coloured boundaries, or a training run to draw with a sparkline of its cost. The table's rows
/// stay the gradable part (`words are` reads the first column).
public enum TableDetail: Equatable, Sendable {
    /// `tokens "从Token到向量"`, `bpe train …`: one text cut several ways.
    case tokens(TokenBreakdown)
    /// `train glove …`: how a run went.
    case training(TrainingSummary)
    /// `eval FILE`: the scores of an evaluation.
    case evaluation(EvaluationSummary)
    /// `picture 3`, `search pictures "…"`, `caption picture 3`, …: the pictures themselves.
    case pictures(PictureBoard)
    /// `index sweep`: recall against queries per second, one point per ef.
    case sweep(RecallSweep)
}

/// Labelled points in two dimensions (a PCA projection of some words), for a terminal scatter plot.
public struct ScatterPlot: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        public var label: String
        public var x: Double
        public var y: Double
        public init(label: String, x: Double, y: Double) { self.label = label; self.x = x; self.y = y }
    }
    public var title: String
    public var points: [Point]
    public var xLabel: String
    public var yLabel: String
    public init(title: String, points: [Point], xLabel: String, yLabel: String) {
        self.title = title; self.points = points; self.xLabel = xLabel; self.yLabel = yLabel
    }
}

import VectorMath
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every setting of a GloVe run, from counting to training, as one value.
///
/// The defaults are those of the Stanford programs (`vocab_count`, `cooccur`, `glove`);
/// `referenceDemo` is the reference's `demo.sh` (stanfordnlp/GloVe), the settings its benchmark
/// figures are measured with; `paper` is Pennington, Socher & Manning (2014).
///
/// ```swift
/// var settings = GloVeHyperparameters.referenceDemo   // 50 dims, window 15, x_max 10, 15 epochs
/// settings.dimensions = 100
/// settings.threads = 1                                // with a fixed seed: the same vectors every run
/// ```
public struct GloVeHyperparameters: Sendable, Equatable, Hashable {
    // Vocabulary (vocab_count)

    /// Words seen fewer times than this get no vector (`-min-count`).
    public var minCount: Int
    /// At most this many words, the most frequent (`-max-vocab`); nil for no limit.
    public var maxVocabularySize: Int?

    // Co-occurrence (cooccur)

    /// Context words counted on each side of a word (`-window-size`).
    public var window: Int

    // Training (glove)

    /// The length of each word vector (`-vector-size`).
    public var dimensions: Int
    /// Passes over all co-occurrence records (`-iter`).
    public var epochs: Int
    /// AdaGrad's initial learning rate η (`-eta`).
    public var learningRate: Float
    /// x_max of the weighting function f: pairs seen this often or more get full weight (`-x-max`).
    public var xMax: Float
    /// α, the exponent of the weighting function f (`-alpha`).
    public var alpha: Float
    /// Each component of a vector's gradient is clipped to ±this (`-grad-clip`).
    public var gradientClip: Float
    /// Threads that train at once, each on its own slice of the records (`-threads`). With 1, a
    /// run is exactly reproducible; with more, threads race on shared words (by design, Hogwild).
    public var threads: Int
    /// Seeds the initial vectors and the shuffle of the records (`-seed`).
    public var seed: UInt64

    public init(minCount: Int = 1, maxVocabularySize: Int? = nil, window: Int = 15,
                dimensions: Int = 50, epochs: Int = 25, learningRate: Float = 0.05,
                xMax: Float = 100, alpha: Float = 0.75, gradientClip: Float = 100,
                threads: Int = Parallelism.cores, seed: UInt64 = 1) {
        self.minCount = minCount
        self.maxVocabularySize = maxVocabularySize
        self.window = window
        self.dimensions = dimensions
        self.epochs = epochs
        self.learningRate = learningRate
        self.xMax = xMax
        self.alpha = alpha
        self.gradientClip = gradientClip
        self.threads = threads
        self.seed = seed
    }

    /// The reference's `demo.sh`: min count 5, window 15, 50 dimensions, x_max 10, 15 epochs.
    public static var referenceDemo: GloVeHyperparameters {
        GloVeHyperparameters(minCount: 5, window: 15, dimensions: 50, epochs: 15, xMax: 10)
    }

    /// The paper's settings for vectors of up to 300 dimensions: window 10, x_max 100, α = 3/4,
    /// η = 0.05, 50 epochs.
    public static var paper: GloVeHyperparameters {
        GloVeHyperparameters(window: 10, dimensions: 300, epochs: 50, xMax: 100)
    }

    /// The weighting function f of these settings.
    public var weighting: WeightingFunction { WeightingFunction(xMax: xMax, alpha: alpha) }
}

/// GloVe's weighting function f(x) = (x / x_max)^α for x < x_max, and 1 from x_max on.
///
/// It decides how much each co-occurrence count matters in the cost. f(0) = 0, so pairs that
/// never occur cost nothing (and log 0 never has to be taken); rare pairs, whose counts are
/// mostly noise, count little; and frequent pairs are capped at 1, so that "the" next to "of"
/// cannot drown everything else.
///
/// ```swift
/// let f = WeightingFunction(xMax: 100, alpha: 0.75)
/// f(100)   // 1
/// f(50)    // 0.5946 = 0.5^0.75
/// f(1000)  // 1
/// ```
public struct WeightingFunction: Sendable, Equatable {
    public var xMax: Float
    public var alpha: Float

    public init(xMax: Float = 100, alpha: Float = 0.75) {
        precondition(xMax > 0, "x_max is positive")
        self.xMax = xMax
        self.alpha = alpha
    }

    public func callAsFunction(_ x: Float) -> Float {
        x < xMax ? Float(pow(Double(x) / Double(xMax), Double(alpha))) : 1
    }
}

import Foundation
import VectorMath

/// The sizes of a CLIP model: a picture encoder (an MLP over the pixels) and a caption encoder
/// (word vectors, averaged, then projected), meeting in one space of `dimensions`.
public struct CLIPConfiguration: Codable, Equatable, Sendable {
    /// Inputs of the picture encoder: 32 × 32 pixels × (3 colours + brightness).
    public var pixels: Int
    /// The picture encoder's hidden layer.
    public var hidden: Int
    /// The length of a word vector of the caption encoder.
    public var wordDimensions: Int
    /// The shared space's dimensions.
    public var dimensions: Int
    /// Words with a vector.
    public var vocabulary: Int

    public init(pixels: Int = PictureWorld.inputCount, hidden: Int = 256, wordDimensions: Int = 64, dimensions: Int = 64, vocabulary: Int) {
        self.pixels = pixels; self.hidden = hidden; self.wordDimensions = wordDimensions; self.dimensions = dimensions; self.vocabulary = vocabulary
    }

    /// Where each weight matrix starts in the one flat array of parameters.
    public struct Layout: Equatable, Sendable {
        public let w1: Int, b1: Int, w2: Int, words: Int, wt: Int, logScale: Int, count: Int
        init(_ c: CLIPConfiguration) {
            w1 = 0
            b1 = w1 + c.pixels * c.hidden
            w2 = b1 + c.hidden
            words = w2 + c.hidden * c.dimensions
            wt = words + c.vocabulary * c.wordDimensions
            logScale = wt + c.wordDimensions * c.dimensions
            count = logScale + 1
        }
    }
    public var layout: Layout { Layout(self) }
}

/// A trained (or training) CLIP model in miniature:
///
///     picture x (4096 floats) → h = max(0, x·W₁ + b₁) → z = h·W₂ → u = z / ‖z‖
///     caption w₁ … wₙ        → p = (E[w₁] + … + E[wₙ]) / n → y = p·Wₜ → v = y / ‖y‖
///     similarity              cos(picture, caption) = u · v
///
/// and a learned temperature: the logits of the contrastive loss are e^τ · u·v (τ starts at
/// log(1/0.07), as in the CLIP paper, and is kept at most log 100).
///
/// All parameters live in one flat array (`layout` says where each matrix starts), so that
/// Adam, saving and loading each see one block of floats.
public struct CLIPModel: Sendable, Equatable {
    public var configuration: CLIPConfiguration
    public var vocabulary: CaptionVocabulary
    public var world: PictureWorld.Description
    public var parameters: [Float]

    public init(configuration: CLIPConfiguration, vocabulary: CaptionVocabulary, world: PictureWorld.Description, parameters: [Float]) {
        self.configuration = configuration; self.vocabulary = vocabulary; self.world = world; self.parameters = parameters
    }

    /// A model with random weights: He-initialised layers, word vectors N(0, 1)/√d.
    public init(configuration c: CLIPConfiguration, vocabulary: CaptionVocabulary, world: PictureWorld, seed: UInt64) {
        self.configuration = c
        self.vocabulary = vocabulary
        self.world = world.description
        let l = c.layout
        var p = [Float](repeating: 0, count: l.count)
        var rng = SeededGenerator(seed: seed)
        func fill(_ start: Int, _ count: Int, _ sd: Double) {
            for i in start..<start + count { p[i] = Float(rng.nextGaussian() * sd) }
        }
        fill(l.w1, c.pixels * c.hidden, (2.0 / Double(c.pixels)).squareRoot())
        fill(l.w2, c.hidden * c.dimensions, (2.0 / Double(c.hidden)).squareRoot())
        fill(l.words, c.vocabulary * c.wordDimensions, 1.0)
        fill(l.wt, c.wordDimensions * c.dimensions, (1.0 / Double(c.wordDimensions)).squareRoot())
        p[l.logScale] = Float(log(1 / 0.07))
        parameters = p
    }

    public static let maxLogScale = Float(log(100.0))

    /// The temperature's inverse, e^τ: how sharply the loss tells a match from a near match.
    public var logitScale: Float { exp(parameters[configuration.layout.logScale]) }

    public var pictureWorld: PictureWorld { world.world }
}

extension PictureWorld {
    /// What a model file records about the world it was trained on.
    public struct Description: Codable, Equatable, Sendable {
        public var seed: UInt64
        public var heldOut: [HeldOutPair]
        public var world: PictureWorld { PictureWorld(seed: seed, heldOut: heldOut) }
    }
    public var description: Description { Description(seed: seed, heldOut: heldOut) }
}

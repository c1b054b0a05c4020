import Foundation
import VectorMath

/// Every setting of a CLIP training run.
public struct CLIPHyperparameters: Codable, Equatable, Sendable {
    /// Training pictures (each with captions in both languages).
    public var pictures = 6000
    public var epochs = 30
    /// Pictures (and captions) per step: the contrastive loss tells each from the other B − 1.
    public var batchSize = 128
    public var dimensions = 64
    public var hidden = 256
    public var wordDimensions = 64
    public var learningRate: Float = 0.003
    /// Seeds the picture world and the initial weights.
    public var seed: UInt64 = 1
    public var threads = max(1, min(Parallelism.cores, 8))
    /// Captions prepared per picture, half English and half Chinese; each epoch uses one.
    public var captionsPerPicture = 4
    /// The fraction of training pictures shown in black and white (captions without a colour).
    public var greyscale = 0.25
    /// Held-out pictures scored after each epoch (0: none).
    public var evaluationPictures = 150

    public init() {}
}

/// How training is going, for a progress bar.
public struct CLIPProgress: Sendable {
    public enum Stage: Sendable { case drawingPictures, training }
    public var stage: Stage
    public var epoch: Int
    public var epochs: Int
    public var batch: Int
    public var batches: Int
    /// The mean loss of this epoch so far.
    public var loss: Double
    /// At the end of an epoch: the mean zero-shot accuracy (colour, shape, position) on held-out pictures.
    public var heldOutAccuracy: Double?
    public var isEpochEnd: Bool
    public var fractionDone: Double {
        stage == .drawingPictures ? 0 : (Double(epoch - 1) + Double(batch) / Double(max(1, batches))) / Double(max(1, epochs))
    }
}

/// The training pictures with their prepared captions (word ids), drawn once.
public struct CLIPTrainingSet: Sendable {
    public let world: PictureWorld
    public let vocabulary: CaptionVocabulary
    /// count × 4096 floats: each picture's `encoderInput`.
    public let pixels: [Float]
    /// captionsPerPicture lists of word ids per picture.
    public let captions: [[[Int]]]
    public var count: Int { captions.count }

    public init(world: PictureWorld, vocabulary: CaptionVocabulary, pictures n: Int, captionsPerPicture k: Int, greyscale: Double = 0) {
        self.world = world
        self.vocabulary = vocabulary
        var pixels = [Float]()
        pixels.reserveCapacity(n * PictureWorld.inputCount)
        var captions: [[[Int]]] = []
        captions.reserveCapacity(n)
        let grammar = CaptionGrammar()
        for i in 0..<n {
            var rng = SeededGenerator(seed: world.seed &* 31 &+ UInt64(i) &* 0x9E37_79B9)
            let grey = Double(rng.nextUniform()) < greyscale
            let p = grey ? world.picture(i).greyscale : world.picture(i)
            pixels += p.encoderInput
            captions.append((0..<k).map { j in
                let text = grammar.trainingCaption(p.content, language: j % 2 == 0 ? .en : .zh, colourless: grey, rng: &rng)
                return vocabulary.encode(text).ids
            })
        }
        self.pixels = pixels
        self.captions = captions
    }
}

/// Trains a CLIP model: for each epoch, the pictures in a new seeded order, in batches; each
/// picture with one of its captions (English or Chinese, turn about); each batch one step of the
/// symmetric contrastive loss (`ContrastiveLoss`) back through both encoders, then Adam.
///
/// ```swift
/// var h = CLIPHyperparameters(); h.pictures = 2000; h.epochs = 5
/// let run = CLIPTrainer(h).train()
/// CLIPEvaluation(model: run.model).shape    // zero-shot shape accuracy on held-out pictures
/// ```
public struct CLIPTrainer: Sendable {
    public var settings: CLIPHyperparameters
    public init(_ settings: CLIPHyperparameters) { self.settings = settings }

    public struct Run: Sendable {
        public var model: CLIPModel
        public var epochLosses: [Double]
        public var heldOutAccuracies: [Double]
        public var wasCancelled: Bool
        /// Seconds spent in the training steps alone (not drawing pictures, not evaluating).
        public var trainingSeconds: Double
    }

    public func train(progress: (CLIPProgress) -> Void = { _ in }, isCancelled: () -> Bool = { false }) -> Run {
        let h = settings
        let world = PictureWorld(seed: h.seed)
        let vocabulary = CaptionVocabulary.grammar()
        progress(CLIPProgress(stage: .drawingPictures, epoch: 0, epochs: h.epochs, batch: 0, batches: 0, loss: 0, isEpochEnd: false))
        let data = CLIPTrainingSet(world: world, vocabulary: vocabulary, pictures: h.pictures, captionsPerPicture: h.captionsPerPicture,
                                    greyscale: h.greyscale)
        let configuration = CLIPConfiguration(hidden: h.hidden, wordDimensions: h.wordDimensions, dimensions: h.dimensions,
                                              vocabulary: vocabulary.count)
        let model = CLIPModel(configuration: configuration, vocabulary: vocabulary, world: world, seed: h.seed &+ 0xC11F)
        return train(model, on: data, progress: progress, isCancelled: isCancelled)
    }

    /// Trains `model` on prepared data (the benchmark prepares it once and times the epochs alone).
    public func train(_ start: CLIPModel, on data: CLIPTrainingSet, progress: (CLIPProgress) -> Void = { _ in },
                      isCancelled: () -> Bool = { false }) -> Run {
        let h = settings
        var model = start
        let c = model.configuration, l = c.layout
        var m = [Float](repeating: 0, count: l.count), v = [Float](repeating: 0, count: l.count)
        var gradient = [Float](repeating: 0, count: l.count)
        let b = min(h.batchSize, data.count)
        let batches = b > 1 ? data.count / b : 0
        var losses: [Double] = [], accuracies: [Double] = []
        var step = 0
        var cancelled = false
        var seconds = 0.0
        let clock = ContinuousClock()
        var batchPixels = [Float](repeating: 0, count: b * c.pixels)
        epochs: for epoch in 1...max(1, h.epochs) {
            var order = Array(0..<data.count)
            var rng = SeededGenerator(seed: h.seed &* 1_000_003 &+ UInt64(epoch))
            rng.shuffle(&order)
            var total = 0.0
            for batch in 0..<batches {
                if isCancelled() { cancelled = true; break epochs }
                let started = clock.now
                let members = order[batch * b..<(batch + 1) * b]
                var ids: [[Int]] = []
                ids.reserveCapacity(b)
                data.pixels.withUnsafeBufferPointer { src in
                    for (r, i) in members.enumerated() {
                        let options = data.captions[i]
                        ids.append(options[(epoch + i) % options.count])
                        for k in 0..<c.pixels { batchPixels[r * c.pixels + k] = src[i * c.pixels + k] }
                    }
                }
                let loss = model.step(pixels: batchPixels, captions: ids, gradient: &gradient, threads: h.threads)
                step += 1
                model.applyAdam(gradient: gradient, m: &m, v: &v, step: step, learningRate: h.learningRate)
                seconds += (clock.now - started).seconds
                total += loss.loss
                progress(CLIPProgress(stage: .training, epoch: epoch, epochs: h.epochs, batch: batch + 1, batches: batches,
                                      loss: total / Double(batch + 1), isEpochEnd: false))
            }
            let mean = total / Double(max(1, batches))
            losses.append(mean)
            var accuracy: Double?
            if h.evaluationPictures > 0 {
                let a = CLIPEvaluation.heldOutAccuracy(model: model, pictures: h.evaluationPictures, threads: h.threads)
                accuracies.append(a)
                accuracy = a
            }
            progress(CLIPProgress(stage: .training, epoch: epoch, epochs: h.epochs, batch: batches, batches: batches, loss: mean,
                                  heldOutAccuracy: accuracy, isEpochEnd: true))
        }
        return Run(model: model, epochLosses: losses, heldOutAccuracies: accuracies, wasCancelled: cancelled, trainingSeconds: seconds)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

extension CLIPModel {
    /// One forward and backward pass over a batch: the loss, with every parameter's gradient in `gradient`.
    public func step(pixels: [Float], captions: [[Int]], gradient: inout [Float], threads: Int) -> ContrastiveLoss {
        let c = configuration, l = c.layout
        let b = captions.count
        for i in gradient.indices { gradient[i] = 0 }
        let pictures = pixels.withUnsafeBufferPointer { encodePictures($0.baseAddress!, count: b, threads: threads) }
        let texts = encodeCaptions(captions, threads: threads)
        let loss = ContrastiveLoss(u: pictures.unit, v: texts.unit, count: b, dimensions: c.dimensions,
                                   logScale: parameters[l.logScale], threads: threads)
        gradient.withUnsafeMutableBufferPointer { g in
            pixels.withUnsafeBufferPointer { x in
                backwardPictures(pictures, x: x.baseAddress!, du: loss.dU, into: g.baseAddress!, threads: threads)
            }
            backwardCaptions(texts, dv: loss.dV, into: g.baseAddress!, threads: threads)
            g[l.logScale] = loss.dLogScale
        }
        return loss
    }

    /// One Adam step; τ is then kept in [0, log 100], as CLIP clamps it.
    mutating func applyAdam(gradient: [Float], m: inout [Float], v: inout [Float], step: Int, learningRate: Float) {
        let n = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in
            m.withUnsafeMutableBufferPointer { mp in
                v.withUnsafeMutableBufferPointer { vp in
                    Kernels.adamStep(parameters: p.baseAddress!, gradients: gradient, m: mp.baseAddress!, v: vp.baseAddress!, count: n,
                                     step: step, learningRate: learningRate)
                }
            }
        }
        let t = configuration.layout.logScale
        parameters[t] = min(Self.maxLogScale, max(0, parameters[t]))
    }
}

extension CLIPEvaluation {
    /// The mean zero-shot accuracy (colour, shape, position, English prompts) on `pictures`
    /// held-out pictures: what the progress line shows after each epoch.
    public static func heldOutAccuracy(model: CLIPModel, pictures n: Int, threads: Int = 1) -> Double {
        let world = model.pictureWorld
        let pictures = (0..<n).map { world.heldOutPicture($0) }
        let embedded = model.embed(pictures: pictures, threads: threads)
        var total = 0.0
        for a in [PictureContent.Attribute.colour, .shape, .position] {
            let labels = a.values.map { model.embed(caption: CLIPModel.prompt(a, $0, language: .en)).vector ?? [] }
            let chosen = model.classify(pictures: embedded, labels: labels)
            total += Double(zip(chosen, pictures).filter { a.values[$0.0] == $0.1.content.value(of: a) }.count) / Double(max(1, n))
        }
        return total / 3
    }
}

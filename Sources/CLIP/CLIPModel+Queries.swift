import Foundation
import VectorMath

/// What a trained model is asked: where a picture or a caption lands in the shared space, how
/// close the two are, and zero-shot classification, as in the CLIP paper: the labels are turned
/// into captions, and the picture takes the label whose caption is nearest.
extension CLIPModel {
    /// The unit vectors of `pictures`, one row each.
    public func embed(pictures: [Picture], threads: Int = 1) -> Matrix {
        guard !pictures.isEmpty else { return Matrix(rows: 0, columns: configuration.dimensions) }
        var x = [Float]()
        x.reserveCapacity(pictures.count * configuration.pixels)
        for p in pictures { x += p.encoderInput }
        let a = x.withUnsafeBufferPointer { encodePictures($0.baseAddress!, count: pictures.count, threads: threads) }
        return Matrix(rows: pictures.count, columns: configuration.dimensions, values: a.unit)
    }

    /// The unit vector of a caption, and the words it has no vector for. A caption with no known
    /// word has no vector (nil).
    public func embed(caption: String) -> (vector: [Float]?, unknown: [String]) {
        let (ids, unknown) = vocabulary.encode(caption)
        guard !ids.isEmpty else { return (nil, unknown) }
        return (encodeCaptions([ids], threads: 1).unit, unknown)
    }

    /// Unit vectors of captions whose words are all known (rows in order); nil for one without.
    public func embed(captions: [String]) -> [[Float]?] {
        captions.map { embed(caption: $0).vector }
    }

    /// Zero-shot: the index of the label whose caption is nearest to each picture.
    public func classify(pictures: Matrix, labels: [[Float]]) -> [Int] {
        (0..<pictures.rows).map { i in
            let u = pictures.row(i)
            var best = 0, top = -Float.infinity
            for (k, v) in labels.enumerated() {
                let s = zip(u, v).reduce(Float(0)) { $0 + $1.0 * $1.1 }
                if s > top { top = s; best = k }
            }
            return best
        }
    }

    /// The prompt that asks about one value of an attribute ("a red shape", "一个红色的图形").
    public static func prompt(_ attribute: PictureContent.Attribute, _ value: String, language: CaptionLanguage) -> String {
        switch (attribute, language) {
        case (.shape, .en): return "a \(value)"
        case (.colour, .en): return "a \(value) shape"
        case (.size, .en): return "a \(value) shape"
        case (.position, .en): return "a shape \(Self.placePhrase(value))"
        case (.shape, .zh), (.colour, .zh), (.size, .zh), (.position, .zh):
            return Self.chinesePrompt(attribute, value)
        }
    }

    static func placePhrase(_ value: String) -> String {
        switch value {
        case "left": return "on the left"
        case "right": return "on the right"
        case "top": return "at the top"
        case "bottom": return "at the bottom"
        default: return "in the centre"
        }
    }

    static func chinesePrompt(_ attribute: PictureContent.Attribute, _ value: String) -> String {
        let grammarWord: String
        switch attribute {
        case .shape: grammarWord = CaptionGrammar.words(PictureContent.Shape(rawValue: value)!, .zh)[0]; return "一个\(grammarWord)"
        case .colour: grammarWord = CaptionGrammar.words(PictureContent.Colour(rawValue: value)!, .zh)[0]; return "一个\(grammarWord)图形"
        case .size: grammarWord = CaptionGrammar.words(PictureContent.Size(rawValue: value)!, .zh)[0]; return "一个\(grammarWord)图形"
        case .position: grammarWord = CaptionGrammar.words(PictureContent.Position(rawValue: value)!, .zh)[0]; return "\(grammarWord)有一个图形"
        }
    }
}

/// The figures a model is judged by (issue 23's goals): zero-shot accuracy on pictures of the
/// held-out colour–shape pairs, per attribute, and text→picture recall@1 among 100 pictures of
/// 100 different kinds, searched by their full English caption.
public struct CLIPEvaluation: Codable, Equatable, Sendable {
    public var colour: Double
    public var shape: Double
    public var size: Double
    public var position: Double
    public var recallAt1: Double
    /// The same, asked in Chinese.
    public var colourZh: Double
    public var shapeZh: Double
    public var positionZh: Double
    public var recallAt1Zh: Double
    public var heldOutPictures: Int
    public var candidates: Int

    /// The mean of colour, shape and position (the one figure a progress line shows).
    public var heldOutAccuracy: Double { (colour + shape + position) / 3 }

    public init(model: CLIPModel, heldOutPictures n: Int = 300, candidates: Int = 100, threads: Int = 1) {
        let world = model.pictureWorld
        let pictures = (0..<n).map { world.heldOutPicture($0) }
        let embedded = model.embed(pictures: pictures, threads: threads)
        func accuracy(_ a: PictureContent.Attribute, _ l: CaptionLanguage) -> Double {
            let labels = a.values.map { model.embed(caption: CLIPModel.prompt(a, $0, language: l)).vector ?? [] }
            let chosen = model.classify(pictures: embedded, labels: labels)
            let right = zip(chosen, pictures).filter { a.values[$0.0] == $0.1.content.value(of: a) }.count
            return Double(right) / Double(max(1, n))
        }
        colour = accuracy(.colour, .en); shape = accuracy(.shape, .en); size = accuracy(.size, .en); position = accuracy(.position, .en)
        colourZh = accuracy(.colour, .zh); shapeZh = accuracy(.shape, .zh); positionZh = accuracy(.position, .zh)
        heldOutPictures = n

        let cands = world.candidatePictures(candidates)
        self.candidates = cands.count
        let candVectors = model.embed(pictures: cands, threads: threads)
        func recall(_ l: CaptionLanguage) -> Double {
            var rng = SeededGenerator(seed: 0xCA97)
            var hits = 0
            for (i, p) in cands.enumerated() {
                guard let v = model.embed(caption: CaptionGrammar().fullCaption(p.content, language: l, rng: &rng)).vector else { continue }
                var best = 0, top = -Float.infinity
                for j in 0..<cands.count {
                    let s = candVectors.withRow(j) { r in zip(r, v).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
                    if s > top { top = s; best = j }
                }
                if best == i { hits += 1 }
            }
            return Double(hits) / Double(max(1, cands.count))
        }
        recallAt1 = recall(.en)
        recallAt1Zh = recall(.zh)
    }
}

import VectorMath

/// What a picture of the picture world shows: one shape, in one colour, of one size, at one place.
///
/// There are 5 shapes × 6 colours × 2 sizes × 5 positions = 300 kinds of picture. Every picture of
/// a kind differs a little from the others (the shape is nudged by up to 1.5 pixels, its colour is
/// brighter or darker, the background has its own faint noise), so that no two pictures are equal.
public struct PictureContent: Hashable, Sendable, Codable {
    public var shape: Shape
    public var colour: Colour
    public var size: Size
    public var position: Position

    public init(shape: Shape, colour: Colour, size: Size, position: Position) {
        self.shape = shape; self.colour = colour; self.size = size; self.position = position
    }

    public enum Shape: String, CaseIterable, Sendable, Codable { case circle, square, triangle, star, cross }
    public enum Colour: String, CaseIterable, Sendable, Codable { case red, green, blue, yellow, purple, orange }
    public enum Size: String, CaseIterable, Sendable, Codable { case small, large }
    public enum Position: String, CaseIterable, Sendable, Codable { case left, right, top, bottom, centre }

    /// Every kind of picture, in a fixed order (shape, then colour, size, position).
    public static let all: [PictureContent] = Shape.allCases.flatMap { s in
        Colour.allCases.flatMap { c in Size.allCases.flatMap { z in Position.allCases.map { PictureContent(shape: s, colour: c, size: z, position: $0) } } }
    }

    /// The value of one attribute, by name ("shape", "colour", "size", "position").
    public func value(of attribute: Attribute) -> String {
        switch attribute {
        case .shape: return shape.rawValue
        case .colour: return colour.rawValue
        case .size: return size.rawValue
        case .position: return position.rawValue
        }
    }

    /// The four things a caption can say about a picture.
    public enum Attribute: String, CaseIterable, Sendable, Codable {
        case colour, shape, size, position
        /// Every value this attribute can take.
        public var values: [String] {
            switch self {
            case .shape: return Shape.allCases.map(\.rawValue)
            case .colour: return Colour.allCases.map(\.rawValue)
            case .size: return Size.allCases.map(\.rawValue)
            case .position: return Position.allCases.map(\.rawValue)
            }
        }
    }
}

/// A seeded source of pictures and the combinations it keeps out of training.
///
/// The same seed gives the same pictures bit for bit: everything random is drawn from
/// `SeededGenerator`, one generator per picture (seeded from the world's seed and the picture's
/// number), so picture 17 does not depend on how many pictures came before it.
///
/// ```swift
/// let world = PictureWorld(seed: 7)
/// let p = world.picture(17)                 // a Picture: 32×32 RGB in [0, 1]
/// p.content                                 // e.g. a large blue star at the top
/// world.isHeldOut(p.content)                // false: training pictures are never held out
/// ```
public struct PictureWorld: Sendable {
    public static let side = 32
    public static let channels = 3
    public static let pixelCount = side * side * channels
    /// What the picture encoder reads: the three colour planes and a brightness plane (`Picture.encoderInput`).
    public static let inputCount = side * side * (channels + 1)

    public var seed: UInt64
    /// Colour–shape pairs never shown in training: every green triangle, every purple circle,
    /// every orange cross. The held-out accuracy is measured on pictures of these alone.
    public var heldOut: [HeldOutPair]

    public struct HeldOutPair: Hashable, Sendable, Codable {
        public var colour: PictureContent.Colour
        public var shape: PictureContent.Shape
        public init(_ colour: PictureContent.Colour, _ shape: PictureContent.Shape) { self.colour = colour; self.shape = shape }
    }

    public static let standardHeldOut: [HeldOutPair] = [.init(.green, .triangle), .init(.purple, .circle), .init(.orange, .cross)]

    public init(seed: UInt64 = 1, heldOut: [HeldOutPair] = PictureWorld.standardHeldOut) {
        self.seed = seed; self.heldOut = heldOut
    }

    public func isHeldOut(_ c: PictureContent) -> Bool {
        heldOut.contains { $0.colour == c.colour && $0.shape == c.shape }
    }

    /// The kinds of picture training may show.
    public var trainingKinds: [PictureContent] { PictureContent.all.filter { !isHeldOut($0) } }
    /// The kinds it never shows.
    public var heldOutKinds: [PictureContent] { PictureContent.all.filter { isHeldOut($0) } }

    /// Streams of pictures: training draws from one, the gallery (what `picture N` shows) and the
    /// tests of a finished model from others, so that no test picture was trained on.
    public enum Stream: UInt64, Sendable { case training = 1, gallery = 2, heldOut = 3, candidates = 4 }

    /// A generator for picture `index` of `stream`.
    func generator(_ stream: Stream, _ index: Int) -> SeededGenerator {
        SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ stream.rawValue &* 0xD1B5_4A32_D192_ED03 &+ UInt64(index))
    }

    /// Training picture `index`: any kind that is not held out, chosen at random.
    public func picture(_ index: Int) -> Picture {
        var rng = generator(.training, index)
        let kinds = trainingKinds
        return Picture.draw(kinds[rng.nextInt(below: kinds.count)], rng: &rng)
    }

    /// Gallery picture `index` (what `picture N` shows): any kind, held-out ones included.
    public func galleryPicture(_ index: Int) -> Picture {
        var rng = generator(.gallery, index)
        return Picture.draw(PictureContent.all[rng.nextInt(below: PictureContent.all.count)], rng: &rng)
    }

    /// A fresh picture of the held-out kinds, never seen in training.
    public func heldOutPicture(_ index: Int) -> Picture {
        var rng = generator(.heldOut, index)
        let kinds = heldOutKinds
        return Picture.draw(kinds[rng.nextInt(below: kinds.count)], rng: &rng)
    }

    /// `count` fresh pictures of `count` different kinds (for recall@1: no two candidates could
    /// share a full caption).
    public func candidatePictures(_ count: Int) -> [Picture] {
        var rng = generator(.candidates, 0)
        var kinds = PictureContent.all
        rng.shuffle(&kinds)
        return kinds.prefix(min(count, kinds.count)).map { Picture.draw($0, rng: &rng) }
    }

    /// A fresh picture of `content`, for `draw "a blue star on the left"`.
    public func picture(of content: PictureContent, variant: Int = 0) -> Picture {
        var rng = SeededGenerator(seed: seed &+ UInt64(variant) &* 0x2545_F491_4F6C_DD1D &+ UInt64(PictureContent.all.firstIndex(of: content) ?? 0))
        return Picture.draw(content, rng: &rng)
    }
}

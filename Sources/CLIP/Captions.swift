import VectorMath

/// Captions from a small grammar, in English and Chinese, with paraphrases.
///
/// A caption names some of a picture's four attributes, each said one of a few ways, in one of a
/// few sentence frames:
///
///     a small red circle on the left          左边有一个小的红色圆形
///     there is a big red disc at the left      一个大红圆在左侧
///     a photo of a circle                      一张圆圈的图片
///
/// A caption that leaves out the size or the place is still true of the picture, which is what
/// zero-shot classification needs: `"circle"` alone must land near every circle.
public enum CaptionLanguage: String, CaseIterable, Sendable, Codable { case en, zh }

public struct CaptionGrammar: Sendable {
    public init() {}

    static func words(_ c: PictureContent.Colour, _ l: CaptionLanguage) -> [String] {
        switch (c, l) {
        case (.red, .en): return ["red"]
        case (.green, .en): return ["green"]
        case (.blue, .en): return ["blue"]
        case (.yellow, .en): return ["yellow"]
        case (.purple, .en): return ["purple", "violet"]
        case (.orange, .en): return ["orange"]
        case (.red, .zh): return ["红色", "红色的", "红"]
        case (.green, .zh): return ["绿色", "绿色的", "绿"]
        case (.blue, .zh): return ["蓝色", "蓝色的", "蓝"]
        case (.yellow, .zh): return ["黄色", "黄色的", "黄"]
        case (.purple, .zh): return ["紫色", "紫色的", "紫"]
        case (.orange, .zh): return ["橙色", "橙色的", "橘色"]
        }
    }

    static func words(_ s: PictureContent.Shape, _ l: CaptionLanguage) -> [String] {
        switch (s, l) {
        case (.circle, .en): return ["circle", "disc", "round shape"]
        case (.square, .en): return ["square", "box"]
        case (.triangle, .en): return ["triangle"]
        case (.star, .en): return ["star"]
        case (.cross, .en): return ["cross", "plus sign"]
        case (.circle, .zh): return ["圆形", "圆", "圆圈"]
        case (.square, .zh): return ["正方形", "方块", "方形"]
        case (.triangle, .zh): return ["三角形", "三角"]
        case (.star, .zh): return ["星形", "星星", "五角星"]
        case (.cross, .zh): return ["十字", "十字形", "加号"]
        }
    }

    static func words(_ z: PictureContent.Size, _ l: CaptionLanguage) -> [String] {
        switch (z, l) {
        case (.small, .en): return ["small", "little", "tiny"]
        case (.large, .en): return ["large", "big"]
        case (.small, .zh): return ["小", "小小的", "小的"]
        case (.large, .zh): return ["大", "大大的", "大的"]
        }
    }

    static func words(_ p: PictureContent.Position, _ l: CaptionLanguage) -> [String] {
        switch (p, l) {
        case (.left, .en): return ["on the left", "at the left", "to the left"]
        case (.right, .en): return ["on the right", "at the right", "to the right"]
        case (.top, .en): return ["at the top", "near the top", "up top"]
        case (.bottom, .en): return ["at the bottom", "near the bottom", "down below"]
        case (.centre, .en): return ["in the centre", "in the middle", "in the center"]
        case (.left, .zh): return ["左边", "左侧", "左面"]
        case (.right, .zh): return ["右边", "右侧", "右面"]
        case (.top, .zh): return ["上方", "上面", "顶部"]
        case (.bottom, .zh): return ["下方", "下面", "底部"]
        case (.centre, .zh): return ["中间", "中央", "正中"]
        }
    }

    /// A caption of `content` naming the attributes in `mention`, its wording chosen by `rng`.
    public func caption(_ content: PictureContent, language: CaptionLanguage, mention: Set<PictureContent.Attribute>,
                        rng: inout SeededGenerator) -> String {
        func pick(_ options: [String]) -> String { options[rng.nextInt(below: options.count)] }
        let size = mention.contains(.size) ? pick(Self.words(content.size, language)) : nil
        let colour = mention.contains(.colour) ? pick(Self.words(content.colour, language)) : nil
        let shape = mention.contains(.shape) ? pick(Self.words(content.shape, language))
            : (language == .en ? pick(["shape", "thing"]) : pick(["图形", "东西"]))
        let place = mention.contains(.position) ? pick(Self.words(content.position, language)) : nil
        let frame = rng.nextInt(below: 4)
        switch language {
        case .en:
            let thing = [size, colour, shape].compactMap { $0 }.joined(separator: " ")
            let a = "aeiou".contains(thing.first ?? "x") ? "an" : "a"
            let tail = place.map { " " + $0 } ?? ""
            switch frame {
            case 0: return "\(a) \(thing)\(tail)"
            case 1: return "there is \(a) \(thing)\(tail)"
            case 2: return "a picture of \(a) \(thing)\(tail)"
            default: return place.map { "\($0), \(a) \(thing)" } ?? "\(thing)"
            }
        case .zh:
            let thing = [size, colour, shape].compactMap { $0 }.joined()
            switch frame {
            case 0: return place.map { "\($0)有一个\(thing)" } ?? "一个\(thing)"
            case 1: return "一个\(thing)" + (place.map { "在\($0)" } ?? "")
            case 2: return "一张" + (place.map { "\($0)画着" } ?? "画着") + "\(thing)的图片"
            default: return (place ?? "") + thing
            }
        }
    }

    /// A caption naming all four attributes (what recall@1 searches with).
    public func fullCaption(_ content: PictureContent, language: CaptionLanguage, rng: inout SeededGenerator) -> String {
        caption(content, language: language, mention: Set(PictureContent.Attribute.allCases), rng: &rng)
    }

    /// A training caption: each attribute is named with some probability (colour and shape
    /// most often), and at least one is always named.
    /// A black-and-white picture's caption (`colourless`) names no colour.
    public func trainingCaption(_ content: PictureContent, language: CaptionLanguage, colourless: Bool = false,
                                rng: inout SeededGenerator) -> String {
        var mention: Set<PictureContent.Attribute> = []
        if rng.nextUniform() < 0.8 && !colourless { mention.insert(.colour) }
        if rng.nextUniform() < 0.8 { mention.insert(.shape) }
        if rng.nextUniform() < 0.5 { mention.insert(.size) }
        if rng.nextUniform() < 0.7 { mention.insert(.position) }
        if mention.isEmpty { mention.insert([PictureContent.Attribute.shape, .size, .position][rng.nextInt(below: 3)]) }
        return caption(content, language: language, mention: mention, rng: &rng)
    }
}

extension PictureContent {
    /// The plain description of a picture, first wording of each attribute: "a large red circle on
    /// the left", "左边一个大红色圆形".
    public func describe(_ language: CaptionLanguage) -> String {
        let size = CaptionGrammar.words(self.size, language)[0], colour = CaptionGrammar.words(self.colour, language)[0]
        let shape = CaptionGrammar.words(self.shape, language)[0], place = CaptionGrammar.words(position, language)[0]
        switch language {
        case .en: return "a \(size) \(colour) \(shape) \(place)"
        case .zh: return "\(place)一个\(size)\(colour)\(shape)"
        }
    }

    static let glue: Set<String> = ["the", "on", "at", "to", "in", "near", "up", "down", "shape", "sign", "a"]

    /// The picture a description asks for (`draw "a blue star on the left"`, `draw "左边的蓝色星星"`):
    /// each attribute from the first of its words the text contains, in either language; the size
    /// is large and the place the centre when the text does not say. Nil when no colour or no
    /// shape is named (the attributes a picture cannot do without).
    public static func parse(_ text: String) -> (content: PictureContent?, missing: [Attribute]) {
        let lower = text.lowercased()
        let tokens = Set(CaptionVocabulary.tokens(lower))
        func said(_ words: [String]) -> Bool {
            words.contains { w in
                w.unicodeScalars.allSatisfy(\.isASCII)
                    ? w.split(separator: " ").map(String.init).contains { !Self.glue.contains($0) && tokens.contains($0) }
                    : lower.contains(w.replacingOccurrences(of: "的", with: ""))
            }
        }
        func find<T>(_ all: [T], _ words: (T, CaptionLanguage) -> [String]) -> T? {
            all.first { v in said(words(v, .en)) || said(words(v, .zh)) }
        }
        let colour = find(Colour.allCases, CaptionGrammar.words)
        let shape = find(Shape.allCases, CaptionGrammar.words)
        let size = find(Size.allCases, CaptionGrammar.words) ?? .large
        let position = find(Position.allCases, CaptionGrammar.words) ?? .centre
        var missing: [Attribute] = []
        if colour == nil { missing.append(.colour) }
        if shape == nil { missing.append(.shape) }
        guard let colour, let shape else { return (nil, missing) }
        return (PictureContent(shape: shape, colour: colour, size: size, position: position), [])
    }
}

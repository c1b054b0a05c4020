import Tokenizers
import VectorMath

/// Caption text → word ids. English is cut at spaces and lower-cased; Chinese goes through the
/// project's segmenter (`ChineseSegmenter`, jieba's method), so 左边有一个红色的圆 becomes
/// 左边 / 有 / 一个 / 红色 / 的 / 圆, the words the caption encoder has vectors for. Spaces and
/// punctuation are dropped.
///
/// The vocabulary is every word the grammar can produce (`CaptionVocabulary.grammar`): a word a
/// learner types that the grammar never says (`dog`) has no vector and is reported, not guessed.
public struct CaptionVocabulary: Sendable, Equatable {
    public let words: [String]
    private let index: [String: Int]

    public init(words: [String]) {
        self.words = words
        var index: [String: Int] = [:]
        for (i, w) in words.enumerated() where index[w] == nil { index[w] = i }
        self.index = index
    }

    public static func == (a: CaptionVocabulary, b: CaptionVocabulary) -> Bool { a.words == b.words }

    public var count: Int { words.count }

    public func id(_ word: String) -> Int? { index[word] }

    /// The words of `text` as the caption encoder reads them.
    public static func tokens(_ text: String) -> [String] {
        let segmenter = try? ChineseSegmenter.bundled()
        var out: [String] = []
        for piece in text.lowercased().split(whereSeparator: { $0.isWhitespace || ",.!?;:，。！？；：、\"'“”()（）".contains($0) }) {
            let s = String(piece)
            if s.unicodeScalars.allSatisfy({ $0.isASCII }) { out.append(s); continue }
            for w in segmenter?.segment(s) ?? s.map(String.init) where !w.allSatisfy({ $0.isWhitespace || $0.isPunctuation }) {
                out.append(w)
            }
        }
        return out
    }

    /// Ids of the words of `text` that have vectors, and the words that do not.
    public func encode(_ text: String) -> (ids: [Int], unknown: [String]) {
        var ids: [Int] = [], unknown: [String] = []
        for w in Self.tokens(text) {
            if let i = index[w] { ids.append(i) } else { unknown.append(w) }
        }
        return (ids, unknown)
    }

    /// Every word of the grammar: the words of captions of every kind of picture, in both
    /// languages, in every frame and wording (sampled with a fixed seed, enough for each word to
    /// appear), sorted.
    public static func grammar() -> CaptionVocabulary {
        var seen = Set<String>()
        var rng = SeededGenerator(seed: 0x5EED)
        let grammar = CaptionGrammar()
        let all = Set(PictureContent.Attribute.allCases)
        for content in PictureContent.all {
            for language in CaptionLanguage.allCases {
                for _ in 0..<8 {
                    seen.formUnion(tokens(grammar.caption(content, language: language, mention: all, rng: &rng)))
                    seen.formUnion(tokens(grammar.trainingCaption(content, language: language, rng: &rng)))
                }
            }
        }
        return CaptionVocabulary(words: seen.sorted())
    }
}

/// One text cut into tokens several ways, to be drawn side by side: what `tokens "从Token到向量"`
/// and `bpe train TEXT vocab N` compute. Every piece knows the UTF-8 bytes it covers, so a
/// renderer can line the views up (the word 向量 spans the characters 向 and 量 and six bytes).
///
/// ```swift
/// // tokens "北京"
/// breakdown.byteCount                           // 6
/// breakdown.views.map(\.name)                   // ["words", "characters", "bytes"]
/// breakdown.views[1].pieces.map(\.byteCount)    // [3, 3]
/// ```
public struct TokenBreakdown: Equatable, Sendable {
    /// One token: its text as a reader sees it, its id if its tokenizer has ids, its bytes.
    public struct Piece: Equatable, Sendable {
        /// The token's text; a byte that is only part of a character reads `<E5>`.
        public var text: String
        /// The UTF-8 bytes, in hex: `E5 8C 97` for 北.
        public var hex: String
        /// The token id: the byte value for bytes, the vocabulary id for BPE, nil for words and characters.
        public var id: Int?
        /// Where the token sits in the text, as UTF-8 byte offsets.
        public var byteRange: Range<Int>
        public var byteCount: Int { byteRange.count }

        public init(text: String, hex: String, id: Int?, byteRange: Range<Int>) {
            self.text = text; self.hex = hex; self.id = id; self.byteRange = byteRange
        }
    }

    /// The text cut one way: "words", "characters", "bytes" or "BPE".
    public struct View: Equatable, Sendable {
        public var name: String
        public var pieces: [Piece]
        public init(name: String, pieces: [Piece]) { self.name = name; self.pieces = pieces }
    }

    /// One merge a BPE learned: the pair that was most frequent became a new token.
    public struct Merge: Equatable, Sendable, Codable {
        public var left: String
        public var right: String
        /// The new token's text (left + right).
        public var token: String
        public var id: Int
        /// How often the pair occurred when it was merged.
        public var count: Int
        public init(left: String, right: String, token: String, id: Int, count: Int) {
            self.left = left; self.right = right; self.token = token; self.id = id; self.count = count
        }
    }

    public var text: String
    public var views: [View]
    /// The merges of a BPE trained on `text`, in the order they were learned (empty for `tokens`).
    public var merges: [Merge]
    /// A remark for the learner: which segmenter cut the words, how to get a BPE view.
    public var note: String?

    public init(text: String, views: [View], merges: [Merge] = [], note: String? = nil) {
        self.text = text; self.views = views; self.merges = merges; self.note = note
    }

    /// The number of UTF-8 bytes of the text: 6 for 北京.
    public var byteCount: Int { text.utf8.count }

    /// The view named `name`, if there is one.
    public func view(_ name: String) -> View? { views.first { $0.name == name } }
}

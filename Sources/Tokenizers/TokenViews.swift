/// One text cut four ways, side by side: words, characters, UTF-8 bytes and BPE tokens.
///
/// This is what `tokens "从Token到向量"` shows. All tokens carry UTF-8 byte ranges into `text`,
/// so a view can line the rows up (the word `向量` spans the characters `向`, `量` and six bytes).
///
/// ```swift
/// let views = TokenViews("从Token到向量", words: WordTokenizer(segmenter: try .bundled()))
/// views.words.map(\.text)        // ["从", "Token", "到", "向量"]
/// views.characters.count         // 9
/// views.bytes.count              // 17  (4 Chinese characters × 3 + 5 ASCII letters)
/// views.bpe.map(\.id!)           // without training: the 17 byte values
/// ```
public struct TokenViews: Sendable {
    /// The text that was cut.
    public let text: String
    /// Words: runs of letters/digits, punctuation, Chinese words (or characters without a segmenter).
    public let words: [Token]
    /// User-perceived characters (grapheme clusters), spaces included.
    public let characters: [Token]
    /// UTF-8 bytes; each token's id is the byte value.
    public let bytes: [Token]
    /// BPE tokens with their ids.
    public let bpe: [Token]

    public init(_ text: String, words: WordTokenizer = WordTokenizer(), bpe: BPETokenizer = BPETokenizer()) {
        self.text = text
        self.words = words.tokenize(text)
        self.characters = CharacterTokenizer().tokenize(text)
        self.bytes = ByteTokenizer().tokenize(text)
        self.bpe = bpe.tokenize(text)
    }

    /// The number of UTF-8 bytes of the text: 6 for `北京`.
    public var byteCount: Int { bytes.count }
}

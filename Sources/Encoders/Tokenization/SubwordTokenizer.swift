/// One piece of a tokenised text: its id in the model's vocabulary, its text, and where it came from.
///
/// `"unbelievable bank"` under MiniLM's WordPiece is `un ##bel ##ie ##va ##ble bank`; the first five
/// pieces have `word == 0`, the last `word == 1`, and each `range` points into the normalised text
/// (`"unbelievable bank"` lower-cased, accents stripped) so a word can be found again by its letters.
public struct SubwordPiece: Equatable, Sendable {
    /// The row of the model's token-embedding matrix.
    public let id: Int32
    /// The vocabulary entry (`##bel`, `▁bank`, `[UNK]`).
    public let text: String
    /// Which pre-token (word) of the text the piece belongs to, counted from 0.
    public let word: Int
    /// The normalised unicode scalars this piece covers.
    public let range: Range<Int>

    public init(id: Int32, text: String, word: Int, range: Range<Int>) {
        self.id = id; self.text = text; self.word = word; self.range = range
    }
}

/// A text cut into the model's pieces, before special tokens are added and before truncation.
public struct SubwordEncoding: Sendable {
    /// The text as the tokenizer sees it after normalisation, one element per unicode scalar.
    public let normalized: [Unicode.Scalar]
    /// The pre-tokens (words), as ranges of `normalized`.
    public let words: [Range<Int>]
    /// The pieces, in order.
    public let pieces: [SubwordPiece]
}

/// The tokenizer a transformer encoder was trained with: text -> vocabulary pieces.
///
/// Implementations: `WordPieceTokenizer` (BERT, MiniLM) and `UnigramTokenizer` (SentencePiece, XLM-R, e5).
public protocol SubwordTokenizer: Sendable {
    /// Cuts `text` into pieces, without special tokens and without truncation.
    func encode(_ text: String) -> SubwordEncoding
    /// The text the tokenizer would see for `text`: what `encode(text).normalized` holds.
    func normalize(_ text: String) -> [Unicode.Scalar]
    /// The vocabulary entry for an id, for display.
    func piece(_ id: Int32) -> String
}

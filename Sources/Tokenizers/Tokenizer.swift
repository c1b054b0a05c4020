/// Anything that cuts text into tokens: words, characters, bytes, BPE tokens, Chinese words.
///
/// Every tokenizer returns `Token`s with UTF-8 byte ranges into the text it was given, so that
/// a view can put the different cuts of one text side by side.
///
/// ```swift
/// let cuts: [any Tokenizer] = [WordTokenizer(), CharacterTokenizer(), ByteTokenizer()]
/// cuts.map { $0.tokenize("北京").count }   // [2, 2, 6]
/// ```
public protocol Tokenizer: Sendable {
    /// The tokens of `text`, in order.
    func tokenize(_ text: String) -> [Token]
}

/// What can go wrong when asking an encoder for a contextual word vector, said so a learner can fix it.
public enum EncoderError: Error, Equatable, CustomStringConvertible {
    /// The word was empty (or only white space and punctuation the tokenizer drops).
    case emptyWord
    /// The word is not in the sentence; `words` are the sentence's words as the tokenizer sees them.
    case wordNotInSentence(word: String, sentence: String, words: [String])
    /// The word is in the sentence, but after the point where the model stops reading.
    case wordTruncated(word: String, maxTokens: Int)

    public var description: String {
        switch self {
        case .emptyWord:
            return "the word is empty: write WORD in \"SENTENCE\", for example bank in \"the river bank\""
        case .wordNotInSentence(let word, let sentence, let words):
            let shown = words.prefix(12).joined(separator: " ") + (words.count > 12 ? " …" : "")
            return "'\(word)' is not a word of \"\(sentence)\" (its words: \(shown))"
        case .wordTruncated(let word, let maxTokens):
            return "'\(word)' comes after the first \(maxTokens) tokens, which is all this encoder reads"
        }
    }
}

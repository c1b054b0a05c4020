/// Cuts text into user-perceived characters (Unicode grapheme clusters), spaces included.
///
/// A character is what a reader counts as one: `é` written as `e` + a combining accent is one
/// character of 3 bytes, the family emoji `👨‍👩‍👧` is one character of 18 bytes.
///
/// ```swift
/// CharacterTokenizer().tokenize("北京").map(\.text)      // ["北", "京"]
/// CharacterTokenizer().tokenize("北京").map(\.hex)       // ["E5 8C 97", "E4 BA AC"]
/// ```
public struct CharacterTokenizer: Tokenizer {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var offset = 0
        for character in text {
            let bytes = Array(character.utf8)
            tokens.append(Token(bytes: bytes, byteRange: offset..<(offset + bytes.count)))
            offset += bytes.count
        }
        return tokens
    }
}

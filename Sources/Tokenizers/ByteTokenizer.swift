/// Cuts text into its UTF-8 bytes: the 256 tokens every byte-level BPE starts from.
///
/// UTF-8 writes ASCII in one byte and a Chinese character in three, so `北京` is 6 bytes:
/// `北` = `E5 8C 97`, `京` = `E4 BA AC`. Each token's `id` is the byte's value (0...255).
///
/// ```swift
/// let bytes = ByteTokenizer().tokenize("北京")
/// bytes.count             // 6
/// bytes.map(\.hex)        // ["E5", "8C", "97", "E4", "BA", "AC"]
/// bytes.map(\.id!)        // [229, 140, 151, 228, 186, 172]
/// ```
public struct ByteTokenizer: Tokenizer {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        text.utf8.enumerated().map { offset, byte in
            Token(bytes: [byte], byteRange: offset..<(offset + 1), id: Int(byte))
        }
    }
}

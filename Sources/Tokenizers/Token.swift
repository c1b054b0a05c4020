/// One unit of text that a tokenizer cut out: a word, a character, a byte or a BPE token.
///
/// A token knows exactly which UTF-8 bytes it covers and where they sit in the text it came
/// from, so the views of one text line up: the word `北京` covers bytes `0..<6`, the characters
/// `北` and `京` cover `0..<3` and `3..<6`, the bytes are `E5 8C 97 E4 BA AC`.
///
/// ```swift
/// let word = WordTokenizer().tokenize("北京")[0]
/// word.text        // "北"   (without a segmenter every Chinese character is a word)
/// word.byteRange   // 0..<3
/// word.hex         // "E5 8C 97"
/// ```
///
/// A BPE token or a single byte may be only part of a character: its `bytes` are then not valid
/// UTF-8 on their own, `text` shows U+FFFD for them and `readableText` shows them as `<E5>`.
public struct Token: Hashable, Sendable {
    /// The exact UTF-8 bytes this token stands for.
    public let bytes: [UInt8]
    /// Where the token sits in the source text, as UTF-8 byte offsets (`text.utf8`).
    public let byteRange: Range<Int>
    /// The token's id in its tokenizer's vocabulary: the byte value for byte tokens, the BPE id
    /// for BPE tokens, `nil` for words and characters (they have no fixed vocabulary).
    public let id: Int?

    /// A token covering `bytes` at `byteRange` of its source text.
    public init(bytes: [UInt8], byteRange: Range<Int>, id: Int? = nil) {
        precondition(bytes.count == byteRange.count, "a token's bytes must fill its byte range")
        self.bytes = bytes
        self.byteRange = byteRange
        self.id = id
    }

    /// A token for `text` that starts at UTF-8 offset `byteOffset` of its source text.
    public init(_ text: Substring, byteOffset: Int, id: Int? = nil) {
        let bytes = Array(text.utf8)
        self.init(bytes: bytes, byteRange: byteOffset..<(byteOffset + bytes.count), id: id)
    }

    /// The token as text; bytes that are not a whole UTF-8 character become U+FFFD (�).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// How many UTF-8 bytes the token covers: 3 for `北`, 1 for `a`, 4 for `😀`.
    public var byteCount: Int { bytes.count }

    /// Whether `bytes` are valid UTF-8 on their own (false for a lone byte of `北`).
    public var isCompleteUTF8: Bool { Token.isValidUTF8(bytes[...]) }

    /// The bytes in hex, space-separated: `"E5 8C 97"` for `北`.
    public var hex: String { Token.hex(bytes) }

    /// The token as text, with each byte that is not part of a whole character shown as `<E5>`:
    /// the first two bytes of `北` read `<E5><8C>`, a whole `北` reads `北`.
    public var readableText: String { Token.readableText(bytes) }
}

extension Token {
    /// `bytes` in upper-case hex, space-separated: `[0xE5, 0x8C, 0x97]` -> `"E5 8C 97"`.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return byte < 0x10 ? "0" + digits : digits
        }.joined(separator: " ")
    }

    /// `bytes` decoded as UTF-8, except that a byte which does not belong to a whole, valid
    /// character is written as `<XX>`: `[0x61, 0xE5, 0x8C]` -> `"a<E5><8C>"`.
    public static func readableText(_ bytes: [UInt8]) -> String {
        var result = ""
        var i = 0
        while i < bytes.count {
            let length = utf8SequenceLength(leadByte: bytes[i])
            if length > 0, i + length <= bytes.count, isValidUTF8(bytes[i..<(i + length)]) {
                result += String(decoding: bytes[i..<(i + length)], as: UTF8.self)
                i += length
            } else {
                result += "<" + hex([bytes[i]]) + ">"
                i += 1
            }
        }
        return result
    }

    /// Whether `bytes` are well-formed UTF-8 (no stray, truncated, overlong or surrogate bytes).
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// How many bytes a UTF-8 sequence starting with `leadByte` has (0 if it cannot start one).
    static func utf8SequenceLength(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }
}

/// What the tokenizers need to know about a character's script: Chinese and Japanese are
/// written without spaces, so each of their characters is a word of its own unless a segmenter
/// groups them; everything else with letters or digits forms words from runs.
extension Character {
    /// A Chinese character (Han ideograph, any CJK block, including `〇`).
    var isHan: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3007,                 // 〇 ideographic number zero
             0x3400...0x4DBF,        // CJK Unified Ideographs Extension A
             0x4E00...0x9FFF,        // CJK Unified Ideographs
             0xF900...0xFAFF,        // CJK Compatibility Ideographs
             0x20000...0x323AF,      // Extensions B-H
             0x2F800...0x2FA1F:      // CJK Compatibility Ideographs Supplement
            return true
        default:
            return false
        }
    }

    /// Japanese kana, which like Han characters are written without spaces between words.
    var isKana: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true
        default: return false
        }
    }

    /// A letter or digit of a script written with spaces between words (Latin, Cyrillic, Greek…).
    var isWordCharacter: Bool { (isLetter || isNumber) && !isHan && !isKana }

    /// An apostrophe that may sit inside an English word: `don't`, `O’Brien`.
    var isApostrophe: Bool { self == "'" || self == "\u{2019}" }

    /// A character jieba segments with its dictionary: one Unicode scalar matching jieba's
    /// `re_han_default` class `[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]`. A run of these is a "block";
    /// everything else is cut one character at a time.
    var isJiebaBlockCharacter: Bool {
        let scalars = unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        switch scalar.value {
        case 0x4E00...0x9FD5,
             0x61...0x7A, 0x41...0x5A, 0x30...0x39,   // a-z A-Z 0-9
             0x2B, 0x23, 0x26, 0x2E, 0x5F, 0x25, 0x2D: // + # & . _ % -
            return true
        default:
            return false
        }
    }
}

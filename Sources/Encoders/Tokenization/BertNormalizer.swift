import Foundation

/// BERT's text normalisation, in the order the model's tokenizer applies it:
///
/// 1. clean: drop NUL, U+FFFD and every "other" scalar (categories Cc, Cf, Cs, Co, Cn) except tab,
///    line feed and carriage return; every white-space scalar becomes one space;
/// 2. CJK: put a space on both sides of every CJK ideograph, so that each becomes a word of its own;
/// 3. strip accents: canonical decomposition (NFD), then drop the non-spacing marks (`é` -> `e` + ◌́ -> `e`);
/// 4. lower-case, scalar by scalar (`Σ` -> `σ`, no context).
///
/// ```swift
/// BertNormalizer(lowercase: true, stripAccents: true, splitCJK: true).normalize("Café 北京")
/// // "cafe  北  京 " as scalars
/// ```
public struct BertNormalizer: Sendable {
    public let lowercase: Bool
    public let stripAccents: Bool
    public let splitCJK: Bool

    public init(lowercase: Bool, stripAccents: Bool, splitCJK: Bool) {
        self.lowercase = lowercase; self.stripAccents = stripAccents; self.splitCJK = splitCJK
    }

    public func normalize(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for c in text.unicodeScalars {
            if c.value == 0 || c.value == 0xFFFD || Self.isOther(c) { continue }
            if Self.isWhitespace(c) { out.append(" "); continue }
            if splitCJK, Self.isCJK(c) { out.append(" "); out.append(c); out.append(" "); continue }
            out.append(c)
        }
        if stripAccents {
            var s = String.UnicodeScalarView(); s.append(contentsOf: out)
            out = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }
        }
        if lowercase {
            var lowered: [Unicode.Scalar] = []
            lowered.reserveCapacity(out.count)
            for c in out {
                if c.isASCII { lowered.append(Unicode.Scalar(UInt8(ascii: c) | (c.properties.isUppercase ? 0x20 : 0))); continue }
                lowered.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
            out = lowered
        }
        return out
    }

    /// Tab, line feed and carriage return count as white space, not as control characters.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c == "\n" || c == "\r" || c.properties.isWhitespace
    }

    static func isOther(_ c: Unicode.Scalar) -> Bool {
        if c == "\t" || c == "\n" || c == "\r" { return false }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks (and their extensions and compatibility forms) that BERT splits;
    /// kana and hangul are not in them and stay whole words.
    static func isCJK(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }

    /// ASCII punctuation and symbols (`$`, `+`, `<`, `^`, `|`, …) and every Unicode punctuation category.
    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}

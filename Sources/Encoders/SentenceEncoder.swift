import Embeddings
import VectorMath
#if canImport(Glibc)
import Glibc
#endif

/// What a text is to a model trained with prefixes (e5: `"query: "`, `"passage: "`): a question or a text
/// that answers one. Models without prefixes (MiniLM) read both the same way.
///
/// e5's authors: use `query:` on both sides for symmetric tasks (similarity, clustering, classification),
/// `query:` for the question and `passage:` for the documents in retrieval. EmbedLab follows that: every text
/// is a query, except the documents of a collection being searched.
public enum TextRole: Sendable { case query, passage }

/// A text as the model reads it: `[CLS]`, its pieces (cut to fit `maxTokens`), `[SEP]`.
public struct TokenizedText: Sendable {
    /// The ids fed to the model, special tokens included.
    public let ids: [Int32]
    /// The text's pieces that survived truncation; piece i is token i + 1.
    public let pieces: [SubwordPiece]
    /// The tokenizer's view of the whole text (for finding a word again).
    public let encoding: SubwordEncoding
    /// Where the text itself starts in `encoding.normalized`, after the model's prefix (`query: `).
    public let textStart: Int
    /// True when pieces were cut off because the text was longer than the model reads.
    public var truncated: Bool { pieces.count < encoding.pieces.count }
}

/// A transformer sentence encoder: text -> one unit-length vector per text, and contextual word vectors.
///
///     sentence vector = normalise( mean over tokens t of h_t ),   h = the last hidden states
///
/// (mean pooling over every token, `[CLS]` and `[SEP]` included, as sentence-transformers does; then
/// L2 normalisation so that cosine similarity is a dot product).
///
/// ```swift
/// let minilm = try SentenceEncoder(path: "vectors/minilm.embt")
/// let v = minilm.encode(["a cat sat on the mat", "a dog lay on the rug"])   // 2 × 384
/// let river = try minilm.contextualVector(of: "bank", in: "we sat on the river bank")
/// ```
public final class SentenceEncoder: @unchecked Sendable {
    public let name: String
    public let config: EncoderConfig
    public let tokenizer: any SubwordTokenizer
    public let model: TransformerEncoder
    public let path: String
    /// For a pruned vocabulary (e5-small): the id each row had in the model's original vocabulary.
    public let sourceIDs: [Int32]?
    /// A 64-bit hash of the file's size and of 1,024 windows of 32 bytes spread over it (header, config,
    /// vocabulary, weights): cheap (microseconds), and different for a different or changed model in
    /// practice. Vectors saved by this encoder (`SentenceVectorCache`) record it.
    public let fingerprint: UInt64

    /// Loads an `.embt` file; every tensor is checked, a bad file is a `ModelFileError`. `arithmetic` says how
    /// layers stored int8 multiply (`.int8` by default; `.float32` dequantises them at load).
    public init(path: String, name: String? = nil, arithmetic: TransformerEncoder.Arithmetic = .int8) throws {
        let file = try EncoderFile(path: path)
        self.path = path
        config = file.config
        self.name = name ?? file.config.name
        let t = config.tokenizer
        switch t.kind {
        case .wordpiece:
            tokenizer = WordPieceTokenizer(
                vocabulary: file.vocabulary,
                normalizer: BertNormalizer(lowercase: t.lowercase ?? true, stripAccents: t.stripAccents ?? (t.lowercase ?? true),
                                           splitCJK: t.splitCJK ?? true),
                unknown: config.special.unknown, continuingPrefix: t.continuingPrefix ?? "##",
                maxCharsPerWord: t.maxCharsPerWord ?? 100)
        case .unigram:
            tokenizer = try Self.unigram(file)
        }
        sourceIDs = try file.tensors["tokenizer.source_ids"].map { try file.integers($0) }
        if let ids = sourceIDs, ids.count != file.vocabulary.count {
            throw ModelFileError(path, .file, "tokenizer.source_ids has \(ids.count) ids for \(file.vocabulary.count) pieces")
        }
        model = try TransformerEncoder(file: file, arithmetic: arithmetic)
        fingerprint = Self.fingerprint(of: file.file.bytes)
    }

    static func fingerprint(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        for s in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: bytes.count >> s)) }
        let window = 32, windows = 1024
        guard bytes.count > window else { bytes.forEach(mix); return h }
        let step = max(1, (bytes.count - window) / (windows - 1))
        for start in stride(from: 0, through: bytes.count - window, by: step) {
            for i in start..<(start + window) { mix(bytes[i]) }
        }
        return h
    }

    /// The id a token had in the model's original vocabulary (XLM-R's numbering for e5-small); the same id
    /// when the vocabulary was not pruned.
    public func sourceID(_ id: Int32) -> Int32 {
        guard let s = sourceIDs, id >= 0, Int(id) < s.count else { return id }
        return s[Int(id)]
    }

    /// The number of numbers in each vector.
    public var dimensions: Int { config.hidden }

    /// The text put before a text of this role (`"query: "` for e5, nothing for MiniLM).
    public func prefix(_ role: TextRole) -> String { role == .query ? config.queryPrefix : config.passagePrefix }

    /// `[CLS] pieces [SEP]` of the prefixed text, the pieces cut after `maxTokens − 2`.
    public func tokenize(_ text: String, as role: TextRole = .query) -> TokenizedText {
        let prefix = prefix(role)
        let encoding = tokenizer.encode(prefix + text)
        let kept = Array(encoding.pieces.prefix(config.maxTokens - 2))
        let start = prefix.isEmpty ? 0 : tokenizer.normalize(prefix).count
        return TokenizedText(ids: [config.special.cls] + kept.map(\.id) + [config.special.sep], pieces: kept,
                             encoding: encoding, textStart: start)
    }

    /// The last hidden states of one text: one row per token (`[CLS]`, pieces, `[SEP]`).
    public func hiddenStates(_ text: String, as role: TextRole = .query, threads: Int = 1) -> (tokens: TokenizedText, states: Matrix) {
        let t = tokenize(text, as: role)
        return (t, model.hiddenStates([t.ids], threads: threads).states)
    }

    /// Unit-length sentence vectors, one row per text, computed `batchSize` texts at a time.
    public func encode(_ texts: [String], as role: TextRole = .query, batchSize: Int = 32, threads: Int = 1) -> Matrix {
        let h = dimensions
        var out = Matrix(rows: texts.count, columns: h)
        var start = 0
        while start < texts.count {
            let end = min(texts.count, start + max(1, batchSize))
            let ids = texts[start..<end].map { tokenize($0, as: role).ids }
            let (states, spans) = model.hiddenStates(ids, threads: threads)
            states.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    for (i, span) in spans.enumerated() {
                        Self.meanPool(s.baseAddress!, rows: span, width: h, into: o.baseAddress! + (start + i) * h)
                    }
                }
            }
            start = end
        }
        return out
    }

    /// One text's unit-length sentence vector.
    public func encode(_ text: String, as role: TextRole = .query, threads: Int = 1) -> [Float] {
        encode([text], as: role, threads: threads).row(0)
    }

    /// The unigram tokenizer stored in an e5 file: pieces, their log-probabilities, the normalisation table.
    static func unigram(_ file: EncoderFile) throws -> UnigramTokenizer {
        let c = file.config, n = file.vocabulary.count
        let scoreTensor = try file.tensor("tokenizer.scores", rows: 1, columns: n)
        let scores = try file.floats(scoreTensor).row(0)
        let from = try file.integers(file.vector("tokenizer.normalizer.from"))
        let offsets = try file.integers(file.vector("tokenizer.normalizer.offsets"))
        let to = try file.integers(file.vector("tokenizer.normalizer.to"))
        guard let normalizer = SentencePieceNormalizer(from: from, offsets: offsets, to: to) else {
            throw ModelFileError(file.path, .file, "the tokenizer's normalisation table (tokenizer.normalizer.*) is inconsistent")
        }
        let s = c.special
        return UnigramTokenizer(vocabulary: file.vocabulary, scores: scores, normalizer: normalizer, unknown: s.unknown,
                                unknownScore: c.tokenizer.unknownScore ?? ((scores.min() ?? 0) - 10),
                                excluded: [s.cls, s.sep, s.pad, s.unknown])
    }

    /// v = normalise(mean of the given rows).
    static func meanPool(_ states: UnsafePointer<Float>, rows: Range<Int>, width: Int, into v: UnsafeMutablePointer<Float>) {
        v.update(repeating: 0, count: width)
        for r in rows { let s = states + r * width; for j in 0..<width { v[j] += s[j] } }
        var norm: Float = 0
        for j in 0..<width { norm += v[j] * v[j] }
        let inv = norm > 0 ? 1 / sqrtf(norm) : 0
        for j in 0..<width { v[j] *= inv }
    }
}

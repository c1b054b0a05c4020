/// Options that more than one command (or the command line) shares, declared once.
extension OptionSpec {
    /// How many neighbours: `near 5 king`, `:set k 5`, `embedlab query -k 5`.
    public static let k = OptionSpec("k", .integer(1...1000), default: .integer(10),
                                     help: Localized(en: "how many neighbours to show", zh: "显示多少个最近邻"),
                                     example: "near 5 king   ·   :set k 5", positional: true)
    /// How many documents `search` and `recommend` show: `search faq-en "refund" 3` (a count after the
    /// collection's text, see `ArgumentKind.collection`), `k=3`, `k 3`.
    public static let documents = OptionSpec("k", .integer(1...100), default: .integer(5),
                                             help: Localized(en: "how many documents to show", zh: "显示多少篇文档"),
                                             example: #"search faq-en "can I get a refund" 3"#, positional: true)
    /// Search only the N most frequent words: `:set restrict 10000`, `eval FILE restrict=30000`.
    public static let restrict = OptionSpec("restrict", .integerOrOff(1...Int.max), default: .off,
                                            help: Localized(en: "search only the N most frequent words", zh: "只在最常见的 N 个词中查找"),
                                            example: ":set restrict 10000   ·   eval FILE restrict=30000")
    /// Leave an expression's input words out of its neighbours.
    public static let exclude = OptionSpec("exclude", .onOff, default: .bool(true),
                                           help: Localized(en: "leave the input words out of the answers", zh: "答案中不含输入的词"),
                                           example: ":set exclude off")
    /// How analogies are scored.
    public static let method = OptionSpec("method", .choice(["3cosadd", "3cosmul"]), default: .text("3cosadd"),
                                          help: Localized(en: "how analogies are scored", zh: "类比的打分方法"),
                                          example: ":set method 3cosmul")
    /// Exact or approximate (HNSW) neighbours.
    public static let searchMode = OptionSpec("search", .choice(["exact", "approx"]), default: .text("exact"),
                                              help: Localized(en: "compare with every word, or use the HNSW index (index build)", zh: "与每个词比较，或使用 HNSW 索引（index build）"),
                                              example: ":set search approx")
    /// Candidates kept by an approximate search.
    public static let ef = OptionSpec("ef", .integer(1...2000), default: .integer(64),
                                      help: Localized(en: "candidates an approximate search keeps (more: slower, finds more)", zh: "近似查找保留的候选数（越多越慢，找到的越全）"),
                                      example: ":set ef 64")
    /// What `:set` changes, in the order `:set` lists them.
    public static let settings: [OptionSpec] = [.k, .exclude, .method, .restrict, .searchMode, .ef]

    /// `embedlab convert --limit N`: keep the N most frequent words.
    public static let limit = OptionSpec("limit", .integer(1...Int.max),
                                         help: Localized(en: "keep only the first N (most frequent) words", zh: "只保留前 N 个（最常见的）词"),
                                         example: "--limit 30000")
    /// `embedlab demo --auto SECONDS`: advance by itself.
    public static let auto = OptionSpec("auto", .real(0...3600),
                                        help: Localized(en: "advance automatically after this many seconds", zh: "每隔这么多秒自动前进"),
                                        example: "--auto 3")
    /// `embedlab demo --speed CHARACTERS`: typing speed per second; 0 shows each command at once.
    public static let speed = OptionSpec("speed", .real(0...1000),
                                         help: Localized(en: "typing speed, characters per second (0: at once)", zh: "打字速度，每秒字符数（0：立即显示）"),
                                         example: "--speed 30")
}

import Foundation

extension ChineseSegmenter {
    /// The segmenter with the bundled dictionary `Resources/zh-dict.txt`: 136,617 words from
    /// jieba 0.42.1 (MIT), see `Resources/README.md`. Loaded once, on first use, then shared.
    ///
    /// ```swift
    /// let segmenter = try ChineseSegmenter.bundled()
    /// segmenter.frequency(of: "北京")   // 34488
    /// ```
    public static func bundled() throws -> ChineseSegmenter {
        try bundledSegmenter.get()
    }

    private static let bundledSegmenter = Result<ChineseSegmenter, any Error> {
        guard let url = Bundle.module.url(forResource: "zh-dict", withExtension: "txt", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "zh-dict", withExtension: "txt") else {
            throw TokenizerError.missingResource("Resources/zh-dict.txt")
        }
        return try ChineseSegmenter(contentsOf: url)
    }

    /// A segmenter with the dictionary in the file at `url`: one `word frequency` per line,
    /// optionally followed by a tag, so jieba's own `dict.txt` loads too. Lines starting with `#`
    /// are comments. The words need not be sorted (sorted files load faster).
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url, options: .mappedIfSafe)
        try self.init(dictionary: PrefixDictionary(parsing: [UInt8](data), source: url.lastPathComponent))
    }

    /// A segmenter with the dictionary written in `text`, in the same format as a file:
    ///
    /// ```swift
    /// let segmenter = try ChineseSegmenter(dictionaryText: "北京 10\n大学 8\n")
    /// ```
    public init(dictionaryText text: String) throws {
        try self.init(dictionary: PrefixDictionary(parsing: Array(text.utf8), source: "dictionary text"))
    }
}

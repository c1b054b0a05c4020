import VectorMath

/// The words a model has vectors for: the distinct tokens of a corpus that occur at least
/// `minCount` times, most frequent first. A word's index here is its row in every later stage.
///
/// Counted as `vocab_count.c` counts: every token, then drop the words seen fewer than
/// `minCount` times, keep at most `maxSize` of the most frequent, and order by count, descending.
/// Equal counts are ordered by their UTF-8 bytes, so the order is the same on every run, every
/// thread count and every machine.
///
/// ```swift
/// let vocabulary = Vocabulary(counting: Corpus(text: "the cat sat on the mat"))
/// vocabulary.words            // ["the", "cat", "mat", "on", "sat"]
/// vocabulary.counts           // [2, 1, 1, 1, 1]
/// vocabulary.index(of: "mat") // 2
/// ```
public struct Vocabulary: Sendable, Equatable {
    /// The words, most frequent first.
    public let words: [String]
    /// How often each word occurs in the corpus it was counted from.
    public let counts: [Int]
    /// All tokens of that corpus, including those of words that were cut.
    public let corpusTokenCount: Int
    /// Distinct words in that corpus before the cut.
    public let distinctWordCount: Int
    /// Word bytes -> index, for looking up millions of tokens without making `String`s.
    let table: WordTable

    /// Counts the words of `corpus`, reading it on `threads` threads.
    public init(counting corpus: Corpus, minCount: Int = 1, maxSize: Int? = nil, threads: Int = Parallelism.cores) {
        precondition(minCount >= 1, "minCount is at least 1")
        precondition(maxSize.map { $0 >= 0 } ?? true, "maxSize is never negative")
        let chunks = corpus.lineAlignedChunks(max(1, threads))
        // Count each piece of the text into its own table, then add the tables up.
        let tables = parallelMap(chunks.count) { k -> (WordTable, Int) in
            corpus.bytes.withUnsafeBufferPointer { buffer in
                var table = WordTable(minimumCapacity: 1 << 16)
                var scanner = TokenScanner(buffer, in: chunks[k])
                var tokens = 0
                while let token = scanner.next() {
                    let e = table.insert(buffer.baseAddress! + token.bytes.lowerBound, token.bytes.count,
                                         readableUpTo: buffer.baseAddress! + buffer.count)
                    table.values[e] += 1
                    tokens += 1
                }
                return (table, tokens)
            }
        }
        var all = tables.first?.0 ?? WordTable()
        for (table, _) in tables.dropFirst() { all.merge(table) }

        // Most frequent first; equal counts in byte order of the words.
        let kept = (0..<all.count).filter { all.values[$0] >= minCount }
        let ranked = kept.sorted { a, b in
            let ca = all.values[a], cb = all.values[b]
            if ca != cb { return ca > cb }
            return all.withBytes(a) { x in all.withBytes(b) { y in x.lexicographicallyPrecedes(y) } }
        }.prefix(maxSize ?? Int.max)

        self.init(validatedWords: ranked.map { all.word($0) }, counts: ranked.map { all.values[$0] },
                  corpusTokenCount: tables.reduce(0) { $0 + $1.1 }, distinctWordCount: all.count)
    }

    /// A vocabulary from a list of words, in the order given (for example read from a model file).
    /// Without counts, every count is 0.
    public init(words: [String], counts: [Int]? = nil) {
        precondition(counts == nil || counts!.count == words.count, "one count per word")
        for word in words {
            precondition(!word.isEmpty && !word.utf8.contains(where: { $0 == 0x0A || TokenScanner.isSpace($0) }),
                         "a word is a non-empty token without white space, got \(word.debugDescription)")
        }
        self.init(validatedWords: words, counts: counts ?? Array(repeating: 0, count: words.count),
                  corpusTokenCount: counts?.reduce(0, +) ?? 0, distinctWordCount: words.count)
    }

    private init(validatedWords words: [String], counts: [Int], corpusTokenCount: Int, distinctWordCount: Int) {
        var table = WordTable(minimumCapacity: words.count)
        for (i, word) in words.enumerated() {
            var w = word
            w.withUTF8 { bytes in
                let e = table.insert(bytes.baseAddress!, bytes.count, readableUpTo: bytes.baseAddress! + bytes.count)
                precondition(e == i, "the word \(word.debugDescription) appears twice")
                table.values[e] = i
            }
        }
        self.words = words
        self.counts = counts
        self.corpusTokenCount = corpusTokenCount
        self.distinctWordCount = distinctWordCount
        self.table = table
    }

    /// The number of words.
    public var count: Int { words.count }

    /// The word at `index`.
    public subscript(index: Int) -> String { words[index] }

    /// The index of `word`, or nil when it is not in the vocabulary.
    public func index(of word: String) -> Int? {
        var w = word
        return w.withUTF8 { bytes in
            bytes.isEmpty ? nil : table.find(bytes.baseAddress!, bytes.count, readableUpTo: bytes.baseAddress! + bytes.count)
        }
    }

    public func contains(_ word: String) -> Bool { index(of: word) != nil }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool {
        a.words == b.words && a.counts == b.counts
    }
}

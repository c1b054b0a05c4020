/// Chinese word segmentation by jieba's method, without its HMM for unknown words: the result
/// matches `jieba.lcut(text, HMM=False)` given the same dictionary.
///
/// Chinese is written without spaces, so where one word ends and the next begins must be
/// guessed. jieba's guess, with a dictionary of word frequencies:
/// 1. cut the text into blocks of Chinese characters, ASCII letters and digits (and `+#&._%-`);
///    everything else (spaces, punctuation, emoji) is a token per character;
/// 2. in each block, build the `WordGraph` of every dictionary word that starts at each character;
/// 3. choose the path through it with the highest probability, each word scored by its
///    frequency (`WordGraph` has the formula);
/// 4. a character that starts no dictionary word stands alone, and consecutive single ASCII
///    letters or digits are joined back together (`Token`, `24`).
///
/// ```swift
/// let segmenter = try ChineseSegmenter.bundled()      // jieba's dictionary, see Resources/README.md
/// segmenter.segment("我来到北京清华大学")             // ["我", "来到", "北京", "清华大学"]
/// segmenter.segment("从Token到向量")                  // ["从", "Token", "到", "向量"]
///
/// let tiny = ChineseSegmenter(frequencies: ["北京": 10, "大学": 8, "北": 2, "京": 2])
/// tiny.segment("北京大学")                            // ["北京", "大学"]
/// ```
///
/// As in jieba, spaces come out as tokens of their own (`segment("北京 上海")` is
/// `["北京", " ", "上海"]`); `WordTokenizer(segmenter:)` drops them.
public struct ChineseSegmenter: Tokenizer {
    let dictionary: PrefixDictionary

    init(dictionary: PrefixDictionary) {
        self.dictionary = dictionary
    }

    /// A segmenter with an in-memory dictionary of word frequencies, e.g. for a test or a lesson.
    public init(frequencies: [String: Int]) {
        self.init(dictionary: PrefixDictionary(frequencies: frequencies))
    }

    /// How many distinct words the dictionary has.
    public var wordCount: Int { dictionary.count }

    /// The sum of all word frequencies: `P(word) = frequency / totalFrequency`.
    public var totalFrequency: Int { dictionary.total }

    /// The dictionary frequency of `word`, or `nil` if it is not a dictionary word.
    public func frequency(of word: String) -> Int? {
        dictionary.frequency(of: word)
    }

    /// The words of `text`, as `jieba.lcut(text, HMM=False)` gives them.
    public func segment(_ text: String) -> [String] {
        tokenize(text).map(\.text)
    }

    /// The words of `text` as tokens with their UTF-8 byte ranges.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        var offset = 0   // UTF-8 offset of `index`
        while index < text.endIndex {
            // Step 1: a block of characters jieba segments, or a single other character.
            let isBlock = text[index].isJiebaBlockCharacter
            let end = isBlock
                ? text[index...].firstIndex { !$0.isJiebaBlockCharacter } ?? text.endIndex
                : text.index(after: index)
            let piece = text[index..<end]
            if isBlock {
                tokens += segmentBlock(String(piece), byteOffset: offset)
            } else {
                tokens.append(Token(piece, byteOffset: offset))
            }
            offset += piece.utf8.count
            index = end
        }
        return tokens
    }

    /// The word graph of `text`, each Unicode scalar a position (steps 2 and 3).
    public func wordGraph(for text: String) -> WordGraph {
        let characters = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        var offsets = [0]   // offsets[k]: where character k starts in `bytes`
        for character in characters { offsets.append(offsets.last! + character.utf8.count) }

        var candidates: [[WordGraph.Candidate]] = []
        for start in characters.indices {
            var words: [WordGraph.Candidate] = []
            var prefix = dictionary.all   // the words that start with characters start...end
            for end in start..<characters.count {
                // Extend the prefix by one character; stop when no dictionary word starts so.
                prefix = dictionary.narrow(prefix, depth: offsets[end] - offsets[start],
                                           with: bytes[offsets[end]..<offsets[end + 1]])
                if prefix.isEmpty { break }
                // The prefix is an edge if it is itself a word (with a frequency above zero).
                if let frequency = dictionary.frequency(ofPrefix: prefix, length: offsets[end + 1] - offsets[start]),
                   frequency > 0 {
                    words.append(.init(range: start..<(end + 1), word: String(decoding: bytes[offsets[start]..<offsets[end + 1]], as: UTF8.self), frequency: frequency))
                }
            }
            // A character that starts no word is a word of its own.
            if words.isEmpty {
                words.append(.init(range: start..<(start + 1), word: String(characters[start]), frequency: 0))
            }
            candidates.append(words)
        }
        return WordGraph(characters: characters, candidates: candidates, totalFrequency: dictionary.total)
    }

    /// Cuts one block along its best path (step 3) and joins single ASCII letters and digits (step 4).
    private func segmentBlock(_ block: String, byteOffset: Int) -> [Token] {
        let graph = wordGraph(for: block)
        let bytes = Array(block.utf8)
        var tokens: [Token] = []
        func emit(_ range: Range<Int>) {
            tokens.append(Token(bytes: Array(bytes[range]), byteRange: (byteOffset + range.lowerBound)..<(byteOffset + range.upperBound)))
        }
        var asciiRunStart: Int?   // where a run of single ASCII letters/digits began
        var offset = 0            // UTF-8 offset in the block
        for range in graph.bestPath {
            let length = graph.characters[range].reduce(0) { $0 + $1.utf8.count }
            defer { offset += length }
            if range.count == 1, Self.isASCIILetterOrDigit(graph.characters[range.lowerBound]) {
                if asciiRunStart == nil { asciiRunStart = offset }
                continue
            }
            if let start = asciiRunStart { emit(start..<offset) }
            asciiRunStart = nil
            emit(offset..<(offset + length))
        }
        if let start = asciiRunStart { emit(start..<offset) }
        return tokens
    }

    /// jieba's `re_eng`: `[a-zA-Z0-9]`.
    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}

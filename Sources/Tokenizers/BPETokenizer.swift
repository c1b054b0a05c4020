/// A byte-level byte-pair-encoding (BPE) tokenizer, in the spirit of karpathy/minbpe's
/// `BasicTokenizer`.
///
/// Its vocabulary starts with the 256 byte values, so any text can be encoded, and grows by one
/// token per merge learned in training (`train(on:vocabularySize:)`). Encoding replays the
/// merges on the text's UTF-8 bytes in the order they were learned; decoding concatenates each
/// token's bytes, so `decode(encode(text)) == text` for every string.
///
/// ```swift
/// let bpe = try BPETokenizer.train(on: "aaabdaaabac", vocabularySize: 259)
/// bpe.merges.map(\.readableText)       // ["aa", "aaa", "aaab"]
/// let ids = bpe.encode("aaabdaaabac")   // [258, 100, 258, 97, 99]: 5 tokens for 11 bytes
/// try bpe.decode(ids)                   // "aaabdaaabac"
/// ```
public struct BPETokenizer: Tokenizer {
    /// The merges learned in training, in order: merge `i` minted token `256 + i`.
    public private(set) var merges: [BPEMerge]
    /// The bytes each token id stands for: ids 0...255 are single bytes, then one per merge.
    public private(set) var vocabulary: [[UInt8]]
    /// pair -> the id it was merged into; a lower id means the merge was learned earlier.
    private var mergedID: [TokenPair: Int]

    /// The tokenizer before any training: 256 tokens, one per byte value.
    public init() {
        merges = []
        vocabulary = (0...255).map { [UInt8($0)] }
        mergedID = [:]
    }

    /// A tokenizer that applies `merges`, e.g. ones saved from an earlier training.
    ///
    /// Merge `i` must mint id `256 + i` from two ids that exist before it; the bytes are
    /// recomputed from the pairs. Throws `TokenizerError.invalidMerge` otherwise.
    public init(merges: [BPEMerge]) throws {
        self.init()
        for (index, merge) in merges.enumerated() {
            guard merge.newID == vocabulary.count else {
                throw TokenizerError.invalidMerge(index: index, reason: "it mints id \(merge.newID), expected \(vocabulary.count)")
            }
            guard vocabulary.indices.contains(merge.pair.left), vocabulary.indices.contains(merge.pair.right) else {
                throw TokenizerError.invalidMerge(index: index, reason: "pair \(merge.pair) uses an id that does not exist yet")
            }
            append(pair: merge.pair, count: merge.count)
        }
    }

    /// How many tokens the vocabulary has: 256 plus the number of merges.
    public var vocabularySize: Int { vocabulary.count }

    /// Mints the next token id for `pair`, which occurred `count` times, and returns the merge.
    @discardableResult
    mutating func append(pair: TokenPair, count: Int) -> BPEMerge {
        let merge = BPEMerge(pair: pair, newID: vocabulary.count, count: count,
                             leftBytes: vocabulary[pair.left], rightBytes: vocabulary[pair.right])
        merges.append(merge)
        vocabulary.append(merge.bytes)
        mergedID[pair] = merge.newID
        return merge
    }

    // MARK: Encoding and decoding

    /// The token ids of `text`: its UTF-8 bytes with the learned merges applied.
    public func encode(_ text: String) -> [Int] {
        // Start from the raw bytes: every byte is already a token (ids 0...255).
        var ids = text.utf8.map { Int($0) }
        while ids.count >= 2 {
            // Of the pairs present, find the one merged earliest in training (the lowest new
            // id): later merges were learned on text where the earlier ones had been applied.
            var earliest: (pair: TokenPair, id: Int)?
            for (left, right) in zip(ids, ids.dropFirst()) {
                let pair = TokenPair(left, right)
                if let id = mergedID[pair], id < earliest?.id ?? Int.max {
                    earliest = (pair, id)
                }
            }
            // No pair left that training merged: the encoding is final.
            guard let earliest else { break }
            // Replace every occurrence of that pair by its token.
            ids = BytePairs.merge(ids, earliest.pair, into: earliest.id)
        }
        return ids
    }

    /// The bytes `ids` stand for, concatenated. Throws `TokenizerError.unknownTokenID` for an
    /// id outside the vocabulary.
    public func decodeBytes(_ ids: [Int]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for id in ids {
            guard vocabulary.indices.contains(id) else {
                throw TokenizerError.unknownTokenID(id, vocabularySize: vocabulary.count)
            }
            bytes += vocabulary[id]
        }
        return bytes
    }

    /// The text `ids` stand for. Ids from `encode` always give back the original text; other
    /// sequences may cut a character apart, and its bytes then decode as U+FFFD (�).
    public func decode(_ ids: [Int]) throws -> String {
        String(decoding: try decodeBytes(ids), as: UTF8.self)
    }

    /// The tokens of `text` with their ids and byte ranges: `encode` made visible.
    public func tokenize(_ text: String) -> [Token] {
        var offset = 0
        return encode(text).map { id in
            let bytes = vocabulary[id]
            defer { offset += bytes.count }
            return Token(bytes: bytes, byteRange: offset..<(offset + bytes.count), id: id)
        }
    }
}

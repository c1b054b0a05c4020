/// Two token ids that stand next to each other in a sequence: `(97, 97)` is "a" then "a".
public struct TokenPair: Hashable, Sendable, Codable, CustomStringConvertible {
    public let left: Int
    public let right: Int

    public init(_ left: Int, _ right: Int) {
        self.left = left
        self.right = right
    }

    /// `(97, 97)`.
    public var description: String { "(\(left), \(right))" }

    /// Hashes both ids as one number: training and encoding look pairs up millions of times.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(left << 32 ^ right)
    }
}

/// One step of BPE training: the most frequent pair of tokens became a new token.
///
/// On `"aaabdaaabac"` the first merge is `a` + `a` -> token 256, seen 4 times:
///
/// ```swift
/// let bpe = try BPETokenizer.train(on: "aaabdaaabac", vocabularySize: 259)
/// let first = bpe.merges[0]
/// first.pair            // (97, 97)
/// first.newID           // 256
/// first.count           // 4
/// first.readableText    // "aa"
/// ```
public struct BPEMerge: Hashable, Sendable, Codable {
    /// The two tokens that were merged, left then right.
    public let pair: TokenPair
    /// The id of the new token: 256 for the first merge, 257 for the second, …
    public let newID: Int
    /// How many times the pair occurred when it was chosen, counting every consecutive
    /// position (so `aaa` counts `aa` twice, although only one `aa` can be replaced there).
    public let count: Int
    /// The bytes the left token stands for.
    public let leftBytes: [UInt8]
    /// The bytes the right token stands for.
    public let rightBytes: [UInt8]

    public init(pair: TokenPair, newID: Int, count: Int, leftBytes: [UInt8], rightBytes: [UInt8]) {
        self.pair = pair
        self.newID = newID
        self.count = count
        self.leftBytes = leftBytes
        self.rightBytes = rightBytes
    }

    /// The bytes the new token stands for: the left token's bytes, then the right token's.
    public var bytes: [UInt8] { leftBytes + rightBytes }

    /// The new token as text, bytes that are not a whole character shown as `<E5>`: a BPE
    /// token may hold part of a Chinese character, e.g. `<E5><8C>` (2 of the 3 bytes of 北).
    public var readableText: String { Token.readableText(bytes) }
}

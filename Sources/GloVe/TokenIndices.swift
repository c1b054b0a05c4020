import VectorMath
/// The corpus as vocabulary indices: one `Int32` per in-vocabulary token, with -1 at the start,
/// between lines and at the end. Tokens outside the vocabulary are left out.
///
/// Shared by the trainers: GloVe counts co-occurrences over it, Word2Vec slides its window over it.
///
/// ```swift
/// let corpus = Corpus(text: "the cat sat\nthe dog")
/// let ids = TokenIndices(corpus: corpus, vocabulary: Vocabulary(counting: corpus), threads: 1).ids
/// // [-1, 0, 1, 3, -1, 0, 2, -1]: the=0 cat=1 dog=2 sat=3
/// ```
public struct TokenIndices: Sendable {
    public let ids: [Int32]

    public init(corpus: Corpus, vocabulary: Vocabulary, threads: Int) {
        let chunks = corpus.lineAlignedChunks(threads)
        // Each piece starts and ends with a -1, so joining them only drops the duplicate -1s.
        let pieces = parallelMap(chunks.count) { k -> [Int32] in
            corpus.bytes.withUnsafeBufferPointer { buffer in
                var ids: [Int32] = [-1]
                ids.reserveCapacity(chunks[k].count / 4)
                var scanner = TokenScanner(buffer, in: chunks[k])
                while let token = scanner.next() {
                    if token.startsLine && ids.last! != -1 { ids.append(-1) }
                    if let id = vocabulary.table.find(buffer.baseAddress! + token.bytes.lowerBound, token.bytes.count,
                                                      readableUpTo: buffer.baseAddress! + buffer.count) {
                        ids.append(Int32(truncatingIfNeeded: id))
                    }
                }
                if ids.last! != -1 { ids.append(-1) }
                return ids
            }
        }
        let total = 1 + pieces.reduce(0) { $0 + $1.count - 1 }
        var ids: [Int32] = [-1]
        ids.reserveCapacity(total)
        for piece in pieces { ids.append(contentsOf: piece.dropFirst()) }
        precondition(ids.count < Int(Int32.max), "a corpus of more than 2³¹ tokens is too big to count in memory")
        self.ids = ids
    }
}

/// Where each word occurs: the positions of word i in `TokenIndices.ids` are
/// `positions[start[i] ..< start[i + 1]]`, in increasing order.
struct Occurrences: Sendable {
    let start: [Int]
    let positions: [Int32]

    init(_ tokens: TokenIndices, vocabularySize: Int) {
        var start = [Int](repeating: 0, count: vocabularySize + 1)
        for id in tokens.ids where id >= 0 { start[Int(id) + 1] += 1 }
        for i in 0..<vocabularySize { start[i + 1] += start[i] }
        var next = start
        var positions = [Int32](repeating: 0, count: start[vocabularySize])
        positions.withUnsafeMutableBufferPointer { out in
            for (p, id) in tokens.ids.enumerated() where id >= 0 {
                out[next[Int(id)]] = Int32(truncatingIfNeeded: p)
                next[Int(id)] += 1
            }
        }
        self.start = start
        self.positions = positions
    }

    func count(_ i: Int) -> Int { start[i + 1] - start[i] }
}

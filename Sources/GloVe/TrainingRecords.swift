import VectorMath
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One co-occurrence record as training reads it: the two words, and the target log Xᵢⱼ and
/// weight f(Xᵢⱼ), which stay the same for the whole run and so are computed once.
struct TrainingRecord {
    var i: UInt32
    var j: UInt32
    var logX: Float
    var weight: Float
}

/// All records of a co-occurrence matrix in random order: the reference's `shuffle` stage.
///
/// Stochastic gradient descent wants the records in random order; in the matrix's order, all
/// of a word's records would come one after another. The order is a uniformly random
/// permutation drawn from the seed, and it does not depend on the number of threads:
/// 1. every record draws a bucket at random (`chunkCount` fixed slices of the input, each with
///    its own generator), and is written, already converted, to its bucket;
/// 2. every bucket, small enough to stay in cache, is shuffled (Fisher–Yates) with its own
///    generator.
/// A record's bucket is uniform and independent of the others', and the order within each
/// bucket is uniform, so every permutation is equally likely.
final class TrainingRecords: @unchecked Sendable {
    let base: UnsafeMutablePointer<TrainingRecord>
    let count: Int

    static let chunkCount = 64

    /// The seed of the generator of one chunk or bucket.
    static func streamSeed(_ seed: UInt64, _ stream: Int) -> UInt64 {
        seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(stream + 1))
    }

    private init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(1, count))
    }

    deinit { base.deallocate() }

    /// The records of `matrix`, converted and shuffled; nil when `isCancelled` says so first.
    static func shuffled(_ matrix: CooccurrenceMatrix, weighting: WeightingFunction, seed: UInt64, threads: Int,
                         isCancelled: (@Sendable () -> Bool)?) -> TrainingRecords? {
        let n = matrix.count
        let result = TrainingRecords(count: n)
        let buckets = max(1, min(1 << 14, n / 32_768))
        let chunks = TrainingRecords.chunkCount
        let chunkStart = (0...chunks).map { n * $0 / chunks }
        let threads = max(1, threads)

        // 1. How many records each chunk sends to each bucket...
        let perChunk = parallelMap(threads) { t -> [[Int]] in
            stride(from: t, to: chunks, by: threads).map { c in
                var random = SeededGenerator(seed: TrainingRecords.streamSeed(seed, c))
                var counts = [Int](repeating: 0, count: buckets)
                for _ in chunkStart[c]..<chunkStart[c + 1] { counts[random.nextInt(below: buckets)] += 1 }
                return counts
            }
        }
        var counts = [[Int]](repeating: [], count: chunks)
        for t in 0..<threads { for (k, c) in stride(from: t, to: chunks, by: threads).enumerated() { counts[c] = perChunk[t][k] } }
        // ...so where each chunk's share of each bucket starts: buckets in order, chunks in order within a bucket.
        var start = [[Int]](repeating: [Int](repeating: 0, count: buckets), count: chunks)
        var bucketStart = [Int](repeating: 0, count: buckets + 1)
        var offset = 0
        for b in 0..<buckets {
            bucketStart[b] = offset
            for c in 0..<chunks { start[c][b] = offset; offset += counts[c][b] }
        }
        bucketStart[buckets] = offset
        if isCancelled?() == true { return nil }

        // ...then write each record, converted, to its place (the same generator draws the same buckets again).
        let destination = SendablePointer(result.base)
        let logXMax = log(Double(weighting.xMax)), alpha = Double(weighting.alpha)
        let starts = start
        _ = parallelMap(threads) { t in
            matrix.withUnsafeRecords { records in
                for c in stride(from: t, to: chunks, by: threads) {
                    var random = SeededGenerator(seed: TrainingRecords.streamSeed(seed, c))
                    var next = starts[c]
                    for r in chunkStart[c]..<chunkStart[c + 1] {
                        let b = random.nextInt(below: buckets)
                        let record = records[r]
                        let logX = log(Double(record.x))
                        // f(x) = (x / x_max)^α below x_max, as exp(α (log x − log x_max)).
                        let weight = logX < logXMax ? exp(alpha * (logX - logXMax)) : 1
                        destination.pointer[next[b]] = TrainingRecord(i: UInt32(record.i), j: UInt32(record.j),
                                                                      logX: Float(logX), weight: Float(weight))
                        next[b] += 1
                    }
                }
            }
        }
        if isCancelled?() == true { return nil }

        // 2. Shuffle each bucket.
        let bounds = bucketStart
        _ = parallelMap(threads) { t in
            for b in stride(from: t, to: buckets, by: threads) {
                var random = SeededGenerator(seed: TrainingRecords.streamSeed(seed, chunks + b))
                let p = destination.pointer + bounds[b]
                let m = bounds[b + 1] - bounds[b]
                var k = m - 1
                while k > 0 {
                    let other = random.nextInt(below: k + 1)
                    let swap = p[k]; p[k] = p[other]; p[other] = swap
                    k -= 1
                }
            }
        }
        return result
    }
}

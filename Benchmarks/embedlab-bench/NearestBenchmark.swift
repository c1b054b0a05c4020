import VectorMath

/// Nearest-neighbour latency: the k rows with the highest cosine, rows normalised once (not timed),
/// one query at a time with `Matrix.nearest(to:k:)` (what every `near` and analogy line of the REPL
/// calls), and the whole query set at once with `Matrix.nearest(batch:k:)`. Every query row is among
/// the candidates (it is its own nearest), exactly as in the peer.
struct NearestBenchmark {
    /// How our answers compare with numpy's, query by query.
    struct Agreement {
        var identical = 0
        /// Same scores rank by rank, but rows with (nearly) equal scores in another order: float rounding.
        var ties = 0
        /// Queries whose answers really differ.
        var different: [Int] = []
        var total: Int { identical + ties + different.count }
    }

    let size: MatrixSize
    let rows: Int
    let columns: Int
    let k: Int
    let latency: Samples
    /// One summing pass over the same float32 rows on the same threads (`MemoryFloor`).
    let floor: Samples
    /// Threads the scan may use.
    let threads: Int
    let batchCount: Int
    /// Seconds per query when all queries go through `nearest(batch:)` together (median of 5 runs).
    let batchPerQuery: Double
    /// True when the batch answers equal the one-at-a-time answers.
    let batchAgrees: Bool
    let agreement: Agreement?
    let peers: [PeerEnvironment: PeerReport]

    init(size: MatrixSize, matrix: Matrix, queries: [Int], k: Int, warmup: Int, peers: [PeerEnvironment: PeerReport]) {
        let unit = matrix.normalizedRows()
        let scan = NearestScan(unit)
        let vectors = queries.map { unit.row($0) }
        for i in 0..<warmup { consume(scan.nearest(to: vectors[i % vectors.count], k: k)) }
        var seconds: [Double] = [], answers: [[ScoredIndex]] = []
        for q in vectors {
            let (top, s) = Stopwatch.time { scan.nearest(to: q, k: k) }
            seconds.append(s)
            answers.append(top)
        }

        let batch = Matrix(rowVectors: vectors)
        var batchAnswers: [[ScoredIndex]] = []
        let batchTimes = Samples.measure(repeats: 5, warmup: 1) { batchAnswers = unit.nearest(batch: batch, k: k) }

        self.floor = MemoryFloor.measure(unit)
        self.threads = WorkerPool.shared.threadCount
        self.size = size
        self.rows = matrix.rows
        self.columns = matrix.columns
        self.k = k
        self.latency = Samples(seconds)
        self.batchCount = queries.count
        self.batchPerQuery = batchTimes.median / Double(queries.count)
        self.batchAgrees = batchAnswers.map { $0.map(\.index) } == answers.map { $0.map(\.index) }
        self.peers = peers
        self.agreement = (peers[.asIs] ?? peers[.unset])?.nearest.map { Self.compare(answers, queries: queries, with: $0) }
    }

    static func compare(_ ours: [[ScoredIndex]], queries: [Int], with peer: PeerReport.Nearest) -> Agreement {
        var agreement = Agreement()
        for (i, theirs) in peer.firstAnswers.enumerated() where i < ours.count {
            let mine = ours[i]
            if theirs.query != queries[i] || mine.count != theirs.top.count {
                agreement.different.append(theirs.query)
            } else if mine.map(\.index) == theirs.top {
                agreement.identical += 1
            } else if zip(mine, zip(theirs.top, theirs.scores)).allSatisfy({ m, t in m.index == t.0 || abs(Double(m.score) - t.1) <= 1e-5 }) {
                agreement.ties += 1
            } else {
                agreement.different.append(theirs.query)
            }
        }
        return agreement
    }

    /// The faster of the peer's two runs (as-is, OpenBLAS variables unset), by median.
    var fastestPeer: (PeerEnvironment, PeerReport.Nearest)? {
        PeerEnvironment.allCases.compactMap { env in peers[env]?.nearest.map { (env, $0) } }.min { $0.1.medianMs < $1.1.medianMs }
    }
}

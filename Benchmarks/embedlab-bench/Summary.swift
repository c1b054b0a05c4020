import Foundation

/// The benchmark as one JSON object (`scripts/bench.sh --json` prints it as its last line, merged
/// with the objects of the part scripts): medians in the units the names say, the peer's figures
/// from the same run, and what the peer ran on (BLAS library and threads).
struct Summary: Encodable {
    var nearest_30k_ms: Double?
    var numpy_30k_ms: Double?
    var floor_30k_ms: Double?
    var nearest_400k_ms: Double?
    var numpy_400k_ms: Double?
    var floor_400k_ms: Double?
    var nearest_30k_p90_ms: Double?
    var nearest_400k_p90_ms: Double?
    var nearest_same_top10_as_numpy: Bool?
    var batch_400k_ms_per_query: Double?
    var numpy_batch_400k_ms_per_query: Double?
    var batch_30k_ms_per_query: Double?
    var numpy_batch_30k_ms_per_query: Double?
    var eval_30k_s: Double?
    var gensim_eval_30k_s: Double?
    var eval_30k_correct: Int?
    var eval_30k_total: Int?
    var gensim_eval_30k_correct: Int?
    var gensim_eval_30k_total: Int?
    var startup_ms: Double?
    var startup_toy_ms: Double?
    var load_ms: Double?
    var first_query_normalise_ms: Double?
    var cpu: String
    var threads: Int
    var numpy_blas: String?
    var numpy_blas_threads: Int?
    var gensim_blas_threads: Int?
    var load_average_start: [Double]
    var load_average_end: [Double]
    var date: String

    init(report r: Report, loadAtStart: [Double]) {
        func ms(_ seconds: Double) -> Double { (seconds * 1e5).rounded() / 100 }   // 0.01 ms
        func msFine(_ seconds: Double) -> Double { (seconds * 1e6).rounded() / 1000 }   // 0.001 ms
        for n in r.nearest {
            let peer = n.fastestPeer?.1
            let peerBatch = PeerEnvironment.allCases.compactMap { n.peers[$0]?.batch }.min { $0.perQueryMs < $1.perQueryMs }
            let same = n.agreement.map { $0.different.isEmpty }
            nearest_same_top10_as_numpy = (nearest_same_top10_as_numpy ?? true) && (same ?? false)
            switch n.size {
            case .small:
                nearest_30k_ms = msFine(n.latency.median); nearest_30k_p90_ms = msFine(n.latency.p90)
                numpy_30k_ms = peer.map { ($0.medianMs * 1000).rounded() / 1000 }
                floor_30k_ms = msFine(n.floor.median)
                batch_30k_ms_per_query = msFine(n.batchPerQuery)
                numpy_batch_30k_ms_per_query = peerBatch.map { ($0.perQueryMs * 1000).rounded() / 1000 }
            case .large:
                nearest_400k_ms = msFine(n.latency.median); nearest_400k_p90_ms = msFine(n.latency.p90)
                numpy_400k_ms = peer.map { ($0.medianMs * 1000).rounded() / 1000 }
                floor_400k_ms = msFine(n.floor.median)
                batch_400k_ms_per_query = msFine(n.batchPerQuery)
                numpy_batch_400k_ms_per_query = peerBatch.map { ($0.perQueryMs * 1000).rounded() / 1000 }
            }
        }
        eval_30k_s = (r.analogy.seconds.median * 1000).rounded() / 1000
        eval_30k_correct = r.analogy.correct
        eval_30k_total = r.analogy.total
        gensim_eval_30k_s = r.analogy.peer.map { ($0.evalSeconds * 1000).rounded() / 1000 }
        gensim_eval_30k_correct = r.analogy.peer?.correct
        gensim_eval_30k_total = r.analogy.peer?.evaluated
        startup_ms = r.startup.commands.first.map { ms($0.median) }
        startup_toy_ms = r.startup.commands.dropFirst().first.map { ms($0.median) }
        load_ms = msFine(r.load.binary.median)
        first_query_normalise_ms = ms(r.startup.normalise)
        cpu = r.machine.cpu
        threads = r.nearest.first?.threads ?? 1
        let peerEnv = r.nearest.compactMap { result in result.fastestPeer.flatMap { result.peers[$0.0]?.environment } }.first
        numpy_blas = peerEnv?.blas.libraries.first.map { [$0.internalApi, $0.version, $0.architecture].compactMap { $0 }.joined(separator: " ") }
        numpy_blas_threads = peerEnv?.blas.libraries.first?.numThreads
        gensim_blas_threads = r.peerText?.environment?.blas.libraries.first?.numThreads
        load_average_start = loadAtStart
        load_average_end = Machine.loadAverage()
        let formatter = ISO8601DateFormatter()
        date = formatter.string(from: Date())
    }

    func line() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

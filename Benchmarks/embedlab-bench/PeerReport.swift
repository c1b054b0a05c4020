import Foundation

/// What one run of scripts/bench_peer.py printed: one JSON object a line, `kind` says which.
struct PeerReport {
    struct Environment: Decodable {
        struct Blas: Decodable {
            struct Library: Decodable {
                var internalApi: String?
                var version: String?
                var numThreads: Int?
                var threadingLayer: String?
                var architecture: String?
            }
            var source: String
            var libraries: [Library]
        }
        var python: String
        var numpy: String
        var loadAverage: [Double]?
        var blas: Blas
        var environment: [String: String]
    }

    struct Nearest: Decodable {
        struct Answer: Decodable {
            var query: Int
            var top: [Int]
            var scores: [Double]
        }
        var rows: Int
        var cols: Int
        var k: Int
        var queries: Int
        var medianMs: Double
        var p90Ms: Double
        var medianMatvecMs: Double
        var medianSelectMs: Double
        var firstAnswers: [Answer]
    }

    struct NearestBatch: Decodable {
        var batch: Int
        var medianBatchMs: Double
        var perQueryMs: Double
    }

    struct TextLoad: Decodable {
        var method: String
        var description: String
        var rows: Int
        var cols: Int
        var seconds: Double
        var checksum: Double
    }

    struct GensimEvaluation: Decodable {
        var gensim: String
        var restrictVocab: Int
        var loadSeconds: Double
        var evalSeconds: Double
        var correct: Int
        var evaluated: Int
    }

    var environment: Environment?
    var nearest: Nearest?
    var batch: NearestBatch?
    var textLoads: [TextLoad] = []
    var gensim: GensimEvaluation?

    init(path: String) throws {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw BenchError.message("cannot read the peer's output \(path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        struct Kind: Decodable { var kind: String }
        for line in text.split(separator: "\n") where line.hasPrefix("{") {
            let data = Data(line.utf8)
            do {
                switch try decoder.decode(Kind.self, from: data).kind {
                case "env": environment = try decoder.decode(Environment.self, from: data)
                case "knn": nearest = try decoder.decode(Nearest.self, from: data)
                case "knn_batch": batch = try decoder.decode(NearestBatch.self, from: data)
                case "load_text": textLoads.append(try decoder.decode(TextLoad.self, from: data))
                case "gensim_eval": gensim = try decoder.decode(GensimEvaluation.self, from: data)
                default: continue
                }
            } catch {
                throw BenchError.message("\(path): cannot read the line \(line.prefix(80))…: \(error)")
            }
        }
    }

    /// "openblas 0.3.31 (Haswell, pthreads), 2 threads".
    var blasSummary: String {
        guard let env = environment else { return "unknown BLAS" }
        let libraries = env.blas.libraries.map { lib in
            let detail = [lib.architecture, lib.threadingLayer].compactMap { $0 }.joined(separator: ", ")
            let threads = lib.numThreads.map { "\($0) thread\($0 == 1 ? "" : "s")" } ?? "threads unknown"
            return "\(lib.internalApi ?? "?") \(lib.version ?? "")\(detail.isEmpty ? "" : " (\(detail))"), \(threads)"
        }
        return libraries.isEmpty ? "no BLAS reported" : libraries.joined(separator: "; ")
    }

    /// The OpenBLAS and thread variables the peer saw, or "none set".
    var environmentSummary: String {
        guard let vars = environment?.environment, !vars.isEmpty else { return "none set" }
        return vars.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

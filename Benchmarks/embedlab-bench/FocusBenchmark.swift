import Embeddings
import Foundation
import VectorMath

/// `embedlab-bench focus --part batch|eval --data DIR [--model M --questions Q] [--repeats N]`: times one
/// part of `run` alone (the batched 400k nearest, or the analogy evaluation), for profiling and for
/// comparing two versions of a kernel; prints the median, the spread and the answers' check.
enum FocusBenchmark {
    /// Seconds of CPU this process has used (all threads): on a busy machine, the wall time of a
    /// multi-threaded part also counts waiting for a core, its CPU time does not.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func run(_ options: FocusCommand) throws {
        let workspace = Workspace(directory: options.data)
        let repeats = options.repeats
        switch options.part {
        case "batch":
            let rows = options.rows
            let matrix = try RawMatrix.read(workspace.largeMatrix, rows: rows, columns: 50)
            let unit = matrix.normalizedRows()
            let queries = try Prepare.queries(workspace, .large)
            let batch = Matrix(rowVectors: queries.map { unit.row($0) })
            var answers: [[ScoredIndex]] = []
            var cpu: [Double] = []
            let (times, _) = Samples.measure(repeats: repeats, warmup: 1) {
                let c0 = cpuSeconds()
                answers = unit.nearest(batch: batch, k: 10)
                cpu.append(cpuSeconds() - c0)
                return 0
            }
            let agrees = queries.indices.allSatisfy { answers[$0].map(\.index) == unit.nearest(to: batch.row($0), k: 10).map(\.index) }
            print(String(format: "batch %d queries: %.3f ms/query median (min %.3f, p90 %.3f), CPU %.3f ms/query; equal to one at a time: %@",
                         queries.count, times.median / Double(queries.count) * 1e3, times.min / Double(queries.count) * 1e3,
                         times.p90 / Double(queries.count) * 1e3, Samples(cpu).median / Double(queries.count) * 1e3, agrees ? "yes" : "NO"))
        case "eval":
            guard let modelPath = options.model, let questions = options.questions else {
                throw BenchError.message("--part eval needs --model and --questions")
            }
            var times: [Double] = [], cpu: [Double] = []
            var result: AnalogyEvaluation?
            for _ in 0..<repeats {
                let model = try WordVectors.load(path: modelPath)
                let c0 = cpuSeconds()
                let (evaluation, s) = try Stopwatch.time { try AnalogyEvaluation.run(model: model, questionsPath: questions, restrictTo: 30_000) }
                cpu.append(cpuSeconds() - c0)
                times.append(s)
                result = evaluation
            }
            let t = Samples(times)
            print(String(format: "eval: %.3f s median (min %.3f, p90 %.3f), CPU %.3f s; %d/%d correct, %d skipped",
                         t.median, t.min, t.p90, Samples(cpu).median, result!.total.correct, result!.total.total, result!.skipped))
        default:
            throw BenchError.message("--part is batch or eval")
        }
    }
}

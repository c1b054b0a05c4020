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
        case "nearest":
            // One query at a time over the 400k rows, interleaved with the float32 floor (one summing
            // pass) in rounds, so that both see the same load; the ratio is taken round by round.
            let matrix = try RawMatrix.read(workspace.largeMatrix, rows: options.rows, columns: 50)
            let unit = matrix.normalizedRows()
            let scan = NearestScan(unit)
            let queries = try Prepare.queries(workspace, .large).map { unit.row($0) }
            for q in queries.prefix(20) { consume(scan.nearest(to: q, k: 10)) }
            var scanMedians: [Double] = [], floorMedians: [Double] = [], ratios: [Double] = []
            var exactOK = true
            for _ in 0..<repeats {
                var seconds: [Double] = []
                for q in queries { seconds.append(Stopwatch.time { consume(scan.nearest(to: q, k: 10)) }.1) }
                let s = Samples(seconds).median, f = MemoryFloor.measure(unit).median
                scanMedians.append(s); floorMedians.append(f); ratios.append(s / f)
            }
            for q in queries.prefix(50) where scan.nearest(to: q, k: 10).map(\.index) != unit.nearest(to: q, k: 10).map(\.index) { exactOK = false }
            let r = Samples(ratios)
            print(String(format: "nearest %d × 50, %d rounds of %d queries: scan %.3f ms (median of round medians; %.3f–%.3f), floor %.3f ms (%.3f–%.3f), scan/floor %.2f (%.2f–%.2f); equal to the exact scan: %@",
                         options.rows, repeats, queries.count, Samples(scanMedians).median * 1e3, Samples(scanMedians).min * 1e3, Samples(scanMedians).seconds.max()! * 1e3,
                         Samples(floorMedians).median * 1e3, Samples(floorMedians).min * 1e3, Samples(floorMedians).seconds.max()! * 1e3,
                         r.median, r.min, r.seconds.max()!, exactOK ? "yes" : "NO"))
        default:
            throw BenchError.message("--part is batch, eval or nearest")
        }
    }
}

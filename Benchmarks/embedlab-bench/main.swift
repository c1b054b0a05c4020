// embedlab-bench: EmbedLab's side of scripts/bench.sh (release build, never run by the tests).
//
//   embedlab-bench prepare ...   writes the data both sides use (raw matrices, word2vec text, query rows)
//   embedlab-bench run ...       times EmbedLab on that data, reads what the peer (scripts/bench_peer.py)
//                                and hyperfine recorded, and prints one table with ratios
//   embedlab-bench gemm ...      the matrix product on EmbedLab's shapes, 1 and all threads
//   embedlab-bench focus ...     one part alone (the 400k batch or the evaluation) with its CPU time, for
//                                profiling and comparing two versions of a kernel on a busy machine
//
// One file per measurement: NearestBenchmark, LoadBenchmark, AnalogyBenchmark, StartupBenchmark,
// MatrixProductBenchmark, FocusBenchmark; Arguments.swift declares the subcommands (swift-argument-parser).
import Foundation

enum Run {
    static func run(_ options: RunCommand) throws {
        let workspace = Workspace(directory: options.data)
        let modelPath = options.model
        let questions = options.questions
        let restrict = options.restrict
        let warmup = options.warmup
        let shapes = try String(contentsOfFile: workspace.shapes, encoding: .utf8).split(separator: "\n")
            .reduce(into: [String: Int]()) { dict, line in
                let parts = line.split(separator: "=")
                if parts.count == 2, let n = Int(parts[1]) { dict[String(parts[0])] = n }
            }
        guard let smallRows = shapes["small_rows"], let largeRows = shapes["large_rows"], let cols = shapes["cols"] else {
            throw BenchError.message("\(workspace.shapes) lacks small_rows, large_rows or cols; run `prepare` first")
        }
        let loadAtStart = Machine.loadAverage()

        var nearest: [NearestBenchmark] = []
        for (size, rows) in [(MatrixSize.small, smallRows), (.large, largeRows)] {
            progress("EmbedLab: nearest neighbours over \(Format.count(rows)) × \(cols)")
            var peers: [PeerEnvironment: PeerReport] = [:]
            for env in PeerEnvironment.allCases { peers[env] = try? PeerReport(path: workspace.peerNearest(size, env)) }
            let matrix = try RawMatrix.read(size == .small ? workspace.smallMatrix : workspace.largeMatrix, rows: rows, columns: cols)
            nearest.append(NearestBenchmark(size: size, matrix: matrix, queries: try Prepare.queries(workspace, size), k: 10, warmup: warmup, peers: peers))
        }
        let peerText = try? PeerReport(path: workspace.peerText)
        progress("EmbedLab: loading models")
        let load = try LoadBenchmark(modelPath: modelPath, textPath: workspace.smallText, binaryRepeats: 30, textRepeats: 5, peer: peerText)
        progress("EmbedLab: analogy evaluation")
        let analogy = try AnalogyBenchmark(modelPath: modelPath, questionsPath: questions, restrict: restrict, repeats: 3, peer: peerText)
        let startup = try StartupBenchmark(exportPath: workspace.startup, modelPath: modelPath, repeats: 30)

        let report = Report(machine: .current(loadAtStart: loadAtStart), nearest: nearest, load: load, analogy: analogy, startup: startup, peerText: peerText)
        print(report.render())
        if options.json {
            print(Summary(report: report, loadAtStart: loadAtStart).line())
        }
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("== \(message)\n".utf8))
    }
}

EmbedLabBench.main()

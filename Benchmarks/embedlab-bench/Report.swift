import Foundation

/// The printed result: a few lines about the machine and the peer, then one table with ratios
/// (peer time ÷ EmbedLab time: above 1, EmbedLab is faster) and the project's budgets.
struct Report {
    var machine: Machine
    var nearest: [NearestBenchmark]
    var load: LoadBenchmark
    var analogy: AnalogyBenchmark
    var startup: StartupBenchmark
    var peerText: PeerReport?

    func render() -> String {
        var lines = ["EmbedLab benchmark: EmbedLab (Swift, release build) vs numpy/gensim, same data, one run",
                     "  machine: \(machine.cpu), \(machine.cores) cores; load average (1/5/15 min) \(machine.loadAverages)"]
        let runs = MatrixSize.allCases.flatMap { size in
            PeerEnvironment.allCases.compactMap { env in nearest.first { $0.size == size }?.peers[env].map { (size, env, $0) } }
        }
        if let (_, _, first) = runs.first {
            lines.append("  peer: numpy \(first.environment?.numpy ?? "?") (Python \(first.environment?.python ?? "?"))" + (analogy.peer.map { ", gensim \($0.gensim)" } ?? ""))
        }
        for env in PeerEnvironment.allCases {
            let seen = Set(runs.filter { $0.1 == env }.map { $0.2.environmentSummary + " | " + $0.2.blasSummary })
            for variables in seen.sorted() {
                lines.append("  numpy runs with \(env.label): variables \(variables.replacingOccurrences(of: " | ", with: "; BLAS "))")
            }
        }
        let loads = runs.map { "\($0.0.rawValue) \($0.1 == .asIs ? "as-is" : "unset") \($0.2.environment?.loadAverage?.first.map { Format.fixed($0, 2) } ?? "?")" }
        let textLoad = peerText?.environment?.loadAverage?.first.map { ", text/gensim \(Format.fixed($0, 2))" } ?? ""
        if !loads.isEmpty { lines.append("  1-min load average as each peer run began: " + loads.joined(separator: ", ") + textLoad) }
        lines.append("  ratio = peer time / EmbedLab time (above 1: EmbedLab is faster); nearest-neighbour ratios use the faster numpy run")
        lines.append("")

        var table = Table("measurement", "EmbedLab", "peer", "ratio", "budget")
        for result in nearest { addNearest(result, to: &table) }
        addLoad(to: &table)
        addAnalogy(to: &table)
        addStartup(to: &table)
        lines.append(table.render())
        lines += notes()
        return lines.joined(separator: "\n")
    }

    private func addNearest(_ r: NearestBenchmark, to table: inout Table) {
        let shape = "\(Format.count(r.rows)) × \(r.columns)"
        let fastest = r.fastestPeer
        func peerCell(_ pick: (PeerReport.Nearest) -> Double) -> String {
            PeerEnvironment.allCases.compactMap { env in
                r.peers[env]?.nearest.map { "\(Format.time(pick($0) / 1000)) (\(env == .asIs ? "as-is" : "unset"))" }
            }.joined(separator: ", ")
        }
        let ratio = fastest.map { Format.ratio(peer: $0.1.medianMs / 1000, ours: r.latency.median) } ?? "—"
        let budget: String
        let speedup = fastest.map { $0.1.medianMs / 1000 / r.latency.median } ?? 0
        let overFloor = r.latency.median / r.floor.median
        switch r.size {
        case .small: budget = "≤ 0.10 ms and ≥ 2.5× numpy: " + (r.latency.median <= 0.0001 && speedup >= 2.5 ? "ok" : "MISSED")
        case .large: budget = "≥ 2× numpy, ≤ 1.3× floor: " + (speedup >= 2 && overFloor <= 1.3 ? "ok" : "MISSED")
        }
        table.add("1. nearest k=10, \(shape), median of \(r.latency.count)", Format.time(r.latency.median), "numpy " + peerCell(\.medianMs), ratio, budget)
        table.add("   p90", Format.time(r.latency.p90), "numpy " + peerCell(\.p90Ms),
                  fastest.map { Format.ratio(peer: $0.1.p90Ms / 1000, ours: r.latency.p90) } ?? "—", "")
        table.add("   floor: one summing pass over the float32 rows, \(r.threads) threads", Format.time(r.floor.median), "",
                  "ours/floor " + Format.fixed(overFloor, 2), "")
        if let a = r.agreement {
            var text = "\(a.identical)/\(a.total) identical"
            if a.ties > 0 { text += ", \(a.ties) differ only in the order of equal scores" }
            if !a.different.isEmpty { text += ", \(a.different.count) DIFFER (queries \(a.different.prefix(5).map(String.init).joined(separator: ",")))" }
            table.add("   same top-10 rows as numpy", a.different.isEmpty ? "yes" : "NO", text, "", "")
        }
        let peerBatch = PeerEnvironment.allCases.compactMap { r.peers[$0]?.batch }.min { $0.perQueryMs < $1.perQueryMs }
        table.add("   \(r.batchCount) queries as one batch, per query", Format.time(r.batchPerQuery) + (r.batchAgrees ? "" : " (ANSWERS DIFFER)"),
                  peerBatch.map { "numpy " + Format.time($0.perQueryMs / 1000) + " (Q @ m.T)" } ?? "—",
                  peerBatch.map { Format.ratio(peer: $0.perQueryMs / 1000, ours: r.batchPerQuery) } ?? "—", "")
    }

    private func addLoad(to table: inout Table) {
        let l = load
        let fastest = l.fastestPeer
        table.add("2. load 30,000 × 50, .embv (mmap), median of \(l.binary.count)", Format.time(l.binary.median),
                  fastest.map { "fastest Python text load: \(name($0)) \(Format.time($0.seconds))" } ?? "—",
                  fastest.map { Format.ratio(peer: $0.seconds, ours: l.binary.median) } ?? "—",
                  "≤ 2 ms: " + (l.binary.median <= 0.002 ? "ok" : "MISSED"))
        let peers = l.peer.sorted { $0.seconds < $1.seconds }
        let first = peers.first
        table.add("   our text parser, word2vec text (\(Format.megabytes(l.textBytes))), median of \(l.text.count)", Format.time(l.text.median),
                  first.map { "\(name($0)) \(Format.time($0.seconds))" } ?? "—",
                  first.map { Format.ratio(peer: $0.seconds, ours: l.text.median) } ?? "—", "")
        for p in peers.dropFirst() {
            table.add("", "", "\(name(p)) \(Format.time(p.seconds))", Format.ratio(peer: p.seconds, ours: l.text.median), "")
        }
        let agreeing = l.peer.filter(l.peerAgrees).count
        table.add("   same numbers", l.textMatchesBinary ? "text = .embv, bit for bit" : "TEXT ≠ .embv",
                  l.peer.isEmpty ? "—" : "checksum equal to ours: \(agreeing)/\(l.peer.count) methods", "", "")
    }

    private func addAnalogy(to table: inout Table) {
        let a = analogy
        table.add("3. analogy eval, questions-words, restrict \(Format.count(a.restrict)), median of \(a.seconds.count)", Format.time(a.seconds.median),
                  a.peer.map { "gensim evaluate_word_analogies \(Format.time($0.evalSeconds))" } ?? "—",
                  a.peer.map { Format.ratio(peer: $0.evalSeconds, ours: a.seconds.median) } ?? "—",
                  "≥ 8× gensim, same counts: " + (a.peer.map { $0.evalSeconds / a.seconds.median >= 8 && a.agrees == true ? "ok" : "MISSED" } ?? "?"))
        table.add("   correct / total", "\(a.correct)/\(a.total) (\(a.skipped) skipped)",
                  a.peer.map { "\($0.correct)/\($0.evaluated)" } ?? "—", a.agrees.map { $0 ? "agree" : "DIFFER" } ?? "", "")
    }

    private func addStartup(to table: inout Table) {
        let s = startup
        for (i, c) in s.commands.enumerated() {
            let spread = c.stddev.map { " ± " + Format.time($0) } ?? ""
            let what = i == 0 ? "4. start-up: \(c.command)" : "   \(c.command)"
            table.add(what, "\(Format.time(c.mean))\(spread) (median \(Format.time(c.median)))", "— (\(s.tool), \(c.times?.count ?? 0) runs)", "",
                      i == 0 ? "≤ 15 ms: " + (c.median <= 0.015 ? "ok" : "MISSED") : "")
        }
        if s.commands.isEmpty { table.add("4. start-up", "not measured (no hyperfine export)", "", "", "") }
        table.add("   in-process default-model load (ModelCatalog.load)", "\(Format.time(s.firstLoad)) first, \(Format.time(s.load.median)) median of \(s.load.count)", "—", "", "")
        table.add("   first query's unit-length rows (WordVectors.normalized)", Format.time(s.normalise), "—", "", "")
    }

    private func name(_ load: PeerReport.TextLoad) -> String {
        switch load.method {
        case "fromstring": return "np.fromstring"
        case "split": return "str.split + np.asarray"
        case "gensim": return "gensim load_word2vec_format"
        default: return load.method
        }
    }

    private func notes() -> [String] {
        var out = ["", "notes:"]
        for r in nearest {
            guard let (env, peer) = r.fastestPeer else { continue }
            out.append("  numpy \(r.size.rawValue) (\(env.label)): m @ q \(Format.time(peer.medianMatvecMs / 1000)) + argpartition/sort \(Format.time(peer.medianSelectMs / 1000)) (medians)")
        }
        if startup.tool == "hyperfine" { out.append("  start-up: hyperfine subtracts the time of its own shell (the command is a pipe, so it runs through sh)") }
        out.append("  EmbedLab nearest: NearestScan (float16 rows in groups of 32, one cache line a dimension, exact float32 re-rank, persistent worker threads above 64 KB); batch: Matrix.nearest(batch:k:) (6×16 micro-kernel tiles compared with the cuts in registers, scores never stored + candidate top-k + exact re-rank)")
        out.append("  EmbedLab analogy: Matrix.nearest(combinations:) (products of the distinct question words with every word, b + c − a per question from them + candidate top-k + exact re-rank)")
        if let g = analogy.peer { out.append("  gensim's load_word2vec_format of the text file, before its evaluation: \(Format.time(g.loadSeconds))") }
        return out
    }
}

/// The machine, as far as the table needs it.
struct Machine {
    var cpu: String
    var cores: Int
    var loadAverages: String

    static func current(loadAtStart: [Double]) -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let show = { (l: [Double]) in l.map { Format.fixed($0, 2) }.joined(separator: " ") }
        return Machine(cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                       loadAverages: "\(show(loadAtStart)) when EmbedLab's timings began, \(show(loadAverage())) at the end")
    }

    static func loadAverage() -> [Double] {
        var values = [Double](repeating: 0, count: 3)
        return getloadavg(&values, 3) == 3 ? values : []
    }
}

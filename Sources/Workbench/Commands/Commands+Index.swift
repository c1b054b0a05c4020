import Foundation
import Embeddings
import Encoders
import FileAccess
import Index
import Search
import Tokenizers
import VectorMath

/// The HNSW index of the model in use: `index build m=16 ef=200` builds it (or reads it back),
/// `index compare` measures recall@k and time against exact search.
extension CommandSpec {
    static let index = CommandSpec(
        "index", arguments: .options(keywords: ["build", "compare"]),
        options: [OptionSpec("m", .integer(HNSWParameters.mRange), default: .integer(16),
                             help: Localized(en: "links per point in the HNSW graph", zh: "HNSW 图中每个点的连接数"), example: "index build m=16"),
                  OptionSpec("ef", .integer(1...2000), default: .integer(200),
                             help: Localized(en: "candidates kept while building (efConstruction)", zh: "构建时保留的候选数（efConstruction）"),
                             example: "index build ef=200"),
                  OptionSpec("queries", .integer(1...2000), default: .integer(200),
                             help: Localized(en: "how many words to query when comparing", zh: "比较时查询多少个词"), example: "index compare queries=200")],
        topic: .neighbours,
        summary: Localized(en: "index build: an HNSW graph over the model for fast approximate neighbours; index compare: recall@k and time vs exact",
                           zh: "index build：为模型建 HNSW 图以快速近似查找；index compare：与精确查找比较召回率和时间"),
        examples: ["index build", "index build m=16 ef=200", "index compare"],
        usage: Localized(en: "index build [m=16] [ef=200] | index compare [queries=200]",
                         zh: "index build [m=16] [ef=200] | index compare [queries=200]"),
        keywordEffects: ["build": .buildsIndex],
        evaluate: { try $0.indexCommand() })
}

extension Invocation {
    // MARK: the HNSW index

    /// `index build [m=16 ef=200]` and `index compare [queries=200]`.
    func indexCommand() throws -> Value {
        switch keyword {
        case "build": return try buildIndex()
        case "compare": return try compareIndex()
        default:
            throw WorkbenchError(language.pick(en: "index build or index compare", zh: "index build 或 index compare"), at: textSpan, hint: command.examples.first)
        }
    }

    /// Where this model's index is kept between sessions: NAME.hnsw beside its file, at the
    /// learner's own prompt only (never in a lesson, a notebook or a test).
    var indexFile: String? {
        guard session.readPolicy == nil, ReadPolicy.current == nil else { return nil }
        return session.searchState.indexFile(for: model, catalog: session.catalog)
    }

    func buildIndex() throws -> Value {
        let m = options.integer("m") ?? 16, ef = options.integer("ef") ?? 200
        let wanted = HNSWParameters(m: m, efConstruction: ef)
        let file = indexFile
        var refused: String?
        // A saved index of this model with the same parameters is read back instead of built again.
        if let file, FileManager.default.fileExists(atPath: file) {
            let started = Date()
            do {
                let saved = try HNSWIndex.read(path: file, vectors: model.matrix)
                if saved.parameters.m == m, saved.parameters.efConstruction == ef, saved.parameters.seed == wanted.seed {
                    session.searchState.index = (model.name, saved)
                    let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                    return .text(language.pick(en: "HNSW index over \(model.count) words of \(model.name): M=\(m), efConstruction=\(ef), \(saved.topLayer + 1) layers, read from \(file) in \(seconds) s (built in an earlier session; delete the file to build it again). :set search approx uses it; index compare measures it.",
                                               zh: "\(model.name) 的 \(model.count) 个词的 HNSW 索引：M=\(m)，efConstruction=\(ef)，\(saved.topLayer + 1) 层，从 \(file) 读入，用时 \(seconds) 秒（是以前建好的；删掉该文件即可重建）。:set search approx 使用它；index compare 测量它。"))
                }
            } catch let e as IndexError {
                refused = e.description
            }
        }
        let title = language.pick(en: "building an HNSW index", zh: "构建 HNSW 索引")
        let started = Date()
        let index: HNSWIndex
        do {
            index = try HNSWIndex.build(model.matrix, parameters: wanted,
                                        progress: { [session] done, total in
                                            session.onProgress?(WorkProgress(title: title, fraction: Double(done) / Double(max(total, 1)), detail: "\(done)/\(total)"))
                                        },
                                        shouldStop: { [session] in session.cancellation.isRequested })
        } catch let e as IndexError {
            throw WorkbenchError(e.description)
        }
        session.searchState.index = (model.name, index)
        let seconds = Date().timeIntervalSince(started)
        var lines = [language.pick(en: "HNSW index over \(model.count) words of \(model.name): M=\(m), efConstruction=\(ef), \(index.topLayer + 1) layers, built in \(String(format: "%.2f", seconds)) s. :set search approx uses it; index compare measures it.",
                                   zh: "已为 \(model.name) 的 \(model.count) 个词建 HNSW 索引：M=\(m)，efConstruction=\(ef)，\(index.topLayer + 1) 层，用时 \(String(format: "%.2f", seconds)) 秒。:set search approx 使用它；index compare 测量它。")]
        if let refused {
            lines.append(language.pick(en: "The saved index was refused (\(refused)); the new one replaces it.",
                                       zh: "已保存的索引不能用（\(refused)）；新建的索引取代它。"))
        }
        if let file {
            do {
                try index.write(to: file)
                lines.append(language.pick(en: "Saved to \(file): the next index build with the same m and ef reads it back.",
                                           zh: "已保存到 \(file)：下次用相同的 m 和 ef 执行 index build 会直接读入。"))
            } catch let e as IndexError {
                lines.append(language.pick(en: "Not saved (\(e.description)): the index lasts for this session only.",
                                           zh: "没有保存（\(e.description)）：索引只在本次会话中有效。"))
            }
        }
        return .text(lines.joined(separator: "\n"))
    }

    func compareIndex() throws -> Value {
        guard let index = session.searchState.index(for: model) else {
            throw WorkbenchError(language.pick(en: "no index for \(model.name) yet: type index build", zh: "\(model.name) 还没有索引：请输入 index build"), at: span)
        }
        let k = settings.k, ef = settings.ef
        let n = min(options.integer("queries") ?? 200, model.count)
        // Every (count / n)-th word as a query: the same queries every time.
        let step = max(1, model.count / max(n, 1))
        let rows = (0..<n).map { $0 * step }
        let unit = model.normalized
        var queries = Matrix(rows: rows.count, columns: model.dimensions)
        for (i, r) in rows.enumerated() { queries.setRow(i, unit.row(r)) }
        // One query at a time on both sides, as a learner's `near` runs.
        var t0 = Date()
        var exact: [[Int]] = []
        // Ctrl-C (or a grader's time limit) stops the comparison between two queries.
        let stopped = { [session] in
            if session.cancellation.isRequested {
                throw WorkbenchError(self.language.pick(en: "index compare was stopped", zh: "index compare 已停止"), at: self.span)
            }
        }
        // Exact search exactly as `near` runs it (the model's one-query scan).
        for i in 0..<rows.count { try stopped(); exact.append(try model.nearest(to: queries.row(i), k: k).map(\.index)) }
        let exactOneByOne = Date().timeIntervalSince(t0)
        t0 = Date()
        var approx: [[ScoredIndex]] = []
        for i in 0..<rows.count { try stopped(); approx.append(try index.nearest(to: queries.row(i), k: k, ef: ef)) }
        let approxTime = Date().timeIntervalSince(t0)
        var found = 0
        for i in 0..<rows.count { found += Set(approx[i].map(\.index)).intersection(exact[i]).count }
        let recall = Double(found) / Double(max(rows.count * k, 1))
        let ms = { (t: Double) in String(format: "%.3f", t * 1000 / Double(max(rows.count, 1))) }
        return .table(Table(title: language.pick(en: "\(rows.count) words of \(model.name) as queries, k=\(k); :set ef N and compare again",
                                                 zh: "用 \(model.name) 的 \(rows.count) 个词查询，k=\(k)；:set ef N 后再比较"),
                            headers: [language.pick(en: "search", zh: "查找"), "recall@\(k)", language.pick(en: "ms per query", zh: "每次查询毫秒")],
                            rows: [[language.pick(en: "exact (all \(model.count) words)", zh: "精确（全部 \(model.count) 个词）"), "1.000", ms(exactOneByOne)],
                                   ["HNSW ef=\(ef)", String(format: "%.3f", recall), ms(approxTime)]],
                            numericColumns: [1, 2]))
    }
}

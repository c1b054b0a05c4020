import Embeddings
import Foundation
import VectorMath

/// `embedlab-bench zhwiki`: the bundled Chinese model, int8 rows read in place. Opening it (median
/// of 30 loads), and nearest neighbours (k = 10) of 200 of its own words (a seeded draw of the 20,000
/// most frequent) through `WordVectors.nearest`, i.e. `QuantizedRows`' scan plus the float32 re-rank.
/// Beside it, in the same run, `NearestScan` (float16, what glove-50d uses) over 400,000 × 50 random
/// unit rows, so that the two per-row speeds compare on the same machine at the same moment.
enum ZhWikiBenchmark {
    static func run(_ options: ZhWikiCommand) throws {
        let (load, model) = try Samples.measure(repeats: 30, warmup: 1) { try WordVectors.load(path: options.model) }
        var rng = SeededGenerator(seed: UInt64(options.seed))
        let picks = (0..<options.queries).map { _ in Int(rng.next() % UInt64(min(20_000, model.count))) }
        let queries = picks.map { model.unitRow($0) }
        for q in queries.prefix(20) { consume(try model.nearest(to: q, k: 10)) }
        var perQuery: [Double] = []
        for q in queries { perQuery.append(try Stopwatch.time { consume(try model.nearest(to: q, k: 10)) }.1) }
        let zh = Samples(perQuery)

        // The English-sized float16 scan on random unit rows, same run.
        let rows = 400_000, cols = 50
        var m = Matrix(rows: rows, columns: cols)
        m.withUnsafeMutableBufferPointer { buf in for i in buf.indices { buf[i] = rng.nextUniform() * 2 - 1 } }
        let scan = NearestScan(m.normalizedRows())
        let englishQueries = (0..<options.queries).map { _ in (0..<cols).map { _ in rng.nextUniform() * 2 - 1 }.normalized }
        for q in englishQueries.prefix(20) { consume(scan.nearest(to: q, k: 10)) }
        var perEnglish: [Double] = []
        for q in englishQueries { perEnglish.append(Stopwatch.time { consume(scan.nearest(to: q, k: 10)) }.1) }
        let en = Samples(perEnglish)

        let zhPerRow = zh.median / Double(model.count) * 1e9, enPerRow = en.median / Double(rows) * 1e9
        print(String(format: "%@ (%d × %d, %@): open %.3f ms (median of 30), nearest k=10 %.3f ms (median of %d queries, p90 %.3f), %.2f ns a row",
                     model.name, model.count, model.dimensions, model.quantized == nil ? "float" : "int8", load.median * 1e3, zh.median * 1e3, zh.count, zh.p90 * 1e3, zhPerRow))
        print(String(format: "400,000 × 50 float16 scan (random unit rows, same run): %.3f ms, %.2f ns a row; zh-wiki per row / English per row = %.2f",
                     en.median * 1e3, enPerRow, zhPerRow / enPerRow))
        if options.json {
            let object: [String: Double] = ["zh_wiki_load_ms": load.median * 1e3, "nearest_zh_wiki_ms": zh.median * 1e3,
                                            "nearest_zh_wiki_ns_per_row": zhPerRow, "nearest_400k_random_ns_per_row": enPerRow,
                                            "nearest_zh_wiki_per_row_ratio": zhPerRow / enPerRow]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

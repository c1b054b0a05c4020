import Embeddings
import Foundation
import VectorMath

/// `embedlab-bench zhwiki`: the bundled Chinese model, int8 rows read in place. Opening it (median
/// of 30 loads), and nearest neighbours (k = 10) of 200 of its own words (a seeded draw of the 20,000
/// most frequent) through `WordVectors.nearest`, i.e. `QuantizedRows`' scan plus the float32 re-rank.
/// Beside it, in the same run, `NearestScan` (float16, what glove-50d uses) over 400,000 × 50 random
/// unit rows, so that the two per-row speeds compare on the same machine at the same moment; and the
/// float32 floor of zh-wiki's own shape (`MemoryFloor` over its rows as float32).
enum ZhWikiBenchmark {
    static func run(_ options: ZhWikiCommand) throws {
        let (load, model) = try Samples.measure(repeats: 30, warmup: 1) { try WordVectors.load(path: options.model) }
        var rng = SeededGenerator(seed: UInt64(options.seed))
        let picks = (0..<options.queries).map { _ in Int(rng.next() % UInt64(min(20_000, model.count))) }
        let queries = picks.map { model.unitRow($0) }
        // The first query on a fresh model also makes the scan's grouped copy and the row lengths.
        let first = try Stopwatch.time { consume(try WordVectors.load(path: options.model).nearest(to: queries[0], k: 10)) }.1
        for q in queries.prefix(20) { consume(try model.nearest(to: q, k: 10)) }
        var perQuery: [Double] = []
        for q in queries { perQuery.append(try Stopwatch.time { consume(try model.nearest(to: q, k: 10)) }.1) }
        let zh = Samples(perQuery)
        // Its float32 floor: one summing pass over the same rows as float32 (what a float32 copy would
        // read), and the answers against the exact scan of those unit rows.
        let unitRows = model.quantized.map { $0.dequantized().normalizedRows() } ?? model.matrix.normalizedRows()
        let zhFloor = MemoryFloor.measure(unitRows)
        let exact = queries.allSatisfy { q in (try? model.nearest(to: q, k: 10).map(\.index)) == unitRows.nearest(to: q, k: 10).map(\.index) }

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
        print(String(format: "zh-wiki first query on a fresh model (open + grouped copy + scan) %.3f ms; float32 floor (one summing pass over %d × %d float32, same threads): %.3f ms; nearest / floor = %.2f; same top-10 as the exact float32 scan: %@",
                     first * 1e3, model.count, model.dimensions, zhFloor.median * 1e3, zh.median / zhFloor.median, exact ? "yes" : "NO"))
        print(String(format: "400,000 × 50 float16 scan (random unit rows, same run): %.3f ms, %.2f ns a row; zh-wiki per row / English per row = %.2f",
                     en.median * 1e3, enPerRow, zhPerRow / enPerRow))
        if options.json {
            let object: [String: Double] = ["zh_wiki_load_ms": load.median * 1e3, "nearest_zh_wiki_ms": zh.median * 1e3,
                                            "nearest_zh_wiki_ns_per_row": zhPerRow, "nearest_400k_random_ns_per_row": enPerRow,
                                            "nearest_zh_wiki_per_row_ratio": zhPerRow / enPerRow,
                                            "floor_zh_wiki_ms": zhFloor.median * 1e3, "nearest_zh_wiki_first_ms": first * 1e3, "nearest_zh_wiki_floor_ratio": zh.median / zhFloor.median,
                                            "nearest_zh_wiki_exact": exact ? 1 : 0]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

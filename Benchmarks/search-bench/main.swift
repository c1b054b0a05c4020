// search-bench: the first `search` of a session on a transformer encoder (release build, never run by the
// tests; scripts/bench-search.sh runs it). A learner types `:use e5-small`, then `search faq-en "…"`:
// before the collection's sentence vectors were cached, that first search encoded every document.
//
//   search-bench VECTORS_DIR [--encoder e5-small] [--collection faq-en] [--repeats 15] [--json]
//
// Each repeat is a fresh session (as a new `embedlab` would be): `:use ENCODER` (not timed), then the first
// search, timed in-process around Session.evaluate. Measured three ways:
//   uncached   the cache folder empty: every document encoded, then saved (what the first session ever pays)
//   cached     the vectors read back from the cache file (memory-mapped, checked): every later session
//   query      a second search in the same session (the query's own forward pass and the scan)
// Prints medians with min–max; with --json the last line is one JSON object (search_first_ms, …).
import Embeddings
import Encoders
import Foundation
import Workbench

struct Options {
    var directory = "vectors"
    var encoder = "e5-small"
    var collection = "faq-en"
    var repeats = 15
    var json = false
}

func parse() -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst()
    func value(_ name: String) -> String {
        guard let v = args.popFirst() else { usage("\(name) needs a value") }
        return v
    }
    var positional: [String] = []
    while let a = args.popFirst() {
        switch a {
        case "--encoder": o.encoder = value(a)
        case "--collection": o.collection = value(a)
        case "--repeats": guard let n = Int(value(a)), n > 0 else { usage("--repeats needs a positive count") }; o.repeats = n
        case "--json": o.json = true
        case "--profile-cached": _ = value(a)
        case "-h", "--help": usage(nil)
        default: positional.append(a)
        }
    }
    guard positional.count == 1 else { usage("give the folder of models (vectors)") }
    o.directory = positional[0]
    return o
}

func usage(_ problem: String?) -> Never {
    if let problem { FileHandle.standardError.write(Data("search-bench: \(problem)\n".utf8)) }
    print("usage: search-bench VECTORS_DIR [--encoder e5-small] [--collection faq-en] [--repeats 15] [--json]")
    exit(problem == nil ? 0 : 64)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
}

/// CPU seconds of every thread of this process, in milliseconds (a busy machine stretches wall-clock time).
func cpuMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) * 1e-6
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let o = parse()
let catalog = ModelCatalog(directories: [o.directory])
let cacheFolder = NSTemporaryDirectory() + "search-bench-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
let queries = ["I forgot my password", "can I get a refund", "how long does delivery take", "忘记密码了怎么办"]

func session() throws -> Session {
    let s = Session(catalog: catalog, model: try catalog.load("glove-50d"))
    s.searchState.vectorCacheFolder = cacheFolder
    _ = try s.evaluate(":use \(o.encoder)")
    return s
}

// --profile-cached N (for a profiler): fill the cache once, then only N cached first searches.
if let i = CommandLine.arguments.firstIndex(of: "--profile-cached"), i + 1 < CommandLine.arguments.count, let n = Int(CommandLine.arguments[i + 1]) {
    _ = try session().evaluate("search \(o.collection) \"\(queries[0])\" 5")
    for r in 0..<n {
        let s = try session()
        if ProcessInfo.processInfo.environment["SEARCH_BENCH_SPLIT"] != nil, let e = s.encoder {
            let f1 = milliseconds { _ = e.encode(queries[r % queries.count], as: .query, threads: 2) }
            let f2 = milliseconds { _ = e.encode(queries[r % queries.count], as: .query, threads: 2) }
            let t = milliseconds { _ = try? s.evaluate("search \(o.collection) \"\(queries[r % queries.count])\" 5") }
            print(String(format: "first forward %.1f ms, second %.1f ms, then the first search %.1f ms", f1, f2, t))
        } else {
            _ = try s.evaluate("search \(o.collection) \"\(queries[r % queries.count])\" 5")
        }
    }
    exit(0)
}
var uncached: [Double] = [], cached: [Double] = [], cachedCPU: [Double] = [], query: [Double] = []
var encode1: [Double] = [], encode2: [Double] = []
var sources: Set<String> = []
for r in 0..<o.repeats {
    let query1 = queries[r % queries.count], query2 = queries[(r + 1) % queries.count]
    // uncached: an empty cache folder
    try? FileManager.default.removeItem(atPath: cacheFolder)
    let cold = try session()
    uncached.append(try milliseconds { _ = try cold.evaluate("search \(o.collection) \"\(query1)\" 5") })
    // cached: a new session reads what the last one saved
    let warm = try session()
    let cpu0 = cpuMilliseconds()
    cached.append(try milliseconds { _ = try warm.evaluate("search \(o.collection) \"\(query1)\" 5") })
    cachedCPU.append(cpuMilliseconds() - cpu0)
    sources.insert("\(warm.searchState.vectorSources["\(o.encoder)/\(o.collection)"].map { "\($0)" } ?? "none")".components(separatedBy: "(").first ?? "")
    query.append(try milliseconds { _ = try warm.evaluate("search \(o.collection) \"\(query2)\" 5") })
    if let e = warm.encoder {
        encode1.append(milliseconds { _ = e.encode(query2, as: .query, threads: 1) })
        encode2.append(milliseconds { _ = e.encode(query2, as: .query, threads: 2) })
    }
}
guard sources == ["cached"] else {
    FileHandle.standardError.write(Data("search-bench: the second session did not read the cache (\(sources))\n".utf8))
    exit(1)
}
func spread(_ xs: [Double]) -> String { String(format: "%.1f ms (%.1f–%.1f)", median(xs), xs.min()!, xs.max()!) }
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
print("first search of a session, \(o.encoder) on \(o.collection), \(o.repeats) fresh sessions each (median, min–max); load \(load)")
print("  vectors computed and saved (no cache yet)  \(spread(uncached))")
print("  vectors read from the cache                \(spread(cached))")
print("    (CPU time of that search, all threads)   \(spread(cachedCPU))")
print("  a second search in the same session       \(spread(query))")
print("  the query's vector alone, 1 thread         \(spread(encode1))")
print("  the query's vector alone, 2 threads        \(spread(encode2))")
if o.json {
    let r3 = { (x: Double) in (x * 1000).rounded() / 1000 }
    let obj: [String: Any] = [
        "search_first_ms": r3(median(cached)), "search_first_ms_runs": cached.map(r3),
        "search_first_uncached_ms": r3(median(uncached)), "search_first_uncached_ms_runs": uncached.map(r3),
        "search_query_ms": r3(median(query)), "search_first_cpu_ms": r3(median(cachedCPU)),
        "search_encode_1_thread_ms": r3(median(encode1)), "search_encode_2_threads_ms": r3(median(encode2)), "search_encoder": o.encoder, "search_collection": o.collection,
    ]
    let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

// The approximate-neighbour benchmark (run by scripts/bench-ann.sh, never by the tests): builds
// EmbedLab's HNSW index over a raw float32 matrix on one thread, then answers held-out queries at
// one or more ef values, timing each pass and scoring recall@k against the exact top-k.
//
//     ann-bench BASE.f32 QUERIES.f32 TRUTH.i32 --cols 50 [--m 16] [--ef-construction 200]
//               [--ef 64,100] [--k 10] [--repeats 5] [--builds 1] [--save INDEX.hnsw | --load INDEX.hnsw]
//
// BASE and QUERIES are row-major little-endian float32; TRUTH holds k int32 row numbers per query,
// best first. Prints one JSON object per line: the build ({"build_s": [...]}) and one per ef.
import Foundation
import Index
import VectorMath

struct Arguments {
    var base = "", queries = "", truth = ""
    var cols = 0, m = 16, efConstruction = 200, k = 10, repeats = 5, builds = 1
    var efs: [Int] = [64]
    var save: String?
    var load: String?

    init(_ argv: [String]) {
        var positional: [String] = []
        var i = 1
        while i < argv.count {
            let a = argv[i]
            if a.hasPrefix("--") {
                guard i + 1 < argv.count else { Self.usage("\(a) needs a value") }
                let v = argv[i + 1]
                switch a {
                case "--cols": cols = Self.number(a, v)
                case "--m": m = Self.number(a, v)
                case "--ef-construction": efConstruction = Self.number(a, v)
                case "--k": k = Self.number(a, v)
                case "--repeats": repeats = Self.number(a, v)
                case "--builds": builds = Self.number(a, v)
                case "--ef": efs = v.split(separator: ",").map { Self.number(a, String($0)) }
                case "--save": save = v
                case "--load": load = v
                default: Self.usage("unknown option \(a)")
                }
                i += 2
            } else {
                positional.append(a)
                i += 1
            }
        }
        guard positional.count == 3, cols > 0 else { Self.usage("expected BASE.f32 QUERIES.f32 TRUTH.i32 and --cols") }
        (base, queries, truth) = (positional[0], positional[1], positional[2])
    }

    static func number(_ option: String, _ v: String) -> Int {
        guard let n = Int(v), n > 0 else { usage("\(option) wants a positive whole number, not '\(v)'") }
        return n
    }

    static func usage(_ problem: String) -> Never {
        FileHandle.standardError.write(Data("ann-bench: \(problem)\nusage: ann-bench BASE.f32 QUERIES.f32 TRUTH.i32 --cols 50 [--m 16] [--ef-construction 200] [--ef 64,100] [--k 10] [--repeats 5] [--builds 1] [--save INDEX.hnsw | --load INDEX.hnsw]\n".utf8))
        exit(64)
    }
}

func fail(_ problem: String) -> Never {
    FileHandle.standardError.write(Data("ann-bench: \(problem)\n".utf8))
    exit(1)
}

func readMatrix(_ path: String, cols: Int) -> Matrix {
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot be read") }
    guard data.count % (cols * 4) == 0 else { fail("\(path): \(data.count) bytes is not a whole number of \(cols)-float rows") }
    let values = data.withUnsafeBytes { raw in (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) } }
    return Matrix(rows: data.count / (cols * 4), columns: cols, values: values)
}

func readTruth(_ path: String, queries: Int, k: Int, rows: Int) -> [[Int]] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot be read") }
    guard data.count == queries * k * 4 else { fail("\(path): \(data.count) bytes, expected \(queries) × \(k) int32") }
    return data.withUnsafeBytes { raw in
        (0..<queries).map { q in (0..<k).map { j in
            let r = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: (q * k + j) * 4, as: Int32.self)))
            guard r >= 0, r < rows else { fail("\(path): row \(r) out of range") }
            return r
        } }
    }
}

/// Wall-clock and CPU seconds of `body` (the CPU time of this process: on a shared machine it shows
/// the work done, the wall clock also the waiting for a core).
func seconds(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    func cpuNow() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let t0 = DispatchTime.now().uptimeNanoseconds, c0 = cpuNow()
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9, cpuNow() - c0)
}

func json(_ object: [String: Any]) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { fail("cannot write \(object) as JSON") }
    return String(decoding: data, as: UTF8.self)
}

let args = Arguments(CommandLine.arguments)
let base = readMatrix(args.base, cols: args.cols)
let queries = readMatrix(args.queries, cols: args.cols)
let truth = readTruth(args.truth, queries: queries.rows, k: args.k, rows: base.rows)
let parameters = HNSWParameters(m: args.m, efConstruction: args.efConstruction)
FileHandle.standardError.write(Data("ann-bench: \(base.rows) × \(base.columns), \(queries.rows) queries, M=\(args.m), efConstruction=\(args.efConstruction), one thread\n".utf8))

var index: HNSWIndex?
var buildTimes: [Double] = [], buildCPU: [Double] = []
if let path = args.load {   // measuring queries alone: map a saved index instead of building
    do { index = try HNSWIndex.read(path: path, vectors: base) } catch { fail("\(error)") }
}
for _ in 0..<(args.load == nil ? args.builds : 0) {
    index = nil
    let t = try seconds { index = try HNSWIndex.build(base, parameters: parameters) }
    buildTimes.append(t.wall)
    buildCPU.append(t.cpu)
}
guard let index else { fail("no build") }
if let path = args.save { try index.write(to: path) }
print(json(["build_s": buildTimes, "build_cpu_s": buildCPU, "top_layer": index.topLayer]))

let queryRows = (0..<queries.rows).map { queries.row($0) }
for ef in args.efs {
    // An untimed pass that warms the caches and scores recall (as the hnswlib side does), then the
    // timed passes.
    var found = 0
    for (q, row) in queryRows.enumerated() {
        found += try index.nearest(to: row, k: args.k, ef: ef).reduce(0) { $0 + (truth[q].contains($1.index) ? 1 : 0) }
    }
    var times: [Double] = [], cpu: [Double] = []
    for _ in 0..<args.repeats {
        let t = try seconds {
            for row in queryRows { _ = try index.nearest(to: row, k: args.k, ef: ef) }
        }
        times.append(t.wall)
        cpu.append(t.cpu)
    }
    print(json(["ef": ef, "recall_at_10": Double(found) / Double(queries.rows * args.k),
                "qps": times.map { Double(queries.rows) / $0 }, "qps_cpu": cpu.map { Double(queries.rows) / $0 }]))
}

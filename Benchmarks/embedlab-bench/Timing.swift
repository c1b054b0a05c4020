#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Wall-clock timing on CLOCK_MONOTONIC, in seconds.
enum Stopwatch {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Runs `body` once; returns its result and the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let value = try body()
        return (value, Double(now() - start) / 1e9)
    }
}

/// Timings of repeated runs, in seconds, summarised as numpy summarises the peer's
/// (`np.percentile`, linear interpolation), so that medians and p90s compare like for like.
struct Samples {
    var seconds: [Double]

    init(_ seconds: [Double]) {
        precondition(!seconds.isEmpty, "no timings")
        self.seconds = seconds
    }

    func percentile(_ p: Double) -> Double {
        let sorted = seconds.sorted()
        let position = p / 100 * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    var median: Double { percentile(50) }
    var p90: Double { percentile(90) }
    var min: Double { seconds.min()! }
    var count: Int { seconds.count }

    /// Times `make` `repeats` times after `warmup` untimed runs; what it makes is freed only after
    /// the last run, outside the timings (freeing a model is not part of loading one).
    static func measure<T>(repeats: Int, warmup: Int = 0, making make: () throws -> T) rethrows -> (Samples, T) {
        for _ in 0..<warmup { consume(try make()) }
        var made: [T] = [], out: [Double] = []
        made.reserveCapacity(repeats)
        out.reserveCapacity(repeats)
        for _ in 0..<repeats {
            let (value, seconds) = try Stopwatch.time(make)
            made.append(value)
            out.append(seconds)
        }
        return (Samples(out), made.last!)
    }

    /// Times `body` `repeats` times after `warmup` untimed runs.
    static func measure(repeats: Int, warmup: Int = 0, _ body: () throws -> Void) rethrows -> Samples {
        for _ in 0..<warmup { try body() }
        var out: [Double] = []
        out.reserveCapacity(repeats)
        for _ in 0..<repeats { out.append(try Stopwatch.time(body).1) }
        return Samples(out)
    }
}

/// Keeps a computed value alive and observed, so the optimiser cannot drop the work that made it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

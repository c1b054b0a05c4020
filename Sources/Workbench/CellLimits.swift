import Foundation

/// The time limit and memory budget of one cell: what a document's line (a notebook's, a lesson's,
/// a graded answer's) may spend before it is stopped. Untrusted work always runs under limits; the
/// learner at the prompt has none (Ctrl-C stops anything).
///
///     session.limits = CellLimits(seconds: 5, memoryBytes: 512 << 20)
///     try session.evaluate("train word2vec corpus=small-world dim=1000 epochs=1000 window=100 negative=100")
///     // throws: "this line ran longer than the time limit (5 s) and was stopped …"
///
/// The time limit asks the work to stop (the same flag as Ctrl-C: training, evaluation, PCA, index
/// builds poll it). The budget is checked twice: training estimates its memory from the corpus and
/// the settings and refuses before it starts when the estimate exceeds the budget; and while a
/// line runs, the process's resident memory is sampled every 50 ms and the line is stopped when it
/// has grown by more than the budget. Work that does not stop within `grace` seconds of being asked calls
/// `onOverrun` (the command line prints one line and exits 1).
public struct CellLimits: Sendable, Equatable {
    /// Seconds one line may run (nil: no limit).
    public var seconds: Double?
    /// Bytes of memory a line may add to the process's resident memory while it runs (nil: no
    /// budget). Counted from what the process held when the line started, so that a large model
    /// already in use does not count against every line.
    public var memoryBytes: Int?

    public init(seconds: Double? = nil, memoryBytes: Int? = nil) {
        self.seconds = seconds
        self.memoryBytes = memoryBytes
    }

    /// No limits: the learner at the prompt.
    public static let none = CellLimits()
    /// The limits of a document run unless the command line says otherwise (`--time-limit`,
    /// `--memory-limit`): 60 s and 768 MB a line (a process that starts under 256 MB stays under 1 GB).
    public static let documentDefault = CellLimits(seconds: 60, memoryBytes: 768 << 20)
    /// Seconds a line has to stop after it was asked to, before `onOverrun` is called.
    public static let grace = 5.0

    /// The limits every new session of this process starts with: `none` unless the command line set
    /// them (before any session is made) for a document run.
    public static var processDefault: CellLimits {
        get { shared.lock.lock(); defer { shared.lock.unlock() }; return shared.limits }
        set { shared.lock.lock(); shared.limits = newValue; shared.lock.unlock() }
    }
    /// Called on a timer thread when a line did not stop within `grace` seconds of being asked to
    /// (its argument says why). Nil: nothing more is done (the line runs on).
    public static var onOverrun: (@Sendable (String) -> Void)? {
        get { shared.lock.lock(); defer { shared.lock.unlock() }; return shared.onOverrun }
        set { shared.lock.lock(); shared.onOverrun = newValue; shared.lock.unlock() }
    }
    private final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var limits = CellLimits.none
        var onOverrun: (@Sendable (String) -> Void)?
        var stopped = 0
        var lastStop: String?
    }
    private static let shared = Shared()

    /// Lines stopped by a limit in this process so far: a document run whose line was stopped is
    /// incomplete, and its command exits 1 even where a failed line alone would not (`demo`, `export`).
    public static var stoppedLines: Int {
        shared.lock.lock(); defer { shared.lock.unlock() }; return shared.stopped
    }
    /// The last line stopped, and why: "'train …': this line ran longer than the time limit (2 s) and was stopped".
    public static var lastStop: String? {
        shared.lock.lock(); defer { shared.lock.unlock() }; return shared.lastStop
    }
    static func countStop(_ description: String) {
        shared.lock.lock(); shared.stopped += 1; shared.lastStop = description; shared.lock.unlock()
    }

    /// "60 s", "1.5 s".
    public static func seconds(_ s: Double) -> String {
        s == s.rounded() && s < 1e15 ? "\(Int(s)) s" : String(format: "%.1f s", s)
    }

    /// "1 GB", "512 MB", "1.7 GB".
    public static func bytes(_ n: Int) -> String {
        let mb = Double(n) / Double(1 << 20)
        if mb < 1024 { return mb < 10 ? String(format: "%.1f MB", mb) : "\(Int(mb.rounded())) MB" }
        let gb = mb / 1024
        return gb == gb.rounded() ? "\(Int(gb)) GB" : String(format: "%.1f GB", gb)
    }

    /// The resident memory of this process in bytes (nil where it cannot be read).
    public static func residentBytes() -> Int? {
        #if os(Linux)
        // /proc/self/statm: size resident shared … in pages.
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
        guard n > 0 else { return nil }
        let fields = buffer[..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(getpagesize())
        #elseif canImport(Darwin)
        var info = mach_task_basic_info()
        var count = mach_msg_type_number_t(MemoryLayout<mach_task_basic_info>.size / MemoryLayout<natural_t>.size)
        let status = withUnsafeMutablePointer(to: &info) {
            $0.withMemoryRebound(to: integer_t.self, capacity: Int(count)) { task_info(mach_task_self_, task_flavor_t(MACH_TASK_BASIC_INFO), $0, &count) }
        }
        return status == KERN_SUCCESS ? Int(info.resident_size) : nil
        #else
        return nil
        #endif
    }
}

/// Watches one line while it runs: asks it to stop (through the session's cancellation) when its
/// time is up or the process passes the memory budget, and calls `CellLimits.onOverrun` when it
/// does not stop within the grace period.
final class CellWatch: @unchecked Sendable {
    /// Why a line was asked to stop: its time ran out, or it grew the process by this many bytes.
    enum Reason: Equatable { case time, memory(Int) }
    private let lock = NSLock()
    private var reason: Reason?
    private var askedAt: DispatchTime?
    private var overrunCalled = false
    private let timer: DispatchSourceTimer
    let limits: CellLimits

    init?(_ limits: CellLimits, cancellation: Cancellation, describe: @escaping @Sendable (Reason) -> String) {
        guard limits.seconds != nil || limits.memoryBytes != nil else { return nil }
        self.limits = limits
        let start = DispatchTime.now()
        let baseline = limits.memoryBytes == nil ? 0 : CellLimits.residentBytes() ?? 0
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        let interval = min(0.05, max(0.005, (limits.seconds ?? 1) / 20))
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(5))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let now = DispatchTime.now()
            let elapsed = Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            self.lock.lock()
            if self.reason == nil {
                if let s = limits.seconds, elapsed >= s { self.reason = .time }
                else if let budget = limits.memoryBytes, let resident = CellLimits.residentBytes(), resident - baseline > budget {
                    self.reason = .memory(resident - baseline)
                }
                if self.reason != nil { self.askedAt = now; cancellation.request() }
            }
            var overrun: Reason?
            if let reason = self.reason, let asked = self.askedAt, !self.overrunCalled,
               Double(now.uptimeNanoseconds - asked.uptimeNanoseconds) / 1e9 >= CellLimits.grace {
                self.overrunCalled = true
                overrun = reason
            }
            self.lock.unlock()
            if let overrun, let handler = CellLimits.onOverrun { handler(describe(overrun)) }
        }
        timer.resume()
    }

    /// Why the line was asked to stop (nil: it was not).
    var stopped: Reason? { lock.lock(); defer { lock.unlock() }; return reason }

    func finish() { timer.cancel() }

    deinit { timer.cancel() }
}

import Dispatch

/// Runs `body(0) ... body(n - 1)` on up to `n` threads (inline when `n` is 1) and returns the
/// results in order.
func parallelMap<T>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if n <= 1 { return n == 1 ? [body(0)] : [] }
    let slots = Slots<T>(count: n)
    DispatchQueue.concurrentPerform(iterations: n) { k in slots.set(k, body(k)) }
    return slots.values
}

/// One slot per parallel task; each task writes only its own slot, and the slots are read
/// after all tasks have finished.
final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ k: Int, _ value: T) { base[k] = value }
    var values: [T] { (0..<count).map { base[$0]! } }
}

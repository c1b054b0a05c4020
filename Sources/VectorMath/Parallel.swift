import Dispatch

// The thread helpers of every module, written once: trainers, encoders and kernels split their
// work with these, so that each module does not grow its own slots and sendable pointers.

/// Runs `body(0) ... body(n - 1)` on up to `n` threads (inline when `n` is 1) and returns the
/// results in order.
///
///     let sums = parallelMap(4) { t in part(t).reduce(0, +) }
public func parallelMap<T>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if n <= 1 { return n == 1 ? [body(0)] : [] }
    let slots = ResultSlots<T>(count: n)
    DispatchQueue.concurrentPerform(iterations: n) { k in slots.set(k, body(k)) }
    return slots.values
}

/// Splits 0..<count into at most `threads` contiguous chunks of at least `minimumPerThread` and
/// runs `body` on each, in parallel; a small job (or one thread) runs on the calling thread.
public func parallelChunks(_ count: Int, threads: Int, minimumPerThread: Int = 64, _ body: @Sendable (Range<Int>) -> Void) {
    let parts = min(max(1, threads), max(1, count / minimumPerThread))
    if parts == 1 { if count > 0 { body(0..<count) }; return }
    DispatchQueue.concurrentPerform(iterations: parts) { i in
        body((count * i / parts)..<(count * (i + 1) / parts))
    }
}

/// One slot per parallel task; each task writes only its own slot (raw storage, so that two
/// threads never write the same array), and the slots are read after all tasks have finished.
public final class ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    public init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    public func set(_ k: Int, _ value: T) { base[k] = value }
    public var values: [T] { (0..<count).map { base[$0]! } }
}

/// A pointer that may cross into `concurrentPerform`; each thread touches a disjoint part.
public struct SendablePointer<T>: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<T>
    public init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

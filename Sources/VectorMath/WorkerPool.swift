#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Threads started once and kept waiting, so that work of a few milliseconds or less (one
/// nearest-neighbour scan) can be split over the cores without starting a thread per query.
///
/// `run(parts:)` calls `body(0) … body(parts − 1)`, each exactly once, on the calling thread and the
/// waiting workers, and returns when all have finished. Parts are taken in order from a shared
/// counter, so a slow (descheduled) worker only delays the parts it took. If the pool is already
/// busy (another thread is using it, or `body` itself calls `run`), the parts run on the caller
/// one after another: never a deadlock, only less parallelism.
///
/// ```swift
/// var sums = [Float](repeating: 0, count: 4)
/// sums.withUnsafeMutableBufferPointer { out in
///     let o = SendablePointer(out.baseAddress!)
///     WorkerPool.shared.run(parts: 4) { part in o.pointer[part] = Float(part) }
/// }
/// ```
public final class WorkerPool: @unchecked Sendable {
    /// One worker per core beyond the caller's.
    public static let shared = WorkerPool(workers: Parallelism.cores - 1)

    /// Threads that can work at once: the workers and the caller.
    public let threadCount: Int

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let workAvailable: UnsafeMutablePointer<pthread_cond_t>
    private let workFinished: UnsafeMutablePointer<pthread_cond_t>
    /// Held by the one caller whose job is in the pool.
    private let callerMutex: UnsafeMutablePointer<pthread_mutex_t>

    // Guarded by `mutex`.
    private var job: ((Int) -> Void)?
    private var jobNumber = 0
    private var partCount = 0
    private var nextPart = 0
    private var finishedParts = 0

    public init(workers: Int) {
        threadCount = Swift.max(0, workers) + 1
        mutex = .allocate(capacity: 1)
        workAvailable = .allocate(capacity: 1)
        workFinished = .allocate(capacity: 1)
        callerMutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_mutex_init(callerMutex, nil)
        pthread_cond_init(workAvailable, nil)
        pthread_cond_init(workFinished, nil)
        for _ in 0..<Swift.max(0, workers) { startWorker() }
    }

    /// Runs `body(part)` for every part in 0..<parts and returns when all are done.
    public func run(parts: Int, _ body: (Int) -> Void) {
        guard parts > 1, threadCount > 1, pthread_mutex_trylock(callerMutex) == 0 else {
            for part in 0..<Swift.max(0, parts) { body(part) }
            return
        }
        defer { pthread_mutex_unlock(callerMutex) }
        withoutActuallyEscaping(body) { body in
            pthread_mutex_lock(mutex)
            job = body
            jobNumber &+= 1
            let number = jobNumber
            partCount = parts
            nextPart = 0
            finishedParts = 0
            pthread_cond_broadcast(workAvailable)
            pthread_mutex_unlock(mutex)

            work(job: number)

            pthread_mutex_lock(mutex)
            while finishedParts < partCount { pthread_cond_wait(workFinished, mutex) }
            job = nil   // the closure must not outlive this call
            pthread_mutex_unlock(mutex)
        }
    }

    /// Takes parts of job `number` until none are left (or another job has replaced it).
    private func work(job number: Int) {
        while true {
            do {
                pthread_mutex_lock(mutex)
                guard jobNumber == number, nextPart < partCount, let body = job else {
                    pthread_mutex_unlock(mutex)
                    return
                }
                let part = nextPart
                nextPart += 1
                pthread_mutex_unlock(mutex)
                body(part)
            }
            // The closure is released above, before the caller can see the part finished.
            pthread_mutex_lock(mutex)
            finishedParts += 1
            if finishedParts == partCount { pthread_cond_signal(workFinished) }
            pthread_mutex_unlock(mutex)
        }
    }

    private func workerLoop() {
        var seen = 0
        while true {
            pthread_mutex_lock(mutex)
            while jobNumber == seen { pthread_cond_wait(workAvailable, mutex) }
            seen = jobNumber
            pthread_mutex_unlock(mutex)
            work(job: seen)
        }
    }

    private func startWorker() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let pool = Unmanaged<WorkerPool>.fromOpaque(context).takeRetainedValue()
            pool.workerLoop()
            return nil
        }, context)
        pthread_attr_destroy(&attributes)
        if started != 0 { Unmanaged<WorkerPool>.fromOpaque(context).release() }
    }
}

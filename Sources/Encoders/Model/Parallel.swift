import Dispatch

/// Splits 0..<count into `threads` contiguous chunks and runs `body` on each, in parallel;
/// a small job (or one thread) runs on the calling thread.
func parallelChunks(_ count: Int, threads: Int, minimumPerThread: Int = 64, _ body: @Sendable (Range<Int>) -> Void) {
    let parts = min(max(1, threads), max(1, count / minimumPerThread))
    if parts == 1 { if count > 0 { body(0..<count) }; return }
    DispatchQueue.concurrentPerform(iterations: parts) { i in
        body((count * i / parts)..<(count * (i + 1) / parts))
    }
}

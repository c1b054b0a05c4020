import Foundation

/// A flag that long work (training, evaluation) polls between steps, set by Ctrl-C.
///
/// A signal handler may not take locks, so the REPL passes `signalFlag`: a closure that reads the
/// flag its SIGINT handler sets; `request()` is for everyone else (tests, the lesson runner).
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    private let signalFlag: @Sendable () -> Bool

    public init(signalFlag: @escaping @Sendable () -> Bool = { false }) {
        self.signalFlag = signalFlag
    }

    public var isRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return flag || signalFlag()
    }

    public func request() { lock.lock(); flag = true; lock.unlock() }
    public func reset() { lock.lock(); flag = false; lock.unlock() }
}

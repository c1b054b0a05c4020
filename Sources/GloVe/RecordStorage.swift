#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Co-occurrence records in one block of memory, reserved up front for at most `capacity`
/// records and filled from the start.
///
/// The counter knows a bound on the number of records before it counts (a row of X has at most
/// min(V, 2·window·occurrences) nonzeros), so the block is reserved once and never moved:
/// no copy of a 300 MB array while it grows, and no second copy alive at the peak. The
/// reservation is address space, not memory: only the pages that are written are ever backed.
final class RecordStorage: @unchecked Sendable {
    let base: UnsafeMutablePointer<CooccurrenceRecord>
    let capacity: Int
    private(set) var count = 0
    private var reservedBytes: Int

    init(capacity: Int) {
        let capacity = max(1, capacity)
        self.capacity = capacity
        reservedBytes = capacity * MemoryLayout<CooccurrenceRecord>.stride
        #if os(Linux)
        // Address space only; pages are backed when written.
        let raw = mmap(nil, reservedBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let raw, raw != MAP_FAILED else {
            fatalError("cannot reserve room for \(capacity) co-occurrence records (\(reservedBytes >> 20) MB)")
        }
        #else
        guard let raw = malloc(reservedBytes) else {
            fatalError("cannot reserve room for \(capacity) co-occurrence records (\(reservedBytes >> 20) MB)")
        }
        #endif
        base = raw.bindMemory(to: CooccurrenceRecord.self, capacity: capacity)
    }

    deinit {
        #if os(Linux)
        munmap(base, reservedBytes)
        #else
        free(base)
        #endif
    }

    var buffer: UnsafeBufferPointer<CooccurrenceRecord> {
        UnsafeBufferPointer(start: base, count: count)
    }

    @inline(__always)
    func append(_ record: CooccurrenceRecord) {
        precondition(count < capacity, "more co-occurrence records than reserved")
        base[count] = record
        count += 1
    }

    /// Makes room for `n` more records and returns where they go; the caller writes all of them.
    func extend(by n: Int) -> UnsafeMutablePointer<CooccurrenceRecord> {
        precondition(count + n <= capacity, "more co-occurrence records than reserved")
        defer { count += n }
        return base + count
    }

    func removeAll() { count = 0 }

    /// Gives the reserved address space beyond `count` back.
    func releaseUnusedCapacity() {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let used = (count * MemoryLayout<CooccurrenceRecord>.stride + page - 1) / page * page
        if used < reservedBytes {
            munmap(UnsafeMutableRawPointer(base) + used, reservedBytes - used)
            reservedBytes = used
        }
        #endif
    }
}

/// Which points a search has already looked at, cleared in O(1): every point carries the number
/// of the search that last visited it, and a new search just takes the next number. The marks
/// are wiped only when the 16-bit counter wraps (once per 65,535 searches), as in hnswlib's
/// `VisitedList`.
///
/// A plain pointer, not an array: the search tests and sets a mark for every link it follows,
/// and an array would check its bounds and its uniqueness each time.
struct VisitedSet {
    let marks: UnsafeMutablePointer<UInt16>
    let count: Int
    private(set) var current: UInt16 = 0

    /// Allocates the marks; `deallocate()` frees them (the owner, `SearchScratch`, does).
    init(count: Int) {
        self.count = count
        marks = .allocate(capacity: max(count, 1))
        marks.initialize(repeating: 0, count: max(count, 1))
    }

    func deallocate() { marks.deallocate() }

    /// Starts a new search: nothing is visited.
    mutating func clear() {
        if current == .max {
            marks.update(repeating: 0, count: max(count, 1))
            current = 0
        }
        current &+= 1
    }

    /// Marks `id` visited; returns whether it already was.
    @inline(__always)
    func insert(_ id: UInt32) -> Bool {
        let i = Int(id)
        if marks[i] == current { return true }
        marks[i] = current
        return false
    }
}

/// Which points a search has already looked at, cleared in O(1): every point carries the number
/// of the search that last visited it, and a new search just takes the next number. The array is
/// wiped only when the 16-bit counter wraps (once per 65,535 searches), as in hnswlib.
struct VisitedSet {
    private var marks: [UInt16]
    private var current: UInt16 = 0

    init(count: Int) { marks = [UInt16](repeating: 0, count: count) }

    /// Starts a new search: nothing is visited.
    mutating func clear() {
        if current == .max {
            for i in marks.indices { marks[i] = 0 }
            current = 0
        }
        current += 1
    }

    /// Marks `id` visited; returns whether it already was.
    @inline(__always)
    mutating func insert(_ id: UInt32) -> Bool {
        marks.withUnsafeMutableBufferPointer { m in
            let i = Int(id)
            if m[i] == current { return true }
            m[i] = current
            return false
        }
    }
}

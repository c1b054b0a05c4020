/// A point met during a graph search and its distance to the query, d = 1 − cos(query, point)
/// (the vectors are unit length, so this is 1 − their dot product, as hnswlib's cosine space).
struct Candidate {
    var distance: Float
    var id: UInt32
}

/// Which candidate a heap keeps on top.
protocol HeapOrder {
    /// Whether a candidate at distance `a` belongs above one at `b`.
    static func above(_ a: Float, _ b: Float) -> Bool
}

/// The nearest on top: the search's to-do list, "visit the closest unexplored point next".
enum NearestFirst: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a < b }
}

/// The farthest on top: the results so far. When they number ef, a new point gets in only by
/// beating the top, which then leaves.
enum FarthestFirst: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a > b }
}

/// A binary heap of candidates, ordered by `Order`, in memory the search owns (`SearchScratch`),
/// so that a query allocates nothing.
///
/// It grows by doubling when full, keeping the room for the next query.
struct CandidateHeap<Order: HeapOrder> {
    private(set) var storage: UnsafeMutablePointer<Candidate>
    private(set) var capacity: Int
    private(set) var count = 0

    /// An empty heap with room for `capacity` candidates (freed by `deallocate()`).
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    func deallocate() { storage.deallocate() }

    var isEmpty: Bool { count == 0 }
    var top: Candidate { storage[0] }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func push(_ c: Candidate) {
        if count == capacity { grow() }
        var child = count
        count &+= 1
        while child > 0 {
            let parent = (child &- 1) >> 1
            guard Order.above(c.distance, storage[parent].distance) else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = c
    }

    @discardableResult
    @inline(__always)
    mutating func pop() -> Candidate {
        let first = storage[0]
        count &-= 1
        let last = storage[count]
        let n = count
        guard n > 0 else { return first }
        var parent = 0
        while true {
            var child = 2 &* parent &+ 1
            if child >= n { break }
            if child &+ 1 < n, Order.above(storage[child &+ 1].distance, storage[child].distance) { child &+= 1 }
            guard Order.above(storage[child].distance, last.distance) else { break }
            storage[parent] = storage[child]
            parent = child
        }
        storage[parent] = last
        return first
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Candidate>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity *= 2
    }

    /// Empties the heap into `out`, nearest first.
    mutating func drainNearestFirst(into out: inout [Candidate]) {
        out.removeAll(keepingCapacity: true)
        while !isEmpty { out.append(pop()) }
        if Order.self == FarthestFirst.self { out.reverse() }
    }
}

/// A point met during a graph search and its distance to the query, d = 1 − cos(query, point)
/// (the vectors are unit length, so this is 1 − their dot product, as hnswlib's cosine space).
struct Candidate {
    var distance: Float
    var id: UInt32
}

/// A binary min-heap of candidates: the nearest is on top. The search's to-do list: "visit the
/// closest unexplored point next". Storage is kept between searches.
struct NearestFirstQueue {
    private(set) var items: [Candidate] = []

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var top: Candidate { items[0] }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ c: Candidate) {
        items.append(c)
        items.withUnsafeMutableBufferPointer { h in
            var child = h.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                guard h[parent].distance > c.distance else { break }
                h[child] = h[parent]
                child = parent
            }
            h[child] = c
        }
    }

    mutating func pop() -> Candidate {
        let first = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items.withUnsafeMutableBufferPointer { h in
                var parent = 0
                let n = h.count
                while true {
                    var child = 2 * parent + 1
                    if child >= n { break }
                    if child + 1 < n, h[child + 1].distance < h[child].distance { child += 1 }
                    guard h[child].distance < last.distance else { break }
                    h[parent] = h[child]
                    parent = child
                }
                h[parent] = last
            }
        }
        return first
    }
}

/// A binary max-heap of candidates: the farthest is on top. The search's results so far: when it
/// holds ef points, a new point gets in only by beating the top, which then leaves.
struct FarthestFirstQueue {
    private(set) var items: [Candidate] = []

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var top: Candidate { items[0] }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ c: Candidate) {
        items.append(c)
        items.withUnsafeMutableBufferPointer { h in
            var child = h.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                guard h[parent].distance < c.distance else { break }
                h[child] = h[parent]
                child = parent
            }
            h[child] = c
        }
    }

    @discardableResult
    mutating func pop() -> Candidate {
        let first = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items.withUnsafeMutableBufferPointer { h in
                var parent = 0
                let n = h.count
                while true {
                    var child = 2 * parent + 1
                    if child >= n { break }
                    if child + 1 < n, h[child + 1].distance > h[child].distance { child += 1 }
                    guard h[child].distance > last.distance else { break }
                    h[parent] = h[child]
                    parent = child
                }
                h[parent] = last
            }
        }
        return first
    }

    /// Empties the heap into `out`, nearest first.
    mutating func drainNearestFirst(into out: inout [Candidate]) {
        out.removeAll(keepingCapacity: true)
        while !isEmpty { out.append(pop()) }
        out.reverse()
    }
}

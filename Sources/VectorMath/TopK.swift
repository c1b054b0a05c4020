/// One scored row: the result of a nearest-neighbour scan.
public struct ScoredIndex: Equatable, Sendable {
    public var index: Int
    public var score: Float
    public init(index: Int, score: Float) { self.index = index; self.score = score }

    /// Order used everywhere: higher score first, and on a tie the lower index (the more frequent word) first.
    @inlinable
    public func ranksAbove(_ other: ScoredIndex) -> Bool {
        score > other.score || (score == other.score && index < other.index)
    }
}

/// Keeps the `k` best of a stream of scores in a bounded min-heap: O(n log k) for n scores,
/// and in practice O(n), because most scores lose against the heap's root with one comparison.
///
/// ```swift
/// var top = TopK(k: 2)
/// for (i, s) in [0.1, 0.9, 0.5].enumerated() { top.insert(index: i, score: Float(s)) }
/// top.sorted()   // [(1, 0.9), (2, 0.5)]
/// ```
public struct TopK: Sendable {
    public let k: Int
    @usableFromInline var heap: [ScoredIndex] = []   // heap[0] is the worst kept

    public init(k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(self.k)
    }

    /// The score a new entry must beat to get in (−∞ while the heap is not full, +∞ when k is 0).
    @inlinable
    public var threshold: Float { heap.count < k ? -.infinity : (k == 0 ? .infinity : heap[0].score) }

    @inlinable
    public mutating func insert(index: Int, score: Float) {
        guard k > 0, !score.isNaN else { return }
        let item = ScoredIndex(index: index, score: score)
        if heap.count < k {
            heap.append(item)
            siftUp(heap.count - 1)
        } else if item.ranksAbove(heap[0]) {
            heap[0] = item
            siftDown(0)
        }
    }

    /// Adds everything another `TopK` kept (used to merge per-thread results).
    public mutating func merge(_ other: TopK) {
        for item in other.heap { insert(index: item.index, score: item.score) }
    }

    /// The kept entries, best first.
    public func sorted() -> [ScoredIndex] {
        heap.sorted { $0.ranksAbove($1) }
    }

    @usableFromInline
    mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].ranksAbove(heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    @usableFromInline
    mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count, heap[worst].ranksAbove(heap[left]) { worst = left }
            if right < heap.count, heap[worst].ranksAbove(heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}

import CPrefetch
import VectorMath

extension HNSWIndex {
    /// d(q, p) = 1 − q·p for unit vectors, with p in float16 (the graph's walking distance):
    /// `q` is zero-padded to `graph.padded` floats.
    @inline(__always)
    func distance(_ q: UnsafePointer<Float>, _ p: Int) -> Float {
        1 - Kernels.dotHalfPadded(q, graph.half(p), count: graph.padded)
    }

    /// The same in float32: the distance a search answers with.
    @inline(__always)
    func exactDistance(_ q: UnsafePointer<Float>, _ p: Int) -> Float {
        1 - Kernels.dotPadded(q, graph.vector(p), count: graph.padded)
    }

    /// How far a float16 distance may be from the float32 one: 2⁻¹¹ (see `Kernels.dotHalfPadded`)
    /// and the sums' rounding, with room to spare.
    static let halfErrorBound: Float = 1e-3

    /// Asks for point `p`'s vector to be brought into the cache now, so that its cache misses
    /// overlap with the work on other points instead of each distance waiting for its own.
    @inline(__always)
    func prefetchVector(_ p: UInt32) {
        let record = UnsafeRawPointer(graph.records + Int(p) &* graph.stride)
        var offset = 0
        while offset < graph.slotOffset {   // the float16 vector: two lines for 50 dimensions
            embedlab_prefetch(record + offset)
            offset &+= 64
        }
    }

    /// Asks for point `p`'s layer-0 links (the end of its record) to be brought into the cache.
    @inline(__always)
    func prefetchLinks(_ p: UInt32) {
        let record = UnsafeRawPointer(graph.records + Int(p) &* graph.stride)
        var offset = graph.slotOffset & ~63
        while offset < graph.stride {
            embedlab_prefetch(record + offset)
            offset &+= 64
        }
    }

    /// Layers `from` down to `above`+1: move to a neighbour while one is closer (ef = 1), the
    /// paper's "greedy search" from the entry point. Returns the last point reached.
    func descend(_ q: UnsafePointer<Float>, from start: Candidate, layer top: Int, above bottom: Int) -> Candidate {
        var best = start
        guard top > bottom else { return best }
        for layer in stride(from: top, to: bottom, by: -1) {
            var moved = true
            while moved {
                moved = false
                let slot = graph.links(Int(best.id), layer: layer)
                let n = Int(slot[0])
                var j = 1
                while j <= n { prefetchVector(slot[j]); j &+= 1 }
                j = 1
                while j <= n {
                    let d = distance(q, Int(slot[j]))
                    if d < best.distance {
                        best = Candidate(distance: d, id: slot[j])
                        moved = true
                    }
                    j &+= 1
                }
            }
        }
        return best
    }

    /// SEARCH-LAYER of the paper (Algorithm 2) from one entry point: explore `layer` from the
    /// nearest unexplored candidate outwards, keeping the `ef` nearest points seen in
    /// `scratch.results`, and stop when the nearest unexplored candidate is farther than the
    /// farthest kept result.
    ///
    /// The memory, not the arithmetic, sets the pace: each expanded point leads to up to 2M
    /// vectors scattered over the whole matrix. So the unvisited neighbours are found first and
    /// all their vectors requested at once (software prefetch), then their distances computed
    /// while the later ones are still arriving; and the links of the next point to expand are
    /// requested before it is popped.
    func searchLayer(_ q: UnsafePointer<Float>, entry: Candidate, ef: Int, layer: Int, scratch: SearchScratch) {
        // The heaps and marks are plain pointers in structs: copied out of the scratch object
        // for the loop and back after it (a class's properties would be checked for exclusive
        // access at every use).
        var visited = scratch.visited, candidates = scratch.candidates, results = scratch.results
        defer { scratch.visited = visited; scratch.candidates = candidates; scratch.results = results }
        visited.clear()
        candidates.removeAll()
        results.removeAll()
        _ = visited.insert(entry.id)
        candidates.push(entry)
        results.push(entry)
        var farthest = entry.distance
        let ids = scratch.ids
        let padded = graph.padded
        while !candidates.isEmpty {
            let nearest = candidates.top
            if nearest.distance > farthest && results.count >= ef { break }
            candidates.pop()
            let slot = graph.links(Int(nearest.id), layer: layer)
            let n = Int(slot[0])
            // The unvisited neighbours, their vectors requested as soon as they are known.
            var fresh = 0
            var j = 1
            while j <= n {
                let id = slot[j]
                if !visited.insert(id) {
                    prefetchVector(id)
                    ids[fresh] = id
                    fresh &+= 1
                }
                j &+= 1
            }
            j = 0
            while j < fresh {
                let d = 1 - Kernels.dotHalfPadded(q, graph.half(Int(ids[j])), count: padded)
                if results.count < ef || d < farthest {
                    let c = Candidate(distance: d, id: ids[j])
                    candidates.push(c)
                    results.push(c)
                    if results.count > ef { results.pop() }
                    farthest = results.top.distance
                }
                j &+= 1
            }
            if layer == 0, !candidates.isEmpty { prefetchLinks(candidates.top.id) }
        }
    }

    /// K-NN-SEARCH of the paper (Algorithm 5): descend to layer 1, search layer 0 with
    /// max(ef, k) candidates, return the k nearest as cosine scores, best first.
    ///
    /// The walk compares in float16; the answer is ranked in float32. Each float16 distance is
    /// within `halfErrorBound` (ε) of the float32 one, so a candidate more than 2ε beyond the k-th
    /// float16 distance is beaten in float32 by each of those k and cannot be among the k best:
    /// only the candidates up to that line are measured again, and the k best of them by float32
    /// distance are exactly the k best of all the candidates found.
    func search(_ query: UnsafePointer<Float>, k: Int, ef: Int, scratch: SearchScratch) -> [ScoredIndex] {
        guard graph.entryPoint >= 0, k > 0 else { return [] }
        let q = UnsafePointer(scratch.query)
        scratch.query.update(from: query, count: graph.dimensions)
        let entry = Candidate(distance: distance(q, graph.entryPoint), id: UInt32(graph.entryPoint))
        let start = descend(q, from: entry, layer: graph.maxLevel, above: 0)
        searchLayer(q, entry: start, ef: max(ef, k), layer: 0, scratch: scratch)
        scratch.results.drainNearestFirst(into: &scratch.sorted)
        let found = scratch.sorted.count
        guard found > 0 else { return [] }
        let line = scratch.sorted[min(k, found) - 1].distance + 2 * Self.halfErrorBound
        var n = 0
        // `!(d > line)`, not `d <= line`: should a distance be NaN, every candidate is measured again.
        while n < found && !(scratch.sorted[n].distance > line) {
            let row = UnsafeRawPointer(graph.vector(Int(scratch.sorted[n].id)))
            var offset = 0
            while offset < graph.padded &* 4 { embedlab_prefetch(row + offset); offset &+= 64 }
            n += 1
        }
        for i in 0..<n { scratch.sorted[i].distance = exactDistance(q, Int(scratch.sorted[i].id)) }
        scratch.sorted.removeLast(found - n)
        scratch.sorted.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.id < $1.id) }
        return scratch.sorted.prefix(k).map { ScoredIndex(index: Int($0.id), score: 1 - $0.distance) }
    }
}

import VectorMath

extension HNSWIndex {
    /// d(q, p) = 1 − q·p for unit vectors.
    @inline(__always)
    func distance(_ q: UnsafePointer<Float>, _ p: Int) -> Float {
        unitVectors.withUnsafeBufferPointer { base in
            1 - Kernels.dot(q, base.baseAddress! + p &* dimensions, count: dimensions)
        }
    }

    /// Layers `from` down to `above`+1: move to a neighbour while one is closer (ef = 1), the
    /// paper's "greedy search" from the entry point. Returns the last point reached.
    func descend(_ q: UnsafePointer<Float>, from start: Candidate, layer top: Int, above bottom: Int, scratch: SearchScratch) -> Candidate {
        var best = start
        guard top > bottom else { return best }
        let dims = dimensions
        unitVectors.withUnsafeBufferPointer { base in
            scratch.scores.withUnsafeMutableBufferPointer { scores in
                for layer in stride(from: top, to: bottom, by: -1) {
                    var moved = true
                    while moved {
                        moved = false
                        let slot = graph.links(Int(best.id), layer: layer)
                        let n = Int(slot[0])
                        Kernels.dots(q, rows: base.baseAddress!, stride: dims, ids: slot + 1, count: n, into: scores.baseAddress!)
                        for j in 0..<n {
                            let d = 1 - scores[j]
                            if d < best.distance {
                                best = Candidate(distance: d, id: slot[1 + j])
                                moved = true
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    /// SEARCH-LAYER of the paper (Algorithm 2) from one entry point: explore `layer` from the
    /// nearest unexplored candidate outwards, keeping the `ef` nearest points seen in
    /// `scratch.results`, and stop when the nearest unexplored candidate is farther than the
    /// farthest kept result.
    func searchLayer(_ q: UnsafePointer<Float>, entry: Candidate, ef: Int, layer: Int, scratch: SearchScratch) {
        // The heaps and marks are moved out of the scratch object for the loop and back after it:
        // mutating a class's stored properties in place costs a run-time exclusivity check per call.
        var visited = VisitedSet(count: 0), candidates = NearestFirstQueue(), results = FarthestFirstQueue()
        swap(&visited, &scratch.visited); swap(&candidates, &scratch.candidates); swap(&results, &scratch.results)
        defer { swap(&visited, &scratch.visited); swap(&candidates, &scratch.candidates); swap(&results, &scratch.results) }
        visited.clear()
        candidates.removeAll()
        results.removeAll()
        _ = visited.insert(entry.id)
        candidates.push(entry)
        results.push(entry)
        let dims = dimensions
        unitVectors.withUnsafeBufferPointer { base in
            scratch.ids.withUnsafeMutableBufferPointer { ids in
                scratch.scores.withUnsafeMutableBufferPointer { scores in
                    while !candidates.isEmpty {
                        let nearest = candidates.pop()
                        if nearest.distance > results.top.distance && results.count >= ef { break }
                        let slot = graph.links(Int(nearest.id), layer: layer)
                        // The unvisited neighbours, then all their dot products in one kernel call.
                        var fresh = 0
                        for j in 0..<Int(slot[0]) {
                            let id = slot[1 + j]
                            if !visited.insert(id) { ids[fresh] = id; fresh += 1 }
                        }
                        Kernels.dots(q, rows: base.baseAddress!, stride: dims, ids: ids.baseAddress!, count: fresh, into: scores.baseAddress!)
                        for j in 0..<fresh {
                            let d = 1 - scores[j]
                            if results.count < ef || d < results.top.distance {
                                let c = Candidate(distance: d, id: ids[j])
                                candidates.push(c)
                                results.push(c)
                                if results.count > ef { results.pop() }
                            }
                        }
                    }
                }
            }
        }
    }

    /// K-NN-SEARCH of the paper (Algorithm 5): descend to layer 1, search layer 0 with
    /// max(ef, k) candidates, return the k nearest as cosine scores, best first.
    func search(_ q: UnsafePointer<Float>, k: Int, ef: Int, scratch: SearchScratch) -> [ScoredIndex] {
        guard graph.entryPoint >= 0, k > 0 else { return [] }
        let entry = Candidate(distance: distance(q, graph.entryPoint), id: UInt32(graph.entryPoint))
        let start = descend(q, from: entry, layer: graph.maxLevel, above: 0, scratch: scratch)
        searchLayer(q, entry: start, ef: max(ef, k), layer: 0, scratch: scratch)
        while scratch.results.count > k { scratch.results.pop() }
        scratch.results.drainNearestFirst(into: &scratch.sorted)
        return scratch.sorted.map { ScoredIndex(index: Int($0.id), score: 1 - $0.distance) }
    }
}

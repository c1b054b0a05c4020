import VectorMath

extension HNSWIndex {
    /// SELECT-NEIGHBORS-HEURISTIC of the paper (Algorithm 4), as hnswlib applies it: walk the
    /// candidates from nearest to farthest and keep one only if it is nearer to the base point
    /// than to every candidate kept so far. A candidate that is closer to a kept neighbour is
    /// reachable through it, so its link would be wasted; skipping it keeps links pointing in
    /// different directions, which is what lets a greedy walk cross between clusters.
    ///
    /// `candidates` must be sorted nearest first (distances to the base point); keeps at most
    /// `limit` of them in `selected`. Candidates are compared with the kept ones in float16, as the
    /// walk compares: a candidate's float16 vector, just read by the search that found it, is
    /// widened into `point` (room for `graph.padded` floats) rather than its float32 row fetched.
    func selectNeighbours(_ candidates: [Candidate], limit: Int, into selected: inout [Candidate],
                          point: UnsafeMutablePointer<Float>) {
        selected.removeAll(keepingCapacity: true)
        if candidates.count <= limit {
            selected.append(contentsOf: candidates)
            return
        }
        for c in candidates {
            if selected.count >= limit { break }
            Kernels.widenHalf(graph.half(Int(c.id)), into: point, count: graph.padded)
            let cp = UnsafePointer(point)
            var diverse = true
            for s in selected where distance(cp, Int(s.id)) < c.distance {
                diverse = false
                break
            }
            if diverse { selected.append(c) }
        }
    }
}

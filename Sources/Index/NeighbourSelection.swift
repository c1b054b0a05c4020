import VectorMath

extension HNSWIndex {
    /// SELECT-NEIGHBORS-HEURISTIC of the paper (Algorithm 4), as hnswlib applies it: walk the
    /// candidates from nearest to farthest and keep one only if it is nearer to the base point
    /// than to every candidate kept so far. A candidate that is closer to a kept neighbour is
    /// reachable through it, so its link would be wasted; skipping it keeps links pointing in
    /// different directions, which is what lets a greedy walk cross between clusters.
    ///
    /// `candidates` must be sorted nearest first (distances to the base point); keeps at most
    /// `limit` of them in `selected`.
    func selectNeighbours(_ candidates: [Candidate], limit: Int, into selected: inout [Candidate]) {
        selected.removeAll(keepingCapacity: true)
        if candidates.count <= limit {
            selected.append(contentsOf: candidates)
            return
        }
        for c in candidates {
            if selected.count >= limit { break }
            let cp = UnsafePointer(graph.vector(Int(c.id)))
            var diverse = true
            for s in selected where distance(cp, Int(s.id)) < c.distance {
                diverse = false
                break
            }
            if diverse { selected.append(c) }
        }
    }
}

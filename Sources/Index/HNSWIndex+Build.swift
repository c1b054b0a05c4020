import Foundation
import VectorMath

extension HNSWIndex {
    /// Builds the graph over the rows of `vectors` (cosine), inserting them in row order
    /// (the paper's Algorithm 1 for each row), on one thread, so that the same input and seed
    /// give the same graph.
    ///
    /// `progress` is called with the number of rows inserted so far about a thousand times;
    /// `shouldStop` is polled every few hundred rows, and when it answers true the build throws
    /// `IndexError.cancelled` and keeps nothing.
    public static func build(_ vectors: Matrix, parameters: HNSWParameters = HNSWParameters(),
                             progress: ((Int, Int) -> Void)? = nil,
                             shouldStop: (() -> Bool)? = nil) throws -> HNSWIndex {
        let parameters = try parameters.validated()
        guard vectors.rows < Int(UInt32.max) else {
            throw IndexError.badParameter("\(vectors.rows) rows are more than an index can number (2³² − 1)")
        }
        // Every row's top layer, drawn in advance from the seed: ⌊−ln(u)·m_L⌋, u in (0, 1].
        var rng = SeededGenerator(seed: parameters.seed)
        let mL = parameters.levelMultiplier
        let levels: [UInt8] = (0..<vectors.rows).map { _ in
            let u = 1 - rng.nextDouble()
            return UInt8(min(HNSWIndex.highestLayer, Int(-log(u) * mL)))
        }
        let index = HNSWIndex(parameters: parameters, fingerprint: vectors.sampleFingerprint(),
                              graph: HNSWGraph(unitVectors: vectors.normalizedRows(), levels: levels, m: parameters.m))
        let work = BuildScratch(count: vectors.rows, maxLinks: index.graph.m0, padded: index.graph.padded)
        let report = max(1, vectors.rows / 1000)
        for p in 0..<vectors.rows {
            if p % 256 == 0, shouldStop?() == true { throw IndexError.cancelled(inserted: p, of: vectors.rows) }
            index.insert(p, work: work)
            if (p + 1) % report == 0 || p + 1 == vectors.rows { progress?(p + 1, vectors.rows) }
        }
        return index
    }

    /// No point is drawn above this layer (the chance of reaching it with M = 16 is 16⁻³¹).
    static let highestLayer = 31

    /// INSERT of the paper (Algorithm 1): greedy descent to the point's top layer, then on each
    /// layer from there down a search with efConstruction candidates, links to the neighbours
    /// the heuristic selects, and the links back, pruned by the same heuristic when full.
    func insert(_ p: Int, work: BuildScratch) {
        let level = Int(graph.levels[p])
        guard graph.entryPoint >= 0 else {
            graph.entryPoint = p
            graph.maxLevel = level
            return
        }
        let q = UnsafePointer(graph.vector(p))
        var entry = Candidate(distance: distance(q, graph.entryPoint), id: UInt32(graph.entryPoint))
        entry = descend(q, from: entry, layer: graph.maxLevel, above: level)
        for layer in stride(from: min(level, graph.maxLevel), through: 0, by: -1) {
            searchLayer(q, entry: entry, ef: parameters.efConstruction, layer: layer, scratch: work.search)
            work.search.results.drainNearestFirst(into: &work.found)
            selectNeighbours(work.found, limit: parameters.m, into: &work.selected, point: work.point)
            let slot = graph.links(p, layer: layer)
            slot[0] = UInt32(work.selected.count)
            for (j, s) in work.selected.enumerated() { slot[1 + j] = s.id }
            for s in work.selected { link(Int(s.id), to: p, distance: s.distance, layer: layer, work: work) }
            entry = work.found[0]
        }
        if level > graph.maxLevel {
            graph.entryPoint = p
            graph.maxLevel = level
        }
    }

    /// Adds the link `from → to`; when `from` already has as many links as its layer allows,
    /// its old links and the new one compete again through the heuristic.
    private func link(_ from: Int, to: Int, distance: Float, layer: Int, work: BuildScratch) {
        let slot = graph.links(from, layer: layer)
        let n = Int(slot[0]), capacity = graph.capacity(layer: layer)
        if n < capacity {
            slot[1 + n] = UInt32(to)
            slot[0] = UInt32(n + 1)
            return
        }
        Kernels.widenHalf(graph.half(from), into: work.from, count: graph.padded)
        let f = UnsafePointer(work.from)
        work.rivals.removeAll(keepingCapacity: true)
        work.rivals.append(Candidate(distance: distance, id: UInt32(to)))
        for j in 0..<n { work.rivals.append(Candidate(distance: self.distance(f, Int(slot[1 + j])), id: slot[1 + j])) }
        work.rivals.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.id < $1.id) }
        selectNeighbours(work.rivals, limit: capacity, into: &work.pruned, point: work.point)
        slot[0] = UInt32(work.pruned.count)
        for (j, s) in work.pruned.enumerated() { slot[1 + j] = s.id }
    }
}

/// Buffers the build reuses for every insertion.
final class BuildScratch {
    let search: SearchScratch
    var found: [Candidate] = []
    var selected: [Candidate] = []
    var rivals: [Candidate] = []
    var pruned: [Candidate] = []
    /// A candidate's and a linked point's float16 vectors widened to float32 (`selectNeighbours`, `link`).
    let point: UnsafeMutablePointer<Float>
    let from: UnsafeMutablePointer<Float>

    init(count: Int, maxLinks: Int, padded: Int) {
        search = SearchScratch(count: count, maxLinks: maxLinks, padded: padded)
        point = .allocate(capacity: max(padded, 8))
        from = .allocate(capacity: max(padded, 8))
    }

    deinit {
        point.deallocate()
        from.deallocate()
    }
}

import Foundation
import VectorMath

/// An approximate nearest-neighbour index over the rows of a matrix, by cosine similarity: a
/// Hierarchical Navigable Small World graph (Yu. A. Malkov and D. A. Yashunin, "Efficient and
/// robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs",
/// IEEE TPAMI 2018).
///
/// Every row is a point; points are linked to near points on layer 0, and a thinning sample of
/// them again on layers 1, 2, … A search enters at the top, walks greedily down the sparse layers
/// to the right region, then explores layer 0 keeping the `ef` best points seen. Instead of
/// comparing the query with all n rows it compares it with a few thousand, and finds most of the
/// true neighbours: recall is traded for speed with `ef`.
///
/// Rows are compared by cosine: the index keeps its own unit-length copies of the rows, in float16
/// beside each row's layer-0 links for the walk and in float32 for the answer (see `HNSWGraph`), and
/// the distance inside the graph is d = 1 − cos. Scores returned are float32 cosines, as in exact
/// search. For 399,000 × 50 the two copies and the layer-0 links take 192 MB (float32 beside the links
/// alone: 153 MB).
///
/// ```swift
/// let index = try HNSWIndex.build(model.matrix, parameters: HNSWParameters(m: 16, efConstruction: 200))
/// let best = try index.nearest(to: model.matrix.row(42), k: 10, ef: 64)   // [ScoredIndex], best first
/// try index.write(to: "glove-50d.hnsw")
/// let again = try HNSWIndex.read(path: "glove-50d.hnsw", vectors: model.matrix)
/// ```
public final class HNSWIndex: @unchecked Sendable {
    /// The parameters it was built with.
    public let parameters: HNSWParameters
    /// A fingerprint of the matrix it was built from, so that a saved index is never used with other vectors.
    public let fingerprint: UInt64
    let graph: HNSWGraph
    private let scratchLock = NSLock()
    private var scratch: SearchScratch

    init(parameters: HNSWParameters, fingerprint: UInt64, graph: HNSWGraph) {
        self.parameters = parameters
        self.fingerprint = fingerprint
        self.graph = graph
        scratch = SearchScratch(count: graph.count, maxLinks: graph.m0, padded: graph.padded)
    }

    /// How many rows are indexed.
    public var count: Int { graph.count }
    /// Their dimension.
    public var dimensions: Int { graph.dimensions }
    /// The highest layer of the graph (0 for a single layer).
    public var topLayer: Int { graph.maxLevel }

    /// The number of points whose top layer is `layer` or higher.
    public func pointCount(onLayer layer: Int) -> Int {
        (0..<count).reduce(0) { $0 + (Int(graph.levels[$1]) >= layer ? 1 : 0) }
    }

    /// The links of point `p` on `layer` (empty above its top layer).
    public func links(of p: Int, layer: Int) -> [Int] {
        guard p >= 0, p < count, layer >= 0, layer <= Int(graph.levels[p]) else { return [] }
        let slot = graph.links(p, layer: layer)
        return (0..<Int(slot[0])).map { Int(slot[1 + $0]) }
    }

    /// The `k` rows most similar to `query` by cosine, best first, searching with `ef` candidates
    /// (at least `k`; more finds more of the true neighbours and takes longer).
    /// Fewer than `k` come back only when the index holds fewer rows. A query holding NaN or an infinity is refused.
    public func nearest(to query: [Float], k: Int, ef: Int) throws -> [ScoredIndex] {
        guard query.count == dimensions else { throw IndexError.dimensionMismatch(query: query.count, index: dimensions) }
        guard k > 0 else { throw IndexError.badParameter("k=\(k): ask for at least one neighbour") }
        guard ef > 0 else { throw IndexError.badParameter("ef=\(ef): the search needs at least one candidate") }
        // A NaN or an infinity has no distance to anything: refuse it here rather than answer with nothing.
        if let i = query.firstIndex(where: { !$0.isFinite }) {
            throw IndexError.badParameter("the query's value \(i + 1) is \(query[i]): give a query of finite numbers")
        }
        var unit = query.normalized
        return unit.withUnsafeMutableBufferPointer { q in nearest(unit: q.baseAddress!, k: k, ef: ef) }
    }

    /// The same search for a query that is already unit length (no checks, no copy): the form a
    /// benchmark loop calls.
    public func nearest(unit query: UnsafePointer<Float>, k: Int, ef: Int) -> [ScoredIndex] {
        scratchLock.lock(); defer { scratchLock.unlock() }
        return search(query, k: k, ef: ef, scratch: scratch)
    }
}

/// Buffers one search reuses, so that a query allocates nothing but its answer.
final class SearchScratch {
    var visited: VisitedSet
    var candidates = CandidateHeap<NearestFirst>(capacity: 256)
    var results = CandidateHeap<FarthestFirst>(capacity: 256)
    var sorted: [Candidate] = []
    /// The unvisited neighbours of the point being expanded.
    let ids: UnsafeMutablePointer<UInt32>
    /// The query, zero-padded to the graph's padded length.
    let query: UnsafeMutablePointer<Float>

    init(count: Int, maxLinks: Int, padded: Int) {
        visited = VisitedSet(count: count)
        ids = .allocate(capacity: maxLinks + 1)
        query = .allocate(capacity: max(padded, 8))
        query.initialize(repeating: 0, count: max(padded, 8))
    }

    deinit {
        visited.deallocate()
        candidates.deallocate()
        results.deallocate()
        ids.deallocate()
        query.deallocate()
    }
}

extension Matrix {
    /// A 64-bit FNV-1a hash of the shape and of up to 257 rows spread over the matrix: cheap, and
    /// different for different models in practice. An index records it and refuses other vectors.
    public func sampleFingerprint() -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ x: UInt64) { for s in stride(from: 0, to: 64, by: 8) { h = (h ^ ((x >> UInt64(s)) & 0xFF)) &* 0x0000_0100_0000_01B3 } }
        mix(UInt64(rows)); mix(UInt64(columns))
        guard rows > 0 else { return h }
        let step = Swift.max(1, rows / 256)
        withUnsafeBufferPointer { b in
            for r in Swift.Array(stride(from: 0, to: rows, by: step)) + [rows - 1] {
                for c in 0..<columns { mix(UInt64(b[r * columns + c].bitPattern)) }
            }
        }
        return h
    }
}

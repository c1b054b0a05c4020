/// The links of an HNSW graph, in flat arrays that can be written to a file and mapped back.
///
/// Every point has a top layer `levels[p]` and one link list per layer 0…levels[p]. A link list
/// is a count followed by that many point numbers, in a fixed-size slot:
///
/// - layer 0: `layerZero[p·(M₀+1) ..< (p+1)·(M₀+1)]`, M₀ = 2M links at most;
/// - layers 1…L: consecutive slots of M+1 numbers in `upper`, the point's first one at
///   `upperStart[p]` (the running sum of the levels before it).
///
/// The arrays are either allocated here (a build) or borrowed from a memory-mapped file (a load),
/// in which case they are never written.
final class HNSWGraph: @unchecked Sendable {
    let count: Int
    let m: Int
    let m0: Int
    let levels: UnsafeMutablePointer<UInt8>
    let layerZero: UnsafeMutablePointer<UInt32>
    let upper: UnsafeMutablePointer<UInt32>
    let upperSlots: Int
    let upperStart: [UInt32]
    var entryPoint: Int
    var maxLevel: Int
    private let mapping: AnyObject?

    /// A graph with no links yet, for `levels` drawn in advance (the build).
    init(levels drawn: [UInt8], m: Int) {
        count = drawn.count
        self.m = m
        m0 = 2 * m
        var starts = [UInt32](repeating: 0, count: drawn.count)
        var slots = 0
        for (p, l) in drawn.enumerated() { starts[p] = UInt32(slots); slots += Int(l) }
        upperStart = starts
        upperSlots = slots
        let levelStore = UnsafeMutablePointer<UInt8>.allocate(capacity: max(drawn.count, 1))
        levelStore.initialize(repeating: 0, count: max(drawn.count, 1))
        for (p, l) in drawn.enumerated() { levelStore[p] = l }
        levels = levelStore
        layerZero = .allocate(capacity: max(count * (m0 + 1), 1))
        layerZero.initialize(repeating: 0, count: max(count * (m0 + 1), 1))
        upper = .allocate(capacity: max(slots * (m + 1), 1))
        upper.initialize(repeating: 0, count: max(slots * (m + 1), 1))
        entryPoint = -1
        maxLevel = 0
        mapping = nil
    }

    /// A graph whose arrays live in a mapped file (already checked by the reader).
    init(count: Int, m: Int, levels: UnsafeMutablePointer<UInt8>, layerZero: UnsafeMutablePointer<UInt32>,
         upper: UnsafeMutablePointer<UInt32>, upperSlots: Int, upperStart: [UInt32], entryPoint: Int, maxLevel: Int, mapping: AnyObject) {
        self.count = count
        self.m = m
        m0 = 2 * m
        self.levels = levels
        self.layerZero = layerZero
        self.upper = upper
        self.upperSlots = upperSlots
        self.upperStart = upperStart
        self.entryPoint = entryPoint
        self.maxLevel = maxLevel
        self.mapping = mapping
    }

    deinit {
        if mapping == nil {
            levels.deallocate()
            layerZero.deallocate()
            upper.deallocate()
        }
    }

    /// The link slot of point `p` on `layer`: slot[0] is the number of links, slot[1...] the links.
    @inline(__always)
    func links(_ p: Int, layer: Int) -> UnsafeMutablePointer<UInt32> {
        if layer == 0 { return layerZero + p &* (m0 &+ 1) }
        return upper + (Int(upperStart[p]) &+ layer &- 1) &* (m &+ 1)
    }

    /// The most links a point may keep on `layer`.
    @inline(__always)
    func capacity(layer: Int) -> Int { layer == 0 ? m0 : m }
}

import VectorMath

/// The points of an HNSW graph and their links, laid out for the search.
///
/// Every point has a top layer `levels[p]` and one link list per layer 0…levels[p]. A link list
/// is a count followed by that many point numbers, in a fixed-size slot.
///
/// Layer 0 is where a search spends nearly all its time: it reads a point's links, then the
/// vectors of the points they lead to, from all over memory. So each point has one record, 64-byte
/// aligned, holding its unit vector in float16 and then its layer-0 slot (as hnswlib keeps
/// `data_level0_memory_`, there in float32):
///
/// ```
/// record p (stride bytes, a multiple of 64):  d′ float16 (the unit vector, zero-padded to d′, a
///                                             multiple of 8) | count | 2M links | padding
/// ```
///
/// For 50 dimensions and M = 16 a record is 256 bytes, four cache lines, the vector in the first
/// two (in float32 it was six lines, the vector in four). Reading a point's vector brings the start
/// of its link list with it, and the records of the next neighbours can be prefetched as a whole.
/// The search walks the graph with these float16 distances (within 4.9·10⁻⁴ of float32's, see
/// `Kernels.dotHalfPadded`); the exact float32 unit vectors (`exact`, zero-padded to d′ too) rank
/// its last candidates, so the scores returned are float32 cosines. The upper layers, visited a few times per
/// search, are consecutive slots of M+1 numbers in `upper`, a point's first one at
/// `upperStart[p]` (the running sum of the levels before it).
///
/// `levels` and `upper` are either allocated here (a build) or borrowed from a memory-mapped file
/// (a load); the records are always allocated, the vectors copied from the model.
final class HNSWGraph: @unchecked Sendable {
    let count: Int
    let m: Int
    let m0: Int
    let dimensions: Int
    /// The dimensions rounded up to a multiple of 8: the length of a padded vector.
    let padded: Int
    /// Bytes from one record to the next.
    let stride: Int
    /// Where the layer-0 slot starts in a record: right after the vector.
    let slotOffset: Int
    let records: UnsafeMutableRawPointer
    /// The float32 unit vectors, `padded` floats per point, 64-byte aligned.
    let exact: UnsafeMutablePointer<Float>
    let levels: UnsafeMutablePointer<UInt8>
    let upper: UnsafeMutablePointer<UInt32>
    let upperSlots: Int
    let upperStart: [UInt32]
    var entryPoint: Int
    var maxLevel: Int
    private let mapping: AnyObject?

    /// A graph with no links yet over the unit-length rows of `vectors`, for `levels` drawn in
    /// advance (the build).
    convenience init(unitVectors vectors: Matrix, levels drawn: [UInt8], m: Int) {
        var starts = [UInt32](repeating: 0, count: drawn.count)
        var slots = 0
        for (p, l) in drawn.enumerated() { starts[p] = UInt32(slots); slots += Int(l) }
        let levelStore = UnsafeMutablePointer<UInt8>.allocate(capacity: max(drawn.count, 1))
        levelStore.initialize(repeating: 0, count: max(drawn.count, 1))
        for (p, l) in drawn.enumerated() { levelStore[p] = l }
        let upper = UnsafeMutablePointer<UInt32>.allocate(capacity: max(slots * (m + 1), 1))
        upper.initialize(repeating: 0, count: max(slots * (m + 1), 1))
        self.init(unitVectors: vectors, m: m, levels: levelStore, upper: upper, upperSlots: slots, upperStart: starts,
                  entryPoint: -1, maxLevel: 0, mapping: nil)
    }

    /// A graph whose levels and upper layers are those given (owned here when `mapping` is nil,
    /// else living in a mapped file); layer 0 is filled by the caller (`setLinks`).
    init(unitVectors vectors: Matrix, m: Int, levels: UnsafeMutablePointer<UInt8>, upper: UnsafeMutablePointer<UInt32>,
         upperSlots: Int, upperStart: [UInt32], entryPoint: Int, maxLevel: Int, mapping: AnyObject?) {
        count = vectors.rows
        self.m = m
        m0 = 2 * m
        dimensions = vectors.columns
        padded = (dimensions + 7) / 8 * 8
        slotOffset = padded * MemoryLayout<Float16>.stride
        stride = (slotOffset + (m0 + 1) * MemoryLayout<UInt32>.stride + 63) / 64 * 64
        let stride = self.stride, slotOffset = self.slotOffset, count = self.count, dimensions = self.dimensions
        let m0 = self.m0, padded = self.padded
        let records = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * stride, alignment: 64)
        records.initializeMemory(as: UInt8.self, repeating: 0, count: max(count, 1) * stride)
        let exact = UnsafeMutableRawPointer.allocate(byteCount: max(count * padded, 1) * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: max(count * padded, 1))
        exact.initialize(repeating: 0, count: max(count * padded, 1))
        // Each record is a vector of Float16 followed by a slot of UInt32: bind both, then copy the vectors.
        vectors.withUnsafeBufferPointer { rows in
            for p in 0..<count {
                let row = rows.baseAddress! + p * dimensions
                let half = (records + p * stride).bindMemory(to: Float16.self, capacity: padded)
                (records + p * stride + slotOffset).bindMemory(to: UInt32.self, capacity: m0 + 1)
                for i in 0..<dimensions { half[i] = Float16(row[i]) }
                (exact + p * padded).update(from: row, count: dimensions)
            }
        }
        self.records = records
        self.exact = exact
        self.levels = levels
        self.upper = upper
        self.upperSlots = upperSlots
        self.upperStart = upperStart
        self.entryPoint = entryPoint
        self.maxLevel = maxLevel
        self.mapping = mapping
    }

    deinit {
        records.deallocate()
        exact.deallocate()
        if mapping == nil {
            levels.deallocate()
            upper.deallocate()
        }
    }

    /// The unit vector of point `p` in float16, zero-padded to `padded` (in its record).
    @inline(__always)
    func half(_ p: Int) -> UnsafeRawPointer {
        UnsafeRawPointer(records + p &* stride)
    }

    /// The unit vector of point `p` in float32, zero-padded to `padded`.
    @inline(__always)
    func vector(_ p: Int) -> UnsafeMutablePointer<Float> {
        exact + p &* padded
    }

    /// The link slot of point `p` on `layer`: slot[0] is the number of links, slot[1...] the links.
    @inline(__always)
    func links(_ p: Int, layer: Int) -> UnsafeMutablePointer<UInt32> {
        if layer == 0 { return (records + (p &* stride &+ slotOffset)).assumingMemoryBound(to: UInt32.self) }
        return upper + (Int(upperStart[p]) &+ layer &- 1) &* (m &+ 1)
    }

    /// The most links a point may keep on `layer`.
    @inline(__always)
    func capacity(layer: Int) -> Int { layer == 0 ? m0 : m }
}

import FileAccess
import Foundation
import VectorMath

/// The index file (`.hnsw`), saved next to the model it indexes: the graph only, never the
/// vectors (they are the model's), and a fingerprint of those vectors. It is memory-mapped back;
/// the levels and upper-layer links are used in place, the layer-0 links copied beside the
/// vectors (`HNSWGraph`'s records). All integers are little-endian.
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `EMBLHNSW` |
/// | 8 | 4 | version (1) |
/// | 12 | 4 | reserved (0) |
/// | 16 | 8 | point count n |
/// | 24 | 8 | dimensions d |
/// | 32 | 8 | M |
/// | 40 | 8 | efConstruction |
/// | 48 | 8 | seed |
/// | 56 | 8 | entry point (n when n = 0) |
/// | 64 | 8 | top layer |
/// | 72 | 8 | upper slots S (the sum of all points' top layers) |
/// | 80 | 8 | fingerprint of the indexed matrix (`Matrix.sampleFingerprint`) |
/// | 88 | 40 | reserved (0) |
/// | 128 | n | every point's top layer, one byte each, then zeros to a multiple of 64 |
/// | … | n·(2M+1)·4 | layer-0 link slots, then zeros to a multiple of 64 |
/// | … | S·(M+1)·4 | upper-layer link slots |
///
/// Reading checks every size against the file before using it, every link against n and every
/// count against its slot, so a damaged file is refused with one line and never read out of bounds.
extension HNSWIndex {
    static let magic = Array("EMBLHNSW".utf8)
    static let fileVersion: UInt32 = 1
    static let headerSize = 128

    static func padded(_ n: Int) -> Int { (n + 63) / 64 * 64 }

    /// Writes the graph to `path` through FileAccess's safe writer: a temporary file with an
    /// unpredictable name created with `O_EXCL|O_NOFOLLOW`, fsync, rename; a symbolic link, pipe or
    /// folder at `path` is refused, never replaced, and a crash never leaves half a file.
    public func write(to path: String) throws {
        var header = [UInt8]()
        header.reserveCapacity(Self.headerSize)
        header += Self.magic
        func put<T: FixedWidthInteger>(_ x: T) { withUnsafeBytes(of: x.littleEndian) { header += $0 } }
        put(Self.fileVersion); put(UInt32(0))
        put(UInt64(count)); put(UInt64(dimensions)); put(UInt64(parameters.m)); put(UInt64(parameters.efConstruction))
        put(parameters.seed); put(UInt64(graph.entryPoint >= 0 ? graph.entryPoint : count)); put(UInt64(graph.maxLevel))
        put(UInt64(graph.upperSlots)); put(fingerprint)
        header += [UInt8](repeating: 0, count: Self.headerSize - header.count)
        let zeroBytes = count * (graph.m0 + 1) * 4
        do {
            try SafeWrite.replace(path) { write in
                try header.withUnsafeBytes { try write($0) }
                try write(UnsafeRawBufferPointer(start: graph.levels, count: count))
                let padding = [UInt8](repeating: 0, count: 64)
                try padding.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<(Self.padded(count) - count)])) }
                // Link arrays are written as they are in memory: little-endian on every machine Swift runs on here.
                for p in 0..<count { try write(UnsafeRawBufferPointer(start: graph.links(p, layer: 0), count: (graph.m0 + 1) * 4)) }
                try padding.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<(Self.padded(zeroBytes) - zeroBytes)])) }
                try write(UnsafeRawBufferPointer(start: graph.upper, count: graph.upperSlots * (graph.m + 1) * 4))
            }
        } catch let error as FileAccessError {
            throw IndexError.file(error.path, byte: nil, error.problem)
        }
    }

    /// Maps the index at `path` for the rows of `vectors` (the matrix it was built from).
    /// A file that is not an index, is truncated or damaged, or was built for other vectors is
    /// refused with an `IndexError` naming the file and the byte.
    public static func read(path: String, vectors: Matrix) throws -> HNSWIndex {
        let file = try MappedIndexFile(path: path)
        let b = file.bytes
        let size = b.count
        func fail(_ byte: Int?, _ problem: String) -> IndexError { .file(path, byte: byte, problem) }
        guard size >= headerSize else {
            throw fail(size, "truncated: \(size) bytes is shorter than the \(headerSize)-byte header; rebuild it with `index build`")
        }
        guard Array(UnsafeBufferPointer(rebasing: b[0..<8])) == magic else {
            throw fail(0, "wrong magic: not an EmbedLab HNSW index (.hnsw)")
        }
        func u32(_ o: Int) -> UInt32 { UnsafeRawPointer(b.baseAddress! + o).loadUnaligned(as: UInt32.self).littleEndian }
        func u64(_ o: Int) -> UInt64 { UnsafeRawPointer(b.baseAddress! + o).loadUnaligned(as: UInt64.self).littleEndian }
        guard u32(8) == fileVersion else {
            throw fail(8, "format version \(u32(8)) is not supported (this EmbedLab reads version \(fileVersion)); rebuild it with `index build`")
        }
        let n64 = u64(16), d64 = u64(24), m64 = u64(32), ef64 = u64(40), seed = u64(48), entry64 = u64(56), top64 = u64(64)
        let slots64 = u64(72), print = u64(80)
        guard n64 < UInt64(UInt32.max), d64 < 1 << 20, HNSWParameters.mRange.contains(Int(clamping: m64)),
              HNSWParameters.efRange.contains(Int(clamping: ef64)), top64 <= UInt64(highestLayer) else {
            throw fail(16, "implausible header: \(n64) points × \(d64) dims, M \(m64), efConstruction \(ef64), top layer \(top64)")
        }
        let n = Int(n64), m = Int(m64), m0 = 2 * m
        guard n == vectors.rows, Int(d64) == vectors.columns, print == vectors.sampleFingerprint() else {
            throw fail(16, "built for other vectors (\(n64) × \(d64)), not this model's \(vectors.rows) × \(vectors.columns); rebuild it with `index build`")
        }
        // slots ≤ n·31, so every product below stays far from overflow once this holds.
        guard slots64 <= n64 * UInt64(highestLayer) else { throw fail(72, "implausible count of upper-layer slots \(slots64)") }
        let slots = Int(slots64)
        let levelsAt = headerSize
        let zeroAt = levelsAt + padded(n)
        let zeroBytes = n * (m0 + 1) * 4
        let upperAt = zeroAt + padded(zeroBytes)
        let expected = upperAt + slots * (m + 1) * 4
        guard size >= expected else {
            throw fail(size, "truncated: the header promises \(expected) bytes, the file has \(size); rebuild it with `index build`")
        }
        guard size == expected else { throw fail(expected, "\(size - expected) unexpected bytes after the graph") }
        let base = UnsafeMutableRawPointer(mutating: b.baseAddress!)
        let levels = (base + levelsAt).assumingMemoryBound(to: UInt8.self)
        let zero = (base + zeroAt).assumingMemoryBound(to: UInt32.self)
        let upper = (base + upperAt).assumingMemoryBound(to: UInt32.self)
        // The levels must add up to the slots, and the entry point must sit on the top layer.
        var starts = [UInt32](repeating: 0, count: n)
        var running = 0
        for p in 0..<n {
            let l = Int(levels[p])
            guard l <= Int(top64) else { throw fail(levelsAt + p, "point \(p) is on layer \(l), above the top layer \(top64)") }
            starts[p] = UInt32(truncatingIfNeeded: running)
            running += l
        }
        guard running == slots else { throw fail(72, "the points' layers need \(running) upper slots, the header says \(slots)") }
        let entry: Int
        if n == 0 {
            guard entry64 == 0, top64 == 0 else { throw fail(56, "an empty index with an entry point") }
            entry = -1
        } else {
            guard entry64 < n64, Int(levels[Int(entry64)]) == Int(top64) else {
                throw fail(56, "entry point \(entry64) is not a point on the top layer \(top64)")
            }
            entry = Int(entry64)
        }
        // Every link slot: a count within the slot and links to existing points. Slots are
        // checked one by one, as the search will read them; little-endian is assumed (x86, ARM).
        func checkSlots(_ p: UnsafeMutablePointer<UInt32>, slots: Int, width: Int, at offset: Int) throws {
            for s in 0..<slots {
                let slot = p + s * (width + 1)
                let c = Int(UInt32(littleEndian: slot[0]))
                guard c <= width else { throw fail(offset + s * (width + 1) * 4, "a link list of \(c), more than its \(width) places") }
                var j = 1
                while j <= c {
                    guard UInt32(littleEndian: slot[j]) < UInt32(n) else {
                        throw fail(offset + (s * (width + 1) + j) * 4, "a link to point \(slot[j]), but the index has \(n)")
                    }
                    j += 1
                }
            }
        }
        try checkSlots(zero, slots: n, width: m0, at: zeroAt)
        try checkSlots(upper, slots: slots, width: m, at: upperAt)
        let graph = HNSWGraph(unitVectors: vectors.normalizedRows(), m: m, levels: levels, upper: upper, upperSlots: slots,
                              upperStart: starts, entryPoint: entry, maxLevel: Int(top64), mapping: file)
        for p in 0..<n { graph.links(p, layer: 0).update(from: zero + p * (m0 + 1), count: m0 + 1) }
        let parameters = HNSWParameters(m: m, efConstruction: Int(ef64), seed: seed)
        return HNSWIndex(parameters: parameters, fingerprint: print, graph: graph)
    }
}

/// A private copy of a whole index file, read through FileAccess's one opener (a pipe, folder or
/// device named `NAME.hnsw` is refused without blocking). A copy, not a mapping: the file may be
/// truncated or rewritten while the index is in use, and a mapping would then fault.
final class MappedIndexFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let storage: MappedBytes

    init(path: String) throws {
        do {
            storage = try InputFile.open(path, what: "index").snapshot()
        } catch let error as FileAccessError {
            let problem = error.kind == .notFound ? "no such index; `index build` makes one" : error.problem
            throw IndexError.file(error.path, byte: nil, problem)
        }
        bytes = storage.bytes
    }
}

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

    /// Writes the graph to `path` (through a temporary file and a rename, so a crash never leaves half a file).
    public func write(to path: String) throws {
        var out = Data(capacity: Self.headerSize + Self.padded(count) + Self.padded(count * (graph.m0 + 1) * 4) + graph.upperSlots * (graph.m + 1) * 4)
        out.append(contentsOf: Self.magic)
        func put<T: FixedWidthInteger>(_ x: T) { withUnsafeBytes(of: x.littleEndian) { out.append(contentsOf: $0) } }
        put(Self.fileVersion); put(UInt32(0))
        put(UInt64(count)); put(UInt64(dimensions)); put(UInt64(parameters.m)); put(UInt64(parameters.efConstruction))
        put(parameters.seed); put(UInt64(graph.entryPoint >= 0 ? graph.entryPoint : count)); put(UInt64(graph.maxLevel))
        put(UInt64(graph.upperSlots)); put(fingerprint)
        out.append(Data(count: Self.headerSize - out.count))
        out.append(UnsafeBufferPointer(start: graph.levels, count: count))
        out.append(Data(count: Self.padded(count) - count))
        // Link arrays are written as they are in memory: little-endian on every machine Swift runs on here.
        func putLinks(_ p: UnsafePointer<UInt32>, _ n: Int) { out.append(UnsafeBufferPointer(start: p, count: n)) }
        for p in 0..<count { putLinks(graph.links(p, layer: 0), graph.m0 + 1) }
        out.append(Data(count: Self.padded(count * (graph.m0 + 1) * 4) - count * (graph.m0 + 1) * 4))
        putLinks(graph.upper, graph.upperSlots * (graph.m + 1))
        let temporary = path + ".tmp-\(getpid())"
        do {
            try out.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { throw IndexError.file(path, byte: nil, "cannot be replaced (\(String(cString: strerror(errno))))") }
        } catch let error as IndexError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw IndexError.file(path, byte: nil, "cannot be written (\(error.localizedDescription)); check the folder exists and is writable")
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

/// A read-only, private memory mapping of a whole index file, unmapped with its last user.
final class MappedIndexFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapped: Bool

    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw IndexError.file(path, byte: nil, exists ? "cannot be read (check its permissions)" : "no such index; `index build` makes one")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size >= 0 else { throw IndexError.file(path, byte: nil, "cannot be read") }
        let size = Int(st.st_size)
        guard size > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            mapped = false
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw IndexError.file(path, byte: nil, "cannot be mapped into memory")
        }
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
        mapped = true
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress!), bytes.count) }
    }
}

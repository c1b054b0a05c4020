/// A hash table from words, as UTF-8 bytes, to integers (counts while counting, ids when looking up).
///
/// Counting ten million tokens through `[String: Int]` would create a `String` per token;
/// this table hashes the bytes where they lie in the corpus and copies a word only the first
/// time it is seen. Open addressing with linear probing. A slot holds the word's first eight
/// bytes, its length and 24 bits of its hash, so that looking up a word of up to eight bytes
/// (most tokens) reads one slot and nothing else.
struct WordTable: Sendable {
    struct Slot: Sendable {
        /// The first eight bytes of the word, zero-padded (little-endian).
        var prefix: UInt64 = 0
        /// 24 bits of the hash, then the length (255 for 255 bytes or more); 0 for an empty slot.
        var tag: UInt32 = 0
        /// The entry number.
        var entry: UInt32 = 0
    }

    /// The bytes of all words, one after another.
    private(set) var arena: [UInt8] = []
    /// Where each word is in `arena`: `start << 24 | length`.
    private var entries: [UInt64] = []
    /// One value per word, in insertion order.
    var values: [Int] = []
    private var slots: [Slot]
    private var mask: Int

    init(minimumCapacity: Int = 1024) {
        var capacity = 16
        while capacity < 2 * minimumCapacity { capacity <<= 1 }
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
    }

    var count: Int { values.count }

    /// A word's key: its first eight bytes, and a hash of all of them. `end` is how far bytes may
    /// be read (the end of the corpus), which lets a short word be read in one load.
    @inline(__always)
    static func key(_ p: UnsafePointer<UInt8>, _ n: Int, readableUpTo end: UnsafePointer<UInt8>) -> (prefix: UInt64, hash: UInt64) {
        @inline(__always) func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
            let m = (h ^ v).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
            return m.high ^ m.low
        }
        @inline(__always) func partial(_ q: UnsafePointer<UInt8>, _ k: Int) -> UInt64 {
            // k in 1...8 bytes at q, zero-padded.
            if end - q >= 8 {
                let v = UInt64(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt64.self))
                return k == 8 ? v : v & ((1 << UInt64(8 * k)) - 1)
            }
            var v: UInt64 = 0
            for b in 0..<k { v |= UInt64(q[b]) << UInt64(8 * b) }
            return v
        }
        let prefix = n == 0 ? 0 : partial(p, Swift.min(n, 8))
        var h = mix(0x243F_6A88_85A3_08D3 ^ UInt64(n), prefix)
        var k = 8
        while k + 8 <= n {
            h = mix(h, UInt64(littleEndian: UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)))
            k += 8
        }
        if k < n { h = mix(h, partial(p + k, n - k)) }
        return (prefix, h)
    }

    @inline(__always)
    static func tag(_ hash: UInt64, _ n: Int) -> UInt32 {
        // Never 0: the length part of a word is at least 1.
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(Swift.min(n, 255))
    }

    /// The entry of the word, or nil.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, readableUpTo end: UnsafePointer<UInt8>) -> Int? {
        let (prefix, hash) = WordTable.key(p, n, readableUpTo: end)
        return probe(p, n, prefix, hash).entry
    }

    /// The entry of the word, added with value 0 if it is new.
    @inline(__always)
    mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, readableUpTo end: UnsafePointer<UInt8>) -> Int {
        let (prefix, hash) = WordTable.key(p, n, readableUpTo: end)
        let (found, slot) = probe(p, n, prefix, hash)
        if let found { return found }
        precondition(n > 0 && n < 1 << 24, "a token of \(n) bytes cannot be counted")
        let e = values.count
        entries.append(UInt64(arena.count) << 24 | UInt64(n))
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        values.append(0)
        slots[slot] = Slot(prefix: prefix, tag: WordTable.tag(hash, n), entry: UInt32(e))
        if 2 * values.count > slots.count { grow() }
        return e
    }

    /// The entry holding the word, or nil and the empty slot where it would go.
    @inline(__always)
    private func probe(_ p: UnsafePointer<UInt8>, _ n: Int, _ prefix: UInt64, _ hash: UInt64) -> (entry: Int?, slot: Int) {
        let tag = WordTable.tag(hash, n)
        return slots.withUnsafeBufferPointer { slots in
            var s = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[s]
                if slot.tag == 0 { return (nil, s) }
                if slot.tag == tag && slot.prefix == prefix {
                    let e = Int(slot.entry)
                    if n <= 8 || sameTail(e, p, n) { return (e, s) }
                }
                s = (s + 1) & mask
            }
        }
    }

    /// Whether word `e` equals the `n` bytes at `p`, given that their first eight bytes match.
    private func sameTail(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let entry = entries[e]
        guard Int(entry & 0xFF_FFFF) == n else { return false }
        return arena.withUnsafeBufferPointer { a in sameBytes(a.baseAddress! + Int(entry >> 24) + 8, p + 8, n - 8) }
    }

    /// Adds the values of `other` to the values of the same words here.
    mutating func merge(_ other: WordTable) {
        other.arena.withUnsafeBufferPointer { bytes in
            for e in 0..<other.count {
                let entry = other.entries[e]
                let start = bytes.baseAddress! + Int(entry >> 24)
                let mine = insert(start, Int(entry & 0xFF_FFFF), readableUpTo: bytes.baseAddress! + bytes.count)
                values[mine] += other.values[e]
            }
        }
    }

    /// The bytes of entry `e`.
    func withBytes<R>(_ e: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(entries[e] >> 24), length = Int(entries[e] & 0xFF_FFFF)
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
    }

    func word(_ e: Int) -> String {
        withBytes(e) { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        arena.withUnsafeBufferPointer { bytes in
            for slot in old where slot.tag != 0 {
                let entry = entries[Int(slot.entry)]
                let (_, hash) = WordTable.key(bytes.baseAddress! + Int(entry >> 24), Int(entry & 0xFF_FFFF),
                                              readableUpTo: bytes.baseAddress! + bytes.count)
                var s = Int(truncatingIfNeeded: hash) & mask
                while slots[s].tag != 0 { s = (s + 1) & mask }
                slots[s] = slot
            }
        }
    }
}

/// Whether `n` bytes at `a` and `b` are equal; eight at a time, because words are short and a
/// call to `memcmp` costs more than comparing them here.
@inline(__always)
func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var k = 0
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    while k + 8 <= n {
        if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
        k += 8
    }
    while k < n {
        if a[k] != b[k] { return false }
        k += 1
    }
    return true
}

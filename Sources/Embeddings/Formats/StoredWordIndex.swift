#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The word index an `.embv` file (version 2) carries, so that opening a model maps the file and
/// builds nothing: no array of strings, no dictionary. Words are found by hashing their bytes and
/// probing a table stored in the file; a word is decoded only when someone asks for it.
///
/// Layout at the index offset (all integers little-endian):
///
/// | size | field |
/// |---|---|
/// | 8 | slot count S: a power of two, larger than the word count V |
/// | 4·(V+1) | word offsets: word i is vocabulary bytes offset[i] ..< offset[i+1] − 1 (its `\n` excluded); offset[0] = 0, offset[V] = vocabulary bytes |
/// | 4·S | slots: 0 = empty, else row + 1 |
///
/// A word w is looked up at slot h(w) mod S, then S+1 mod S, … until its row or an empty slot,
/// where h is 64-bit FNV-1a over the word's UTF-8 bytes:
///
///     h ← 14695981039346656037;  for each byte c: h ← (h XOR c) · 1099511628211  (mod 2⁶⁴)
///
/// Every number is checked when the file is opened (`validate`); a lookup compares the bytes of
/// the row it finds with the word, so a damaged table can miss a word but never give a wrong row.
///
/// ```swift
/// let model = try WordVectors.load(path: "vectors/glove-50d.embv")   // maps the file, builds nothing
/// model.index(of: "king")   // a hash, one or two probes, one comparison
/// ```
struct StoredWordIndex: @unchecked Sendable {
    /// Keeps the mapping alive.
    let owner: AnyObject
    let vocabulary: UnsafePointer<UInt8>
    let offsets: UnsafeRawPointer
    let slots: UnsafeRawPointer
    let count: Int
    let slotCount: Int

    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 14_695_981_039_346_656_037
        for c in bytes { h = (h ^ UInt64(c)) &* 1_099_511_628_211 }
        return h
    }

    @inline(__always)
    func offset(_ i: Int) -> Int { Int(offsets.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).littleEndian) }

    @inline(__always)
    func slot(_ s: Int) -> Int { Int(slots.loadUnaligned(fromByteOffset: s * 4, as: UInt32.self).littleEndian) }

    /// The bytes of word `i` (without its line break).
    func bytes(of i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = offset(i)
        return UnsafeBufferPointer(start: vocabulary + start, count: offset(i + 1) - 1 - start)
    }

    func word(at i: Int) -> String { String(decoding: bytes(of: i), as: UTF8.self) }

    func row(of word: String) -> Int? {
        var word = word
        return word.withUTF8 { key -> Int? in
            var s = Int(truncatingIfNeeded: Self.fnv1a(key) & UInt64(slotCount - 1))
            for _ in 0..<slotCount {
                let value = slot(s)
                if value == 0 { return nil }
                let candidate = bytes(of: value - 1)
                if candidate.count == key.count && (key.count == 0 || memcmp(candidate.baseAddress!, key.baseAddress!, key.count) == 0) {
                    return value - 1
                }
                s = (s + 1) & (slotCount - 1)
            }
            return nil
        }
    }

    /// Checks the index at `start` against the file (bytes `limit` is where the index must end)
    /// and the vocabulary of `count` words in `vocabularyBytes` bytes at `vocabulary`.
    /// - Returns: nil and a message when something does not fit.
    static func validate(file b: UnsafeBufferPointer<UInt8>, owner: AnyObject, at start: Int, end limit: Int,
                         vocabulary: Int, vocabularyBytes: Int, count: Int) -> Result<StoredWordIndex, IndexProblem> {
        guard start % 4 == 0, start <= limit, limit - start >= 8 else { return .failure(.init(start, "the word index header does not fit before the matrix")) }
        let base = UnsafeRawPointer(b.baseAddress!)
        let slots64 = base.loadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian
        guard slots64 > UInt64(count), slots64 < 1 << 40, slots64 & (slots64 - 1) == 0 else {
            return .failure(.init(start, "the word index has \(slots64) slots; it needs a power of two above the \(count) words"))
        }
        guard vocabularyBytes < 1 << 32 else { return .failure(.init(start, "a word index cannot address \(vocabularyBytes) bytes of words")) }
        let slotCount = Int(slots64)
        let needed = 8 + 4 * (count + 1) + 4 * slotCount
        guard needed <= limit - start else {
            return .failure(.init(start, "the word index (\(needed) bytes) does not fit before the matrix (\(limit - start) bytes)"))
        }
        let index = StoredWordIndex(owner: owner, vocabulary: b.baseAddress! + vocabulary, offsets: base + start + 8,
                                    slots: base + start + 8 + 4 * (count + 1), count: count, slotCount: slotCount)
        guard index.offset(0) == 0, index.offset(count) == vocabularyBytes else {
            return .failure(.init(start + 8, "the word offsets do not span the vocabulary"))
        }
        var previous = 0
        for i in 1...count {
            let o = index.offset(i)
            // Each word has at least one byte and ends with its line break.
            guard o >= previous + 2, o <= vocabularyBytes, b[vocabulary + o - 1] == 0x0A else {
                return .failure(.init(start + 8 + 4 * i, "word offset \(i) (\(o)) does not end a word"))
            }
            previous = o
        }
        var empty = 0
        for s in 0..<slotCount {
            let v = index.slot(s)
            if v == 0 { empty += 1 } else if v > count {
                return .failure(.init(start + 8 + 4 * (count + 1) + 4 * s, "word index slot \(s) points at row \(v - 1) of \(count)"))
            }
        }
        guard empty > 0 else { return .failure(.init(start, "the word index has no empty slot")) }
        return .success(index)
    }

    struct IndexProblem: Error {
        let byte: Int
        let message: String
        init(_ byte: Int, _ message: String) { self.byte = byte; self.message = message }
    }

    /// The index section for `words` (already checked to be distinct, non-empty, without line breaks).
    static func encode(_ words: [String]) -> [UInt8] {
        var slotCount = 1
        while slotCount < 2 * words.count + 1 { slotCount *= 2 }
        var offsets = [UInt32](repeating: 0, count: words.count + 1)
        var slots = [UInt32](repeating: 0, count: slotCount)
        var position = 0
        for (i, word) in words.enumerated() {
            var w = word
            let h = w.withUTF8 { fnv1a($0) }
            var s = Int(truncatingIfNeeded: h & UInt64(slotCount - 1))
            while slots[s] != 0 { s = (s + 1) & (slotCount - 1) }
            slots[s] = UInt32(i + 1)
            position += word.utf8.count + 1
            offsets[i + 1] = UInt32(truncatingIfNeeded: position)
        }
        var out: [UInt8] = []
        out.reserveCapacity(8 + 4 * (offsets.count + slots.count))
        withUnsafeBytes(of: UInt64(slotCount).littleEndian) { out.append(contentsOf: $0) }
        for o in offsets { withUnsafeBytes(of: o.littleEndian) { out.append(contentsOf: $0) } }
        for s in slots { withUnsafeBytes(of: s.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }
}

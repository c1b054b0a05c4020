import Foundation

/// jieba's "prefix dictionary": word frequencies that can be searched one character at a time.
///
/// jieba keeps a hash map of every word *and every prefix of a word*, so that it can stop
/// extending a candidate as soon as no word starts with it. Here the words are sorted by their
/// UTF-8 bytes instead: the words that start with a given prefix then form one contiguous range
/// of the list, and extending the prefix by a character narrows that range by binary search.
/// An empty range means no word starts with the prefix; a word equal to the prefix, if there
/// is one, is the first of the range (a word sorts before its extensions).
///
/// Loading is one pass over the file's bytes: no per-word `String`s are made.
struct PrefixDictionary: Sendable {
    /// The words' UTF-8 bytes, back to back (the file's own bytes when loaded from a file).
    private let storage: [UInt8]
    /// Word `i` is `storage[starts[i] ..< ends[i]]`; words are sorted by bytes, no duplicates.
    private let starts: [Int32]
    private let ends: [Int32]
    private let frequencies: [Int]
    /// The sum of all frequencies, as jieba counts it (a word listed twice counts twice).
    let total: Int
    /// The range of words starting with each first character (its UTF-8 bytes packed in a
    /// `UInt32`), so that the first step of a search is one hash lookup, not a binary search.
    private let firstCharacterRanges: [UInt32: Range<Int>]

    /// The number of distinct words.
    var count: Int { starts.count }

    /// The whole dictionary: every word starts with the empty prefix.
    var all: Range<Int> { 0..<count }

    // MARK: Building

    /// A dictionary of the given words; a word with frequency 0 is known but never chosen.
    init(frequencies: [String: Int]) {
        var storage: [UInt8] = []
        var starts: [Int32] = [], ends: [Int32] = [], counts: [Int] = []
        for (word, frequency) in frequencies where !word.isEmpty {
            starts.append(Int32(storage.count))
            storage += word.utf8
            ends.append(Int32(storage.count))
            counts.append(frequency)
        }
        self.init(storage: storage, starts: starts, ends: ends, frequencies: counts, total: counts.reduce(0, +), isSorted: false)
    }

    /// Parses `word frequency [tag]` lines (jieba's `dict.txt` format, tag optional, `#` lines
    /// ignored). Throws `TokenizerError.malformedDictionary` naming `source` and the line.
    ///
    /// Hand-written over the raw bytes (`memchr` finds the line ends and spaces) because this
    /// runs on every start: 1.6 MB in a few milliseconds, even in a debug build.
    init(parsing bytes: [UInt8], source: String) throws {
        var starts: [Int32] = [], ends: [Int32] = [], counts: [Int] = []
        starts.reserveCapacity(bytes.count / 12)
        ends.reserveCapacity(bytes.count / 12)
        counts.reserveCapacity(bytes.count / 12)
        var isSorted = true
        var total = 0
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let end = base + buffer.count
            var line = base
            var lineNumber = 0
            var previousWord: (start: UnsafePointer<UInt8>, count: Int)?
            while line < end {
                lineNumber += 1
                let newline = Self.find(0x0A, from: line, to: end)
                defer { line = newline + 1 }
                var lineEnd = newline
                if lineEnd > line && (lineEnd - 1).pointee == 0x0D { lineEnd -= 1 }   // \r\n
                if lineEnd == line || line.pointee == UInt8(ascii: "#") { continue }   // blank or comment
                // The word runs up to the first space, the frequency is the digits after it.
                let space = Self.find(0x20, from: line, to: lineEnd)
                var digit = space + 1
                var frequency = 0
                while digit < lineEnd, case let value = digit.pointee &- 0x30, value <= 9, digit - space <= 15 {
                    frequency = frequency * 10 + Int(value)
                    digit += 1
                }
                guard space > line, digit > space + 1, digit == lineEnd || digit.pointee == 0x20 else {
                    let text = String(decoding: UnsafeBufferPointer(start: line, count: lineEnd - line), as: UTF8.self)
                    throw TokenizerError.malformedDictionary(source: source, line: lineNumber, text: text)
                }
                // Sorted files (like the bundled one) need no sorting: check as we go.
                let word = (start: line, count: space - line)
                if isSorted, let previous = previousWord {
                    let order = memcmp(previous.start, word.start, min(previous.count, word.count))
                    isSorted = order < 0 || (order == 0 && previous.count < word.count)
                }
                previousWord = word
                starts.append(Int32(line - base))
                ends.append(Int32(space - base))
                counts.append(frequency)
                total += frequency
            }
        }
        self.init(storage: bytes, starts: starts, ends: ends, frequencies: counts, total: total, isSorted: isSorted)
    }

    /// Sorts the words by bytes unless `isSorted` says they already are (strictly, without
    /// duplicates), and merges duplicates: a repeated word keeps its last frequency, while the
    /// total counts every line, as jieba's loader does.
    private init(storage: [UInt8], starts: [Int32], ends: [Int32], frequencies: [Int], total: Int, isSorted: Bool) {
        self.total = total
        if isSorted {
            self.storage = storage
            self.starts = starts
            self.ends = ends
            self.frequencies = frequencies
            self.firstCharacterRanges = Self.firstCharacterRanges(storage, starts, ends)
            return
        }
        var sortedStarts: [Int32] = [], sortedEnds: [Int32] = [], sortedFrequencies: [Int] = []
        storage.withUnsafeBufferPointer { bytes in
            // Stable sort, so that among equal words the last one listed comes last and wins.
            let order = starts.indices.sorted { a, b in
                let order = Self.compare(bytes, Int(starts[a])..<Int(ends[a]), Int(starts[b])..<Int(ends[b]))
                return order < 0 || (order == 0 && a < b)
            }
            for i in order {
                if let last = sortedStarts.indices.last,
                   Self.compare(bytes, Int(sortedStarts[last])..<Int(sortedEnds[last]), Int(starts[i])..<Int(ends[i])) == 0 {
                    sortedFrequencies[last] = frequencies[i]
                } else {
                    sortedStarts.append(starts[i])
                    sortedEnds.append(ends[i])
                    sortedFrequencies.append(frequencies[i])
                }
            }
        }
        self.storage = storage
        self.starts = sortedStarts
        self.ends = sortedEnds
        self.frequencies = sortedFrequencies
        self.firstCharacterRanges = Self.firstCharacterRanges(storage, sortedStarts, sortedEnds)
    }

    /// The runs of sorted words that share their first character.
    private static func firstCharacterRanges(_ storage: [UInt8], _ starts: [Int32], _ ends: [Int32]) -> [UInt32: Range<Int>] {
        var ranges: [UInt32: Range<Int>] = [:]
        storage.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, !starts.isEmpty else { return }
            var runStart = 0
            var runKey = firstCharacterKey(base + Int(starts[0]), count: Int(ends[0] - starts[0]))
            for i in 1..<starts.count {
                let key = firstCharacterKey(base + Int(starts[i]), count: Int(ends[i] - starts[i]))
                if key != runKey {
                    ranges[runKey] = runStart..<i
                    runStart = i
                    runKey = key
                }
            }
            ranges[runKey] = runStart..<starts.count
        }
        return ranges
    }

    /// The bytes of the first UTF-8 character of a word packed into a `UInt32`. The lead byte
    /// fixes a character's length, so different characters never pack to the same number.
    private static func firstCharacterKey(_ word: UnsafePointer<UInt8>, count: Int) -> UInt32 {
        guard count > 0 else { return 0 }
        let length = min(max(Token.utf8SequenceLength(leadByte: word.pointee), 1), count)
        var key: UInt32 = 0
        for i in 0..<length { key = key << 8 | UInt32(word[i]) }
        return key
    }

    /// The first `byte` in `start..<end`, or `end` if there is none.
    private static func find(_ byte: UInt8, from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        guard let found = memchr(start, Int32(byte), end - start) else { return end }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
    }

    /// Byte-wise comparison of the words at `a` and `b` in `bytes`: negative, zero or positive.
    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
        return order != 0 ? Int(order) : a.count - b.count
    }

    // MARK: Searching

    /// The words of `range` (all sharing a prefix of `depth` bytes) that continue with `next`.
    func narrow(_ range: Range<Int>, depth: Int, with next: ArraySlice<UInt8>) -> Range<Int> {
        // The first character of a search: look its range up.
        if depth == 0, range == all, let lead = next.first, Token.utf8SequenceLength(leadByte: lead) == next.count {
            let key = next.withUnsafeBufferPointer { Self.firstCharacterKey($0.baseAddress!, count: $0.count) }
            return firstCharacterRanges[key] ?? 0..<0
        }
        // Within `range`, words sort as: those before `next` at `depth`, those continuing with
        // `next`, those after it. Two binary searches find where the middle group begins and ends.
        let lower = partitionPoint(range) { compare(word: $0, depth: depth, with: next) < 0 }
        let upper = partitionPoint(lower..<range.upperBound) { compare(word: $0, depth: depth, with: next) <= 0 }
        return lower..<upper
    }

    /// The frequency of the word that is exactly the `length`-byte prefix shared by `range`,
    /// or `nil` if that prefix is only the beginning of longer words.
    func frequency(ofPrefix range: Range<Int>, length: Int) -> Int? {
        guard let first = range.first, Int(ends[first] - starts[first]) == length else { return nil }
        return frequencies[first]
    }

    /// The frequency of `word`, or `nil` if the dictionary does not have it.
    func frequency(of word: String) -> Int? {
        let bytes = Array(word.utf8)
        let range = narrow(all, depth: 0, with: bytes[...])
        return frequency(ofPrefix: range, length: bytes.count)
    }

    /// Compares word `index`, from byte `depth` on, with `key`: 0 if it continues with `key`.
    private func compare(word index: Int, depth: Int, with key: ArraySlice<UInt8>) -> Int {
        var position = Int(starts[index]) + depth
        let end = Int(ends[index])
        for byte in key {
            if position >= end { return -1 }   // the word stops inside the key: it sorts first
            let wordByte = storage[position]
            if wordByte != byte { return wordByte < byte ? -1 : 1 }
            position += 1
        }
        return 0
    }

    /// The first index of `range` where `isBefore` is false (it must be true, then false).
    private func partitionPoint(_ range: Range<Int>, _ isBefore: (Int) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if isBefore(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

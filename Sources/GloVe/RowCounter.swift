import VectorMath

/// Builds X row by row (see `CooccurrenceMatrix.init(counting:vocabulary:window:threads:)`).
struct RowCounter: Sendable {
    let tokens: TokenIndices
    let occurrences: Occurrences
    let window: Int
    var vocabularySize: Int { occurrences.start.count - 1 }

    /// All rows, in order: the records and where each row starts.
    func countAllRows(threads: Int, isCancelled: (@Sendable () -> Bool)?) -> (RecordStorage, [Int])? {
        let V = vocabularySize
        let blocks = rowBlocks(count: 32)
        let blockBound = blocks.map { block in block.reduce(0) { $0 + recordBound(ofRow: $1) } }
        let result = RecordStorage(capacity: blockBound.reduce(0, +))
        var rowStarts = [Int](repeating: 0, count: V + 1)
        let workspaces = (0..<threads).map { _ in
            RowWorkspace(vocabularySize: V, window: window, outputCapacity: blockBound.max() ?? 0)
        }

        for block in blocks {
            if isCancelled?() == true { return nil }
            // Share the rows of this block out, biggest first, each to the least loaded thread.
            var assigned = [[Int]](repeating: [], count: threads)
            var load = [Int](repeating: 0, count: threads)
            for i in block.sorted(by: { occurrences.count($0) > occurrences.count($1) }) {
                let t = load.indices.min { load[$0] < load[$1] }!
                assigned[t].append(i)
                load[t] += cost(ofRow: i)
            }
            let rowsOfThread = assigned
            // Each thread counts its rows into its own buffer...
            let extents = parallelMap(threads) { t -> [Range<Int>] in
                let workspace = workspaces[t]
                workspace.output.removeAll()
                return rowsOfThread[t].map { i in
                    let before = workspace.output.count
                    count(row: i, in: workspace)
                    return before..<workspace.output.count
                }
            }
            // ...then the rows take their places in the result, in row order, and each thread
            // copies its own rows there.
            var size = [Int](repeating: 0, count: block.count)
            for t in 0..<threads {
                for (k, i) in rowsOfThread[t].enumerated() { size[i - block.lowerBound] = extents[t][k].count }
            }
            var offset = result.count
            for i in block { rowStarts[i] = offset; offset += size[i - block.lowerBound] }
            let target = SendablePointer(result.extend(by: offset - result.count) - rowStarts[block.lowerBound])
            let starts = rowStarts
            _ = parallelMap(threads) { t in
                let output = workspaces[t].output.buffer
                for (k, i) in rowsOfThread[t].enumerated() {
                    let range = extents[t][k]
                    guard !range.isEmpty else { continue }
                    (target.pointer + starts[i]).update(from: output.baseAddress! + range.lowerBound, count: range.count)
                }
            }
        }
        rowStarts[V] = result.count
        result.releaseUnusedCapacity()
        return (result, rowStarts)
    }

    /// At most this many nonzeros in row i: each occurrence has at most 2·window neighbours,
    /// and there are only V columns.
    func recordBound(ofRow i: Int) -> Int {
        min(vocabularySize, 2 * window * occurrences.count(i))
    }

    /// The work of a row: the window scans, plus writing its records.
    func cost(ofRow i: Int) -> Int {
        2 * window * occurrences.count(i) + recordBound(ofRow: i)
    }

    /// Consecutive ranges of rows with about equal work in each.
    func rowBlocks(count: Int) -> [Range<Int>] {
        let V = vocabularySize
        let total = (0..<V).reduce(0) { $0 + cost(ofRow: $1) }
        let target = max(1, total / count)
        var blocks: [Range<Int>] = []
        var start = 0, work = 0
        for i in 0..<V {
            work += cost(ofRow: i)
            if work >= target { blocks.append(start..<i + 1); start = i + 1; work = 0 }
        }
        if start < V { blocks.append(start..<V) }
        return blocks
    }

    /// Row i of X into `workspace.output`.
    func count(row i: Int, in workspace: RowWorkspace) {
        let acc = workspace.accumulator, touched = workspace.touched, weight = workspace.inverseDistance
        let window = self.window
        var touchedCount = 0
        tokens.ids.withUnsafeBufferPointer { idBuffer in
            occurrences.positions.withUnsafeBufferPointer { positions in
                let ids = idBuffer.baseAddress!
                let first = occurrences.start[i], end = occurrences.start[i + 1]
                for k in first..<end {
                    let p = Int(positions[k])
                    // The words to the left, then to the right, up to the window or the line's end
                    // (the -1 between lines; the ids start and end with one, so p ± d stays inside).
                    var d = 1
                    while d <= window {
                        let j = Int(ids[p - d])
                        if j < 0 { break }
                        touched[touchedCount] = Int32(truncatingIfNeeded: j)   // kept only if j is new
                        touchedCount &+= acc[j] == 0 ? 1 : 0
                        acc[j] += weight[d]
                        d += 1
                    }
                    d = 1
                    while d <= window {
                        let j = Int(ids[p + d])
                        if j < 0 { break }
                        touched[touchedCount] = Int32(truncatingIfNeeded: j)
                        touchedCount &+= acc[j] == 0 ? 1 : 0
                        acc[j] += weight[d]
                        d += 1
                    }
                }
            }
        }
        emit(row: i, touchedCount: touchedCount, workspace)
    }

    /// Writes the row's nonzeros in column order, and clears the accumulator for the next row.
    /// A short row sorts its list of columns; a long one marks them in a bitmap and reads the
    /// bitmap in order, which costs V/64 word reads instead of a sort.
    private func emit(row i: Int, touchedCount n: Int, _ workspace: RowWorkspace) {
        let acc = workspace.accumulator, touched = workspace.touched, bits = workspace.bitmap
        let out = workspace.output
        let row = Int32(truncatingIfNeeded: i)
        let words = (vocabularySize + 63) / 64
        if n * 16 < words {
            let columns = UnsafeMutableBufferPointer(start: touched, count: n)
            sortInPlace(columns)
            for j in columns {
                out.append(CooccurrenceRecord(i: row, j: j, x: Float(acc[Int(j)])))
                acc[Int(j)] = 0
            }
        } else {
            for k in 0..<n {
                let j = Int(touched[k])
                bits[j >> 6] |= 1 << UInt64(j & 63)
            }
            let destination = out.extend(by: n)
            var written = 0
            for w in 0..<words where bits[w] != 0 {
                var word = bits[w]
                bits[w] = 0
                while word != 0 {
                    let j = w << 6 | word.trailingZeroBitCount
                    word &= word &- 1
                    destination[written] = CooccurrenceRecord(i: row, j: Int32(truncatingIfNeeded: j), x: Float(acc[j]))
                    acc[j] = 0
                    written += 1
                }
            }
        }
    }
}

/// What one thread needs to count rows: a dense accumulator for one row of X (kept all zero
/// between rows), the list of its nonzero columns, and a buffer for the records it writes.
final class RowWorkspace: @unchecked Sendable {
    let accumulator: UnsafeMutablePointer<Double>
    let touched: UnsafeMutablePointer<Int32>
    /// One bit per column, for writing long rows in column order.
    let bitmap: UnsafeMutablePointer<UInt64>
    /// 1/d for d = 0 ... window (index 0 unused).
    let inverseDistance: UnsafeMutablePointer<Double>
    let output: RecordStorage
    private let vocabularySize: Int

    init(vocabularySize: Int, window: Int, outputCapacity: Int) {
        self.vocabularySize = vocabularySize
        output = RecordStorage(capacity: outputCapacity)
        accumulator = .allocate(capacity: max(1, vocabularySize))
        accumulator.initialize(repeating: 0, count: max(1, vocabularySize))
        touched = .allocate(capacity: vocabularySize + 1)   // +1: written before it is known whether a column is new
        bitmap = .allocate(capacity: (vocabularySize + 63) / 64 + 1)
        bitmap.initialize(repeating: 0, count: (vocabularySize + 63) / 64 + 1)
        inverseDistance = .allocate(capacity: window + 1)
        inverseDistance[0] = 0
        for d in 1...window { inverseDistance[d] = 1.0 / Double(d) }
    }

    deinit {
        accumulator.deallocate()
        touched.deallocate()
        bitmap.deallocate()
        inverseDistance.deallocate()
    }
}

/// Sorts a row's column indices in place, without allocating: quicksort with a median-of-three
/// pivot, insertion sort for short runs.
func sortInPlace(_ a: UnsafeMutableBufferPointer<Int32>) {
    guard let base = a.baseAddress else { return }
    var lo = 0, hi = a.count - 1
    while hi - lo > 16 {
        let mid = lo + (hi - lo) / 2
        if base[mid] < base[lo] { a.swapAt(mid, lo) }
        if base[hi] < base[lo] { a.swapAt(hi, lo) }
        if base[hi] < base[mid] { a.swapAt(hi, mid) }
        let pivot = base[mid]
        var i = lo, j = hi
        while i <= j {
            while base[i] < pivot { i += 1 }
            while base[j] > pivot { j -= 1 }
            if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
        }
        // Recurse into the smaller side, loop on the larger one.
        if j - lo < hi - i {
            sortInPlace(UnsafeMutableBufferPointer(start: base + lo, count: j - lo + 1))
            lo = i
        } else {
            sortInPlace(UnsafeMutableBufferPointer(start: base + i, count: hi - i + 1))
            hi = j
        }
    }
    if hi > lo {
        for k in (lo + 1)...hi {
            let v = base[k]
            var m = k - 1
            while m >= lo && base[m] > v { base[m + 1] = base[m]; m -= 1 }
            base[m + 1] = v
        }
    }
}

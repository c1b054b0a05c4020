/// A query made of the matrix's own rows: Σⱼ weights[j] · row(rows[j]).
///
/// An analogy a : b :: c : ? asks for the rows nearest to b̂ + ĉ − â, i.e.
///
/// ```swift
/// RowCombination(rows: [b, c, a], weights: [1, 1, -1])
/// ```
public struct RowCombination: Equatable, Sendable {
    public var rows: [Int]
    public var weights: [Float]
    public init(rows: [Int], weights: [Float]) {
        precondition(rows.count == weights.count, "one weight per row")
        self.rows = rows
        self.weights = weights
    }
}

extension Matrix {
    /// The `k` best rows for many queries that are combinations of the matrix's own rows, best
    /// first, ties to the lower row: for query q exactly what
    /// `nearest(to: targets.row(q), k: k, rowLimit: rowLimit, excluding: Set(excluding[q]))` answers.
    /// `targets.row(q)` is the query as the caller computes it (say the unit-length combination);
    /// `combinations[q]` says which rows it is made of.
    ///
    /// Many queries share few rows (the 19,544 questions-words analogies use about 900 words), so
    /// the products of those rows with every row, S = U·Xᵀ, are computed once with the matrix
    /// product, a tile of columns at a time, and each query's scores are a weighted sum of a few
    /// rows of the tile:
    ///
    ///     score(q, i) ≈ scale_q · Σⱼ wⱼ · S[rⱼ, i],    scale_q = ⟨target_q, t_q⟩ / ‖t_q‖²,  t_q = Σⱼ wⱼ x_rⱼ
    ///
    /// These sums are eight lanes at a time compared with each query's running cut, and only the
    /// rows that pass reach its `CandidateTopK`. The difference from the exact score
    /// `Kernels.dot(row(i), target_q)` is bounded (rounding of the product and the sum, the exact
    /// dot's rounding, and ‖target_q − scale_q·t_q‖·‖xᵢ‖), so the few candidates within that bound
    /// of the k-th best are scored again exactly. A query whose bound cannot be computed (a zero
    /// or opposite target, values that are not finite) is answered by `nearest(to:)`.
    /// Column tiles are split between the threads of `WorkerPool.shared`.
    ///
    /// ```swift
    /// let m = Matrix(rowVectors: [[1, 0], [0, 1], [0.6, 0.8]])
    /// let target = [Float](m.row(0).adding(m.row(1))).normalized
    /// m.nearest(combinations: [RowCombination(rows: [0, 1], weights: [1, 1])],
    ///           targets: Matrix(rowVectors: [target]), k: 1, excluding: [[0, 1]])   // [[row 2, 0.9899]]
    /// ```
    public func nearest(combinations: [RowCombination], targets: Matrix, k: Int, rowLimit: Int? = nil,
                        excluding: [[Int]]? = nil) -> [[ScoredIndex]] {
        let nq = combinations.count, d = columns
        precondition(targets.rows == nq && targets.columns == d, "one target row of \(d) values per combination")
        precondition(excluding == nil || excluding!.count == nq, "one exclusion list per query")
        precondition(combinations.allSatisfy { $0.rows.allSatisfy { (0..<rows).contains($0) } }, "a combination names a row outside the matrix")
        let n = Swift.max(0, Swift.min(rowLimit ?? rows, rows))
        guard nq > 0 else { return [] }
        guard k > 0, n > 0, d > 0 else { return Array(repeating: [], count: nq) }

        var largestNorm: Float = 0
        for r in 0..<n { largestNorm = Swift.max(largestNorm, withRow(r) { Kernels.norm($0.baseAddress!, count: d) }) }

        // The rows the queries use, each once, and every query's terms as (slot, weight).
        var slotOf: [Int: Int] = [:]
        var used: [Int] = []
        var termSlots: [Int] = [], termWeights: [Float] = [], termStart: [Int] = [0]
        for c in combinations {
            for (r, w) in zip(c.rows, c.weights) {
                let slot: Int
                if let s = slotOf[r] { slot = s } else { slot = used.count; slotOf[r] = slot; used.append(r) }
                termSlots.append(slot)
                termWeights.append(w)
            }
            termStart.append(termSlots.count)
        }

        // Per query: the scale, and the bound on |exact − scale·approximate| divided by the scale.
        let unit = Double(Float.ulpOfOne) / 2   // 2⁻²⁴, the unit roundoff
        func gamma(_ count: Int) -> Double { 2 * Double(count) * unit }   // ≥ count·u / (1 − count·u)
        var margins = [Float](repeating: .nan, count: nq)
        let rowNorms = used.map { r in withRow(r) { Double(Kernels.norm($0.baseAddress!, count: d)) * (1 + gamma(d)) } }
        let nMax = Double(largestNorm) * (1 + gamma(d))
        var t = [Double](repeating: 0, count: d)
        for q in 0..<nq where largestNorm.isFinite {
            for p in 0..<d { t[p] = 0 }
            var weighted = 0.0
            for i in termStart[q]..<termStart[q + 1] {
                let r = used[termSlots[i]], w = Double(termWeights[i])
                withRow(r) { x in for p in 0..<d { t[p] += w * Double(x[p]) } }
                weighted += abs(w) * rowNorms[termSlots[i]]
            }
            let terms = termStart[q + 1] - termStart[q]
            let (scale, residual, targetNorm) = targets.withRow(q) { y -> (Double, Double, Double) in
                var ty = 0.0, tt = 0.0, yy = 0.0
                for p in 0..<d { ty += t[p] * Double(y[p]); tt += t[p] * t[p]; yy += Double(y[p]) * Double(y[p]) }
                let scale = ty / tt
                var ee = 0.0
                for p in 0..<d { let e = Double(y[p]) - scale * t[p]; ee += e * e }
                return (scale, ee.squareRoot(), yy.squareRoot())
            }
            // exact dot's rounding + the residual's share + the product's and the sum's rounding
            let bound = nMax * (gamma(d) * targetNorm + residual) + scale * nMax * (gamma(d) + gamma(terms + 1)) * weighted
            let margin = 1.5 * bound / scale + 1e-30
            if scale > 0, scale.isFinite, margin.isFinite, margin < 1e30 { margins[q] = Float(margin) }
        }
        let fast = (0..<nq).filter { !margins[$0].isNaN }

        var answers = [[ScoredIndex]](repeating: [], count: nq)
        for q in 0..<nq where margins[q].isNaN {
            answers[q] = nearest(to: targets.row(q), k: k, rowLimit: n, excluding: Set(excluding?[q] ?? []))
        }
        guard !fast.isEmpty else { return answers }

        // U: the used rows, side by side, for the product.
        let m = used.count
        let u = UnsafeMutablePointer<Float>.allocate(capacity: m * d)
        defer { u.deallocate() }
        for (slot, r) in used.enumerated() { withRow(r) { (u + slot * d).update(from: $0.baseAddress!, count: d) } }

        // The fast queries' terms and exclusions as flat tables (no arrays touched in the scan).
        let plan = CombinationPlan(fast: fast, termStart: termStart, termSlots: termSlots, termWeights: termWeights, excluding: excluding)
        defer { plan.deallocate() }

        let tileColumns = 256
        let tiles = (n + tileColumns - 1) / tileColumns
        let base = SendablePointer(storage.base), us = SendablePointer(u)
        /// Scans the column tiles `range` for every fast query into `tops`.
        func scan(tiles range: Range<Int>, into tops: UnsafeMutableBufferPointer<CandidateTopK>) {
            let s = UnsafeMutablePointer<Float>.allocate(capacity: m * tileColumns)
            let cuts = UnsafeMutablePointer<Float>.allocate(capacity: fast.count)
            defer { s.deallocate(); cuts.deallocate() }
            for f in 0..<fast.count { cuts[f] = tops[f].cut }
            for tile in range {
                let c0 = tile * tileColumns, cn = Swift.min(tileColumns, n - c0)
                matrixMultiplyTransposed(m: m, n: cn, k: d, a: us.pointer, lda: d, b: base.pointer + c0 * d, ldb: d,
                                         c: s, ldc: tileColumns)
                for f in 0..<fast.count {
                    Self.offerCombination(s, ldc: tileColumns, count: cn, firstRow: c0, plan: plan, query: f,
                                          cut: &cuts[f], to: tops.baseAddress! + f)
                }
            }
        }
        // The first tile (the most frequent words, where answers usually are) on this thread first:
        // its cuts are the floors the other tiles start from, so that they offer few rows.
        var seed = fast.map { CandidateTopK(k: k, margin: margins[$0]) }
        seed.withUnsafeMutableBufferPointer { scan(tiles: 0..<1, into: $0) }
        let rest = tiles - 1
        // More parts than threads: a thread that is descheduled on a busy machine delays only its part.
        let parts = rest == 0 ? 0 : m * (n - tileColumns) * d < 1 << 20 ? 1 : Swift.min(2 * WorkerPool.shared.threadCount, rest)
        let fresh = zip(fast, seed).map { CandidateTopK(k: k, margin: margins[$0], floor: $1.cut) }
        var perPart = [[CandidateTopK]](repeating: fresh, count: parts)
        perPart.withUnsafeMutableBufferPointer { out in
            let o = SendablePointer(out.baseAddress!)
            let run = { (part: Int) in
                o.pointer[part].withUnsafeMutableBufferPointer { scan(tiles: (1 + rest * part / parts)..<(1 + rest * (part + 1) / parts), into: $0) }
            }
            if parts == 1 { run(0) } else { WorkerPool.shared.run(parts: parts, run) }
        }
        for (f, q) in fast.enumerated() {
            var all = seed[f]
            for part in perPart { all.merge(part[f]) }
            answers[q] = targets.withRow(q) { y in
                all.exact { r in Kernels.dot(base.pointer + r * d, y.baseAddress!, count: d) }
            }
        }
        return answers
    }

    /// Offers rows `firstRow ..< firstRow + count` to query f's `top`, scored Σⱼ wⱼ · s[slotⱼ][i] from a
    /// tile of products with `ldc` floats a row, eight rows compared with the cut at once. `cut`
    /// mirrors `top.cut`, so that the scan reads one float and touches `top` only for rows that pass.
    @inline(__always)
    static func offerCombination(_ s: UnsafeMutablePointer<Float>, ldc: Int, count: Int, firstRow: Int,
                                 plan: CombinationPlan, query f: Int, cut: inout Float, to top: UnsafeMutablePointer<CandidateTopK>) {
        typealias V = SIMD8<Float>
        let lo = plan.termStart[f], terms = plan.termStart[f + 1] - lo
        guard terms > 0 else { return }
        let slots = plan.slots + lo, weights = plan.weights + lo
        let excludedLo = plan.excludedStart[f], excludedHi = plan.excludedStart[f + 1]
        @inline(never)
        func take(_ i: Int, _ score: Float, _ cut: inout Float) {
            let r = firstRow + i
            for e in excludedLo..<excludedHi where plan.excluded[e] == r { return }
            top.pointee.offer(index: r, score: score)
            cut = top.pointee.cut
        }
        let row0 = UnsafeRawPointer(s + slots[0] * ldc), w0 = V(repeating: weights[0])
        var i = 0
        var c = cut
        if terms == 3 {
            // The analogy's shape: three rows of the tile.
            let row1 = UnsafeRawPointer(s + slots[1] * ldc), w1 = V(repeating: weights[1])
            let row2 = UnsafeRawPointer(s + slots[2] * ldc), w2 = V(repeating: weights[2])
            while i + 8 <= count {
                var v = w0 * row0.loadUnaligned(fromByteOffset: i * 4, as: V.self)
                v.addProduct(w1, row1.loadUnaligned(fromByteOffset: i * 4, as: V.self))
                v.addProduct(w2, row2.loadUnaligned(fromByteOffset: i * 4, as: V.self))
                var lanes = Kernels.lanesReaching(v, c)
                while lanes != 0 {
                    let lane = Int(lanes.trailingZeroBitCount)
                    lanes &= lanes - 1
                    if v[lane] >= c { take(i + lane, v[lane], &c) }
                }
                i += 8
            }
        } else {
            while i + 8 <= count {
                var v = w0 * row0.loadUnaligned(fromByteOffset: i * 4, as: V.self)
                for j in 1..<terms {
                    v.addProduct(V(repeating: weights[j]), UnsafeRawPointer(s + slots[j] * ldc).loadUnaligned(fromByteOffset: i * 4, as: V.self))
                }
                var lanes = Kernels.lanesReaching(v, c)
                while lanes != 0 {
                    let lane = Int(lanes.trailingZeroBitCount)
                    lanes &= lanes - 1
                    if v[lane] >= c { take(i + lane, v[lane], &c) }
                }
                i += 8
            }
        }
        while i < count {
            var score = weights[0] * s[slots[0] * ldc + i]
            for j in 1..<terms { score = score.addingProduct(weights[j], s[slots[j] * ldc + i]) }
            if score >= c { take(i, score, &c) }
            i += 1
        }
        cut = c
    }
}

/// The queries of `nearest(combinations:)` that the product answers, as flat tables: query f's
/// terms are slots[termStart[f] ..< termStart[f+1]] (rows of U) with their weights, and the rows
/// it may not return are excluded[excludedStart[f] ..< excludedStart[f+1]].
struct CombinationPlan: @unchecked Sendable {
    let termStart: UnsafeMutablePointer<Int>
    let slots: UnsafeMutablePointer<Int>
    let weights: UnsafeMutablePointer<Float>
    let excludedStart: UnsafeMutablePointer<Int>
    let excluded: UnsafeMutablePointer<Int>

    init(fast: [Int], termStart allStart: [Int], termSlots: [Int], termWeights: [Float], excluding: [[Int]]?) {
        var start = [0], slot: [Int] = [], weight: [Float] = [], exStart = [0], ex: [Int] = []
        for q in fast {
            for t in allStart[q]..<allStart[q + 1] { slot.append(termSlots[t]); weight.append(termWeights[t]) }
            start.append(slot.count)
            ex += excluding?[q] ?? []
            exStart.append(ex.count)
        }
        func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(1, a.count))
            _ = UnsafeMutableBufferPointer(start: p, count: a.count).initialize(from: a)
            return p
        }
        termStart = copy(start); slots = copy(slot); weights = copy(weight); excludedStart = copy(exStart); excluded = copy(ex)
    }

    func deallocate() {
        termStart.deallocate(); slots.deallocate(); weights.deallocate(); excludedStart.deallocate(); excluded.deallocate()
    }
}

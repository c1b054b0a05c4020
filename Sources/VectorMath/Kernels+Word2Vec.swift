/// The logistic function σ(x) = 1 / (1 + e⁻ˣ) and −log σ(x), read from tables, as `word2vec.c`
/// and gensim do: Word2Vec asks for σ hundreds of millions of times, and `expf` would cost more
/// than the dot products it follows.
///
/// The tables cover −6 ≤ x < 6 (`word2vec.c`'s `MAX_EXP`) in 1,000 steps of 0.012; beyond that,
/// σ is taken as exactly 0 or 1 (the reference's rule: a word already predicted that surely
/// gets no push), and −log σ(x) as −x below −6 and 0 above 6. Between table points the error
/// of σ is at most 0.003 (the step times the largest slope of σ, ¼).
///
/// ```swift
/// let table = LogisticTable()
/// table.sigmoid(0)                 // 0.5
/// table.sigmoid(7)                 // 1
/// table.negativeLogSigmoid(0)      // 0.693 = log 2
/// ```
public final class LogisticTable: @unchecked Sendable {
    /// The largest |x| the tables cover.
    public static let limit: Float = 6
    /// Entries in each table.
    public static let size = 1000

    @usableFromInline let sigmoidValues: UnsafeMutablePointer<Float>
    @usableFromInline let negativeLogSigmoidValues: UnsafeMutablePointer<Float>
    @usableFromInline let scale: Float

    public init() {
        let n = Self.size
        sigmoidValues = .allocate(capacity: n)
        negativeLogSigmoidValues = .allocate(capacity: n)
        scale = Float(n) / (2 * Self.limit)
        for i in 0..<n {
            // Entry i stands for x = (i / n · 2 − 1) · limit, as in word2vec.c's expTable.
            let x = (Double(i) / Double(n) * 2 - 1) * Double(Self.limit)
            let s = 1 / (1 + _exp(-x))
            sigmoidValues[i] = Float(s)
            negativeLogSigmoidValues[i] = Float(-_log(s))
        }
    }

    deinit {
        sigmoidValues.deallocate()
        negativeLogSigmoidValues.deallocate()
    }

    /// σ(x), 0 below −6 and 1 from 6 on.
    @inlinable @inline(__always)
    public func sigmoid(_ x: Float) -> Float {
        if x >= Self.limit { return 1 }
        if x <= -Self.limit { return 0 }
        return sigmoidValues[index(x)]
    }

    /// −log σ(x), the cost of predicting with score x something that is there: −x below −6,
    /// 0 from 6 on.
    @inlinable @inline(__always)
    public func negativeLogSigmoid(_ x: Float) -> Float {
        if x >= Self.limit { return 0 }
        if x <= -Self.limit { return -x }
        return negativeLogSigmoidValues[index(x)]
    }

    /// The entry for x in (−limit, limit); just below the limit, (x + limit) · scale rounds up to
    /// `size` in Float, so the index is held to the last entry (it read past the table before).
    @inlinable @inline(__always)
    func index(_ x: Float) -> Int {
        min(Self.size - 1, Int((x + Self.limit) * scale))
    }
}

extension Kernels {
    /// One CBOW prediction of Word2Vec with negative sampling (Mikolov et al. 2013, "Distributed
    /// Representations of Words and Phrases and their Compositionality"): the work of gensim's
    /// `fast_sentence_cbow_neg` and of `word2vec.c`'s CBOW branch, for one word in the middle.
    ///
    /// The context words c₁ … c_m (`context`, rows of `inputs`) are averaged into h. `targets[0]`
    /// is the word that is really there and `targets[1...]` the noise words drawn for it; target
    /// t has the output vector v′ₜ, a row of `outputs`. The cost is logistic:
    ///
    ///     cost = −log σ(v′₀ · h) − Σₜ₌₁ log σ(−v′ₜ · h)
    ///
    /// With label ℓₜ (1 for t = 0, else 0) and gₜ = η·(ℓₜ − σ(v′ₜ · h)), the step is
    ///
    ///     e    = Σₜ gₜ·v′ₜ        (v′ before its step)
    ///     v′ₜ += gₜ·h
    ///     vᶜ  += e                for every context word c (not divided by m, as in gensim's cbow_mean)
    ///
    /// All the scores are taken before any row moves, so that the processor fetches the target
    /// rows (random rows of a large matrix, mostly not in cache) side by side instead of one after
    /// another; this differs from the one-target-after-another order of `word2vec.c` only when a
    /// noise word is drawn twice. Then one pass, eight lanes at a time, updates the targets, keeps e
    /// in a register and adds it to every context row.
    ///
    /// Rows are `stride` floats apart and `stride` is a multiple of 8 (padding zero, and it stays
    /// zero). `scratch` holds `stride + targetCount` floats. σ and −log σ come from `logistic`.
    ///
    /// - Returns: the cost of this prediction before the step (natural log).
    @inlinable
    public static func cbowStep(inputs: UnsafeMutablePointer<Float>, context: UnsafePointer<Int32>, contextCount m: Int,
                                outputs: UnsafeMutablePointer<Float>, targets: UnsafePointer<Int32>, targetCount: Int,
                                stride: Int, learningRate: Float, scratch: UnsafeMutablePointer<Float>,
                                logistic: LogisticTable) -> Float {
        typealias V = SIMD8<Float>
        let h = UnsafeMutableRawPointer(scratch), g = scratch + stride
        let bytes = stride &* 4
        let x = UnsafeMutableRawPointer(inputs), y = UnsafeMutableRawPointer(outputs)
        // h = mean of the context rows.
        let inverse = V(repeating: 1 / Float(m))
        var o = 0
        while o < bytes {
            var s = x.loadUnaligned(fromByteOffset: Int(context[0]) &* bytes &+ o, as: V.self)
            var i = 1
            while i < m { s += x.loadUnaligned(fromByteOffset: Int(context[i]) &* bytes &+ o, as: V.self); i &+= 1 }
            h.storeBytes(of: s * inverse, toByteOffset: o, as: V.self)
            o &+= 32
        }
        // Every target's score first, then its g.
        var cost: Float = 0
        word2vecScores(UnsafeRawPointer(h), at: 0, y, targets: targets, count: targetCount, bytes: bytes) { t, f in
            cost += logistic.negativeLogSigmoid(t == 0 ? f : -f)
            g[t] = ((t == 0 ? 1 : 0) - logistic.sigmoid(f)) * learningRate
        }
        var t = 0
        // One pass: e from the targets' rows as they were, the targets' step, e into every context row.
        o = 0
        while o < bytes {
            let hk = h.loadUnaligned(fromByteOffset: o, as: V.self)
            var e = V()
            t = 0
            while t < targetCount {
                let at = Int(targets[t]) &* bytes &+ o
                let v = y.loadUnaligned(fromByteOffset: at, as: V.self)
                let gt = V(repeating: g[t])
                e.addProduct(gt, v)
                y.storeBytes(of: v.addingProduct(gt, hk), toByteOffset: at, as: V.self)
                t &+= 1
            }
            var i = 0
            while i < m {
                let at = Int(context[i]) &* bytes &+ o
                x.storeBytes(of: x.loadUnaligned(fromByteOffset: at, as: V.self) + e, toByteOffset: at, as: V.self)
                i &+= 1
            }
            o &+= 32
        }
        return cost
    }

    /// One skip-gram window of Word2Vec with negative sampling, the noise words shared by the
    /// whole window (Ji, Shah, Mahmud, Chatterjee & Dubey 2016, "Parallelizing Word2Vec in Shared
    /// and Distributed Memory", the scheme of pWord2Vec): each context word cᵢ (a row of `inputs`)
    /// predicts the word in the middle, `targets[0]`, against the same noise words
    /// `targets[1...]`, where gensim and `word2vec.c` draw fresh noise words for every context word.
    ///
    /// With X the m context rows, V′ the T target rows, ℓₜ the label (1 for t = 0, else 0):
    ///
    ///     S = X V′ᵀ                  (m × T scores)
    ///     G = η·(ℓ − σ(S))           (m × T)
    ///     X  += G V′                 (V′ before its step)
    ///     V′ += Gᵀ X                 (X before its step)
    ///     cost = Σᵢ [−log σ(Sᵢ₀) − Σₜ₌₁ log σ(−Sᵢₜ)]
    ///
    /// Each pair (cᵢ, t) gets exactly the gradient of its own prediction; only the order changes:
    /// every score of the window is taken before any row moves. What it buys: the T target rows
    /// are fetched once a window instead of once per context word, the products run as small
    /// dense matrix products over rows already in cache (four targets at a time, eight lanes), and
    /// a window draws T − 1 noise words instead of m·(T − 1).
    ///
    /// Rows are `stride` floats apart and `stride` is a multiple of 8 (padding zero, and it stays
    /// zero). `scratch` holds `m·(stride + targetCount)` floats.
    ///
    /// - Returns: the summed cost of the window's m predictions before the step (natural log).
    @inlinable
    public static func skipGramStep(inputs: UnsafeMutablePointer<Float>, context: UnsafePointer<Int32>, contextCount m: Int,
                                    outputs: UnsafeMutablePointer<Float>, targets: UnsafePointer<Int32>, targetCount T: Int,
                                    stride: Int, learningRate: Float, scratch: UnsafeMutablePointer<Float>,
                                    logistic: LogisticTable) -> Float {
        typealias V = SIMD8<Float>
        let bytes = stride &* 4
        let x = UnsafeMutableRawPointer(inputs), y = UnsafeMutableRawPointer(outputs)
        let g = scratch                                      // m × T
        let e = UnsafeMutableRawPointer(scratch + m &* T)    // m rows of stride: G V′
        // S and G, four targets at a time.
        var cost: Float = 0
        @inline(__always) func score(_ i: Int, _ t: Int, _ f: Float) {
            cost += logistic.negativeLogSigmoid(t == 0 ? f : -f)
            g[i &* T &+ t] = ((t == 0 ? 1 : 0) - logistic.sigmoid(f)) * learningRate
        }
        var i = 0
        while i < m {
            let row = i
            word2vecScores(x, at: Int(context[i]) &* bytes, y, targets: targets, count: T, bytes: bytes) { t, f in score(row, t, f) }
            i &+= 1
        }
        // E = G V′, from the targets' rows as they are now.
        i = 0
        while i < m {
            let gi = g + i &* T, ei = i &* bytes
            var o = 0
            while o < bytes {
                var s = V()
                var t = 0
                while t < T {
                    s.addProduct(V(repeating: gi[t]), y.loadUnaligned(fromByteOffset: Int(targets[t]) &* bytes &+ o, as: V.self))
                    t &+= 1
                }
                e.storeBytes(of: s, toByteOffset: ei &+ o, as: V.self)
                o &+= 32
            }
            i &+= 1
        }
        // V′ += Gᵀ X, from the context rows as they are now.
        var t = 0
        while t < T {
            let yt = Int(targets[t]) &* bytes
            var o = 0
            while o < bytes {
                var s = y.loadUnaligned(fromByteOffset: yt &+ o, as: V.self)
                var i = 0
                while i < m {
                    s.addProduct(V(repeating: g[i &* T &+ t]), x.loadUnaligned(fromByteOffset: Int(context[i]) &* bytes &+ o, as: V.self))
                    i &+= 1
                }
                y.storeBytes(of: s, toByteOffset: yt &+ o, as: V.self)
                o &+= 32
            }
            t &+= 1
        }
        // X += E.
        i = 0
        while i < m {
            let xi = Int(context[i]) &* bytes, ei = i &* bytes
            var o = 0
            while o < bytes {
                let v = x.loadUnaligned(fromByteOffset: xi &+ o, as: V.self) + e.loadUnaligned(fromByteOffset: ei &+ o, as: V.self)
                x.storeBytes(of: v, toByteOffset: xi &+ o, as: V.self)
                o &+= 32
            }
            i &+= 1
        }
        return cost
    }

    /// The scores x · v′ₜ of the row at byte offset `xOffset` of `x` against the rows `targets[0 ..< count]`
    /// of `y`, handed to `body(t, score)` in order: four targets at a time, all four rows read in
    /// the same loop, so that their cache misses overlap and x is loaded once for four products.
    @usableFromInline @inline(__always)
    static func word2vecScores(_ x: UnsafeRawPointer, at xOffset: Int, _ y: UnsafeRawPointer, targets: UnsafePointer<Int32>,
                               count: Int, bytes: Int, _ body: (Int, Float) -> Void) {
        typealias V = SIMD8<Float>
        @inline(__always) func sum(_ s: V) -> Float {
            let s4 = s.lowHalf + s.highHalf
            let s2 = s4.lowHalf + s4.highHalf
            return s2[0] + s2[1]
        }
        var t = 0
        while t &+ 4 <= count {
            let y0 = Int(targets[t]) &* bytes, y1 = Int(targets[t &+ 1]) &* bytes
            let y2 = Int(targets[t &+ 2]) &* bytes, y3 = Int(targets[t &+ 3]) &* bytes
            var a0 = V(), a1 = V(), a2 = V(), a3 = V()
            var o = 0
            while o < bytes {
                let xv = x.loadUnaligned(fromByteOffset: xOffset &+ o, as: V.self)
                a0.addProduct(xv, y.loadUnaligned(fromByteOffset: y0 &+ o, as: V.self))
                a1.addProduct(xv, y.loadUnaligned(fromByteOffset: y1 &+ o, as: V.self))
                a2.addProduct(xv, y.loadUnaligned(fromByteOffset: y2 &+ o, as: V.self))
                a3.addProduct(xv, y.loadUnaligned(fromByteOffset: y3 &+ o, as: V.self))
                o &+= 32
            }
            body(t, sum(a0)); body(t &+ 1, sum(a1)); body(t &+ 2, sum(a2)); body(t &+ 3, sum(a3))
            t &+= 4
        }
        if t &+ 2 <= count {
            let y0 = Int(targets[t]) &* bytes, y1 = Int(targets[t &+ 1]) &* bytes
            var a0 = V(), a1 = V()
            var o = 0
            while o < bytes {
                let xv = x.loadUnaligned(fromByteOffset: xOffset &+ o, as: V.self)
                a0.addProduct(xv, y.loadUnaligned(fromByteOffset: y0 &+ o, as: V.self))
                a1.addProduct(xv, y.loadUnaligned(fromByteOffset: y1 &+ o, as: V.self))
                o &+= 32
            }
            body(t, sum(a0)); body(t &+ 1, sum(a1))
            t &+= 2
        }
        if t < count {
            let y0 = Int(targets[t]) &* bytes
            var a0 = V()
            var o = 0
            while o < bytes {
                a0.addProduct(x.loadUnaligned(fromByteOffset: xOffset &+ o, as: V.self), y.loadUnaligned(fromByteOffset: y0 &+ o, as: V.self))
                o &+= 32
            }
            body(t, sum(a0))
        }
    }

    /// `cbowStep` and `skipGramStep` written as plainly as possible, one float at a time: the
    /// reference the SIMD kernels are tested against. `average` true is CBOW (the mean of the
    /// context rows predicts), false is skip-gram (each context row predicts on its own, all
    /// against the same targets). Same arguments, same result up to rounding; no scratch.
    public static func negativeSamplingReference(average: Bool, inputs: UnsafeMutablePointer<Float>, context: [Int32],
                                                 outputs: UnsafeMutablePointer<Float>, targets: [Int32], stride: Int,
                                                 learningRate: Float, logistic: LogisticTable) -> Float {
        let predictors: [[Float]] = average
            ? [(0..<stride).map { k in context.reduce(Float(0)) { $0 + inputs[Int($1) * stride + k] } / Float(context.count) }]
            : context.map { c in (0..<stride).map { inputs[Int(c) * stride + $0] } }
        var cost: Float = 0
        var g = [[Float]](repeating: [Float](repeating: 0, count: targets.count), count: predictors.count)
        for (i, h) in predictors.enumerated() {
            for (t, target) in targets.enumerated() {
                var f: Float = 0
                for k in 0..<stride { f += h[k] * outputs[Int(target) * stride + k] }
                cost += logistic.negativeLogSigmoid(t == 0 ? f : -f)
                g[i][t] = ((t == 0 ? 1 : 0) - logistic.sigmoid(f)) * learningRate
            }
        }
        var e = [[Float]](repeating: [Float](repeating: 0, count: stride), count: predictors.count)
        for i in predictors.indices {
            for (t, target) in targets.enumerated() {
                for k in 0..<stride { e[i][k] += g[i][t] * outputs[Int(target) * stride + k] }
            }
        }
        for (t, target) in targets.enumerated() {
            for (i, h) in predictors.enumerated() {
                for k in 0..<stride { outputs[Int(target) * stride + k] += g[i][t] * h[k] }
            }
        }
        for (j, c) in context.enumerated() {
            let ej = average ? e[0] : e[j]
            for k in 0..<stride { inputs[Int(c) * stride + k] += ej[k] }
        }
        return cost
    }
}

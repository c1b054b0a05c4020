import Dispatch
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// A weight matrix W (n × k, one row per output, as PyTorch stores a linear layer) held as int8 with one
/// float32 scale per row (row j is `scale[j] · q[j]`), packed once for `quantizedProductTransposed`.
///
/// The packed copy is in slivers of 16 rows of W (16 columns of the product): for each pair of inputs
/// (2p, 2p + 1), the 16 rows' two bytes side by side, 32 bytes; a sliver is `pairs` × 32 bytes, read front to
/// back by the micro-kernel (24 KB for k = 1,536: it stays in L1 while every row of a block passes it).
/// Missing rows and an odd last input are zeros. It takes as many bytes as the int8 values themselves.
public final class PackedInt8Weights: @unchecked Sendable {
    /// n: rows of W, columns of the product.
    public let outputs: Int
    /// k: columns of W.
    public let inputs: Int
    /// Input pairs, (k + 1) / 2.
    let pairs: Int
    /// Slivers of 16 outputs, (n + 15) / 16.
    let slivers: Int
    let packed: UnsafeMutableRawPointer
    /// One scale per output, zeros past n (`slivers` × 16 floats).
    let scales: UnsafeMutablePointer<Float>

    /// Packs `outputs` × `inputs` int8 values (row-major) and their row scales; nothing is kept of the sources.
    public init(values: UnsafePointer<Int8>, scales: UnsafePointer<Float>, outputs n: Int, inputs k: Int) {
        precondition(n > 0 && k > 0, "a packed weight matrix has rows and columns")
        outputs = n; inputs = k
        pairs = (k + 1) / 2; slivers = (n + 15) / 16
        let bytes = slivers * pairs * 32
        packed = .allocate(byteCount: bytes, alignment: 64)
        packed.initializeMemory(as: Int8.self, repeating: 0, count: bytes)
        self.scales = .allocate(capacity: slivers * 16)
        self.scales.initialize(repeating: 0, count: slivers * 16)
        let out = packed.assumingMemoryBound(to: Int8.self)
        for j in 0..<n {
            self.scales[j] = scales[j]
            let row = values + j * k, sliver = out + (j / 16) * pairs * 32, lane = (j % 16) * 2
            for p in 0..<k { sliver[(p / 2) * 32 + lane + p % 2] = row[p] }
        }
    }

    deinit { packed.deallocate(); scales.deallocate() }

    /// The bytes the packed copy holds.
    public var byteCount: Int { slivers * pairs * 32 + slivers * 64 }
}

/// y (m × n) = x (m × k) · Wᵀ + bias, with W int8 (`PackedInt8Weights`) and x quantised on the fly: each row
/// of x becomes int16 with its own scale (its largest |value| maps to `Q`, round to nearest), so every
/// product is an exact integer and each output is
///
///     y_ij = scale_x[i] · scale_w[j] · Σₚ x̂_ip · ŵ_jp + bias_j
///
/// `Q` = min(32767, ⌊(2³¹ − 1) / (128 · 2 · pairs)⌋): the sum of a row can never leave Int32 (32,767 for
/// k ≤ 512; 10,922 for k = 1,536, still 13 bits where an int8 activation would have 7). Rounding x is the only
/// error beside the weights' own int8 rounding: relative 2⁻¹⁴ of a row's largest value, far below the
/// weights' 2⁻⁸.
///
/// On x86-64 a 6 × 16 tile of sums lives in twelve registers of eight Int32; each pair of inputs is two
/// loads of 16 bytes of W widened to int16 (`vpmovsxbw`), six broadcasts of a row's two int16 and twelve
/// `vpmaddwd` (16 products each, summed in pairs into 8 Int32) with their adds: 192 multiply-adds per
/// twelve multiplying instructions, twice the float kernel's (`MatrixProduct`, twelve FMAs of 8).
/// Rows are split over `threads` threads (columns, when there are few rows); each thread quantises its own
/// rows, in blocks of 96 rows that stay in L2 while every sliver of W passes them.
public func quantizedProductTransposed(m: Int, x: UnsafePointer<Float>, ldx: Int, weights w: PackedInt8Weights,
                                       bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>, ldy: Int, threads: Int = 1) {
    precondition(m >= 0 && ldx >= w.inputs && ldy >= w.outputs, "a leading dimension is shorter than its row")
    guard m > 0 else { return }
    QuantizedProduct(m: m, x: x, ldx: ldx, w: w, bias: bias, y: y, ldy: ldy).run(threads: threads)
}

struct QuantizedProduct: @unchecked Sendable {
    static let tileRows = 6, tileColumns = 16, blockRows = 96

    let m: Int
    let x: UnsafePointer<Float>, ldx: Int
    let w: PackedInt8Weights
    let bias: UnsafePointer<Float>?
    let y: UnsafeMutablePointer<Float>, ldy: Int

    /// The largest int16 a row of x is rounded to, so that no sum of `pairs` pairs leaves Int32.
    static func largestActivation(pairs: Int) -> Float {
        Float(Swift.min(32_767, Int(Int32.max) / (128 * 2 * Swift.max(1, pairs))))
    }

    func run(threads: Int) {
        let n = w.outputs, k = w.inputs
        let rowSlivers = (m + Self.tileRows - 1) / Self.tileRows
        let parts = m * n * k < 1 << 20 ? 1 : Swift.max(1, threads)
        // Bytes of x quantised: `pairs` × 6 Int32 per sliver of 6 rows, and one scale per row.
        let sliverBytes = w.pairs * Self.tileRows * 4
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: rowSlivers * sliverBytes + rowSlivers * Self.tileRows * 4, alignment: 64)
        defer { scratch.deallocate() }
        let packedX = SendablePointer(scratch.assumingMemoryBound(to: Int32.self))
        let scalesX = SendablePointer((scratch + rowSlivers * sliverBytes).assumingMemoryBound(to: Float.self))
        if parts == 1 || rowSlivers >= 2 * parts {
            // Rows split in whole slivers; each thread quantises the rows it multiplies.
            let used = Swift.min(parts, rowSlivers)
            let body: @Sendable (Int) -> Void = { t in
                let lo = rowSlivers * t / used, hi = rowSlivers * (t + 1) / used
                self.pack(slivers: lo..<hi, into: packedX.pointer, scales: scalesX.pointer)
                self.compute(slivers: lo..<hi, columns: 0..<self.w.slivers, packed: packedX.pointer, scales: scalesX.pointer)
            }
            if used == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: used, execute: body) }
        } else {
            // A few rows (a short query): quantised once, the columns split.
            pack(slivers: 0..<rowSlivers, into: packedX.pointer, scales: scalesX.pointer)
            let used = Swift.min(parts, w.slivers)
            DispatchQueue.concurrentPerform(iterations: used) { t in
                self.compute(slivers: 0..<rowSlivers, columns: (self.w.slivers * t / used)..<(self.w.slivers * (t + 1) / used),
                             packed: packedX.pointer, scales: scalesX.pointer)
            }
        }
    }

    /// Quantises rows 6s ..< 6s + 6 of x for every sliver s in `slivers`: row i's int16 values, two by two as
    /// one Int32, at (s · pairs + p) · 6 + i % 6; rows past m are zeros.
    func pack(slivers: Range<Int>, into out: UnsafeMutablePointer<Int32>, scales: UnsafeMutablePointer<Float>) {
        let k = w.inputs, pairs = w.pairs, mr = Self.tileRows
        let top = Self.largestActivation(pairs: pairs)
        let row16 = UnsafeMutablePointer<Int16>.allocate(capacity: 2 * pairs)
        defer { row16.deallocate() }
        row16[2 * pairs - 1] = 0
        for s in slivers {
            let sliver = out + s * pairs * mr
            for r in 0..<mr {
                let i = s * mr + r
                guard i < m else {
                    for p in 0..<pairs { sliver[p * mr + r] = 0 }
                    scales[i] = 0
                    continue
                }
                let src = x + i * ldx
                var largest: Float = 0
                var p = 0
                #if arch(x86_64)
                let magnitude = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fff_ffff))
                var peak = _mm256_setzero_ps(), unfinished = _mm256_setzero_ps()
                let zero = _mm256_setzero_ps()
                while p + 8 <= k {
                    let v = UnsafeRawPointer(src + p).loadUnaligned(as: __m256.self)
                    peak = _mm256_max_ps(peak, _mm256_and_ps(magnitude, v))
                    // max drops a NaN; v · 0 is 0 for a finite value and NaN for NaN or an infinity, and the sum keeps it.
                    unfinished = _mm256_add_ps(unfinished, _mm256_mul_ps(v, zero))
                    p += 8
                }
                largest = unsafeBitCast(peak, to: SIMD8<Float>.self).max()
                if unsafeBitCast(unfinished, to: SIMD8<Float>.self).sum() != 0 { largest = .nan }
                #endif
                while p < k { if !src[p].isFinite { largest = .nan }; largest = largest.isNaN ? largest : Swift.max(largest, abs(src[p])); p += 1 }
                // A row of zeros (or one that is not finite) is multiplied as zeros.
                let inverse: Float = largest > 0 && largest.isFinite ? top / largest : 0
                scales[i] = inverse > 0 ? largest / top : 0
                p = 0
                #if arch(x86_64)
                // Rounded to nearest even (the default rounding of cvtps2dq), then packed to int16 in order.
                let f = _mm256_set1_ps(inverse)
                while p + 8 <= k {
                    let v = _mm256_cvtps_epi32(_mm256_mul_ps(UnsafeRawPointer(src + p).loadUnaligned(as: __m256.self), f))
                    let halves = unsafeBitCast(v, to: (__m128i, __m128i).self)
                    UnsafeMutableRawPointer(row16 + p).storeBytes(of: _mm_packs_epi32(halves.0, halves.1), as: __m128i.self)
                    p += 8
                }
                #endif
                while p < k { let v = (src[p] * inverse).rounded(.toNearestOrEven); row16[p] = v == v ? Int16(v) : 0; p += 1 }
                let pairsOfRow = UnsafeRawPointer(row16).assumingMemoryBound(to: Int32.self)
                for p in 0..<pairs { sliver[p * mr + r] = pairsOfRow[p] }
            }
        }
    }

    /// y for the row slivers `slivers` (already quantised) and the column slivers `columns`.
    func compute(slivers: Range<Int>, columns: Range<Int>, packed: UnsafePointer<Int32>, scales: UnsafePointer<Float>) {
        let mr = Self.tileRows, nr = Self.tileColumns, pairs = w.pairs, n = w.outputs
        let blockSlivers = Self.blockRows / mr
        let edge = UnsafeMutablePointer<Float>.allocate(capacity: mr * nr)
        defer { edge.deallocate() }
        for b0 in stride(from: slivers.lowerBound, to: slivers.upperBound, by: blockSlivers) {
            let b1 = Swift.min(slivers.upperBound, b0 + blockSlivers)
            for js in columns {
                let sliverW = UnsafeRawPointer(w.packed + js * pairs * 32)
                let j0 = js * nr, validColumns = Swift.min(nr, n - j0)
                for s in b0..<b1 {
                    let i0 = s * mr, validRows = Swift.min(mr, m - i0)
                    let a = packed + s * pairs * mr
                    if validRows == mr && validColumns == nr {
                        Self.microKernel(pairs: pairs, a: a, b: sliverW, scalesX: scales + i0, scalesW: w.scales + j0,
                                         bias: bias.map { $0 + j0 }, c: y + i0 * ldy + j0, ldc: ldy)
                    } else {
                        Self.microKernel(pairs: pairs, a: a, b: sliverW, scalesX: scales + i0, scalesW: w.scales + j0,
                                         bias: nil, c: edge, ldc: nr)
                        for i in 0..<validRows {
                            for j in 0..<validColumns { y[(i0 + i) * ldy + j0 + j] = edge[i * nr + j] + (bias?[j0 + j] ?? 0) }
                        }
                    }
                }
            }
        }
    }

    /// The 6 × 16 tile c = (Σₚ a-pairs · b-pairs) · scaleX ⊗ scaleW + bias.
    @inline(__always)
    static func microKernel(pairs: Int, a: UnsafePointer<Int32>, b: UnsafeRawPointer, scalesX: UnsafePointer<Float>,
                            scalesW: UnsafePointer<Float>, bias: UnsafePointer<Float>?, c: UnsafeMutablePointer<Float>, ldc: Int) {
        typealias V = SIMD8<Float>
        typealias I = SIMD8<Int32>
        #if arch(x86_64)
        var c00 = _mm256_setzero_si256(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00
        var c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00
        var ap = a, bp = b
        for _ in 0..<pairs {
            let b0 = _mm256_cvtepi8_epi16(bp.loadUnaligned(as: __m128i.self))
            let b1 = _mm256_cvtepi8_epi16(bp.loadUnaligned(fromByteOffset: 16, as: __m128i.self))
            var x = _mm256_set1_epi32(ap[0])
            c00 = _mm256_add_epi32(c00, _mm256_madd_epi16(x, b0)); c01 = _mm256_add_epi32(c01, _mm256_madd_epi16(x, b1))
            x = _mm256_set1_epi32(ap[1])
            c10 = _mm256_add_epi32(c10, _mm256_madd_epi16(x, b0)); c11 = _mm256_add_epi32(c11, _mm256_madd_epi16(x, b1))
            x = _mm256_set1_epi32(ap[2])
            c20 = _mm256_add_epi32(c20, _mm256_madd_epi16(x, b0)); c21 = _mm256_add_epi32(c21, _mm256_madd_epi16(x, b1))
            x = _mm256_set1_epi32(ap[3])
            c30 = _mm256_add_epi32(c30, _mm256_madd_epi16(x, b0)); c31 = _mm256_add_epi32(c31, _mm256_madd_epi16(x, b1))
            x = _mm256_set1_epi32(ap[4])
            c40 = _mm256_add_epi32(c40, _mm256_madd_epi16(x, b0)); c41 = _mm256_add_epi32(c41, _mm256_madd_epi16(x, b1))
            x = _mm256_set1_epi32(ap[5])
            c50 = _mm256_add_epi32(c50, _mm256_madd_epi16(x, b0)); c51 = _mm256_add_epi32(c51, _mm256_madd_epi16(x, b1))
            ap += 6
            bp += 32
        }
        #else
        var acc = [I](repeating: I(), count: 12)
        for p in 0..<pairs {
            for r in 0..<6 {
                let pair = UInt32(bitPattern: a[p * 6 + r])
                let lo = Int32(Int16(truncatingIfNeeded: pair)), hi = Int32(Int16(truncatingIfNeeded: pair >> 16))
                for h in 0..<2 {
                    var s = I()
                    for j in 0..<8 {
                        let w0 = Int32(b.load(fromByteOffset: p * 32 + (h * 8 + j) * 2, as: Int8.self))
                        let w1 = Int32(b.load(fromByteOffset: p * 32 + (h * 8 + j) * 2 + 1, as: Int8.self))
                        s[j] = lo &* w0 &+ hi &* w1
                    }
                    acc[r * 2 + h] &+= s
                }
            }
        }
        #endif
        let w0 = UnsafeRawPointer(scalesW).loadUnaligned(as: V.self), w1 = UnsafeRawPointer(scalesW + 8).loadUnaligned(as: V.self)
        var bias0 = V(), bias1 = V()
        if let bias { bias0 = UnsafeRawPointer(bias).loadUnaligned(as: V.self); bias1 = UnsafeRawPointer(bias + 8).loadUnaligned(as: V.self) }
        @inline(__always)
        func put(_ r: Int, _ s0: I, _ s1: I) {
            let sx = V(repeating: scalesX[r])
            let out = UnsafeMutableRawPointer(c + r * ldc)
            out.storeBytes(of: V(s0) * (sx * w0) + bias0, as: V.self)
            out.storeBytes(of: V(s1) * (sx * w1) + bias1, toByteOffset: 32, as: V.self)
        }
        #if arch(x86_64)
        @inline(__always) func i(_ v: __m256i) -> I { unsafeBitCast(v, to: I.self) }
        put(0, i(c00), i(c01)); put(1, i(c10), i(c11)); put(2, i(c20), i(c21))
        put(3, i(c30), i(c31)); put(4, i(c40), i(c41)); put(5, i(c50), i(c51))
        #else
        for r in 0..<6 { put(r, acc[r * 2], acc[r * 2 + 1]) }
        #endif
    }
}

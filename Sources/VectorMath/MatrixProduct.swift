import Dispatch

/// C (m×n) = A (m×k) · Bᵀ where B is n×k; all row-major with leading dimensions (the distance in
/// floats from one row to the next); `accumulate` adds into C instead of overwriting it.
///
///     Cᵢⱼ (+)= Σₚ Aᵢₚ · Bⱼₚ
///
/// This is the product of a batch of queries (rows of A) with every row of a model (rows of B):
/// one row of scores per query. `threads` splits the work over that many threads.
///
/// ```swift
/// // two queries against three words of two dimensions
/// let q: [Float] = [1, 0,  0, 1], words: [Float] = [1, 2,  3, 4,  5, 6]
/// var scores = [Float](repeating: 0, count: 6)
/// matrixMultiplyTransposed(m: 2, n: 3, k: 2, a: q, lda: 2, b: words, ldb: 2, c: &scores, ldc: 3)
/// // scores == [1, 3, 5,  2, 4, 6]
/// ```
public func matrixMultiplyTransposed(m: Int, n: Int, k: Int,
                                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                     c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false, threads: Int = 1) {
    precondition(m >= 0 && n >= 0 && k >= 0, "matrix sizes are never negative")
    precondition(lda >= k && ldb >= k && ldc >= n, "a leading dimension is shorter than its row")
    MatrixProduct(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, bIsTransposed: true, c: c, ldc: ldc)
        .run(accumulate: accumulate, threads: threads)
}

/// C (m×n) = A (m×k) · B where B is k×n (row-major); `accumulate` adds into C.
///
///     Cᵢⱼ (+)= Σₚ Aᵢₚ · Bₚⱼ
///
/// The product of a layer's inputs (rows of A) with its weight matrix B, as in a transformer.
///
/// ```swift
/// let x: [Float] = [1, 2], w: [Float] = [1, 0, 2,  0, 1, 3]   // 1×2 · 2×3
/// var y = [Float](repeating: 0, count: 3)
/// matrixMultiply(m: 1, n: 3, k: 2, a: x, lda: 2, b: w, ldb: 3, c: &y, ldc: 3)   // y == [1, 2, 8]
/// ```
public func matrixMultiply(m: Int, n: Int, k: Int,
                           a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                           c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false, threads: Int = 1) {
    precondition(m >= 0 && n >= 0 && k >= 0, "matrix sizes are never negative")
    precondition(lda >= k && ldb >= n && ldc >= n, "a leading dimension is shorter than its row")
    MatrixProduct(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, bIsTransposed: false, c: c, ldc: ldc)
        .run(accumulate: accumulate, threads: threads)
}

/// The single-precision matrix product (SGEMM) as GotoBLAS / BLIS organise it.
///
/// The answer is built from 6×16 tiles of C. A tile is computed by the *micro-kernel* from a
/// 6-row sliver of A and a 16-column sliver of B, both *packed*: copied so that step p of the
/// sum reads 6 consecutive A values and 16 consecutive B values. The 6×16 partial sums live in
/// twelve 8-float registers for the whole sum over p, so each step is two loads of B, six
/// broadcasts of A and twelve fused multiply-adds: 192 multiply-adds per 22 memory reads.
///
/// Around the micro-kernel, the loops choose what each cache holds:
/// - a block of B, `depthBlock` × `columnBlock`, packed once and reused by every row block (L3);
/// - a block of A, `rowBlock` × `depthBlock`, packed once per B block (L2);
/// - one 16-column sliver of B, `depthBlock` × 16 floats, reused by every 6-row sliver of A (L1).
/// Ragged edges are computed into a zero-padded tile and only its valid part is written.
///
/// With several threads, the larger of m and n is split into equal parts aligned to the tile;
/// each thread packs its own blocks and writes a disjoint part of C.
///
/// Why our own and not a BLAS: measured with `embedlab-bench gemm` beside numpy's OpenBLAS 0.3.31
/// (Haswell kernels) on this 2-core EPYC, one thread, the same shapes: 128×1152×384 73 vs 90 GFLOP/s,
/// 128×1536×384 77 vs 88, 512³ 35 vs 39, i.e. 0.8–0.9× of OpenBLAS. Within that margin we keep the
/// kernel here: no system library to install and link on a fresh machine, and the batched nearest
/// neighbours need the product tile by tile, each tile scanned for its top k while it is in cache.
struct MatrixProduct: @unchecked Sendable {
    static let tileRows = 6, tileColumns = 16
    static let depthBlock = 256, rowBlock = 96, columnBlock = 2048

    let m: Int, n: Int, k: Int
    let a: UnsafePointer<Float>, lda: Int
    let b: UnsafePointer<Float>, ldb: Int
    /// true: B is stored n×k (its rows are the columns of the product); false: B is k×n.
    let bIsTransposed: Bool
    let c: UnsafeMutablePointer<Float>, ldc: Int

    func run(accumulate: Bool, threads: Int) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        // Below about a million multiply-adds a thread costs more than it saves.
        let parts = m * n * k < 1 << 20 ? 1 : Swift.max(1, threads)
        if parts == 1 { return compute(rows: 0..<m, columns: 0..<n, accumulate: accumulate) }
        let splitColumns = n >= m
        let (total, unit) = splitColumns ? (n, Self.tileColumns) : (m, Self.tileRows)
        let tiles = (total + unit - 1) / unit
        let used = Swift.min(parts, tiles)
        DispatchQueue.concurrentPerform(iterations: used) { t in
            let lo = Swift.min(total, tiles * t / used * unit), hi = Swift.min(total, tiles * (t + 1) / used * unit)
            guard lo < hi else { return }
            if splitColumns { compute(rows: 0..<m, columns: lo..<hi, accumulate: accumulate) }
            else { compute(rows: lo..<hi, columns: 0..<n, accumulate: accumulate) }
        }
    }

    /// C[rows, columns] (+)= A[rows, :] · B[:, columns] on the calling thread.
    func compute(rows: Range<Int>, columns: Range<Int>, accumulate: Bool) {
        let mr = Self.tileRows, nr = Self.tileColumns
        let kcMax = Swift.min(Self.depthBlock, k)
        let mcMax = Swift.min(Self.rowBlock, (rows.count + mr - 1) / mr * mr)
        let ncMax = Swift.min(Self.columnBlock, (columns.count + nr - 1) / nr * nr)
        let packedA = UnsafeMutableRawPointer.allocate(byteCount: mcMax * kcMax * 4, alignment: 64).bindMemory(to: Float.self, capacity: mcMax * kcMax)
        let packedB = UnsafeMutableRawPointer.allocate(byteCount: ncMax * kcMax * 4, alignment: 64).bindMemory(to: Float.self, capacity: ncMax * kcMax)
        let edge = UnsafeMutableRawPointer.allocate(byteCount: mr * nr * 4, alignment: 64).bindMemory(to: Float.self, capacity: mr * nr)
        defer { packedA.deallocate(); packedB.deallocate(); edge.deallocate() }

        for j0 in stride(from: columns.lowerBound, to: columns.upperBound, by: Self.columnBlock) {
            let nc = Swift.min(Self.columnBlock, columns.upperBound - j0)
            for p0 in stride(from: 0, to: k, by: Self.depthBlock) {
                let kc = Swift.min(Self.depthBlock, k - p0)
                packB(into: packedB, columns: j0, count: nc, depth: p0, depthCount: kc)
                // The first depth block overwrites C unless asked to accumulate; later ones add.
                let adds = accumulate || p0 > 0
                for i0 in stride(from: rows.lowerBound, to: rows.upperBound, by: Self.rowBlock) {
                    let mc = Swift.min(Self.rowBlock, rows.upperBound - i0)
                    packA(into: packedA, rows: i0, count: mc, depth: p0, depthCount: kc)
                    for jr in stride(from: 0, to: nc, by: nr) {
                        let slivB = UnsafePointer(packedB + jr * kc)
                        let validColumns = Swift.min(nr, nc - jr)
                        for ir in stride(from: 0, to: mc, by: mr) {
                            let slivA = UnsafePointer(packedA + ir * kc)
                            let validRows = Swift.min(mr, mc - ir)
                            let tile = c + (i0 + ir) * ldc + j0 + jr
                            if validRows == mr && validColumns == nr {
                                Self.microKernel(depth: kc, a: slivA, b: slivB, c: tile, ldc: ldc, adds: adds)
                            } else {
                                Self.microKernel(depth: kc, a: slivA, b: slivB, c: edge, ldc: nr, adds: false)
                                for i in 0..<validRows {
                                    for j in 0..<validColumns {
                                        tile[i * ldc + j] = adds ? tile[i * ldc + j] + edge[i * nr + j] : edge[i * nr + j]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Copies A[i0 ..< i0+count, p0 ..< p0+kc] as slivers of 6 rows: sliver s holds, for each p,
    /// the 6 values A[i0+6s+r, p0+p] next to each other. Missing rows are zeros.
    func packA(into dst: UnsafeMutablePointer<Float>, rows i0: Int, count: Int, depth p0: Int, depthCount kc: Int) {
        let mr = Self.tileRows
        for s in stride(from: 0, to: count, by: mr) {
            let sliver = dst + s * kc
            let valid = Swift.min(mr, count - s)
            for r in 0..<mr {
                if r < valid {
                    let src = a + (i0 + s + r) * lda + p0
                    for p in 0..<kc { sliver[p * mr + r] = src[p] }
                } else {
                    for p in 0..<kc { sliver[p * mr + r] = 0 }
                }
            }
        }
    }

    /// Copies B's columns j0 ..< j0+count over depth p0 ..< p0+kc as slivers of 16 columns:
    /// sliver s holds, for each p, the 16 values B(p0+p, j0+16s+j) next to each other.
    /// Missing columns are zeros.
    func packB(into dst: UnsafeMutablePointer<Float>, columns j0: Int, count: Int, depth p0: Int, depthCount kc: Int) {
        let nr = Self.tileColumns
        for s in stride(from: 0, to: count, by: nr) {
            let sliver = dst + s * kc
            let valid = Swift.min(nr, count - s)
            if bIsTransposed {
                // B is n×k: column j of the product is row j of B, contiguous in p.
                for j in 0..<nr {
                    if j < valid {
                        let src = b + (j0 + s + j) * ldb + p0
                        for p in 0..<kc { sliver[p * nr + j] = src[p] }
                    } else {
                        for p in 0..<kc { sliver[p * nr + j] = 0 }
                    }
                }
            } else {
                // B is k×n: row p of B holds the 16 values contiguously.
                for p in 0..<kc {
                    let src = b + (p0 + p) * ldb + j0 + s
                    let out = sliver + p * nr
                    if valid == nr {
                        UnsafeMutableRawPointer(out).storeBytes(of: UnsafeRawPointer(src).loadUnaligned(as: SIMD16<Float>.self), as: SIMD16<Float>.self)
                    } else {
                        for j in 0..<nr { out[j] = j < valid ? src[j] : 0 }
                    }
                }
            }
        }
    }

    /// The 6×16 tile C (+)= Σₚ a[p·6 ..< p·6+6] ⊗ b[p·16 ..< p·16+16] over `depth` steps, from
    /// packed slivers, in twelve registers of 8 floats.
    @inline(__always)
    static func microKernel(depth: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                            c: UnsafeMutablePointer<Float>, ldc: Int, adds: Bool) {
        typealias V = SIMD8<Float>
        let t = TileSums(depth: depth, a: a, b: b)
        @inline(__always)
        func put(_ row: Int, _ v0: V, _ v1: V) {
            let out = UnsafeMutableRawPointer(c + row * ldc)
            if adds {
                out.storeBytes(of: out.loadUnaligned(as: V.self) + v0, as: V.self)
                out.storeBytes(of: out.loadUnaligned(fromByteOffset: 32, as: V.self) + v1, toByteOffset: 32, as: V.self)
            } else {
                out.storeBytes(of: v0, as: V.self)
                out.storeBytes(of: v1, toByteOffset: 32, as: V.self)
            }
        }
        put(0, t.c00, t.c01); put(1, t.c10, t.c11); put(2, t.c20, t.c21)
        put(3, t.c30, t.c31); put(4, t.c40, t.c41); put(5, t.c50, t.c51)
    }

    /// One 6×16 tile of sums kept in registers: row r of the tile is (c_r0, c_r1), 16 floats.
    /// The micro-kernel stores it into C; the batched nearest-neighbour scan compares it with six
    /// queries' cuts without ever writing it to memory.
    struct TileSums {
        typealias V = SIMD8<Float>
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()

        /// Σₚ a[p·6 ..< p·6+6] ⊗ b[p·16 ..< p·16+16]: each step two loads of B, six broadcasts of A
        /// and twelve fused multiply-adds.
        @inline(__always)
        init(depth: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>) {
            var ap = a
            var bp = UnsafeRawPointer(b)
            for _ in 0..<depth {
                let b0 = bp.load(as: V.self), b1 = bp.load(fromByteOffset: 32, as: V.self)
                var x = V(repeating: ap[0]); c00.addProduct(x, b0); c01.addProduct(x, b1)
                x = V(repeating: ap[1]); c10.addProduct(x, b0); c11.addProduct(x, b1)
                x = V(repeating: ap[2]); c20.addProduct(x, b0); c21.addProduct(x, b1)
                x = V(repeating: ap[3]); c30.addProduct(x, b0); c31.addProduct(x, b1)
                x = V(repeating: ap[4]); c40.addProduct(x, b0); c41.addProduct(x, b1)
                x = V(repeating: ap[5]); c50.addProduct(x, b0); c51.addProduct(x, b1)
                ap += 6
                bp += 64
            }
        }
    }
}

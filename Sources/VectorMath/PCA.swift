/// Principal component analysis: the directions along which a set of vectors varies most.
///
/// Fitting centres the rows (X̄ = X − mean) and finds the top `k` eigenvectors of the covariance
/// C = X̄ᵀX̄ / (n − 1), the cheapest exact way the shape allows, so that 30 words of a 1000-dimension
/// model plot at once and nothing d×d is ever built for a very wide model:
/// - few rows (n ≤ d, n ≤ 200): the Gram matrix G = X̄X̄ᵀ / (n − 1) is n×n and has the same non-zero
///   eigenvalues; an eigenvector u of G gives the direction X̄ᵀu / ‖X̄ᵀu‖;
/// - few dimensions (d ≤ 200): the covariance itself, d×d;
/// - both large: subspace iteration (block power method with Rayleigh–Ritz; Halko, Martinsson &
///   Tropp 2011) through the one matrix product, k + 8 directions, refined 12 times.
/// Small symmetric eigenproblems are solved by Jacobi rotations in Double. Each component's sign
/// is fixed so that its largest entry is positive, so the same data always gives the same picture.
///
/// ```swift
/// let pca = PCA(fitting: vectors, components: 2)
/// let points = pca.project(vectors)   // n × 2, ready to plot
/// ```
public struct PCA: Sendable {
    /// The mean row that was subtracted.
    public let mean: [Float]
    /// `k × d`: one unit-length principal direction per row, most variance first.
    public let components: Matrix
    /// The variance along each component (the covariance eigenvalues).
    public let variances: [Double]
    /// The total variance of the data (the covariance trace).
    public let totalVariance: Double

    /// Why a fit could not be made.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Row `row`, column `column` is NaN or infinite.
        case nonFinite(row: Int, column: Int)
        /// Fewer than one row, or no columns.
        case empty
        /// `shouldStop` asked to stop.
        case cancelled

        public var description: String {
            switch self {
            case .nonFinite(let r, let c): return "value \(c + 1) of vector \(r + 1) is not a finite number; PCA needs finite numbers"
            case .empty: return "PCA needs at least one vector with at least one dimension"
            case .cancelled: return "PCA was stopped"
            }
        }
    }

    /// Above this size (rows and columns both) the iterative method is used.
    static let exactLimit = 200

    /// Fits `k` components (clamped to 1…d). Non-finite input gives non-finite components rather
    /// than a trap; use the throwing initialiser to be told instead.
    public init(fitting data: Matrix, components k: Int) {
        if let fitted = try? PCA(fitting: data, components: k, shouldStop: { false }, allowNonFinite: true) {
            self = fitted
        } else {
            let d = Swift.max(data.columns, 1), k = Swift.min(Swift.max(k, 1), d)
            self.init(mean: [Float](repeating: .nan, count: d), components: Matrix(rows: k, columns: d),
                      variances: [Double](repeating: .nan, count: k), totalVariance: .nan)
        }
    }

    /// Fits `k` components (clamped to 1…d), checking `shouldStop` between rounds of work.
    /// Throws `Failure.nonFinite` for NaN or infinite input and `Failure.cancelled` when stopped.
    public init(fitting data: Matrix, components k: Int, shouldStop: () -> Bool) throws {
        try self.init(fitting: data, components: k, shouldStop: shouldStop, allowNonFinite: false)
    }

    init(mean: [Float], components: Matrix, variances: [Double], totalVariance: Double) {
        self.mean = mean
        self.components = components
        self.variances = variances
        self.totalVariance = totalVariance
    }

    private init(fitting data: Matrix, components requested: Int, shouldStop: () -> Bool, allowNonFinite: Bool) throws {
        let n = data.rows, d = data.columns
        guard n >= 1, d >= 1 else { throw Failure.empty }
        let k = Swift.min(Swift.max(requested, 1), d)
        if !allowNonFinite {
            try data.withUnsafeBufferPointer { x in
                for i in 0..<(n * d) where !x[i].isFinite { throw Failure.nonFinite(row: i / d, column: i % d) }
            }
        }
        let mean = data.columnMeans()
        // X̄, the centred rows, in Float for the matrix product.
        var centred = [Float](repeating: 0, count: n * d)
        data.withUnsafeBufferPointer { x in
            for r in 0..<n { for c in 0..<d { centred[r * d + c] = x[r * d + c] - mean[c] } }
        }
        let denom = Double(Swift.max(n - 1, 1))
        var total = 0.0
        for v in centred { total += Double(v) * Double(v) }
        total /= denom

        var directions: [[Double]]   // unit rows in R^d, any order
        if n <= d && n <= PCA.exactLimit {
            directions = try PCA.gramDirections(centred, n: n, d: d, denom: denom, shouldStop: shouldStop)
        } else if d <= PCA.exactLimit {
            directions = try PCA.covarianceDirections(centred, n: n, d: d, denom: denom, shouldStop: shouldStop)
        } else {
            directions = try PCA.subspaceDirections(centred, n: n, d: d, block: Swift.min(k + 8, Swift.min(n, d)), shouldStop: shouldStop)
        }
        // Variance along each direction, v·C·v = ‖X̄v‖² / (n − 1); most first; fill up to k if rank-deficient.
        PCA.completeBasis(&directions, d: d, count: k)
        var scored = directions.map { v in (v, PCA.variance(along: v, centred, n: n, d: d) / denom) }
        scored.sort { $0.1 > $1.1 }
        var comp = Matrix(rows: k, columns: d)
        for (row, item) in scored.prefix(k).enumerated() {
            var v = item.0
            if let largest = v.indices.max(by: { abs(v[$0]) < abs(v[$1]) }), v[largest] < 0 { v = v.map { -$0 } }
            comp.setRow(row, v.map(Float.init))
        }
        self.mean = mean
        self.components = comp
        self.variances = scored.prefix(k).map { Swift.max($0.1, 0) }
        self.totalVariance = total
    }

    /// ‖X̄v‖².
    static func variance(along v: [Double], _ x: [Float], n: Int, d: Int) -> Double {
        var sum = 0.0
        for r in 0..<n {
            var p = 0.0
            for c in 0..<d { p += Double(x[r * d + c]) * v[c] }
            sum += p * p
        }
        return sum
    }

    /// Few rows: eigenvectors u of G = X̄X̄ᵀ/(n−1) become directions X̄ᵀu.
    static func gramDirections(_ x: [Float], n: Int, d: Int, denom: Double, shouldStop: () -> Bool) throws -> [[Double]] {
        var g = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                var s = 0.0
                for c in 0..<d { s += Double(x[i * d + c]) * Double(x[j * d + c]) }
                g[i * n + j] = s / denom
                g[j * n + i] = s / denom
            }
        }
        guard let (_, u) = symmetricEigen(g, size: n, shouldStop: shouldStop) else { throw Failure.cancelled }
        var out: [[Double]] = []
        for e in 0..<n {
            var v = [Double](repeating: 0, count: d)
            for r in 0..<n {
                let w = u[r * n + e]
                if w == 0 { continue }
                for c in 0..<d { v[c] += w * Double(x[r * d + c]) }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 1e-12 { out.append(v.map { $0 / norm }) }
        }
        return orthonormalized(out, d: d)
    }

    /// Few dimensions: eigenvectors of the d×d covariance.
    static func covarianceDirections(_ x: [Float], n: Int, d: Int, denom: Double, shouldStop: () -> Bool) throws -> [[Double]] {
        var cov = [Double](repeating: 0, count: d * d)
        var row = [Double](repeating: 0, count: d)
        for r in 0..<n {
            if r % 4096 == 0, shouldStop() { throw Failure.cancelled }
            for c in 0..<d { row[c] = Double(x[r * d + c]) }
            for i in 0..<d where row[i] != 0 {
                let ci = row[i]
                for j in i..<d { cov[i * d + j] += ci * row[j] }
            }
        }
        for i in 0..<d { for j in i..<d { cov[i * d + j] /= denom; cov[j * d + i] = cov[i * d + j] } }
        guard let (_, v) = symmetricEigen(cov, size: d, shouldStop: shouldStop) else { throw Failure.cancelled }
        return (0..<d).map { e in (0..<d).map { v[$0 * d + e] } }
    }

    /// Both large: a block of `b` directions refined by Z ← orth(X̄ᵀ X̄ Zᵀ), then the best
    /// combinations of them (Rayleigh–Ritz on the b×b matrix (X̄Zᵀ)ᵀ(X̄Zᵀ)).
    static func subspaceDirections(_ x: [Float], n: Int, d: Int, block b: Int, shouldStop: () -> Bool) throws -> [[Double]] {
        var rng = SeededGenerator(seed: 0x5CA1E)
        var z = (0..<b).map { _ in (0..<d).map { _ in Double(rng.nextUniform()) - 0.5 } }
        z = orthonormalized(z, d: d)
        var zf = [Float](repeating: 0, count: b * d)
        var y = [Float](repeating: 0, count: n * b)      // X̄ Zᵀ, n × b
        var yt = [Float](repeating: 0, count: b * n)
        var next = [Float](repeating: 0, count: b * d)   // Yᵀ X̄, b × d
        func load(_ rows: [[Double]]) { for (i, r) in rows.enumerated() { for c in 0..<d { zf[i * d + c] = Float(r[c]) } } }
        func project() {
            x.withUnsafeBufferPointer { xp in zf.withUnsafeBufferPointer { zp in y.withUnsafeMutableBufferPointer { yp in
                matrixMultiplyTransposed(m: n, n: b, k: d, a: xp.baseAddress!, lda: d, b: zp.baseAddress!, ldb: d, c: yp.baseAddress!, ldc: b)
            } } }
        }
        for _ in 0..<12 {
            if shouldStop() { throw Failure.cancelled }
            load(z)
            project()
            for r in 0..<n { for j in 0..<b { yt[j * n + r] = y[r * b + j] } }
            yt.withUnsafeBufferPointer { ap in x.withUnsafeBufferPointer { xp in next.withUnsafeMutableBufferPointer { cp in
                matrixMultiply(m: b, n: d, k: n, a: ap.baseAddress!, lda: n, b: xp.baseAddress!, ldb: d, c: cp.baseAddress!, ldc: d)
            } } }
            let rows = (0..<b).map { i in (0..<d).map { Double(next[i * d + $0]) } }
            z = orthonormalized(rows, d: d)
            completeBasis(&z, d: d, count: b)
        }
        load(z)
        project()
        var s = [Double](repeating: 0, count: b * b)
        for i in 0..<b { for j in i..<b {
            var sum = 0.0
            for r in 0..<n { sum += Double(y[r * b + i]) * Double(y[r * b + j]) }
            s[i * b + j] = sum; s[j * b + i] = sum
        } }
        guard let (_, w) = symmetricEigen(s, size: b, shouldStop: shouldStop) else { throw Failure.cancelled }
        return (0..<b).map { e in
            var v = [Double](repeating: 0, count: d)
            for i in 0..<b { let c = w[i * b + e]; for col in 0..<d { v[col] += c * z[i][col] } }
            return v
        }
    }

    /// Gram–Schmidt (twice, for accuracy), dropping rows that add no new direction.
    static func orthonormalized(_ rows: [[Double]], d: Int) -> [[Double]] {
        var out: [[Double]] = []
        for var v in rows {
            for _ in 0..<2 {
                for u in out {
                    var p = 0.0
                    for c in 0..<d { p += u[c] * v[c] }
                    for c in 0..<d { v[c] -= p * u[c] }
                }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 1e-9, norm.isFinite { out.append(v.map { $0 / norm }) }
        }
        return out
    }

    /// Adds unit directions orthogonal to `rows` (from the standard basis) until there are `count`.
    static func completeBasis(_ rows: inout [[Double]], d: Int, count: Int) {
        var axis = 0
        while rows.count < count && axis < d {
            var e = [Double](repeating: 0, count: d)
            e[axis] = 1
            axis += 1
            let extended = orthonormalized(rows + [e], d: d)
            if extended.count > rows.count { rows = extended }
        }
    }

    /// The share of the total variance each component explains.
    public var explainedVarianceRatio: [Double] {
        variances.map { totalVariance > 0 ? $0 / totalVariance : 0 }
    }

    /// Coordinates of each row of `data` along the components: (x − mean)·Cᵀ, an n × k matrix.
    public func project(_ data: Matrix) -> Matrix {
        // Rows of another width have no coordinates here: they project to NaN, never to a trap.
        var out = Matrix(rows: data.rows, columns: components.rows)
        guard data.columns == mean.count else {
            for r in 0..<data.rows { out.setRow(r, [Float](repeating: .nan, count: components.rows)) }
            return out
        }
        for r in 0..<data.rows {
            let centred = data.row(r).adding(mean, times: -1)
            out.setRow(r, (0..<components.rows).map { components.row($0).dot(centred) })
        }
        return out
    }

    /// Reconstructs rows from their projection: mean + p·C (the vectors PCA "keeps").
    public func reconstruct(_ projected: Matrix) -> Matrix {
        var out = Matrix(rows: projected.rows, columns: mean.count)
        for r in 0..<projected.rows {
            var x = mean
            for c in 0..<components.rows { x = x.adding(components.row(c), times: projected[r, c]) }
            out.setRow(r, x)
        }
        return out
    }

    /// Eigenvalues and eigenvectors (as columns of a row-major d×d array) of a symmetric matrix,
    /// by cyclic Jacobi rotations until the off-diagonal part vanishes.
    static func symmetricEigen(_ matrix: [Double], size d: Int) -> ([Double], [Double]) {
        symmetricEigen(matrix, size: d, shouldStop: { false })!
    }

    /// The same, checking `shouldStop` before each sweep; nil when stopped.
    static func symmetricEigen(_ matrix: [Double], size d: Int, shouldStop: () -> Bool) -> ([Double], [Double])? {
        var a = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { v[i * d + i] = 1 }
        // Converged when the off-diagonal part is negligible next to the whole matrix (relative, so
        // that data scaled by 1e30 or 1e-30 stops as soon as data near 1 does).
        let scale = a.reduce(0) { $0 + $1 * $1 }
        for _ in 0..<100 {
            if shouldStop() { return nil }
            var off = 0.0
            for i in 0..<d { for j in (i + 1)..<d where j < d { off += a[i * d + j] * a[i * d + j] } }
            if off <= 1e-26 * scale || off < 1e-300 || !off.isFinite { break }
            for p in 0..<d {
                for q in (p + 1)..<d where q < d {
                    let apq = a[p * d + q]
                    if abs(apq) < 1e-300 { continue }
                    let theta = (a[q * d + q] - a[p * d + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<d {
                        let akp = a[k * d + p], akq = a[k * d + q]
                        a[k * d + p] = c * akp - s * akq
                        a[k * d + q] = s * akp + c * akq
                    }
                    for k in 0..<d {
                        let apk = a[p * d + k], aqk = a[q * d + k]
                        a[p * d + k] = c * apk - s * aqk
                        a[q * d + k] = s * apk + c * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k * d + p], vkq = v[k * d + q]
                        v[k * d + p] = c * vkp - s * vkq
                        v[k * d + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<d).map { a[$0 * d + $0] }, v)
    }
}

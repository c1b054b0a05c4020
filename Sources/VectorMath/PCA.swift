/// Principal component analysis: the directions along which a set of vectors varies most.
///
/// Fitting centres the rows, forms the covariance C = XᵀX / (n − 1) and takes its top `k`
/// eigenvectors (Jacobi rotations on the symmetric d×d matrix, in Double). Each component's sign
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

    public init(fitting data: Matrix, components k: Int) {
        let n = data.rows, d = data.columns
        precondition(k >= 1 && k <= d, "PCA needs 1...\(d) components, got \(k)")
        let mean = data.columnMeans()
        var cov = [Double](repeating: 0, count: d * d)
        data.withUnsafeBufferPointer { x in
            var centred = [Double](repeating: 0, count: d)
            for r in 0..<n {
                for c in 0..<d { centred[c] = Double(x[r * d + c] - mean[c]) }
                for i in 0..<d where centred[i] != 0 {
                    let ci = centred[i]
                    for j in i..<d { cov[i * d + j] += ci * centred[j] }
                }
            }
        }
        let denom = Double(Swift.max(n - 1, 1))
        for i in 0..<d { for j in i..<d { cov[i * d + j] /= denom; cov[j * d + i] = cov[i * d + j] } }
        let (values, vectors) = PCA.symmetricEigen(cov, size: d)
        let order = values.indices.sorted { values[$0] > values[$1] }
        var comp = Matrix(rows: k, columns: d)
        for (row, e) in order.prefix(k).enumerated() {
            var v = (0..<d).map { vectors[$0 * d + e] }
            let largest = v.indices.max { abs(v[$0]) < abs(v[$1]) }!
            if v[largest] < 0 { v = v.map { -$0 } }
            comp.setRow(row, v.map(Float.init))
        }
        self.mean = mean
        self.components = comp
        self.variances = order.prefix(k).map { Swift.max(values[$0], 0) }
        self.totalVariance = (0..<d).reduce(0) { $0 + cov[$1 * d + $1] }
    }

    /// The share of the total variance each component explains.
    public var explainedVarianceRatio: [Double] {
        variances.map { totalVariance > 0 ? $0 / totalVariance : 0 }
    }

    /// Coordinates of each row of `data` along the components: (x − mean)·Cᵀ, an n × k matrix.
    public func project(_ data: Matrix) -> Matrix {
        precondition(data.columns == mean.count, "data has \(data.columns) dimensions, PCA was fitted on \(mean.count)")
        var out = Matrix(rows: data.rows, columns: components.rows)
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
        var a = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { v[i * d + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<d { for j in (i + 1)..<d where j < d { off += a[i * d + j] * a[i * d + j] } }
            if off < 1e-22 { break }
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

extension Matrix {
    /// The Euclidean norm of every row.
    public func rowNorms() -> [Float] {
        (0..<rows).map { r in withRow(r) { Kernels.norm($0.baseAddress!, count: columns) } }
    }

    /// A copy with every row scaled to length 1 (zero rows stay zero), so that a dot product
    /// between rows is their cosine similarity.
    public func normalizedRows() -> Matrix {
        var out = self
        let cols = columns
        out.withUnsafeMutableBufferPointer { buf in
            for r in 0..<rows {
                let row = buf.baseAddress! + r * cols
                let n = Kernels.norm(row, count: cols)
                if n > 0 { Kernels.scale(row, by: 1 / n, count: cols) }
            }
        }
        return out
    }

    /// The mean of every column.
    public func columnMeans() -> [Float] {
        var sums = [Double](repeating: 0, count: columns)
        withUnsafeBufferPointer { buf in
            for r in 0..<rows { for c in 0..<columns { sums[c] += Double(buf[r * columns + c]) } }
        }
        return sums.map { rows > 0 ? Float($0 / Double(rows)) : 0 }
    }
}

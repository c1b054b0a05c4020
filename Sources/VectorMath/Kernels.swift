/// The hot loops of EmbedLab, written once, with SIMD8. Everything that multiplies vectors
/// (similarity, neighbours, analogies, training) ends up here.
///
/// The kernels take raw pointers and a count so that they work on rows of a `Matrix`,
/// on arrays, and on memory-mapped files alike, without copying.
public enum Kernels {
    /// The dot product Σ aᵢ·bᵢ.
    @inlinable
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count n: Int) -> Float {
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>()
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while i + 16 <= n {
            acc0 += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            acc1 += ra.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self) * rb.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
            i += 16
        }
        if i + 8 <= n {
            acc0 += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        // Add the lanes pairwise (8 → 4 → 2 → 1): `SIMD8.sum()` compiles to a chain of seven
        // dependent scalar additions, which costs more than the multiplications for 50 dimensions.
        let s8 = acc0 + acc1
        let s4 = s8.lowHalf + s8.highHalf
        let s2 = s4.lowHalf + s4.highHalf
        var sum = s2[0] + s2[1]
        while i < n {
            sum += a[i] * b[i]
            i += 1
        }
        return sum
    }

    /// The Euclidean norm ‖a‖ = √(Σ aᵢ²).
    @inlinable
    public static func norm(_ a: UnsafePointer<Float>, count n: Int) -> Float {
        dot(a, a, count: n).squareRoot()
    }

    /// y ← y + α·x  (BLAS's axpy).
    @inlinable
    public static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count n: Int) {
        let va = SIMD8<Float>(repeating: alpha)
        var i = 0
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
        while i + 8 <= n {
            let v = ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                + va * rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            ry.storeBytes(of: v, toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        while i < n {
            y[i] += alpha * x[i]
            i += 1
        }
    }

    /// x ← α·x.
    @inlinable
    public static func scale(_ x: UnsafeMutablePointer<Float>, by alpha: Float, count n: Int) {
        for i in 0..<n { x[i] *= alpha }
    }

    /// Cosine similarity a·b / (‖a‖‖b‖); 0 when either vector is zero.
    @inlinable
    public static func cosine(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count n: Int) -> Float {
        let denominator = norm(a, count: n) * norm(b, count: n)
        return denominator > 0 ? dot(a, b, count: n) / denominator : 0
    }

    /// The squared Euclidean distance Σ (aᵢ − bᵢ)².
    @inlinable
    public static func squaredDistance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while i + 8 <= n {
            let d = ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            acc += d * d
            i += 8
        }
        var sum = acc.sum()
        while i < n {
            let d = a[i] - b[i]
            sum += d * d
            i += 1
        }
        return sum
    }

    /// The mean μ = Σ aᵢ / n and the variance σ² = Σ (aᵢ − μ)² / n, in two passes of eight running
    /// sums (LayerNorm's statistics); n must be at least 1.
    @inlinable
    public static func meanAndVariance(_ a: UnsafePointer<Float>, count n: Int) -> (mean: Float, variance: Float) {
        @inline(__always)
        func sum(minus c: Float, squared: Bool) -> Float {
            var lanes = SIMD8<Float>()
            let cs = SIMD8<Float>(repeating: c)
            var i = 0
            while i + 8 <= n {
                let d = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self) - cs
                lanes += squared ? d * d : d
                i += 8
            }
            var total = lanes.sum()
            while i < n { let d = a[i] - c; total += squared ? d * d : d; i += 1 }
            return total
        }
        let mean = sum(minus: 0, squared: false) / Float(n)
        return (mean, sum(minus: mean, squared: true) / Float(n))
    }
}

/// Array conveniences over `Kernels`, for code that holds vectors as `[Float]`.
extension Array where Element == Float {
    public func dot(_ other: [Float]) -> Float {
        precondition(count == other.count, "dot of vectors with \(count) and \(other.count) dimensions")
        return withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in Kernels.dot(a.baseAddress!, b.baseAddress!, count: count) } }
    }

    public var norm: Float { withUnsafeBufferPointer { Kernels.norm($0.baseAddress!, count: count) } }

    public func cosine(_ other: [Float]) -> Float {
        precondition(count == other.count, "cosine of vectors with \(count) and \(other.count) dimensions")
        return withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in Kernels.cosine(a.baseAddress!, b.baseAddress!, count: count) } }
    }

    public func distance(_ other: [Float]) -> Float {
        precondition(count == other.count, "distance of vectors with \(count) and \(other.count) dimensions")
        return withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in Kernels.squaredDistance(a.baseAddress!, b.baseAddress!, count: count) } }.squareRoot()
    }

    /// self + α·x, as a new array.
    public func adding(_ x: [Float], times alpha: Float = 1) -> [Float] {
        precondition(count == x.count, "sum of vectors with \(count) and \(x.count) dimensions")
        var y = self
        y.withUnsafeMutableBufferPointer { yp in x.withUnsafeBufferPointer { xp in Kernels.axpy(alpha, xp.baseAddress!, yp.baseAddress!, count: count) } }
        return y
    }

    /// The vector scaled to length 1 (unchanged if it is zero).
    public var normalized: [Float] {
        let n = norm
        return n > 0 ? map { $0 / n } : self
    }
}

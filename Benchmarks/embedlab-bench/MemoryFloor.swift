import VectorMath

/// The memory floor of a scan: the time of one summing pass over the same float32 matrix with the
/// same threads (`WorkerPool.shared`), eight floats per step in four independent sums. Nothing that
/// reads every float32 value once can be faster; a float16 scan reads half the bytes and can be.
enum MemoryFloor {
    static func measure(_ matrix: Matrix, repeats: Int = 30) -> Samples {
        let count = matrix.count
        let threads = WorkerPool.shared.threadCount
        let parts = count * 4 > 64 * 1024 ? threads : 1
        var sums = [Float](repeating: 0, count: parts)
        return matrix.withUnsafeBufferPointer { values in
            let base = SendablePointer(UnsafeMutablePointer(mutating: values.baseAddress!))
            return sums.withUnsafeMutableBufferPointer { out in
                let o = SendablePointer(out.baseAddress!)
                return Samples.measure(repeats: repeats, warmup: 3) {
                    WorkerPool.shared.run(parts: parts) { part in
                        let lo = count * part / parts / 32 * 32, hi = part == parts - 1 ? count : count * (part + 1) / parts / 32 * 32
                        o.pointer[part] = sum(UnsafeRawPointer(base.pointer + lo), count: hi - lo)
                    }
                    consume(o.pointer[0])
                }
            }
        }
    }

    static func sum(_ raw: UnsafeRawPointer, count: Int) -> Float {
        typealias V = SIMD8<Float>
        var a = V(), b = V(), c = V(), d = V()
        var i = 0
        while i + 32 <= count {
            a += raw.loadUnaligned(fromByteOffset: i * 4, as: V.self)
            b += raw.loadUnaligned(fromByteOffset: i * 4 + 32, as: V.self)
            c += raw.loadUnaligned(fromByteOffset: i * 4 + 64, as: V.self)
            d += raw.loadUnaligned(fromByteOffset: i * 4 + 96, as: V.self)
            i += 32
        }
        var s = (a + b + c + d).sum()
        while i < count { s += raw.load(fromByteOffset: i * 4, as: Float.self); i += 1 }
        return s
    }
}

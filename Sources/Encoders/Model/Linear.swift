import VectorMath

/// A fully connected layer, y = x·Wᵀ + b, with W stored outputs × inputs (as PyTorch stores it), so that
/// one call to VectorMath's `matrixMultiplyTransposed` computes it for every token of a batch at once.
struct Linear: @unchecked Sendable {
    let weight: Matrix
    let bias: Matrix
    let inputs: Int
    let outputs: Int
    // The weights never move: float32 tensors are mapped, int8 ones dequantised once at load.
    let w: UnsafePointer<Float>
    let b: UnsafePointer<Float>

    init(weight: Matrix, bias: Matrix) {
        self.weight = weight; self.bias = bias
        inputs = weight.columns; outputs = weight.rows
        w = weight.withUnsafeBufferPointer { $0.baseAddress! }
        b = bias.withUnsafeBufferPointer { $0.baseAddress! }
    }

    /// Up to this many rows (the tokens of a short query) go through `smallProductTransposed`, which
    /// reads W in place; more go through the packed product.
    static let smallRows = 16

    /// y (rows × outputs) = x (rows × inputs) · Wᵀ + b.
    func apply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, threads: Int) {
        for r in 0..<rows { (y + r * outputs).update(from: b, count: outputs) }
        if rows <= Self.smallRows {
            smallProductTransposed(m: rows, n: outputs, k: inputs, a: x, lda: inputs, b: w, ldb: inputs,
                                   c: y, ldc: outputs, accumulate: true, parallel: threads > 1)
            return
        }
        matrixMultiplyTransposed(m: rows, n: outputs, k: inputs, a: x, lda: inputs, b: w, ldb: inputs,
                                 c: y, ldc: outputs, accumulate: true, threads: threads)
    }
}

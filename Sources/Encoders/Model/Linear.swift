import VectorMath

/// A fully connected layer, y = x·Wᵀ + b, with W stored outputs × inputs (as PyTorch stores it), computed for
/// every token of a batch at once by one product:
/// - int8 weights (as the bundled encoders store them) stay int8, packed once at load, and each token's inputs
///   are rounded to int16 with their own scale as the product reads them: `quantizedProductTransposed`,
///   integer multiply-adds (`.int8`, the default);
/// - float32 weights, or `.float32` arithmetic (int8 weights dequantised once at load), go through
///   `matrixMultiplyTransposed`, or `smallProductTransposed` for the few tokens of a short query.
struct Linear: @unchecked Sendable {
    let weight: Matrix?
    let packed: PackedInt8Weights?
    let bias: Matrix
    let inputs: Int
    let outputs: Int
    // The weights never move: float32 tensors are mapped, int8 ones packed or dequantised once at load.
    let w: UnsafePointer<Float>?
    let b: UnsafePointer<Float>

    init(weight: Matrix, bias: Matrix) {
        self.weight = weight; self.bias = bias; packed = nil
        inputs = weight.columns; outputs = weight.rows
        w = weight.withUnsafeBufferPointer { $0.baseAddress! }
        b = bias.withUnsafeBufferPointer { $0.baseAddress! }
    }

    init(packed: PackedInt8Weights, bias: Matrix) {
        self.packed = packed; self.bias = bias; weight = nil; w = nil
        inputs = packed.inputs; outputs = packed.outputs
        b = bias.withUnsafeBufferPointer { $0.baseAddress! }
    }

    /// Up to this many rows (the tokens of a short query) go through `smallProductTransposed`, which
    /// reads W in place; more go through the packed product.
    static let smallRows = 16

    /// y (rows × outputs) = x (rows × inputs) · Wᵀ + b.
    func apply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>, threads: Int) {
        if let packed {
            quantizedProductTransposed(m: rows, x: x, ldx: inputs, weights: packed, bias: b, y: y, ldy: outputs, threads: threads)
            return
        }
        let w = w!
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

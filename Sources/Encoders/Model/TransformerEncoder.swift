import VectorMath

/// A BERT-style transformer encoder (Devlin et al. 2019): token ids in, one contextual vector per token out.
///
///     x₀ = LayerNorm(token[id] + position[i] + segment[0])
///     for each layer:
///         x = LayerNorm(x + Wₒ · MultiHeadSelfAttention(x))
///         x = LayerNorm(x + W₂ · GELU(W₁ · x + b₁) + b₂)
///
/// The last x holds the *last hidden states*: row i is token i seen in the light of every other token
/// of its text, which is what makes the vector of *bank* depend on the river or the money around it.
/// MiniLM-L6 has 6 layers of width 384 (12 heads of 32); multilingual-e5-small has 12.
public struct TransformerEncoder: @unchecked Sendable {
    public let config: EncoderConfig
    let tokens: EmbeddingTable
    let positions: Matrix
    let segment: Matrix
    let embeddingNorm: LayerNorm
    let layers: [EncoderLayer]

    /// One layer: attention, then the feed-forward block, each with its residual sum and LayerNorm.
    struct EncoderLayer {
        let qkv: Linear
        let attentionOutput: Linear
        let attentionNorm: LayerNorm
        let up: Linear
        let down: Linear
        let outputNorm: LayerNorm
    }

    /// How the linear layers multiply when their weights are stored int8.
    public enum Arithmetic: Sendable {
        /// Weights kept int8, each token's inputs rounded to int16 (its own scale): integer products,
        /// sentence vectors within cosine 0.9999 of `.float32`'s.
        case int8
        /// Weights dequantised to float32 once at load, float32 products.
        case float32
    }

    /// How this encoder's linear layers multiply.
    public let arithmetic: Arithmetic

    /// Reads and checks every tensor the configuration calls for; int8 layers are packed (or, with
    /// `.float32`, dequantised) here, once.
    public init(file: EncoderFile, arithmetic: Arithmetic = .int8) throws {
        let c = file.config, h = c.hidden, eps = c.layerNormEpsilon
        config = c
        self.arithmetic = arithmetic
        func floats(_ name: String, _ rows: Int, _ cols: Int) throws -> Matrix {
            try file.floats(file.tensor(name, rows: rows, columns: cols))
        }
        func norm(_ name: String) throws -> LayerNorm {
            LayerNorm(gamma: try floats(name + ".weight", 1, h), beta: try floats(name + ".bias", 1, h), epsilon: eps)
        }
        func linear(_ name: String, outputs: Int, inputs: Int) throws -> Linear {
            let weight = try file.tensor(name + ".weight", rows: outputs, columns: inputs)
            let bias = try floats(name + ".bias", 1, outputs)
            guard arithmetic == .int8, weight.kind == .int8Rows else { return Linear(weight: try file.floats(weight), bias: bias) }
            let q = try file.int8Table(weight)
            return Linear(packed: PackedInt8Weights(values: q.values, scales: q.scales, outputs: outputs, inputs: inputs), bias: bias)
        }
        tokens = try EmbeddingTable(file: file, tensor: file.tensor("embeddings.token", rows: file.vocabulary.count, columns: h))
        positions = try floats("embeddings.position", c.maxTokens, h)
        segment = try floats("embeddings.segment", 1, h)
        embeddingNorm = try norm("embeddings.norm")
        layers = try (0..<c.layers).map { i in
            let p = "layers.\(i)."
            return EncoderLayer(
                qkv: try linear(p + "attention.qkv", outputs: 3 * h, inputs: h),
                attentionOutput: try linear(p + "attention.output", outputs: h, inputs: h),
                attentionNorm: try norm(p + "attention.norm"),
                up: try linear(p + "feed_forward.up", outputs: c.intermediate, inputs: h),
                down: try linear(p + "feed_forward.down", outputs: h, inputs: c.intermediate),
                outputNorm: try norm(p + "feed_forward.norm"))
        }
    }

    /// The last hidden states of a batch of texts, given as token ids (special tokens included, at most
    /// `maxTokens` each, every id inside the vocabulary): one matrix whose rows are the texts' tokens end to
    /// end, and the row range of each text.
    public func hiddenStates(_ batch: [[Int32]], threads: Int = 1) -> (states: Matrix, texts: [Range<Int>]) {
        let h = config.hidden, inner = config.intermediate
        var texts: [Range<Int>] = []
        var total = 0
        for ids in batch { texts.append(total..<(total + ids.count)); total += ids.count }
        var x = Matrix(rows: total, columns: h)
        guard total > 0 else { return (x, texts) }
        let qkv = UnsafeMutablePointer<Float>.allocate(capacity: total * 3 * h)
        let context = UnsafeMutablePointer<Float>.allocate(capacity: total * h)
        let hiddenFF = UnsafeMutablePointer<Float>.allocate(capacity: total * inner)
        defer { qkv.deallocate(); context.deallocate(); hiddenFF.deallocate() }
        // A short query's norms, GELU and attention are microseconds of work: on one thread, with no
        // fork and join each (seven a layer, 84 on e5-small, each a wait for a second core on a busy
        // machine); its products still share the worker threads (`Linear.smallRows`).
        let light = total <= Linear.smallRows ? 1 : threads
        x.withUnsafeMutableBufferPointer { xb in
            let x = xb.baseAddress!
            embed(batch, into: x)
            embeddingNorm.apply(x, adding: nil, rows: total, width: h, threads: light)
            for layer in layers {
                layer.qkv.apply(x, rows: total, into: qkv, threads: threads)
                selfAttention(qkv: qkv, texts: texts, hidden: h, heads: config.heads, into: context, threads: light)
                layer.attentionOutput.apply(context, rows: total, into: qkv, threads: threads)
                layer.attentionNorm.apply(x, adding: qkv, rows: total, width: h, threads: light)
                layer.up.apply(x, rows: total, into: hiddenFF, threads: threads)
                gelu(hiddenFF, count: total * inner, threads: light)
                layer.down.apply(hiddenFF, rows: total, into: qkv, threads: threads)
                layer.outputNorm.apply(x, adding: qkv, rows: total, width: h, threads: light)
            }
        }
        return (x, texts)
    }

    /// x₀ before its LayerNorm: token embedding + position embedding + segment embedding.
    func embed(_ batch: [[Int32]], into x: UnsafeMutablePointer<Float>) {
        let h = config.hidden
        var row = 0
        positions.withUnsafeBufferPointer { pos in
            segment.withUnsafeBufferPointer { seg in
                for ids in batch {
                    for (i, id) in ids.enumerated() {
                        let v = x + row * h
                        tokens.copyRow(Int(id), into: v)
                        let p = pos.baseAddress! + i * h
                        for j in 0..<h { v[j] += p[j] + seg[j] }
                        row += 1
                    }
                }
            }
        }
    }
}

/// The token-embedding table: float32 rows used in place, or int8 rows dequantised as they are looked up
/// (a 250,000-token vocabulary stays a quarter of its float32 size in memory).
struct EmbeddingTable: @unchecked Sendable {
    let float: Matrix?
    let quantized: QuantizedRows?
    let columns: Int

    init(file: EncoderFile, tensor: EncoderFile.Tensor) throws {
        columns = tensor.columns
        if tensor.kind == .int8Rows { quantized = try file.int8Table(tensor); float = nil }
        else { float = try file.floats(tensor); quantized = nil }
    }

    func copyRow(_ r: Int, into out: UnsafeMutablePointer<Float>) {
        if let quantized { quantized.dequantize(row: r, into: out); return }
        float!.withRow(r) { out.update(from: $0.baseAddress!, count: columns) }
    }
}

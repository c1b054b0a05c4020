/// The token-embedding matrix as a learner can look at it: a token's id selects its row, and that
/// row is the vector the model starts from, before any layer mixes it with the other tokens.
///
///     let pieces = minilm.tokenizer.encode("the river bank").pieces   // the 1996, river 2314, bank 2924
///     minilm.tokenEmbedding(2924)                                     // row 2924: 384 numbers
extension SentenceEncoder {
    /// How many token ids the model has: the rows of its token-embedding matrix.
    public var tokenCount: Int { model.tokens.float?.rows ?? model.tokens.quantized?.rows ?? 0 }

    /// Row `id` of the token-embedding matrix (int8 rows dequantised), or nil for an id the model does not have.
    public func tokenEmbedding(_ id: Int) -> [Float]? {
        guard id >= 0, id < tokenCount else { return nil }
        var out = [Float](repeating: 0, count: model.tokens.columns)
        out.withUnsafeMutableBufferPointer { model.tokens.copyRow(id, into: $0.baseAddress!) }
        return out
    }
}

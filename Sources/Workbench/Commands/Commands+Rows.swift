import Encoders

/// `row N`: the row of the embedding matrix that an id selects. With an encoder in use (`:use
/// minilm`) N is a token id as `tokens "…"` lists them (from 0); on a word-vector model it is a
/// word's number as `vocab` lists them (from 1). The row is the vector: nothing else connects
/// a token to its vector.
extension CommandSpec {
    static let row = CommandSpec(
        "row", arguments: .text(.text, keyword: nil, required: true),
        topic: .encoders,
        summary: Localized(en: "the row of the embedding matrix an id selects: a token id of the encoder in use (tokens \"…\" lists them), or a word's number as vocab lists them",
                           zh: "编号选出的嵌入矩阵的那一行：正在使用的编码器的 token 编号（tokens \"…\" 会列出），或 vocab 列出的词的序号"),
        examples: ["row 2924", "row 692"],
        usage: Localized(en: "row ID", zh: "row 编号"),
        evaluate: { try $0.embeddingRow() })
}

extension Invocation {
    func embeddingRow() throws -> Value {
        let typed = text.trimmingWhitespace
        if let encoder = session.encoder {
            guard let id = Int(typed), let values = encoder.tokenEmbedding(id) else {
                throw WorkbenchError(language.text(.rowTokenIdRange, ["model": encoder.name, "last": "\(encoder.tokenCount - 1)", "typed": typed]),
                                     at: textSpan, hint: #"tokens "the river bank""#)
            }
            let piece = encoder.tokenizer.piece(Int32(id))
            return .vector(VectorValue(values: values, label: language.text(.rowTokenLabel, ["id": "\(id)", "model": encoder.name, "piece": piece])))
        }
        guard let n = Int(typed), (1...model.count).contains(n) else {
            throw WorkbenchError(language.text(.rowWordRange, ["model": model.name, "n": "\(model.count)", "typed": typed]),
                                 at: textSpan, hint: "vocab /^king$/")
        }
        let word = model.words[n - 1]
        return .vector(VectorValue(values: model.row(n - 1), label: language.text(.rowWordLabel, ["n": "\(n)", "model": model.name, "word": word]),
                                   dimensionNames: model.dimensionNames))
    }
}

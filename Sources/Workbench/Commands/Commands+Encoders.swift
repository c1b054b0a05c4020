import Encoders

/// Transformer encoders at the prompt: `embed "text"` (a sentence vector). With `:use minilm`, texts in
/// `sim`, `dist`, `dot`, `norm` are sentence vectors too, and `WORD in "SENTENCE"` is a contextual vector.
extension CommandSpec {
    static let embed = CommandSpec(
        "embed", arguments: .text(.text, keyword: nil, required: true),
        topic: .similarity,
        summary: Localized(en: "a text's sentence vector from the encoder in use (:use minilm): mean of its tokens' last hidden states, unit length",
                           zh: "用正在使用的编码器（:use minilm）求一段文本的句向量：各 token 最后一层隐藏状态的平均，单位长度"),
        examples: ["embed \"the river bank\"", "embed \"我给妈妈打电话\""],
        evaluate: { try $0.embedText() })
}

extension Invocation {
    /// `embed "text"`: the encoder's unit-length sentence vector of the text.
    func embedText() throws -> Value {
        let t = Quotes.unquote(text).text
        guard let encoder = session.encoder else {
            throw error(.embedNeedsEncoder, ["model": model.name], at: textSpan, hint: ":use minilm")
        }
        try Evaluator.refuseChinese(t, on: encoder, language: language, at: textSpan)
        let v = encoder.encode(t, threads: Evaluator.encoderThreads)
        return .vector(VectorValue(values: v, label: language.text(.sentenceVectorLabel, ["text": t, "model": encoder.name])))
    }
}

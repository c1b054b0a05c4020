import Encoders

/// Transformer encoders at the prompt: `embed "text"` (a sentence vector). With `:use minilm`, texts in
/// `sim`, `dist`, `dot`, `norm` are sentence vectors too, and `WORD in "SENTENCE"` is a contextual vector.
/// On a word-vector model `embed` gives what a quoted text is there: a word's vector, or the SIF-weighted
/// mean of a sentence's words (`embedlab embed MODEL TEXT…` is this command, for any model).
extension CommandSpec {
    static let embed = CommandSpec(
        "embed", arguments: .text(.text, keyword: nil, required: true),
        topic: .similarity,
        summary: Localized(en: "a text's sentence vector: from the encoder in use (:use minilm), the mean of its tokens' last hidden states, unit length; on a word-vector model, the SIF-weighted mean of its words' vectors",
                           zh: "一段文本的句向量：用正在使用的编码器（:use minilm）时，是各 token 最后一层隐藏状态的平均，单位长度；用词向量模型时，是各词向量的 SIF 加权平均"),
        examples: ["embed \"the river bank\"", "embed \"我给妈妈打电话\""],
        evaluate: { try $0.embedText() })
}

extension Invocation {
    /// `embed "text"`: the encoder's unit-length sentence vector of the text; on a word-vector model,
    /// the text as a quoted text reads there (a word's own vector, a sentence's SIF-weighted mean).
    func embedText() throws -> Value {
        let t = Quotes.unquote(text).text
        guard let encoder = session.encoder else {
            let v = try evaluator.wordOrSentence(t, textSpan)
            return .vector(VectorValue(values: v.vector, label: v.label, sources: v.sources, dimensionNames: model.dimensionNames))
        }
        try Evaluator.refuseChinese(t, on: encoder, language: language, at: textSpan)
        let v = encoder.encode(t, threads: Evaluator.encoderThreads)
        return .vector(VectorValue(values: v, label: language.text(.sentenceVectorLabel, ["text": t, "model": encoder.name])))
    }
}

import VectorMath

/// Comparing two vectors: `sim 猫 狗` (also `cos 猫 狗`, `cos(猫, 狗)`), `dist`, `dot`, and one
/// vector's length, `norm`.
extension CommandSpec {
    static let sim = CommandSpec(
        "sim", aliases: ["cos"], arguments: .expressions(.vector, count: 2...2, wholeLine: false), isFunction: true,
        topic: .similarity,
        summary: Localized(en: "cosine similarity: u·v / (‖u‖‖v‖), from -1 to 1", zh: "余弦相似度：u·v / (‖u‖‖v‖)，取值 -1 到 1"),
        examples: ["sim 猫 狗", "cos(king - man, queen - woman)", "sim king - man, queen - woman",
                   "sim (bank in \"the river bank\"), (bank in \"the bank raised its rates\")"],
        evaluate: { try $0.similarity(.cosine) })

    static let dist = CommandSpec(
        "dist", arguments: .expressions(.vector, count: 2...2, wholeLine: false), isFunction: true,
        topic: .similarity,
        summary: Localized(en: "Euclidean distance: ‖u − v‖", zh: "欧氏距离：‖u − v‖"),
        examples: ["dist 猫 狗"],
        evaluate: { try $0.similarity(.distance) })

    static let dot = CommandSpec(
        "dot", arguments: .expressions(.vector, count: 2...2, wholeLine: false), isFunction: true,
        topic: .similarity,
        summary: Localized(en: "dot product: Σ uᵢvᵢ", zh: "点积：Σ uᵢvᵢ"),
        examples: ["dot 猫 狗", "dot [1, 2, 3], [1, 1, 1]"],
        evaluate: { try $0.similarity(.number) })

    static let norm = CommandSpec(
        "norm", arguments: .expressions(.vector, count: 1...1, wholeLine: true), isFunction: true,
        topic: .similarity,
        summary: Localized(en: "a vector's length: ‖v‖ = √(Σ vᵢ²)", zh: "向量的长度：‖v‖ = √(Σ vᵢ²)"),
        examples: ["norm 猫", "norm(king - man)"],
        evaluate: { inv in
            let v = try inv.vectors()[0]
            return .scalar(ScalarValue(value: Double(v.values.norm), label: "‖\(v.label)‖"))
        })
}

extension Invocation {
    /// `sim`, `dist` or `dot` of the two vectors.
    func similarity(_ kind: ScalarValue.Kind) throws -> Value {
        // `sim (picture 3), "a red circle"`: in the picture model's space (Commands+Pictures).
        if let value = try pictureSimilarity(kind) { return value }
        let vs = try vectors()
        let (u, v) = (vs[0], vs[1])
        guard u.values.count == v.values.count else {
            throw WorkbenchError(language.text(.dimensionsDiffer, ["a": "\(u.values.count)", "b": "\(v.values.count)", "n": "\(model.dimensions)"]), at: span)
        }
        // On a static model, `bank in "…"` is bank's one vector: the result says so.
        let note = evaluator.staticContextNote(expressions).map { "\($0)\n" } ?? ""
        switch kind {
        case .cosine: return .scalar(ScalarValue(value: Double(u.values.cosine(v.values)), label: note + "cos(\(u.label), \(v.label))", kind: .cosine))
        case .distance: return .scalar(ScalarValue(value: Double(u.values.distance(v.values)), label: note + "dist(\(u.label), \(v.label))", kind: .distance))
        case .number: return .scalar(ScalarValue(value: Double(u.values.dot(v.values)), label: note + "dot(\(u.label), \(v.label))"))
        }
    }

    /// A vector argument: its numbers, how it was written, and the words it was made from.
    struct VectorArgument {
        var values: [Float]
        var label: String
        var sources: [String]
    }

    /// The expressions as vectors (a number where a vector is expected is an error).
    func vectors() throws -> [VectorArgument] {
        let e = evaluator
        return try expressions.map { x in
            switch try e.operand(x) {
            case .vector(let v, let sources): return VectorArgument(values: v, label: e.render(x), sources: sources)
            case .scalar: throw WorkbenchError(language.text(.numberNotVector, ["expression": e.render(x)]), at: x.span)
            }
        }
    }

    /// The expressions as vocabulary words (`odd`, `rank`, `analogy` take words, not arithmetic).
    func words() throws -> [String] {
        let e = evaluator
        return try expressions.map { x in
            guard case .word(let w, let s) = x else {
                throw error(.argumentWordsOnly, ["found": e.render(x)], at: x.span)
            }
            return try e.resolveWord(w, s)
        }
    }
}

/// `:python`: the gensim/numpy code for the last command, runnable as printed (`PythonCode`).
extension CommandSpec {
    static let python = CommandSpec(
        ":python", topic: .session,
        summary: Localized(en: "the gensim/numpy code equivalent to the last command, runnable as printed",
                           zh: "上一条命令对应的 gensim/numpy 代码，可照原样运行"),
        examples: [":python"],
        evaluate: { inv in
            let session = inv.session
            guard let cell = session.cells.last(where: { !$0.input.trimmingCharacters(in: .whitespaces).hasPrefix(":python") }) else {
                throw WorkbenchError(inv.language.text(.pythonNothingYet), hint: inv.language.text(.pythonNothingYetHint))
            }
            let value: Value? = { if case .value(let v) = cell.outcome { return v } else { return nil } }()
            guard let code = PythonCode.code(for: cell.input, value: value) else {
                throw WorkbenchError(inv.language.text(.pythonNoEquivalent, ["line": cell.input]), hint: inv.language.text(.pythonNoEquivalentHint))
            }
            // Training makes its own model; everything else starts from the model in use.
            let prelude = code.contains("Word2Vec(") ? "import numpy as np" : PythonCode.prelude(model: session.model.name)
            return .text(prelude + "\n\n# " + cell.input + "\n" + code)
        })
}

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
                throw WorkbenchError(inv.language.pick(en: "there is no command yet to show in Python", zh: "还没有可以写成 Python 的命令"),
                                     hint: inv.language.pick(en: "type one first, e.g. king - man + woman, then :python", zh: "先输入一条命令，例如 king - man + woman，再输入 :python"))
            }
            let value: Value? = { if case .value(let v) = cell.outcome { return v } else { return nil } }()
            guard let code = PythonCode.code(for: cell.input, value: value) else {
                throw WorkbenchError(inv.language.pick(en: "'\(cell.input)' has no Python equivalent here yet", zh: "“\(cell.input)”暂时没有对应的 Python 代码"),
                                     hint: inv.language.pick(en: ":python shows analogies, near, sim, eval, train word2vec and search",
                                                             zh: ":python 支持类比、near、sim、eval、train word2vec 和 search"))
            }
            // Training makes its own model; everything else starts from the model in use.
            let prelude = code.contains("Word2Vec(") ? "import numpy as np" : PythonCode.prelude(model: session.model.name)
            return .text(prelude + "\n\n# " + cell.input + "\n" + code)
        })
}

import Foundation
import Workbench

/// A `NotebookPage` as a Jupyter notebook (nbformat 4): the prose as Markdown cells, each EmbedLab
/// command as Markdown (`> king - man + woman`), then its gensim/numpy equivalent as a code cell
/// whose output is what EmbedLab printed. The first code cell loads the model as gensim
/// `KeyedVectors` (`PythonCode.prelude`), so the notebook runs from top to bottom in Jupyter.
///
///     try JupyterNotebook.render(page, model: "glove-50d").write(to: url)   // OUT.ipynb
public enum JupyterNotebook {
    struct Notebook: Encodable {
        var cells: [Cell]
        var metadata = Metadata()
        var nbformat = 4
        var nbformat_minor = 4
    }
    struct Metadata: Encodable {
        struct Kernel: Encodable { var name = "python3"; var display_name = "Python 3"; var language = "python" }
        struct LanguageInfo: Encodable { var name = "python" }
        var kernelspec = Kernel()
        var language_info = LanguageInfo()
    }
    struct Output: Encodable {
        var output_type = "stream"
        var name = "stdout"
        var text: [String]
    }
    struct Cell: Encodable {
        var cell_type: String
        var metadata: [String: String] = [:]
        var source: [String]
        var outputs: [Output]?
        var execution_count: Int?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(cell_type, forKey: .cell_type)
            try c.encode(metadata, forKey: .metadata)
            try c.encode(source, forKey: .source)
            if cell_type == "code" {
                try c.encode(outputs ?? [], forKey: .outputs)
                try c.encodeNil(forKey: .execution_count)
            }
        }
        enum Keys: String, CodingKey { case cell_type, metadata, source, outputs, execution_count }
    }

    /// Notebook source lines: each line keeps its newline but the last.
    static func lines(_ text: String) -> [String] {
        let parts = text.components(separatedBy: "\n")
        return parts.enumerated().map { $0.offset == parts.count - 1 ? $0.element : $0.element + "\n" }
    }

    public static func render(_ page: NotebookPage, model: String) -> String {
        var cells: [Cell] = [Cell(cell_type: "markdown", source: lines("# \(page.title)\n\nEach EmbedLab command is followed by the same computation in Python "
                                                                        + "(gensim and numpy); the output under it is what EmbedLab printed."))]
        cells.append(Cell(cell_type: "code", source: lines(PythonCode.prelude(model: model)), outputs: []))
        for item in page.items {
            switch item {
            case .heading(let level, let text):
                cells.append(Cell(cell_type: "markdown", source: lines(String(repeating: "#", count: min(6, max(2, level))) + " " + text)))
            case .prose(let passages):
                cells.append(Cell(cell_type: "markdown", source: lines(passages.map(\.markdown).joined(separator: "\n\n"))))
            case .cell(let cell):
                let value: Value?
                let shown: String
                switch cell.output {
                case .value(let v): value = v; shown = ValueRenderer.render(v, style: .plain)
                case .error(let e): value = nil; shown = e
                case .recorded(let r): value = nil; shown = r
                }
                cells.append(Cell(cell_type: "markdown", source: lines("EmbedLab: `\(cell.input.replacingOccurrences(of: "`", with: "'"))`")))
                let code = PythonCode.code(for: cell.input, value: value)
                    ?? "# EmbedLab: \(cell.input)\n# (no Python equivalent written for this command yet; EmbedLab's output is below)"
                cells.append(Cell(cell_type: "code", source: lines(code), outputs: shown.isEmpty ? [] : [Output(text: lines(shown + "\n"))]))
            case .answer(let space):
                cells.append(Cell(cell_type: "markdown", source: lines("**Your answer** (`\(space.step):`)")))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Notebook(cells: cells))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

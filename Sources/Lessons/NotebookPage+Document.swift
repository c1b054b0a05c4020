import Rendering
import Workbench

extension NotebookPage {
    /// A document (notebook, demo or lesson) as a page: its headings, its prose with the languages
    /// of each passage side by side, and its `embedlab` cells, each run in `session` (in order, as
    /// `embedlab run` does) so outputs become values and pictures. Without a session the outputs
    /// recorded in the file are shown as text. Checks, rejects and hints are for grading, not shown.
    ///
    ///     let page = NotebookPage(document: try Document.parse(text), session: session)
    ///     try NotebookPageHTML.render(page).write(…)
    public init(document: Document, session: Session?, fallbackTitle: String = "EmbedLab notebook") {
        var items: [Item] = []
        var passages: [Prose] = []
        func flush() {
            if !passages.isEmpty { items.append(.prose(passages)) }
            passages = []
        }
        for block in document.blocks {
            switch block {
            case .heading(let level, let text, _, _):
                flush()
                items.append(.heading(level: level, text: text))
            case .prose(let language, let text, _):
                // A passage in a language the group already has starts a new group.
                if passages.contains(where: { $0.language == language }) || language == nil { flush() }
                passages.append(Prose(language: language, markdown: text))
                if language == nil { flush() }
            case .code(let info, _, _):
                guard info.split(separator: " ").first == "embedlab" else { continue }
                flush()
                for cell in Notebook(document: Document(blocks: [block])).cells {
                    items.append(.cell(Cell(input: cell.input, output: Self.output(of: cell, in: session))))
                }
            }
        }
        flush()
        let titles = document.frontMatter["title"]
        let title = titles?.text ?? [titles?.map?["en"], titles?.map?["zh"]].compactMap { $0 }.joined(separator: " · ")
        let model = document.frontMatter["model"]?.text ?? session?.model.name
        self.init(title: title.isEmpty ? fallbackTitle : title, subtitle: model.map { "model: \($0)" }, items: items)
    }

    /// A session's cells as a page (`:save FILE.html`): each command with the value it gave then.
    public init(cells: [Session.Cell], title: String, model: String?) {
        let items = cells.map { cell -> Item in
            switch cell.outcome {
            case .value(let v): return .cell(Cell(input: cell.input, output: .value(v)))
            case .error(let e): return .cell(Cell(input: cell.input, output: .error(ErrorRenderer.render(e, input: cell.input, style: .plain))))
            }
        }
        self.init(title: title, subtitle: model.map { "model: \($0)" }, items: items)
    }

    static func output(of cell: Notebook.Cell, in session: Session?) -> Output {
        guard let session else { return .recorded(cell.expected ?? "") }
        do { return .value(try session.evaluate(cell.input).value) } catch {
            return .error(ErrorRenderer.render(error, input: cell.input, style: .plain))
        }
    }
}

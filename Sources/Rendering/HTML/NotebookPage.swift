import Workbench

/// A notebook as it will appear on a page: headings, prose in one or both languages, and cells
/// with their command and what it gave (a value, drawn as a picture when it has one, or an error).
/// `NotebookPageHTML` writes it as one self-contained HTML file.
///
///     NotebookPage(title: "Vector arithmetic", subtitle: "model: glove-50d", items: [
///         .prose([.init(language: "en", markdown: "Subtract *man* from *king*."),
///                 .init(language: "zh", markdown: "用 *king* 减去 *man*。")]),
///         .cell(.init(input: "king - man + woman", output: .value(value))),
///     ])
public struct NotebookPage: Sendable {
    public var title: String
    public var subtitle: String?
    public var items: [Item]

    public enum Item: Sendable {
        case heading(level: Int, text: String)
        /// The same passage in each language the document has it in (or one passage in none).
        case prose([Prose])
        case cell(Cell)
        /// Room for a learner to write an exercise's answer (a handout): the step's id and its points.
        case answer(AnswerSpace)
    }

    /// Where a handout leaves room to answer: the exercise's step id, its points, and how many lines.
    public struct AnswerSpace: Sendable {
        public var step: String
        public var points: Int
        public var lines: Int
        public init(step: String, points: Int, lines: Int = 3) { self.step = step; self.points = points; self.lines = lines }
    }

    public struct Prose: Sendable {
        /// "en", "zh", or nil for prose outside a language block.
        public var language: String?
        public var markdown: String
        public init(language: String?, markdown: String) { self.language = language; self.markdown = markdown }
    }

    public struct Cell: Sendable {
        public var input: String
        public var output: Output
        public init(input: String, output: Output) { self.input = input; self.output = output }
    }

    public enum Output: Sendable {
        case value(Value)
        /// The error as the terminal shows it (the line, a caret, the message).
        case error(String)
        /// Output recorded in the document, not run now.
        case recorded(String)
    }

    public init(title: String, subtitle: String? = nil, items: [Item]) {
        self.title = title; self.subtitle = subtitle; self.items = items
    }
}

import Workbench

/// A Markdown document in EmbedLab's one format, used for lessons, instructor demos, saved
/// sessions and golden tests:
///
///     ---
///     id: arithmetic
///     title: { en: Vector arithmetic, zh: 向量运算 }
///     model: glove-50d
///     ---
///     ## Step {#king-queen}
///     ::: en
///     Subtract *man* from *king*, then add *woman*.
///     :::
///     ```embedlab
///     > king - man + woman
///     king - man + woman   (3CosAdd; …)
///     ```
///
/// Parsing keeps what EmbedLab needs and nothing more: front matter, headings (with `{#id}`),
/// language blocks (`::: en` … `:::`), fenced code blocks with their info string and line number,
/// and the prose between them.
public struct Document: Equatable, Sendable {
    /// `key: value` pairs of the front matter; `{ en: …, zh: … }` values become nested maps.
    public var frontMatter: [String: FrontMatterValue]
    /// Where each front-matter key was written.
    public var frontMatterPositions: [String: Position] = [:]
    public var blocks: [Block]
    /// What could not be read: front matter that is not YAML, a fence never closed.
    public var problems: [Problem] = []

    /// A place in the file: line and column, 1-based.
    public struct Position: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    /// A mistake in the file, with where it is: a catalogue phrase, so that lint and the runner
    /// say it in the reader's language.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var position: Position
        public var phrase: Phrase
        public var values: [String: String]
        public init(at position: Position, _ phrase: Phrase, _ values: [String: String] = [:]) {
            self.position = position; self.phrase = phrase; self.values = values
        }
        /// What is wrong, in `language`.
        public func message(in language: Language) -> String { language.text(phrase, values) }
        public var message: String { message(in: .en) }
        /// `12:5: what is wrong`; prefix the file's path for a full `file:line:column:` message.
        public func description(in language: Language) -> String { "\(position.line):\(position.column): \(message(in: language))" }
        public var description: String { description(in: .en) }
    }

    public enum FrontMatterValue: Equatable, Sendable {
        case text(String)
        case map([String: String])

        public var text: String? { if case .text(let t) = self { return t }; return nil }
        public var map: [String: String]? { if case .map(let m) = self { return m }; return nil }
    }

    public enum Block: Equatable, Sendable {
        case heading(level: Int, text: String, id: String?, line: Int)
        /// Prose, in one language (`::: en`) or in none.
        case prose(language: String?, text: String, line: Int)
        /// A fenced block: its info string (`embedlab`, `check`, `reject`, `hint`) and body.
        case code(info: String, body: String, line: Int)
    }

    public init(frontMatter: [String: FrontMatterValue] = [:], blocks: [Block] = []) {
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// Parses Markdown text; never fails: what cannot be read is kept in `problems` (the linter
    /// reports them). Lines end at "\n", "\r\n" or "\r\n" alike, and a byte-order mark is skipped.
    public static func parse(_ text: String) -> Document {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        // Split on the scalar "\n": Swift's Character treats "\r\n" as one, so Character splitting would miss it.
        var lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = line
            if l.last == "\r" { l.removeLast() }
            return String(Substring(l))
        }
        var doc = Document()
        var index = 0
        if lines.first?.trimmingWhitespace == "---" {
            if let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace == "---" }) {
                let fm = FrontMatter.parse(lines[1..<close].joined(separator: "\n"), firstLine: 2)
                doc.frontMatter = fm.values
                doc.frontMatterPositions = fm.positions
                doc.problems += fm.problems
                index = close + 1
            } else {
                doc.problems.append(Problem(at: Position(line: 1, column: 1), .lessonFrontMatterNotClosed))
                index = 1
            }
        }
        if lines.last == "" { lines.removeLast() }
        var prose: [String] = []
        var proseStart = index + 1
        var language: String?
        func flushProse() {
            let text = prose.joined(separator: "\n").trimmingBlankLines
            if !text.isEmpty { doc.blocks.append(.prose(language: language, text: text, line: proseStart)) }
            prose.removeAll()
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushProse()
                let fence = String(trimmed.prefix { $0 == "`" || $0 == "~" })
                let info = String(trimmed.dropFirst(fence.count)).trimmingWhitespace
                let start = index + 1
                var body: [String] = []
                index += 1
                // A fence closes at a line of only its characters. A new fence with an info string
                // (```check) or a step heading inside means this one was never closed.
                var closed = false
                while index < lines.count {
                    let t = lines[index].trimmingWhitespace
                    if t.hasPrefix(fence), t.allSatisfy({ $0 == fence.first }) { closed = true; break }
                    if (t.hasPrefix(fence) && t.count > fence.count) || lines[index].hasPrefix("## ") { break }
                    body.append(lines[index])
                    index += 1
                }
                guard closed else {
                    // One problem, and parsing goes on at the line that showed the fence was open,
                    // so that the rest of the file is not swallowed into this block.
                    doc.problems.append(Problem(at: Position(line: start, column: 1), .lessonFenceNotClosed, ["fence": fence, "info": info]))
                    proseStart = index + 1
                    continue
                }
                doc.blocks.append(.code(info: info, body: body.joined(separator: "\n"), line: start))
                index += 1
                proseStart = index + 1
                continue
            }
            if trimmed.hasPrefix(":::") {
                flushProse()
                let lang = trimmed.dropFirst(3).trimmingWhitespace
                language = lang.isEmpty ? nil : lang
                index += 1
                proseStart = index + 1
                continue
            }
            if trimmed.hasPrefix("#"), language == nil {
                let level = trimmed.prefix { $0 == "#" }.count
                if level <= 6, trimmed.dropFirst(level).first == " " {
                    flushProse()
                    var title = trimmed.dropFirst(level).trimmingWhitespace
                    var id: String?
                    if title.hasSuffix("}"), let open = title.range(of: "{#", options: .backwards) {
                        id = String(title[open.upperBound..<title.index(before: title.endIndex)])
                        title = title[..<open.lowerBound].trimmingWhitespace
                    }
                    doc.blocks.append(.heading(level: level, text: title, id: id, line: index + 1))
                    index += 1
                    proseStart = index + 1
                    continue
                }
            }
            if prose.isEmpty { proseStart = index + 1 }
            prose.append(line)
            index += 1
        }
        flushProse()
        return doc
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let f = lines.first, f.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let l = lines.last, l.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    var unquoted: String {
        let s = String(self)
        if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'")) { return String(s.dropFirst().dropLast()) }
        return s
    }
}

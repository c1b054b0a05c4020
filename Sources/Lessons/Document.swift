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
    public var blocks: [Block]

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

    /// Parses Markdown text; never fails: a fence left open runs to the end, which the linter reports.
    public static func parse(_ text: String) -> Document {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        var doc = Document()
        var index = 0
        if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") {
            for line in lines[1..<close] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingWhitespace
                let value = line[line.index(after: colon)...].trimmingWhitespace
                doc.frontMatter[key] = parseValue(value)
            }
            index = close + 1
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
                while index < lines.count, !lines[index].trimmingWhitespace.hasPrefix(fence) {
                    body.append(lines[index])
                    index += 1
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

    static func parseValue(_ value: String) -> FrontMatterValue {
        guard value.hasPrefix("{"), value.hasSuffix("}") else { return .text(value.unquoted) }
        var map: [String: String] = [:]
        for part in value.dropFirst().dropLast().split(separator: ",") {
            guard let colon = part.firstIndex(of: ":") else { continue }
            map[part[..<colon].trimmingWhitespace] = part[part.index(after: colon)...].trimmingWhitespace.unquoted
        }
        return .map(map)
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

import FileAccess
import Foundation
import Rendering
import Workbench

/// A notebook: the `embedlab` cells of a document, each a command and (optionally) the output it
/// printed when recorded. In a cell block, lines starting with `> ` are commands and the lines
/// after one are its output; a block without `> ` lines holds commands only.
///
/// Outputs are quoted so that no output line can be read back as a command: an output line that
/// starts with `>`, `#` or `\` is written with a `\` in front (`\> near paris #`), and reading removes
/// it. `:save` then `check` is an identity for every output (`quoteOutputLine`, `unquoteOutputLine`).
public struct Notebook: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        public var input: String
        /// The recorded output, or nil when none was recorded.
        public var expected: String?
        /// The line of the command in the file (1-based).
        public var line: Int

        public init(input: String, expected: String?, line: Int) {
            self.input = input
            self.expected = expected
            self.line = line
        }
    }

    public var model: String?
    public var title: String?
    public var cells: [Cell]
    /// The language its outputs were recorded in (`lang: zh`); nil: English.
    public var language: Language?

    public init(model: String? = nil, title: String? = nil, cells: [Cell], language: Language? = nil) {
        self.model = model
        self.title = title
        self.cells = cells
        self.language = language
    }

    /// The cells of a document's `embedlab` blocks, in order.
    public init(document: Document) {
        var cells: [Cell] = []
        for block in document.blocks {
            guard case .code(let info, let body, let line) = block, info.split(separator: " ").first == "embedlab" else { continue }
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.contains(where: Notebook.isCommandLine) {
                var current: Cell?
                var output: [String] = []
                for (i, l) in lines.enumerated() {
                    if Notebook.isCommandLine(l) {
                        if var c = current { c.expected = output.joined(separator: "\n"); cells.append(c) }
                        current = Cell(input: String(decoding: l.utf8.dropFirst(2), as: UTF8.self), expected: nil, line: line + 1 + i)
                        output = []
                    } else {
                        output.append(Notebook.unquoteOutputLine(l))
                    }
                }
                if var c = current { c.expected = output.joined(separator: "\n"); cells.append(c) }
            } else {
                for (i, l) in lines.enumerated() where !l.trimmingWhitespace.isEmpty {
                    cells.append(Cell(input: l, expected: nil, line: line + 1 + i))
                }
            }
        }
        self.init(model: document.frontMatter["model"]?.text, title: document.frontMatter["title"]?.text, cells: cells,
                  language: document.frontMatter["lang"]?.text.flatMap(Language.init(rawValue:)))
    }

    public static func load(path: String) throws -> Notebook {
        let text: String
        do {
            // LF, CRLF and a byte-order mark read the same; folders, pipes and devices are refused.
            text = try TextFile.text(atPath: path, limits: .document, what: "notebook")
        } catch let error as FileAccessError {
            throw WorkbenchError(error.description)
        }
        let document = Document.parse(text)
        // A notebook's front matter: what :save writes, and a lesson's keys (a lesson runs as a notebook too).
        var problems = document.problems.map { "\(path):\($0)" }
        let keys = Lesson.frontMatterKeys + ["lang"]
        for key in document.frontMatter.keys.sorted() where !keys.contains(key) {
            let at = document.frontMatterPositions[key].map { "\($0.line):\($0.column)" } ?? "1:1"
            let close = Lesson.closeKey(key, among: keys).map { "did you mean '\($0)'? " } ?? ""
            problems.append("\(path):\(at): unknown front-matter key '\(PrintableText.excerpt(key, limit: 40))' (\(close)a notebook has \(keys.joined(separator: ", ")))")
        }
        if let first = problems.first {
            throw WorkbenchError(first + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""), hint: "see lessons/FORMAT.md")
        }
        return Notebook(document: document)
    }

    /// The notebook as Markdown in the document format: front matter, then one block per cell.
    public func markdown() -> String {
        // Double-quoted YAML, so that a title with ':' or '{' reads back as the same text; a
        // character YAML does not allow in a file (a control character, as in a model's path
        // with a tab or an escape) is written as its \u escape.
        func quoted(_ s: String) -> String {
            // By bytes, not Characters: a space or a colon followed by a combining mark is one Character.
            let b = Array(s.utf8)
            func has(_ x: UInt8, _ y: UInt8) -> Bool { zip(b, b.dropFirst()).contains { $0 == x && $1 == y } }
            let plain = !b.isEmpty && b.first != UInt8(ascii: " ") && b.last != UInt8(ascii: " ")
                && !Array("-?'\"!&*%@`|>[]{}#".utf8).contains(b[0])
                && !has(UInt8(ascii: ":"), UInt8(ascii: " ")) && !has(UInt8(ascii: " "), UInt8(ascii: "#"))
                && !b.contains(where: { Array("{}[],\n\"\\".utf8).contains($0) }) && b.last != UInt8(ascii: ":")
                && !s.unicodeScalars.contains(where: Notebook.needsYAMLEscape)
            if plain { return s }
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "\n": out += "\\n"
                case _ where Notebook.needsYAMLEscape(scalar):
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += scalar.value > 0xFFFF ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                                                 : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        var out = "---\n"
        if let title { out += "title: \(quoted(title))\n" }
        if let model { out += "model: \(quoted(model))\n" }
        if let language, language != .en { out += "lang: \(language.rawValue)\n" }
        out += "---\n\n"
        if let title { out += "# \(title)\n\n" }
        for cell in cells {
            var body = "> \(cell.input)\n"
            if let expected = cell.expected, !expected.isEmpty {
                body += expected.split(separator: "\n", omittingEmptySubsequences: false).map(Notebook.quoteOutputLine).joined(separator: "\n") + "\n"
            }
            // A fence longer than any run of backticks that starts a line inside, so that an
            // output line such as "```" (an error's echo, a token) cannot close the block early.
            let fence = String(repeating: "`", count: max(3, Notebook.longestLeadingBackticks(body) + 1))
            out += fence + "embedlab\n" + body + fence + "\n\n"
        }
        return out
    }

    /// Whether YAML refuses `scalar` in a file (control characters, DEL, C1 controls, a byte-order
    /// mark, the noncharacters U+FFFE and U+FFFF): the front matter writes it escaped.
    static func needsYAMLEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF
    }

    /// An output line as written in a cell block: one starting with `>` (which would read as a
    /// command), `#` (`## ` would end the block as a step heading) or `\` (the quote itself) gets
    /// a `\` in front.
    /// (By bytes, not Characters: `>` followed by a combining mark is one Character.)
    static func quoteOutputLine<S: StringProtocol>(_ line: S) -> String {
        let first = line.utf8.first
        return first == UInt8(ascii: ">") || first == UInt8(ascii: "\\") || first == UInt8(ascii: "#") ? "\\" + line : String(line)
    }

    /// An output line as read from a cell block: `quoteOutputLine` undone.
    static func unquoteOutputLine(_ line: String) -> String {
        line.utf8.first == UInt8(ascii: "\\") ? String(decoding: line.utf8.dropFirst(), as: UTF8.self) : line
    }

    /// Whether a line of a cell block is a command: `> ` then the command, or `>` alone. By bytes:
    /// as Characters, `> ` followed by a combining mark does not start with `"> "`.
    static func isCommandLine(_ line: String) -> Bool {
        line.utf8.starts(with: [UInt8(ascii: ">"), UInt8(ascii: " ")]) || line.utf8.elementsEqual([UInt8(ascii: ">")])
    }

    /// The longest run of backticks (or tildes) that starts a line of `text`, after its indentation.
    static func longestLeadingBackticks(_ text: String) -> Int {
        var longest = 0
        for line in TextFile.lines(ofText: text) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            longest = max(longest, trimmed.prefix { $0 == "`" || $0 == "~" }.count)
        }
        return longest
    }

    /// What a cell prints in a notebook: the rendered value, or the error with its caret, in plain
    /// text, labelled in `language`.
    public static func output(of outcome: Session.Cell.Outcome, input: String, language: Language = .en) -> String {
        let style = Style.plain.withLanguage(language)
        switch outcome {
        case .value(let v): return ValueRenderer.render(v, style: style)
        case .error(let error): return ErrorRenderer.render(error, input: input, style: style)
        }
    }

    /// Runs every cell in `session`; returns each cell with what it printed now and whether it failed.
    public func run(in session: Session) -> [(cell: Cell, actual: String, failed: Bool)] {
        cells.map { cell in
            let outcome: Session.Cell.Outcome
            do { outcome = .value(try session.evaluate(cell.input).value) } catch {
                outcome = .error(error as? WorkbenchError ?? WorkbenchError("\(error)"))
            }
            let output = Notebook.output(of: outcome, input: cell.input, language: session.language)
            if case .error = outcome { return (cell, output, true) }
            return (cell, output, false)
        }
    }

    /// The cells that have a recorded output to compare with.
    public var checkableCells: [Cell] { cells.filter { $0.expected != nil } }

    /// Two outputs agree when they differ at most in trailing spaces, blank lines at the end and
    /// run-dependent figures (`masked`): `built in 1.12 s` and `built in 0.98 s` agree,
    /// `cos(猫, 狗) = 0.98` and `cos(猫, 狗) = 0.50` do not.
    public static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (normalized(a), normalized(b))
        // Masking keeps every line but one kind: `index sweep`'s chart, which has a row band per
        // decade of speed, becomes one line.
        return x == y || masked(x) == masked(y)
    }

    /// Lines with the figures that change from run to run replaced by `…`: a number followed by
    /// a unit of time or a rate (`0.12 s`, `35 ms`, `2 seconds`, `1.3 秒`, `12000 words/s`, `词/秒`),
    /// and the numbers of a table column whose header names a duration (`ms per query`, `seconds`,
    /// `time`, `用时`, `毫秒`), and `index sweep`'s chart of recall against queries per second
    /// (from its `queries/s` heading to its legend). Everything else (words, scores, counts) is
    /// compared as it is.
    static func masked(_ lines: [String]) -> [String] {
        var out: [String] = []
        var timedColumns: Set<Int>?   // columns of the table being read whose header is a duration
        var inSpeedChart = false      // `index sweep`'s chart: its points move with the machine's speed
        for line in lines {
            if line == SweepRenderer.chartHeading.en || line == SweepRenderer.chartHeading.zh { inSpeedChart = true }
            if inSpeedChart {
                inSpeedChart = !line.hasPrefix(SweepRenderer.legendStart)
                if !inSpeedChart { out.append("…") }
                continue
            }
            var l = maskDurations(line)
            let cells = tableCells(l)
            if cells.count < 2 {
                timedColumns = nil
            } else if let columns = timedColumns {
                l = cells.enumerated().map { i, c in columns.contains(i) && Double(c) != nil ? "…" : c }.joined(separator: "  ")
            } else {
                let timed = Set(cells.indices.filter { isDurationHeader(cells[$0]) })
                timedColumns = timed.isEmpty ? nil : timed
                if !timed.isEmpty { l = cells.joined(separator: "  ") }
            }
            out.append(l)
        }
        return out
    }

    /// The cells of a table line: the runs separated by two or more spaces.
    static func tableCells(_ line: String) -> [String] {
        // Runs of two or more spaces, found by hand: a regular expression per line (compiled
        // each time) made checking a 40,000-line output take 350 MB.
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for c in line {
            if c == " " { spaces += 1; continue }
            if spaces >= 2, !current.isEmpty { cells.append(current); current = "" } else if spaces == 1 { current.append(" ") }
            spaces = 0
            current.append(c)
        }
        if !current.isEmpty { cells.append(current) }
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func isDurationHeader(_ header: String) -> Bool {
        let h = header.lowercased()
        return durationHeader?.firstMatch(in: h, range: NSRange(h.startIndex..., in: h)) != nil
            || ["毫秒", "秒", "用时", "耗时", "时间"].contains(where: h.contains)
    }

    /// Compiled once (these are fixed patterns of our own, not a learner's or a lesson's).
    nonisolated(unsafe) static let durationHeader = try? NSRegularExpression(pattern: #"(^|[^a-z])(ms|µs|seconds?|secs?|time|duration)([^a-z]|$)"#)
    nonisolated(unsafe) static let duration = try? NSRegularExpression(pattern: #"[0-9]+(?:[.,][0-9]+)?"# + #"(\s?)"#
        + #"((?:[A-Za-z\p{Han}]+)?/(?:s|sec|秒)|ms|µs|us|ns|s|sec|secs|seconds?|min|minutes?|毫秒|微秒|秒|分钟)(?![A-Za-z])"#)

    static func maskDurations(_ line: String) -> String {
        // Most lines have no digit at all: nothing to mask.
        guard let duration, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return line }
        return duration.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "…$1$2")
    }

    static func normalized(_ s: String) -> [String] {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = String(line)
            while l.last == " " { l.removeLast() }
            return l
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}

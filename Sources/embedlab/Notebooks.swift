import ArgumentParser
import FileAccess
import Foundation
import Lessons
import Rendering
import Workbench

/// Options shared by the commands that replay a notebook.
struct NotebookOptions: ParsableArguments {
    @Argument(help: .l("A notebook or lesson Markdown file (saved with :save FILE.md, or written by hand).", zh: "笔记本或课程的 Markdown 文件（用 :save 文件.md 保存，或手写）。"), completion: Completions.markdown)
    var file: String

    @Option(help: .l("The model to start with (default: the file's `model:`, else glove-50d).", zh: "开始时使用的模型（默认：文件中的 `model:`，否则 glove-50d）。"), completion: Completions.model)
    var model: String?

    @Option(help: .l("The language of outputs and messages: en or zh (default: the file's, else from LANG).", zh: "输出和消息的语言：en 或 zh（默认：文件的语言，否则取自 LANG）。", suffixed: true))
    var lang: Language?

    @OptionGroup var limits: LimitOptions

    /// `keepRecordedLanguage`: outputs are compared in the language they were recorded in (`check`), whatever --lang says.
    func load(keepRecordedLanguage: Bool = false) throws -> (Notebook, Session) {
        // Every line of the file runs under the time limit and memory budget.
        limits.install()
        let notebook: Notebook
        do { notebook = try Notebook.load(path: file) } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        // A notebook is untrusted: its cells (and its `model:`) read only files beside it and the
        // bundled models, and write nothing. A model named on the command line is the user's own.
        let policy = ReadPolicy.sandbox(document: file, bundled: Environment.catalog.directories + SearchState.collectionFolders(for: Environment.catalog))
        let session = try model.map { try Environment.session($0) }
            ?? policy.apply { try Environment.session(notebook.model.map(besideNotebook) ?? Environment.defaultModel) }
        session.readPolicy = policy
        // A relative file in a cell is the one beside the notebook (the only place it may read), as in a lesson.
        session.fileFolder = (file as NSString).deletingLastPathComponent.isEmpty ? nil : (file as NSString).deletingLastPathComponent
        // Outputs are compared in the language they were recorded in.
        if let language = notebook.language { session.language = language }
        if let lang, !(keepRecordedLanguage && notebook.language != nil) { session.language = lang }
        return (notebook, session)
    }

    /// A notebook's `model:` that names a file is read beside the notebook, as a lesson's is
    /// (`model: vectors.txt` next to `demo.md`), whatever folder `embedlab run` is started in.
    func besideNotebook(_ model: String) -> String {
        let isPath = model.contains("/") || [".embv", ".txt", ".bin", ".vec"].contains { model.hasSuffix($0) }
        guard isPath, !model.hasPrefix("/") else { return model }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(model)
    }
}

/// `embedlab run FILE.md`: executes every cell and prints what it shows.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpText.pick("Run a notebook's cells and print their output.", zh: "运行笔记本的各单元并打印输出。", indent: HelpText.column))
    @OptionGroup var options: NotebookOptions
    @Flag(help: .l("One JSON object per cell.", zh: "每个单元一个 JSON 对象。")) var json = false

    func run() throws {
        let (notebook, session) = try options.load()
        var failed = 0
        for cell in notebook.cells {
            do {
                let value = try session.evaluate(cell.input).value
                print(json ? JSONRenderer.string(CellReport(input: cell.input, line: cell.line, value: value))
                           : "> \(TerminalText.printable(cell.input))\n" + ValueRenderer.render(value, style: Style.plain.withLanguage(session.language)))
            } catch {
                failed += 1
                print(json ? JSONRenderer.error(error, input: cell.input) : "> \(TerminalText.printable(cell.input))\n" + ErrorRenderer.render(error, input: cell.input, style: Style.plain.withLanguage(session.language)))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// `embedlab check FILE.md`: re-runs the cells and reports every output that differs from the recorded one.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Re-run a notebook and compare every cell's output with the recorded one.", zh: "重新运行笔记本，把每个单元的输出与记录的输出比较。", indent: HelpText.column),
        discussion: HelpText.pick("""
            Exits with 1 if any cell's output differs, if a cell fails, or if no cell has a recorded output. \
            Trailing spaces and run-dependent figures (durations and rates: `0.12 s`, `35 ms`, `words/s`, a `ms per query` column) \
            are not compared.
            """, zh: "若有单元的输出不同、有单元出错，或没有任何单元记录了输出，以 1 退出。行尾空格和随运行而变的数字（时长和速率：`0.12 s`、`35 ms`、`words/s`、`ms per query` 列）不比较。"))
    @OptionGroup var options: NotebookOptions
    @Flag(help: .l("A JSON report.", zh: "JSON 报告。")) var json = false

    func run() throws {
        let (notebook, session) = try options.load(keepRecordedLanguage: true)
        guard !notebook.cells.isEmpty else {
            Environment.warn("error: \(options.file) has no cells: nothing to check (a cell is a line in an ```embedlab block)")
            throw ExitCode(1)
        }
        // Cells without a recorded output cannot be checked: a notebook of only those proves nothing.
        guard !notebook.checkableCells.isEmpty else {
            Environment.warn("error: \(options.file): none of its \(notebook.cells.count) cells has a recorded output, so nothing can be checked "
                             + "(record one with :save FILE.md, or write '> command' with its output on the lines below; embedlab run only runs cells)")
            throw ExitCode(1)
        }
        let results = notebook.run(in: session)
        var differing: [CheckReport.Difference] = []
        var checked = 0
        // A cell that fails is a failure, unless its recorded output is that very error (a saved
        // session keeps the learner's mistakes, and an instructor may show an error on purpose).
        let failing = results.filter { r in r.failed && !(r.cell.expected.map { Notebook.same($0, r.actual) } ?? false) }
        for (cell, actual, failed) in results {
            if failed, !(cell.expected.map { Notebook.same($0, actual) } ?? false), !json { print("\(options.file):\(cell.line): '\(TerminalText.printable(cell.input))' fails: \(TerminalText.printable(actual.split(separator: "\n").first { $0.hasPrefix("error:") }.map { String($0.dropFirst(7)) } ?? actual))") }
            guard let expected = cell.expected else { continue }
            checked += 1
            if !Notebook.same(expected, actual) {
                differing.append(.init(line: cell.line, input: cell.input, expected: expected, actual: actual))
                if !json {
                    print("\(options.file):\(cell.line): the output of '\(TerminalText.printable(cell.input))' differs")
                    print(TerminalText.printable(Diff.unified(expected: expected, actual: actual)))
                }
            }
        }
        if json {
            print(JSONRenderer.string(CheckReport(file: options.file, cells: results.count, checked: checked, differ: differing,
                                                  failed: failing.map { .init(line: $0.cell.line, input: $0.cell.input) })))
        } else {
            print("\(options.file): \(checked) cells checked, \(differing.count) differ" + (results.count > checked ? ", \(results.count - checked) without recorded output" : "")
                  + (failing.isEmpty ? "" : ", \(failing.count) failed"))
        }
        if !differing.isEmpty || !failing.isEmpty { throw ExitCode(1) }
    }
}

/// `embedlab run --json`: one cell's input, where it is in the file, and its value.
struct CellReport: Encodable {
    var input: String
    var line: Int
    var value: Value
}

/// `embedlab check --json`: how many cells were checked and which differ.
struct CheckReport: Encodable {
    /// "check", so that the JSON says what it is (schema/embedlab-output.schema.json).
    var type = "check"
    struct Difference: Encodable {
        var line: Int
        var input: String
        var expected: String
        var actual: String
    }
    /// A cell that failed (and whose recorded output is not that error).
    struct Failure: Encodable {
        var line: Int
        var input: String
    }
    var file: String
    var cells: Int
    var checked: Int
    var differ: [Difference]
    var failed: [Failure]
}

/// Line differences for people: `-` expected, `+` got.
///
/// Linear in time and memory whatever the outputs: the lines both share at the start and at the
/// end are set aside first; only a middle of at most `maximumTable` line pairs gets a longest
/// common subsequence table, a larger one is shown as its expected lines then its actual lines.
enum Diff {
    static let maximumTable = 1_000_000

    static func unified(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = a[prefix..<(a.count - suffix)], y = b[prefix..<(b.count - suffix)]
        var out = a[..<prefix].map { "  " + $0 }
        if x.count * y.count <= maximumTable {
            out += middle(Array(x), Array(y))
        } else {
            out += x.map { "- " + $0 } + y.map { "+ " + $0 }
        }
        out += a[(a.count - suffix)...].map { "  " + $0 }
        return out.joined(separator: "\n")
    }

    /// The longest common subsequence of two short runs of lines, as -, + and shared lines.
    static func middle(_ a: [Substring], _ b: [Substring]) -> [String] {
        let width = b.count + 1
        var lcs = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i * width + j] = a[i] == b[j] ? lcs[(i + 1) * width + j + 1] + 1 : max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { out.append("  " + a[i]); i += 1; j += 1 }
            else if j < b.count, i == a.count || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j] { out.append("+ " + b[j]); j += 1 }
            else { out.append("- " + a[i]); i += 1 }
        }
        return out
    }
}

import FileAccess
import Foundation
import FuzzSupport
import Lessons
import Workbench

/// libFuzzer target: notebooks round-tripped the way `:save` writes them and `embedlab check`
/// reads them, asserting the identity: a saved notebook checks with no difference.
///
/// The first byte sets the variant: bit 0 writes the file with CRLF line ends, bit 1 with a
/// byte-order mark (a notebook edited elsewhere; both must read the same), bit 2 records each
/// cell's output by running its command on the toy model (as `:save` does) and then re-runs the
/// saved notebook in a fresh session (as `check` does); without it the outputs are the input's
/// own text (lines starting with `> `, `#`, `\`, fences, escapes, anything a cell can print). The rest is split at
/// NUL bytes: the model name, then a command and its output, a command and its output, ….
private let scratch = FuzzSupport.makeScratch("notebooks")
nonisolated(unsafe) private var deadline = DispatchTime.distantFuture
nonisolated(unsafe) private var interrupted = false

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebooks(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 1 else { return 0 }
    let flags = data[0]
    let chunks = UnsafeBufferPointer(start: data + 1, count: size - 1).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    // A command is one line (what the REPL reads); a model name too.
    func oneLine(_ s: String) -> String { String(s.unicodeScalars.filter { $0 != "\n" && $0 != "\r" }) }
    let model = chunks.first.map(oneLine).flatMap { $0.isEmpty ? nil : $0 }
    var pairs: [(input: String, output: String)] = []
    var i = 1
    while i < chunks.count, pairs.count < 8 {
        pairs.append((oneLine(chunks[i]), i + 1 < chunks.count ? printable(chunks[i + 1]) : ""))
        i += 2
    }
    let evaluated = flags & 4 != 0
    interrupted = false
    if evaluated {
        // As :save records them: each command's output in a session on the toy model.
        let session = makeSession()
        pairs = pairs.prefix(4).map { pair in
            deadline = DispatchTime.now() + .seconds(1)
            let outcome: Session.Cell.Outcome
            do { outcome = .value(try session.evaluate(pair.input).value) } catch {
                outcome = .error(error as? WorkbenchError ?? WorkbenchError("\(error)"))
            }
            return (pair.input, Notebook.output(of: outcome, input: pair.input))
        }
    }
    let saved = Notebook(model: model, title: "EmbedLab session",
                         cells: pairs.map { Notebook.Cell(input: $0.input, expected: $0.output, line: 0) })
    var markdown = saved.markdown()
    if flags & 1 != 0 { markdown = markdown.replacingOccurrences(of: "\n", with: "\r\n") }
    if flags & 2 != 0 { markdown = "\u{FEFF}" + markdown }
    let path = scratch + "/saved.md"
    defer { unlink(path) }
    // The writer and the reader the CLI uses.
    do { try SafeWrite.replace(path, with: Array(markdown.utf8), policy: nil) } catch { fail("cannot write \(path): \(error)", saved, markdown) }
    let loaded: Notebook
    do { loaded = try Notebook.load(path: path) } catch { fail("the saved notebook does not load: \(error)", saved, markdown) }
    guard loaded.model == saved.model, loaded.title == saved.title else {
        fail("model or title changed: \(String(reflecting: loaded.model)) \(String(reflecting: loaded.title))", saved, markdown)
    }
    guard loaded.cells.count == saved.cells.count else { fail("\(saved.cells.count) cells saved, \(loaded.cells.count) read back", saved, markdown) }
    for (a, b) in zip(saved.cells, loaded.cells) {
        guard a.input == b.input else { fail("command \(String(reflecting: a.input)) read back as \(String(reflecting: b.input))", saved, markdown) }
        guard let expected = b.expected, Notebook.same(a.expected ?? "", expected) else {
            fail("the output of \(String(reflecting: a.input)) read back differs: \(String(reflecting: a.expected)) → \(String(reflecting: b.expected))", saved, markdown)
        }
    }
    if evaluated && !interrupted {
        // As check does: the loaded notebook run in a fresh session, compared with what was recorded.
        let session = makeSession()
        for cell in loaded.cells {
            deadline = DispatchTime.now() + .seconds(1)
            let result = Notebook(cells: [cell]).run(in: session)[0]
            if interrupted { break }
            guard Notebook.same(cell.expected ?? "", result.actual) else {
                fail("check finds a difference in \(String(reflecting: cell.input)): recorded \(String(reflecting: cell.expected)), now \(String(reflecting: result.actual))", saved, markdown)
            }
        }
    }
    return 0
}

/// An output as a cell can print it: never a carriage return at the end of a line (the renderer
/// shows a CR in content as `\r`; and a file's CRLF reads as LF, as every text file does).
private func printable(_ output: String) -> String {
    // By scalars: as Characters, "\r\n" is one and would not split at "\n".
    var out = String.UnicodeScalarView()
    var pendingReturns = 0
    for scalar in output.unicodeScalars {
        if scalar == "\r" { pendingReturns += 1; continue }
        if scalar != "\n" { out.append(contentsOf: repeatElement("\r", count: pendingReturns)) }
        pendingReturns = 0
        out.append(scalar)
    }
    return String(out)
}

private func makeSession() -> Session {
    let session = Session(catalog: FuzzSupport.catalog, model: FuzzSupport.toy, cancellation: Cancellation(signalFlag: {
        // A command asked to stop records an interruption that a second run need not repeat.
        if DispatchTime.now() > deadline { interrupted = true; return true }
        return false
    }))
    session.readPolicy = FuzzSupport.readPolicy
    return session
}

private func fail(_ message: String, _ notebook: Notebook, _ markdown: String) -> Never {
    FileHandle.standardError.write(Data("fuzz-notebooks: \(message)\nthe saved file:\n\(String(reflecting: markdown))\n".utf8))
    abort()
}

import FileAccess
import Lessons

/// libFuzzer target: the document parser on arbitrary text, read as a lesson (steps, checks,
/// hints, front matter) and as a notebook (cells and recorded outputs), then written back; and
/// each line as a regular expression (`LinearRegex`) matched against the whole text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocuments(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = Document.parse(text)
    let lesson = Lesson(document: document, path: "fuzz.md")
    _ = lesson.steps.count
    let notebook = Notebook(document: document)
    _ = Notebook(document: Document.parse(notebook.markdown()))
    for line in text.split(separator: "\n").prefix(64) {
        _ = try? Check.parse(String(line))
        // Every line as a pattern (`text matches /RE/` and `vocab /RE/` take them), matched
        // against the document: the parser must refuse or compile, the matcher stay linear.
        // (A small budget each: under AddressSanitizer a step costs a microsecond, and 64 lines
        // may each compile to 20,000 instructions.)
        if let re = try? LinearRegex(String(line)) { _ = try? re.matches(in: text, stepBudget: 20_000) }
    }
    return 0
}

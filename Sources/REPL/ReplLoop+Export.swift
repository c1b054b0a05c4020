import FileAccess
import Foundation
import Lessons
import Rendering
import Workbench

/// Pictures and pages from the prompt: `:export FILE.svg` (the last value's picture) and
/// `:save FILE.html` (the session as a self-contained page). Both write with `SafeWrite`: the
/// whole file or nothing, and never through a pipe, a device or a link.
extension ReplLoop {
    /// `:export FILE.svg`: the picture of the last value the session computed.
    func export(_ path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard !path.isEmpty, ext == "svg" else {
            return complain(language.text(.exportNeedsSVG), hint: ":export plot.svg")
        }
        guard let last = session.cells.last(where: { if case .value = $0.outcome { return true } else { return false } }),
              case .value(let value) = last.outcome else {
            return complain(language.text(.exportNothingYet), hint: "plot 猫 狗 汽车 飞机, then :export plot.svg")
        }
        guard let svg = SVGRenderer.file(value) else {
            return complain(language.text(.exportNoPicture, ["input": last.input]),
                            hint: language.text(.exportPicturesFrom) + SVGRenderer.whatHasPictures)
        }
        do {
            try SafeWrite.replace(path, with: Array(svg.utf8), policy: nil)
            output(language.text(.exportWrote, ["input": last.input, "file": path]))
        } catch {
            complain("\(error)", hint: language.text(.chooseWritableFolder))
        }
    }

    /// `:save FILE.html`: every cell so far with its value, pictures as SVG, in one page.
    func savePage(_ path: String) {
        let page = NotebookPage(cells: session.cells, title: "EmbedLab session", model: startModel)
        do {
            try SafeWrite.replace(path, with: Array(NotebookPageHTML.render(page).utf8), policy: nil)
            output(language.text(.savedPage, ["n": "\(session.cells.count)", "file": path]))
        } catch {
            complain("\(error)", hint: language.text(.chooseWritableFolder))
        }
    }

    /// `:save notes.txt`: refused, saying which files `:save` writes.
    func refuseSave(_ path: String) {
        complain(language.text(.saveWhichFiles, ["file": path]),
                 hint: ":save notes.md  ·  :save notes.html")
    }

    /// A failed `:export` or `:save` is the line's error like any other: with its caret at a
    /// terminal, and in a piped script `line N: …` on standard error and a non-zero exit.
    private func complain(_ message: String, hint: String) {
        hostError(WorkbenchError(message, hint: hint))
    }
}

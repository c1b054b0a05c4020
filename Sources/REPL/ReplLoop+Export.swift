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
            return complain(language.pick(en: ":export writes SVG pictures: give a file name ending in .svg",
                                          zh: ":export 只写 SVG 图片：文件名请以 .svg 结尾"), hint: ":export plot.svg")
        }
        guard let last = session.cells.last(where: { if case .value = $0.outcome { return true } else { return false } }),
              case .value(let value) = last.outcome else {
            return complain(language.pick(en: "there is no value to export yet", zh: "还没有可导出的结果"), hint: "plot 猫 狗 汽车 飞机, then :export plot.svg")
        }
        guard let svg = SVGRenderer.file(value) else {
            return complain(language.pick(en: "the last value (\(last.input)) has no picture", zh: "上一个结果（\(last.input)）没有图"),
                            hint: language.pick(en: "pictures come from: ", zh: "有图的命令：") + SVGRenderer.whatHasPictures)
        }
        do {
            try SafeWrite.replace(path, with: Array(svg.utf8), policy: nil)
            output(language.pick(en: "wrote the picture of '\(last.input)' to \(path)", zh: "已把「\(last.input)」的图写入 \(path)"))
        } catch {
            complain("\(error)", hint: language.pick(en: "choose a folder you can write to", zh: "请换一个可写的文件夹"))
        }
    }

    /// `:save FILE.html`: every cell so far with its value, pictures as SVG, in one page.
    func savePage(_ path: String) {
        let page = NotebookPage(cells: session.cells, title: "EmbedLab session", model: startModel)
        do {
            try SafeWrite.replace(path, with: Array(NotebookPageHTML.render(page).utf8), policy: nil)
            output(language.pick(en: "saved \(session.cells.count) cells to \(path); open it in a browser",
                                 zh: "已把 \(session.cells.count) 个单元存入 \(path)，可用浏览器打开"))
        } catch {
            complain("\(error)", hint: language.pick(en: "choose a folder you can write to", zh: "请换一个可写的文件夹"))
        }
    }

    /// `:save notes.txt`: refused, saying which files `:save` writes.
    func refuseSave(_ path: String) {
        complain(language.pick(en: ":save writes a notebook (.md) or a page (.html), not \(path)",
                               zh: ":save 只写笔记本（.md）或网页（.html），不能写 \(path)"),
                 hint: ":save notes.md  ·  :save notes.html")
    }

    private func complain(_ message: String, hint: String) {
        say(ErrorRenderer.render(WorkbenchError(message, hint: hint), input: nil, style: style))
    }
}

import ArgumentParser
import FileAccess
import Foundation
import Lessons
import Rendering
import Workbench

/// `embedlab export NOTEBOOK.md --html OUT.html`: a notebook, demo or lesson as one self-contained
/// page. The cells are run (in the notebook's sandbox, as `embedlab run` runs them), so every
/// value that has a picture is drawn as SVG; prose shows in each language the file has.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Write a notebook or lesson as one self-contained HTML page (cells run, pictures as SVG).", zh: "把笔记本或课程写成一个自包含的 HTML 页面（运行各单元，图片为 SVG）。", indent: HelpText.column),
        discussion: HelpText.pick("Example: embedlab export demo.md --html demo.html   (open demo.html in any browser; it needs no network)", zh: "例：embedlab export demo.md --html demo.html   （用任何浏览器打开 demo.html；无需联网）"))

    @OptionGroup var options: NotebookOptions

    @Option(help: .l("The page to write (a .html file).", zh: "要写出的页面（.html 文件）。"), completion: .file(extensions: ["html"]))
    var html: String?

    @Option(help: .l("A Jupyter notebook to write (a .ipynb file): each command as Markdown, its gensim/numpy equivalent as code, EmbedLab's output under it.", zh: "要写出的 Jupyter 笔记本（.ipynb 文件）：每条命令为 Markdown，对应的 gensim/numpy 代码为代码单元，下面是 EmbedLab 的输出。"), completion: .file(extensions: ["ipynb"]))
    var ipynb: String?

    @Flag(help: .l("Show the outputs recorded in the file instead of running the cells.", zh: "显示文件中记录的输出，而不运行各单元。"))
    var recorded = false

    @Flag(help: .l("For a lesson: show each exercise's solution and its output (by default a lesson's page has room to answer instead).", zh: "对课程：显示每个练习的答案及其输出（默认课程页面留出作答的空白）。"))
    var solutions = false

    func validate() throws {
        guard (html == nil) != (ipynb == nil) else { throw ValidationError("give one of --html OUT.html and --ipynb OUT.ipynb") }
        if let ipynb, (ipynb as NSString).pathExtension.lowercased() != "ipynb" {
            throw ValidationError("--ipynb writes a Jupyter notebook; give a file name ending in .ipynb")
        }
        guard let html else { return }
        let ext = (html as NSString).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else {
            throw ValidationError("--html writes an HTML page; give a file name ending in .html, e.g. --html \(((html as NSString).deletingPathExtension as NSString).lastPathComponent).html")
        }
    }

    func run() throws {
        let (_, session) = try options.load()
        let document: Document
        do { document = Document.parse(try TextFile.text(atPath: options.file, limits: .document, what: "notebook")) } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        let title = ((options.file as NSString).lastPathComponent as NSString).deletingPathExtension
        // A lesson (an id in its front matter, or exercises) is a student release unless --solutions.
        let lesson = Lesson(document: document, path: options.file)
        let isLesson = document.frontMatter["id"] != nil || lesson.steps.contains { $0.exercise != nil }
        let page = isLesson
            ? LessonHandout.page(lesson, session: recorded ? nil : session, solutions: solutions, languages: options.lang.map { [$0] } ?? Language.allCases)
            : NotebookPage(document: document, session: recorded ? nil : session, fallbackTitle: title)
        let out = html ?? ipynb ?? ""
        let text = html != nil ? NotebookPageHTML.render(page)
            : JupyterNotebook.render(page, model: document.frontMatter["model"]?.text ?? session.model.name)
        // A page with a cell stopped by the limits is incomplete: said, and not written.
        if let stop = CellLimits.lastStop {
            Environment.warn("error: \(stop); \(out) was not written")
            throw ExitCode(1)
        }
        do {
            // The user's own output file, named on the command line: no read policy.
            try SafeWrite.replace(out, with: Array(text.utf8), policy: nil)
        } catch {
            Environment.warn("error: cannot write \(out): \(error)")
            throw ExitCode(1)
        }
        let cells = page.items.filter { if case .cell = $0 { return true } else { return false } }.count
        print(html != nil ? "wrote \(out): \(cells) cells; open it in a browser"
                          : "wrote \(out): \(cells) cells with their Python; it loads the model from word2vec text (embedlab convert MODEL MODEL.txt --to word2vec)")
    }
}

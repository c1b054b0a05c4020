import Workbench

/// A `NotebookPage` as one self-contained HTML file: the style inlined, pictures as inline SVG,
/// no scripts and nothing fetched from the network, so it opens the same from a USB stick, a
/// mail attachment or a projector laptop without a connection. The markup is also well-formed
/// XML (every element closed, the XHTML namespace), so an XML parser can check it.
///
///     <section class="cell">
///       <div class="input"><span class="prompt">&gt; </span>near 猫</div>
///       <div class="output"><svg …>…</svg><details><summary>as text</summary><pre>…</pre></details></div>
///     </section>
public enum NotebookPageHTML {
    public static func render(_ page: NotebookPage) -> String {
        var body: [String] = []
        body.append("<header><h1>\(esc(page.title))</h1>" + (page.subtitle.map { "<p class=\"subtitle\">\(esc($0))</p>" } ?? "") + "</header>")
        body.append("<main>")
        for item in page.items {
            switch item {
            case .heading(let level, let text):
                let l = min(6, max(2, level))
                body.append("<h\(l)>\(esc(text))</h\(l)>")
            case .prose(let passages):
                body.append(prose(passages))
            case .cell(let cell):
                body.append(self.cell(cell))
            case .answer(let space):
                body.append(answer(space))
            }
        }
        body.append("</main>")
        body.append("<footer>Written by EmbedLab. Pictures are SVG; the page needs no network and no scripts.</footer>")
        return document(title: page.title, language: "en", style: PageStyle.css, body: body.joined(separator: "\n"))
    }

    /// The page around a body: doctype, the XHTML namespace, UTF-8, the viewport, the style.
    static func document(title: String, language: String, style: String, body: String, script: String? = nil) -> String {
        var out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language)\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"EmbedLab\"/>\n"
        out += "<title>\(esc(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n\(body)\n"
        // The script sits in CDATA so the page stays well-formed XML whatever it compares.
        if let script { out += "<script>//<![CDATA[\n\(script)\n//]]></script>\n" }
        return out + "</body>\n</html>\n"
    }

    /// Passages side by side (stacked on a narrow screen), each marked with its language.
    static func prose(_ passages: [NotebookPage.Prose]) -> String {
        let labelled = passages.count > 1
        let parts = passages.map { p -> String in
            let lang = p.language.map { " lang=\"\(htmlLanguage($0))\"" } ?? ""
            let label = labelled ? "<span class=\"lang-label\">\(esc(languageName(p.language)))</span>" : ""
            return "<div\(lang)>\(label)\(ProseHTML.html(p.markdown))</div>"
        }
        return "<div class=\"prose\">" + parts.joined() + "</div>"
    }

    static func cell(_ cell: NotebookPage.Cell) -> String {
        let input = "<div class=\"input\"><span class=\"prompt\">&gt; </span>\(esc(cell.input))</div>"
        let output: String
        switch cell.output {
        case .value(Value.none): output = ""
        case .value(let value):
            let text = ValueRenderer.render(value, style: .plain)
            if let svg = SVGRenderer.svg(value) {
                output = "<div class=\"output\"><figure style=\"margin:0\">\(svg)</figure>"
                    + "<details><summary>as text</summary><pre>\(esc(text))</pre></details></div>"
            } else {
                output = "<div class=\"output\"><pre>\(esc(text))</pre></div>"
            }
        case .error(let text): output = "<div class=\"output error\"><pre>\(esc(text))</pre></div>"
        case .recorded(let text): output = text.isEmpty ? "" : "<div class=\"output\"><pre>\(esc(text))</pre></div>"
        }
        return "<section class=\"cell\">\(input)\(output)</section>"
    }

    /// A box with ruled lines for a written answer, labelled in both languages with the step's id
    /// and points (the id is what a learner's answers file starts each line with).
    static func answer(_ space: NotebookPage.AnswerSpace) -> String {
        let points = space.points == 1 ? "1 point · 1 分" : "\(space.points) points · \(space.points) 分"
        let lines = String(repeating: "<div class=\"answer-line\"></div>", count: max(1, space.lines))
        return "<section class=\"answer\" data-step=\"\(esc(space.step))\"><p class=\"answer-label\">Your answer · 你的答案 "
            + "<code>\(esc(space.step)):</code> <span class=\"points\">(\(points))</span></p>\(lines)</section>"
    }

    static func htmlLanguage(_ code: String) -> String {
        code == "zh" ? "zh-Hans" : SVGCanvas.escape(code)
    }

    static func languageName(_ code: String?) -> String {
        switch code {
        case "en": return "English"
        case "zh": return "中文"
        case let other?: return other
        case nil: return ""
        }
    }

    static func esc(_ s: String) -> String { SVGCanvas.escape(s) }
}

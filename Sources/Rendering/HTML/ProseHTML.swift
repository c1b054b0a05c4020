/// Lesson prose (the Markdown subset `ProseRenderer` reads for the terminal) as HTML: paragraphs,
/// `- ` lists, `### ` sub-headings, `*emphasis*`, `**strong**` and `` `code` ``. Everything else
/// is text: a `<b>` typed in a notebook shows as `<b>`, it never becomes markup.
///
///     ProseHTML.html("Subtract *man* from `king`.")   // "<p>Subtract <em>man</em> from <code>king</code>.</p>"
public enum ProseHTML {
    public static func html(_ markdown: String) -> String {
        var out: [String] = []
        let normalised = markdown.unicodeScalars.contains("\r") ? markdown.replacingCRLF : markdown
        for paragraph in normalised.components(separatedBy: "\n\n") {
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let first = lines.first else { continue }
            let trimmed = lines.map(\.trimmingSpaces)
            if trimmed[0].hasPrefix("- ") || trimmed[0].hasPrefix("* ") {
                // A list: an item per bullet, continuation lines joined to their item.
                var items: [String] = []
                for line in trimmed {
                    if line.hasPrefix("- ") || line.hasPrefix("* ") { items.append(String(line.dropFirst(2))) } else if !items.isEmpty { items[items.count - 1] += " " + line }
                }
                out.append("<ul>" + items.map { "<li>\(inline($0))</li>" }.joined() + "</ul>")
            } else if first.hasPrefix("#") {
                let level = min(6, max(3, first.prefix { $0 == "#" }.count + 1))
                out.append("<h\(level)>\(inline(first.drop { $0 == "#" }.trimmingSpaces))</h\(level)>")
                let rest = trimmed.dropFirst().joined(separator: " ")
                if !rest.isEmpty { out.append("<p>\(inline(rest))</p>") }
            } else {
                out.append("<p>\(inline(trimmed.joined(separator: " ")))</p>")
            }
        }
        return out.joined(separator: "\n")
    }

    /// One line's inline marks as HTML elements, the text escaped.
    static func inline(_ text: String) -> String {
        ProseRenderer.spans(text).map { run, mark in
            let t = SVGCanvas.escape(run)
            switch mark {
            case .plain: return t
            case .emphasis: return "<em>\(t)</em>"
            case .strong: return "<strong>\(t)</strong>"
            case .code: return "<code>\(t)</code>"
            }
        }.joined()
    }
}

extension String {
    /// CRLF and lone CR line ends as LF, by Unicode scalars ("\r\n" is one Character).
    var replacingCRLF: String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in unicodeScalars {
            if s == "\r" { out.append("\n"); previousCR = true; continue }
            if s == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(s)
        }
        return String(out)
    }
}

import FileAccess
import Foundation
import Workbench
import Embeddings

/// Turns a `Value` into terminal text: the only place that decides how results look.
///
///     king - man + woman   (3CosAdd; input words left out: king, man, woman)
///      1  queen      0.8524  ████████████████▉
///      2  throne     0.7664  ███████████████▎
public enum ValueRenderer {
    /// The value as terminal text; text that came from files is shown escaped (`TerminalText`).
    public static func render(_ value: Value, style: Style) -> String {
        // Pictures carry colour escapes of their own (24-bit and 256-colour); their renderer escapes
        // each piece of text it writes instead.
        if case .table(let t) = value, case .pictures(let board)? = t.detail { return PictureRenderer.render(t, board, style: style) }
        return TerminalText.printable(unescaped(value, style: style), colour: style.color)
    }

    static func unescaped(_ value: Value, style: Style) -> String {
        switch value {
        case .none: return ""
        case .text(let t): return t
        case .scalar(let s): return scalar(s, style: style)
        case .vector(let v): return vector(v, style: style)
        case .neighbours(let n): return neighbours(n, style: style)
        case .table(let t) where t.detail != nil: return detailed(t, style: style)
        case .table(let t): return TableRenderer.render(t, style: style)
        case .scatter(let p): return ScatterRenderer.render(p, style: style)
        }
    }

    static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
        return String(format: "%.4f", x)
    }

    static func scalar(_ s: ScalarValue, style: Style) -> String {
        let text = "\(s.label) = \(number(s.value))"
        // One scale for every cosine: 10 cells a side, so 0.80 always draws longer than 0.66. A line
        // with no room for it carries the bar on the next line; a screen too narrow for it, none.
        let halfWidth = 10
        guard s.kind == .cosine, style.width >= 2 * halfWidth + 3 else { return text }
        let bar = style.paint(Bars.signedBar(s.value, limit: 1, halfWidth: halfWidth).trailingSpacesTrimmed, .green)
        return DisplayWidth.of(text) + 2 + 2 * halfWidth + 1 <= style.width ? text + "  " + bar : text + "\n  " + bar
    }

    static func vector(_ v: VectorValue, style: Style) -> String {
        let values = v.values
        if let names = v.dimensionNames, names.count == values.count || values.count <= 12 {
            // Few dimensions: one line each, with its name and a bar.
            // One scale for every vector (not this vector's largest component), so bars compare across vectors.
            let limit = Bars.fixedLimit(values.map(Double.init))
            let nameWidth = (v.dimensionNames ?? []).map { DisplayWidth.of($0) }.max() ?? 3
            let halfWidth = min(8, (style.width - nameWidth - 15) / 2)
            let l = style.language
            var lines = ["\(v.label)  (" + l.text(.labelDimensions, ["n": "\(values.count)"]) + (limit == 1 ? ")" : l.text(.labelBarsFullWidth, ["limit": number(limit)]) + ")")]
            for (i, x) in values.enumerated() {
                let name = i < (v.dimensionNames?.count ?? 0) ? v.dimensionNames![i] : "d\(i + 1)"
                let bar = halfWidth >= 3 ? "  " + style.paint(Bars.signedBar(Double(x), limit: limit, halfWidth: halfWidth), .cyan) : ""
                lines.append("  " + DisplayWidth.pad(name, to: nameWidth) + "  " + DisplayWidth.pad(String(format: "%.4f", x), to: 8, right: true) + bar)
            }
            return lines.joined(separator: "\n")
        }
        let formatted = values.map { String(format: "%.4f", $0) }
        if values.count <= 12 { return "\(v.label) = [" + formatted.joined(separator: ", ") + "]" }
        // Many dimensions: wrapped rows of numbers, then a hint.
        var lines = ["\(v.label)  (" + style.language.text(.labelDimensions, ["n": "\(values.count)"]) + ")"]
        let perLine = max(1, (style.width - 4) / 9)
        for start in stride(from: 0, to: values.count, by: perLine) {
            lines.append("  " + formatted[start..<min(start + perLine, values.count)].map { DisplayWidth.pad($0, to: 8, right: true) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    /// The name of a scoring method for a neighbour list's header.
    static func methodName(_ m: NeighbourList.Method, _ l: Language) -> String {
        switch m {
        case .cosine: return l.text(.methodCosine)
        case .cosAdd, .cosMul: return m.rawValue
        case .cosineToMean: return l.text(.methodCosineToMean)
        }
    }

    static func neighbours(_ n: NeighbourList, style: Style) -> String {
        var header = n.query
        let l = style.language
        var notes = [methodName(n.method, l)]
        if !n.excluded.isEmpty { notes.append(l.text(.labelInputsLeftOut, ["words": n.excluded.joined(separator: ", ")])) }
        let note = l.text(.notesInBrackets, ["notes": notes.joined(separator: l.text(.notesSeparator))])
        let room = style.width - DisplayWidth.of(header) - 3
        if DisplayWidth.of(note) <= room {
            header += "   " + style.paint(note, .dim)
        } else {
            // No room beside the query: the note goes under it, wrapped, never cut.
            header = TerminalText.wrapped(header, width: style.width) + "\n"
                + TerminalText.wrapped("  " + note, width: style.width).split(separator: "\n").map { style.paint(String($0), .dim) }.joined(separator: "\n")
        }
        // rank (3) + word + score (7) + three gaps of 2: the word gives way first, then the bar (none below 4 cells).
        let wordWidth = max(4, min(24, n.items.map { DisplayWidth.of($0.word) }.max() ?? 4, style.width - 20))
        let barWidth = min(20, style.width - wordWidth - 18)
        var lines = [header]
        let maxScore = Double(n.items.map(\.score).max() ?? 1)
        for (i, item) in n.items.enumerated() {
            let rank = DisplayWidth.pad(String(i + 1), to: 3, right: true)
            let word = DisplayWidth.pad(DisplayWidth.truncate(item.word, to: wordWidth), to: wordWidth)
            let score = DisplayWidth.pad(String(format: "%.4f", item.score), to: 7, right: true)
            let fraction = n.method.isCosine ? Double(item.score) : Double(item.score) / max(maxScore, 1e-9)
            let paintedWord = i == 0 ? style.paint(word, .bold) : word
            let bar = barWidth >= 4 ? "  " + style.paint(Bars.bar(fraction, width: barWidth), .green).trailingSpacesTrimmed : ""
            lines.append("\(rank)  \(paintedWord)  \(score)" + bar)
        }
        return lines.map { $0.trailingSpacesTrimmed }.joined(separator: "\n")
    }
}

/// Error messages for people: the line, a caret under the place, what went wrong and what to type.
///
///     king - - man
///            ^
///     expected a word, a number or a vector, found -
public enum ErrorRenderer {
    public static func render(_ error: Error, input: String?, style: Style) -> String {
        TerminalText.printable(unescaped(error, input: input, style: style), colour: style.color)
    }

    static func unescaped(_ error: Error, input: String?, style: Style) -> String {
        if let e = error as? WorkbenchError {
            var lines: [String] = []
            if let span = e.span, let input, !input.isEmpty {
                let chars = Array(input)
                let before = DisplayWidth.of(String(chars.prefix(min(span.start, chars.count))))
                let length = max(1, DisplayWidth.of(String(chars[min(span.start, chars.count)..<min(span.end, chars.count)])))
                lines.append("  " + input)
                lines.append("  " + String(repeating: " ", count: before) + style.paint(String(repeating: "^", count: length), .red))
            }
            lines.append(style.paint(style.language.text(.errorPrefix), .red) + e.message + (e.hint.map { style.paint(" — \($0)", .dim) } ?? ""))
            return lines.joined(separator: "\n")
        }
        return style.paint(style.language.text(.errorPrefix), .red) + String(describing: error)
    }

    /// The one-line form, for piped output and JSON.
    public static func line(_ error: Error) -> String {
        PrintableText.escaping(String(describing: error), keepNewlines: false)
    }
}

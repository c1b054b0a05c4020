import Foundation

/// A plain-text table with aligned columns (Markdown-compatible: `| a | b |`).
struct Table {
    let header: [String]
    private(set) var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) {
        precondition(cells.count == header.count, "a row needs \(header.count) cells")
        rows.append(cells)
    }

    func render() -> String {
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max()! }
        func line(_ cells: [String]) -> String {
            "| " + zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

enum Format {
    /// 0.213 ms, 2.41 ms, 45.2 ms, 1.23 s.
    static func time(_ seconds: Double) -> String {
        let ms = seconds * 1000
        if ms < 1 { return fixed(ms, 3) + " ms" }
        if ms < 10 { return fixed(ms, 2) + " ms" }
        if ms < 1000 { return fixed(ms, 1) + " ms" }
        return fixed(seconds, 2) + " s"
    }

    /// How many times faster we are: the peer's time over ours (> 1: EmbedLab is faster).
    static func ratio(peer: Double, ours: Double) -> String {
        ours > 0 ? fixed(peer / ours, 2) + "×" : "—"
    }

    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

    /// 400000 → "400,000".
    static func count(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }

    static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 1) + " MB" }
}

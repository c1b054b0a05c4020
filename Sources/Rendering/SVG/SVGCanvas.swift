/// An SVG picture being drawn: a width and height in CSS pixels and the elements in drawing order.
/// It writes plain, self-contained SVG 1.1: no scripts, no links, no external fonts or images;
/// every number with at most two decimals, so the same value always gives the same bytes.
///
///     var canvas = SVGCanvas(width: 200, height: 100, title: "猫")
///     canvas.text("猫", x: 10, y: 20)
///     canvas.svg   // "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" …"
///
/// Text uses `currentColor`, so a picture inlined in a page follows the page's light or dark
/// colour; opened on its own it is black on white.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    public let title: String
    private var body: [String] = []

    /// Latin first, then the CJK faces of the common systems (Noto/Source Han on Linux and
    /// Android, PingFang on Apple, Microsoft YaHei on Windows), then the generic family.
    public static let fontStack = "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Source Han Sans SC', "
        + "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"

    /// The tones used everywhere, as fills and strokes.
    public enum Tone: String, Sendable {
        case ink = "currentColor"
        case grid = "#8888884d"
        case axis = "#888888"
        case blue = "#3b7dd8"
        case orange = "#e07b24"
        case green = "#3a9a5b"
        case red = "#d0453a"
        case purple = "#8a5cc2"
        case highlight = "#f2b705"
    }

    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// How wide `text` is at `size` pixels, roughly: a wide (CJK) character about one em, others
    /// about 0.55 em (0.62 in bold).
    public static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        Double(DisplayWidth.of(text)) * (bold ? 0.62 : 0.55) * size
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    public mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start,
                              weight: String? = nil, fill: String = Tone.ink.rawValue, rotate: Double? = nil, className: String? = nil) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if fill != Tone.ink.rawValue { attributes += " fill=\"\(Self.escape(fill))\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        if let className { attributes += " class=\"\(Self.escape(className))\"" }
        body.append("<text \(attributes)>\(Self.escape(s))</text>")
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = Tone.axis.rawValue, width: Double = 1, dashed: Bool = false) {
        body.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(Self.escape(stroke))\" stroke-width=\"\(Self.number(width))\""
                    + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>")
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, tooltip: String? = nil) {
        let attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\" fill=\"\(Self.escape(fill))\""
            + (stroke.map { " stroke=\"\(Self.escape($0))\"" } ?? "")
        if let tooltip { body.append("<rect \(attributes)><title>\(Self.escape(tooltip))</title></rect>") } else { body.append("<rect \(attributes)/>") }
    }

    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, tooltip: String? = nil, className: String? = nil, id: String? = nil) {
        var attributes = "cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(Self.escape(fill))\""
        if let className { attributes += " class=\"\(Self.escape(className))\"" }
        if let id { attributes += " id=\"\(Self.escape(id))\"" }
        if let tooltip { body.append("<circle \(attributes)><title>\(Self.escape(tooltip))</title></circle>") } else { body.append("<circle \(attributes)/>") }
    }

    /// A polyline through `points` (an unbroken series).
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        guard points.count >= 2 else { return }
        let coordinates = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body.append("<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(Self.escape(stroke))\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"/>")
    }

    /// Opens a group (`<g>`), for elements that belong together (a point and its label); close it with `endGroup`.
    public mutating func beginGroup(className: String? = nil, attributes extra: [(String, String)] = []) {
        var attributes = className.map { " class=\"\(Self.escape($0))\"" } ?? ""
        for (name, value) in extra { attributes += " \(name)=\"\(Self.escape(value))\"" }
        body.append("<g\(attributes)>")
    }

    public mutating func endGroup() { body.append("</g>") }

    /// The picture as an SVG document (no XML declaration, so it can also be inlined in HTML).
    public var svg: String {
        let w = Self.number(width), h = Self.number(height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        // Text is filled with currentColor (SVG's default is black), so an inlined picture follows a dark page.
        out += " font-family=\"\(Self.fontStack)\" fill=\"currentColor\" role=\"img\" aria-label=\"\(Self.escape(title))\">\n"
        out += "<title>\(Self.escape(title))</title>\n"
        for element in body { out += element + "\n" }
        return out + "</svg>\n"
    }

    /// A number with at most two decimals and no trailing zeros: 3 → "3", 2.5 → "2.5", -0.001 → "0".
    /// Not-a-number and infinities are drawn at 0 (a picture never carries them).
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let hundredths = (x * 100).rounded()
        guard abs(hundredths) < 1e15 else { return "0" }
        let n = Int64(hundredths)
        if n == 0 { return "0" }
        let sign = n < 0 ? "-" : ""
        let whole = abs(n) / 100, fraction = abs(n) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Text made safe for XML content and attribute values: the five special characters as
    /// entities, and characters XML 1.0 does not allow (controls other than tab and newline) left out.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

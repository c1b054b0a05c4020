/// Horizontal bars drawn with eighth blocks: `█████▍` is 5.375 cells long.
public enum Bars {
    static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `fraction` (0…1) of `width` cells long, padded with spaces to exactly `width` columns.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let f = max(0, min(1, fraction.isFinite ? fraction : 0))
        let units = Int((f * Double(width) * 8).rounded())
        var s = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { s.append(eighths[units % 8]) }
        return s + String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
    }

    /// A bar for a signed value in [-limit, limit], centred: negative to the left, positive to the right.
    public static func signedBar(_ value: Double, limit: Double, halfWidth: Int) -> String {
        let f = limit > 0 ? min(1, abs(value) / limit) : 0
        let cells = Int((f * Double(halfWidth)).rounded())
        let left = value < 0 ? String(repeating: " ", count: halfWidth - cells) + String(repeating: "█", count: cells) : String(repeating: " ", count: halfWidth)
        let right = value > 0 ? String(repeating: "█", count: cells) + String(repeating: " ", count: halfWidth - cells) : String(repeating: " ", count: halfWidth)
        return left + "│" + right
    }

    /// A sparkline of a series (for a falling loss): ▁▂▃▄▅▆▇█.
    public static func sparkline(_ values: [Double]) -> String {
        let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        guard let lo = values.min(), let hi = values.max() else { return "" }
        return String(values.map { v in hi > lo ? ticks[Int(((v - lo) / (hi - lo) * 7).rounded())] : ticks[3] })
    }
}

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

    /// The full length of a bar for signed components, the same for every vector whose components lie
    /// in [−1, 1] (so 0.4 always draws shorter than −0.5, whichever vector either is in); larger
    /// components take the next of 2, 5, 10, 20, 50, … so the scale stays a round number a
    /// reader can be told ("bars: ±2 full width").
    public static func fixedLimit(_ values: [Double]) -> Double {
        let largest = values.filter(\.isFinite).map(abs).max() ?? 0
        var limit = 1.0
        var k = 0
        while largest > limit, limit < 1e30 {
            limit *= [2, 2.5, 2][k % 3]
            k += 1
        }
        return limit
    }

    /// A sparkline of a series (for a falling loss): ▁▂▃▄▅▆▇█.
    public static func sparkline(_ values: [Double]) -> String {
        let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        guard let lo = values.min(), let hi = values.max() else { return "" }
        return String(values.map { v in hi > lo ? ticks[Int(((v - lo) / (hi - lo) * 7).rounded())] : ticks[3] })
    }
}

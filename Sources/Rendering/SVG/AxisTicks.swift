import Foundation

/// Round numbers to mark an axis with: a step of 1, 2 or 5 times a power of ten, chosen so that
/// about `count` ticks cover the range (Heckbert's "nice numbers", simplified).
///
///     AxisTicks.step(span: 9, count: 5)      // 2
///     AxisTicks.values(0.13, 0.92, step: 0.2) // [0.2, 0.4, 0.6, 0.8]
public enum AxisTicks {
    public static func step(span: Double, count: Int) -> Double {
        guard span.isFinite, span > 0, count > 0 else { return 1 }
        let raw = span / Double(count)
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10
        return nice * power
    }

    /// The multiples of `step` inside [lo, hi] (at most 50 of them).
    public static func values(_ lo: Double, _ hi: Double, step: Double) -> [Double] {
        guard lo.isFinite, hi.isFinite, step.isFinite, step > 0, hi >= lo else { return [] }
        let first = ceil(lo / step - 1e-9)
        var out: [Double] = []
        var k = first
        while k * step <= hi + step * 1e-9, out.count < 50 {
            out.append(k * step == 0 ? 0 : k * step)
            k += 1
        }
        return out
    }

    /// A tick's label with as many decimals as the step needs: step 0.05 → "0.15", step 20 → "40".
    public static func label(_ x: Double, step: Double) -> String {
        let decimals = step >= 1 ? 0 : min(6, Int(ceil(-log10(step) - 1e-9)))
        let s = String(format: "%.\(decimals)f", x)
        return s.hasPrefix("-") && Double(s) == 0 ? String(s.dropFirst()) : s
    }

    /// A value in compact form for labels in a picture: 3 significant digits, no exponent below a million.
    public static func compact(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        if x == x.rounded() && abs(x) < 1e6 { return String(Int(x)) }
        let a = abs(x)
        if a >= 1e6 || a < 1e-3 { return String(format: "%.2e", x) }
        let decimals = a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 2 : 3
        var s = String(format: "%.\(decimals)f", x)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

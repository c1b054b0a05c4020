/// A locale-independent parser for decimal numbers in text vector files ("-0.12345", "1e-05").
///
/// Foundation's parsing is about thirty times slower on a 400,000-line file, and C's `strtof`
/// reads "0,5" or "0.5" depending on the user's locale; this reads exactly what the formats write.
enum FloatParser {
    enum Outcome { case number(Float, end: Int), notANumber, nonFinite }

    private static let exactPowers: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// Parses a number starting at `start`; `end` is the index just after it.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to limit: Int) -> Outcome {
        var i = start
        var negative = false
        if i < limit, b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0
        var sawDigit = false
        while i < limit, b[i] >= 0x30, b[i] <= 0x39 {
            sawDigit = true
            if digits < 19 { mantissa = mantissa * 10 + UInt64(b[i] - 0x30); if mantissa > 0 { digits += 1 } } else { exponent += 1 }
            i += 1
        }
        if i < limit, b[i] == 0x2E {
            i += 1
            while i < limit, b[i] >= 0x30, b[i] <= 0x39 {
                sawDigit = true
                if digits < 19 { mantissa = mantissa * 10 + UInt64(b[i] - 0x30); if mantissa > 0 { digits += 1 }; exponent -= 1 }
                i += 1
            }
        }
        if !sawDigit {
            // "nan", "inf", "-inf", "infinity": numbers, but not ones a model may hold.
            if i < limit, b[i] | 0x20 == 0x6E || b[i] | 0x20 == 0x69 { return .nonFinite }
            return .notANumber
        }
        if i < limit, b[i] | 0x20 == 0x65 {
            i += 1
            var expNegative = false
            if i < limit, b[i] == 0x2D || b[i] == 0x2B { expNegative = b[i] == 0x2D; i += 1 }
            var e = 0, expDigits = 0
            while i < limit, b[i] >= 0x30, b[i] <= 0x39 { if e < 100_000 { e = e * 10 + Int(b[i] - 0x30) }; expDigits += 1; i += 1 }
            if expDigits == 0 { return .notANumber }
            exponent += expNegative ? -e : e
        }
        var value = Double(mantissa)
        if mantissa != 0 {
            if exponent < 0 {
                var e = -exponent
                while e > 22 { value /= 1e22; e -= 22 }
                value /= exactPowers[e]
            } else if exponent > 0 {
                var e = exponent
                while e > 22 && value.isFinite { value *= 1e22; e -= 22 }
                value *= exactPowers[Swift.min(e, 22)]
            }
        }
        let f = Float(negative ? -value : value)
        return f.isFinite ? .number(f, end: i) : .nonFinite
    }
}

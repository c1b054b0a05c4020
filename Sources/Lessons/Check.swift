import FileAccess
import Foundation
import Workbench

/// One line of a `check` block: a claim about the value the learner's command produced, or about
/// the command itself (`uses …`). Checks grade `Value`s (what was computed), never the printed
/// text, except the `text …` checks. See lessons/FORMAT.md for the language.
///
///     top 3 contains queen                 the answer's first 3 words include queen
///     number ≈ 0.98 ± 0.01                 a number within 0.01 of 0.98
///     uses analogy king man woman          computed as king − man + woman (in any spelling)
///
/// A check may carry its own feedback, on indented `en:` / `zh:` lines after it; the learner sees
/// that instead of the generic message when the check fails.
public struct Check: Equatable, Sendable, CustomStringConvertible {
    public var kind: Kind
    /// The line as the author wrote it (what the linter quotes; never shown to a learner).
    public var source: String
    /// The author's own feedback for a failure, by language.
    public var message: [Language: String]
    /// Its line in the lesson file (0 when not read from a file).
    public var line = 0

    public var description: String { source }

    public init(kind: Kind, source: String, message: [Language: String] = [:]) {
        self.kind = kind
        self.source = source
        self.message = message
    }

    public enum Kind: Equatable, Sendable {
        case topContains(k: Int, words: [String])
        case topExcludes(k: Int, words: [String])
        /// The first word is one of these: the same word in each language (`nearest is star 星形 星星`).
        case nearestIs([String])
        case wordsAre([String])
        /// The number of entries of a list or rows of a table: `count is 5`.
        case count(Int)
        case number(NumberTarget)
        case vector([Double], tolerance: Double)
        case valueType(ValueType)
        case uses(CommandPattern)
        case textContains(String)
        case textMatches(String)
    }

    /// Where a number must lie.
    public enum NumberTarget: Equatable, Sendable {
        case near(Double, tolerance: Double, relative: Bool)
        case range(Double, Double)
        case atLeast(Double)
        case atMost(Double)

        public func contains(_ x: Double) -> Bool {
            switch self {
            case .near(let c, let t, let relative): return abs(x - c) <= (relative ? abs(c) * t / 100 : t) + 1e-9
            case .range(let a, let b): return x >= a && x <= b
            case .atLeast(let a): return x >= a
            case .atMost(let b): return x <= b
            }
        }

        /// Whether a number the learner typed with `decimals` decimal places is the target rounded
        /// to those places: `1.5` for `1.53 ± 0.01`, `0.9` for `0.922 ± 0.005`: every number the
        /// target allows rounds to what was typed. At least one decimal place is needed (`2` is not
        /// an answer to 1.53), and only `≈ X ± T` targets round. A target on a rounding boundary
        /// takes neither side: for `0.95 ± 0.005`, `0.9` and `1.0` are both wrong.
        ///
        ///     NumberTarget.near(1.53, tolerance: 0.01, relative: false).accepts(1.5, decimals: 1)   // true
        public func accepts(_ x: Double, decimals: Int) -> Bool {
            if contains(x) { return true }
            guard decimals >= 1, case .near(let c, let t, let relative) = self else { return false }
            let half = 0.5 * pow(10, Double(-min(decimals, 12)))
            let tolerance = relative ? abs(c) * t / 100 : t
            return c - tolerance >= x - half - 1e-9 && c + tolerance <= x + half + 1e-9
        }

        /// A number inside the target (what the linter types as the plain answer).
        public var example: Double {
            switch self {
            case .near(let c, _, _): return c
            case .range(let a, let b): return (a + b) / 2
            case .atLeast(let a): return a
            case .atMost(let b): return b
            }
        }

        /// Parses `≈ X ± T`, `X ± T`, `X`, `in A..B`, `>= X`, `<= X`.
        static func parse(_ text: String, line: String) throws -> NumberTarget {
            var rest = text.trimmingWhitespace
            func number(_ s: String) throws -> Double {
                guard let x = Double(s.trimmingWhitespace.replacingOccurrences(of: "%", with: "")), x.isFinite else {
                    throw CheckSyntaxError("'\(s.trimmingWhitespace)' is not a number in the check '\(line)'")
                }
                return x
            }
            if rest.hasPrefix("in ") {
                let range = rest.dropFirst(3).components(separatedBy: "..")
                guard range.count == 2 else { throw CheckSyntaxError("expected 'number in A..B', not '\(line)'") }
                let (a, b) = (try number(range[0]), try number(range[1]))
                guard a <= b else { throw CheckSyntaxError("the range \(range[0])..\(range[1]) is empty in '\(line)'") }
                return .range(a, b)
            }
            if rest.hasPrefix(">=") || rest.hasPrefix("≥") { return .atLeast(try number(String(rest.drop { ">=≥".contains($0) }))) }
            if rest.hasPrefix("<=") || rest.hasPrefix("≤") { return .atMost(try number(String(rest.drop { "<=≤".contains($0) }))) }
            if rest.hasPrefix("≈") || rest.hasPrefix("~") { rest = String(rest.dropFirst()) }
            let parts = rest.split(separator: "±", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2, !parts[0].trimmingWhitespace.isEmpty else {
                throw CheckSyntaxError("expected 'number ≈ X ± T', 'number in A..B', 'number >= X' or 'number <= X', not '\(line)'")
            }
            let centre = try number(parts[0])
            guard parts.count == 2 else { return .near(centre, tolerance: 0, relative: false) }
            let tolerance = try number(parts[1])
            guard tolerance >= 0 else { throw CheckSyntaxError("a tolerance cannot be negative, in '\(line)'") }
            return .near(centre, tolerance: tolerance, relative: parts[1].trimmingWhitespace.hasSuffix("%"))
        }
    }

    /// The kinds of value a check can ask for.
    public enum ValueType: String, CaseIterable, Equatable, Sendable {
        case vector, number, neighbours, table, text, plot, nothing

        public init(of value: Value) {
            switch value {
            case .vector: self = .vector
            case .scalar: self = .number
            case .neighbours: self = .neighbours
            case .table: self = .table
            case .text: self = .text
            case .scatter: self = .plot
            case .none: self = .nothing
            }
        }

        /// "a plot" / "一张图", for feedback.
        func name(_ language: Language) -> String {
            switch self {
            case .vector: return language.text(.valueKindVector)
            case .number: return language.text(.valueKindNumber)
            case .neighbours: return language.text(.valueKindNeighbours)
            case .table: return language.text(.valueKindTable)
            case .text: return language.text(.valueKindText)
            case .plot: return language.text(.valueKindPlot)
            case .nothing: return language.text(.valueKindNothing)
            }
        }
    }

    /// Parses one check line; throws a message naming what to write instead.
    public static func parse(_ line: String) throws -> Check {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let kind: Kind
        switch (words.first ?? "", words.dropFirst().first ?? "") {
        case ("top", _):
            guard words.count >= 4, let k = Int(words[1]), k >= 1, k <= 1000, words[2] == "contains" || words[2] == "excludes" else {
                throw CheckSyntaxError("expected 'top K contains WORD …' or 'top K excludes WORD …' with K from 1 to 1000, not '\(line)'")
            }
            kind = words[2] == "contains" ? .topContains(k: k, words: Array(words[3...])) : .topExcludes(k: k, words: Array(words[3...]))
        case ("nearest", "is"):
            guard words.count >= 3 else { throw CheckSyntaxError("expected 'nearest is WORD' (or the word in each language), not '\(line)'") }
            kind = .nearestIs(Array(words.dropFirst(2)))
        case ("words", "are"):
            guard words.count > 2 else { throw CheckSyntaxError("expected 'words are WORD …', not '\(line)'") }
            kind = .wordsAre(Array(words.dropFirst(2)))
        case ("count", "is"):
            guard words.count == 3, let n = Int(words[2]), n >= 0 else { throw CheckSyntaxError("expected 'count is N', not '\(line)'") }
            kind = .count(n)
        case ("number", _):
            kind = .number(try NumberTarget.parse(String(line.trimmingWhitespace.dropFirst("number".count)), line: line))
        case ("vector", _):
            let rest = line.trimmingWhitespace.dropFirst("vector".count).trimmingWhitespace
            guard rest.hasPrefix("≈") || rest.hasPrefix("~"), let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]"),
                  open < close, let pm = rest.firstIndex(of: "±"), close < pm else {
                throw CheckSyntaxError("expected 'vector ≈ [a, b, …] ± T', not '\(line)'")
            }
            let values = try rest[rest.index(after: open)..<close].split(separator: ",").map { part -> Double in
                guard let x = Double(part.trimmingWhitespace), x.isFinite else { throw CheckSyntaxError("'\(part.trimmingWhitespace)' is not a number in '\(line)'") }
                return x
            }
            guard let t = Double(rest[rest.index(after: pm)...].trimmingWhitespace), t >= 0 else {
                throw CheckSyntaxError("expected a tolerance after ± in '\(line)'")
            }
            kind = .vector(values, tolerance: t)
        case ("is", _):
            guard words.count == 2, let type = ValueType(rawValue: words[1]) else {
                throw CheckSyntaxError("expected 'is' and one of \(ValueType.allCases.map(\.rawValue).joined(separator: ", ")), not '\(line)'")
            }
            kind = .valueType(type)
        case ("uses", _):
            kind = .uses(try CommandPattern(parsing: Array(words.dropFirst()), line: line))
        case ("text", "contains"):
            let s = line.trimmingWhitespace.dropFirst("text contains".count).trimmingWhitespace
            guard !s.isEmpty else { throw CheckSyntaxError("expected 'text contains TEXT', not '\(line)'") }
            kind = .textContains(s)
        case ("text", "matches"):
            let re = line.trimmingWhitespace.dropFirst("text matches".count).trimmingWhitespace
            guard re.count >= 2, re.hasPrefix("/"), re.hasSuffix("/") else { throw CheckSyntaxError("expected 'text matches /REGEX/', not '\(line)'") }
            let body = String(re.dropFirst().dropLast())
            // Matched in linear time (no backtracking): a lesson's pattern cannot hang its grading.
            do { _ = try LinearRegex(body) } catch let failure as LinearRegex.Failure { throw CheckSyntaxError(failure.description) }
            kind = .textMatches(body)
        default:
            throw CheckSyntaxError("unknown check '\(line)' (see lessons/FORMAT.md for the checks)")
        }
        return Check(kind: kind, source: line.trimmingWhitespace)
    }
}

public enum CheckResult: Equatable, Sendable {
    case passed
    case failed(String)
    public var passed: Bool { self == .passed }
}

public struct CheckSyntaxError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ d: String) { description = d }
}

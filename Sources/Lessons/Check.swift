import Foundation
import Rendering
import Workbench

/// One line of a `check` block: a claim about the value the learner's command produced.
/// Checks grade `Value`s (what was computed), never the printed text, except `text …` checks,
/// which exist for tokenization answers. See lessons/FORMAT.md for the list.
public enum Check: Equatable, Sendable {
    case topContains(k: Int, words: [String])
    case topExcludes(k: Int, words: [String])
    case nearestIs(String)
    case wordsAre([String])
    case approximately(Double, tolerance: Double, relative: Bool)
    case inRange(Double, Double)
    case atLeast(Double)
    case atMost(Double)
    case vectorApproximately([Double], tolerance: Double)
    case isKind(String)
    case uses(String)
    case textContains(String)
    case textMatches(String)

    /// Parses one check line; throws a message naming what was expected.
    public static func parse(_ line: String) throws -> Check {
        let words = line.split(separator: " ").map(String.init)
        func number(_ s: String) throws -> Double {
            guard let x = Double(s.replacingOccurrences(of: "%", with: "")) else { throw CheckSyntaxError("'\(s)' is not a number in the check '\(line)'") }
            return x
        }
        switch (words.first ?? "", words.dropFirst().first ?? "") {
        case ("top", _):
            guard words.count >= 4, let k = Int(words[1]), words[2] == "contains" || words[2] == "excludes" else {
                throw CheckSyntaxError("expected 'top K contains WORD …' or 'top K excludes WORD …', not '\(line)'")
            }
            return words[2] == "contains" ? .topContains(k: k, words: Array(words[3...])) : .topExcludes(k: k, words: Array(words[3...]))
        case ("nearest", "is"):
            guard words.count == 3 else { throw CheckSyntaxError("expected 'nearest is WORD', not '\(line)'") }
            return .nearestIs(words[2])
        case ("words", "are"):
            return .wordsAre(Array(words.dropFirst(2)))
        case ("number", _):
            let rest = line.dropFirst("number".count).trimmingWhitespace
            if rest.hasPrefix("≈") || rest.hasPrefix("~") {
                let parts = rest.dropFirst().split(separator: "±").map { $0.trimmingWhitespace }
                guard parts.count == 2 else { throw CheckSyntaxError("expected 'number ≈ X ± T', not '\(line)'") }
                return .approximately(try number(parts[0]), tolerance: try number(parts[1]), relative: parts[1].hasSuffix("%"))
            }
            if rest.hasPrefix("in ") {
                let range = rest.dropFirst(3).components(separatedBy: "..")
                guard range.count == 2 else { throw CheckSyntaxError("expected 'number in A..B', not '\(line)'") }
                return .inRange(try number(range[0].trimmingWhitespace), try number(range[1].trimmingWhitespace))
            }
            if rest.hasPrefix(">=") { return .atLeast(try number(rest.dropFirst(2).trimmingWhitespace)) }
            if rest.hasPrefix("<=") { return .atMost(try number(rest.dropFirst(2).trimmingWhitespace)) }
            throw CheckSyntaxError("expected 'number ≈ X ± T', 'number in A..B', 'number >= X' or 'number <= X', not '\(line)'")
        case ("vector", _):
            let rest = line.dropFirst("vector".count).trimmingWhitespace
            guard rest.hasPrefix("≈") || rest.hasPrefix("~"), let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]"),
                  let pm = rest.firstIndex(of: "±") else { throw CheckSyntaxError("expected 'vector ≈ [a, b, …] ± T', not '\(line)'") }
            let values = try rest[rest.index(after: open)..<close].split(separator: ",").map { try number($0.trimmingWhitespace) }
            return .vectorApproximately(values, tolerance: try number(rest[rest.index(after: pm)...].trimmingWhitespace))
        case ("is", _):
            let kinds = ["vector", "number", "neighbours", "table", "text", "plot"]
            guard words.count == 2, kinds.contains(words[1]) else { throw CheckSyntaxError("expected 'is' and one of \(kinds.joined(separator: ", ")), not '\(line)'") }
            return .isKind(words[1])
        case ("uses", _):
            guard words.count == 2 else { throw CheckSyntaxError("expected 'uses COMMAND', not '\(line)'") }
            return .uses(words[1])
        case ("text", "contains"):
            return .textContains(line.dropFirst("text contains".count).trimmingWhitespace)
        case ("text", "matches"):
            let re = line.dropFirst("text matches".count).trimmingWhitespace
            guard re.count >= 2, re.hasPrefix("/"), re.hasSuffix("/") else { throw CheckSyntaxError("expected 'text matches /REGEX/', not '\(line)'") }
            let body = String(re.dropFirst().dropLast())
            guard (try? NSRegularExpression(pattern: body)) != nil else { throw CheckSyntaxError("'\(body)' is not a valid regular expression") }
            return .textMatches(body)
        default:
            throw CheckSyntaxError("unknown check '\(line)' (see lessons/FORMAT.md)")
        }
    }

    /// Grades one evaluation; on failure says what was expected and what the learner got.
    public func grade(_ evaluation: Session.Evaluation, language: Language) -> CheckResult {
        let value = evaluation.value
        let got = Check.describe(value, language: language)
        func fail(_ en: String, _ zh: String) -> CheckResult {
            .failed(language.pick(en: "\(en) — you got \(got)", zh: "\(zh)——你得到的是 \(got)"))
        }
        func neighbourWords() -> [String]? {
            switch value {
            case .neighbours(let n): return n.items.map(\.word)
            case .table(let t): return t.rows.compactMap(\.first)
            default: return nil
            }
        }
        switch self {
        case .topContains(let k, let words):
            guard let list = neighbourWords() else { return fail("expected a list of nearest words", "需要一个近邻词列表") }
            let missing = words.filter { !list.prefix(k).contains($0) }
            return missing.isEmpty ? .passed : fail("expected \(missing.joined(separator: ", ")) among the top \(k)", "前 \(k) 个里应该有 \(missing.joined(separator: "、"))")
        case .topExcludes(let k, let words):
            guard let list = neighbourWords() else { return fail("expected a list of nearest words", "需要一个近邻词列表") }
            let present = words.filter { list.prefix(k).contains($0) }
            return present.isEmpty ? .passed : fail("expected \(present.joined(separator: ", ")) not to be among the top \(k)", "前 \(k) 个里不应该有 \(present.joined(separator: "、"))")
        case .nearestIs(let word):
            guard let list = neighbourWords() else { return fail("expected a list of nearest words", "需要一个近邻词列表") }
            return list.first == word ? .passed : fail("expected \(word) first", "第一个应该是 \(word)")
        case .wordsAre(let words):
            guard let list = neighbourWords() else { return fail("expected a list of words", "需要一个词列表") }
            return Set(list) == Set(words) && list.count == words.count ? .passed : fail("expected exactly \(words.joined(separator: ", "))", "应该正好是 \(words.joined(separator: "、"))")
        case .approximately(let x, let t, let relative):
            guard let n = value.number else { return fail("expected a number", "需要一个数") }
            let tolerance = relative ? abs(x) * t / 100 : t
            return abs(n - x) <= tolerance + 1e-12 ? .passed : fail("expected a number near \(Check.format(x))", "应该是接近 \(Check.format(x)) 的数")
        case .inRange(let a, let b):
            guard let n = value.number else { return fail("expected a number", "需要一个数") }
            return n >= a && n <= b ? .passed : fail("expected a number from \(Check.format(a)) to \(Check.format(b))", "应该是 \(Check.format(a)) 到 \(Check.format(b)) 之间的数")
        case .atLeast(let x):
            guard let n = value.number else { return fail("expected a number", "需要一个数") }
            return n >= x ? .passed : fail("expected at least \(Check.format(x))", "应该至少是 \(Check.format(x))")
        case .atMost(let x):
            guard let n = value.number else { return fail("expected a number", "需要一个数") }
            return n <= x ? .passed : fail("expected at most \(Check.format(x))", "应该最多是 \(Check.format(x))")
        case .vectorApproximately(let xs, let t):
            guard let v = value.vector else { return fail("expected a vector", "需要一个向量") }
            let ok = v.count == xs.count && zip(v, xs).allSatisfy { abs(Double($0) - $1) <= t + 1e-9 }
            return ok ? .passed : fail("expected the vector [\(xs.map(Check.format).joined(separator: ", "))]", "应该是向量 [\(xs.map(Check.format).joined(separator: ", "))]")
        case .isKind(let kind):
            return Check.kind(of: value) == kind ? .passed : fail("expected a \(kind)", "需要一个 \(Check.kindName(kind, .zh))")
        case .uses(let command):
            // sim and cos are one command under two names.
            let canonical = { (c: String) in c == "cos" ? "sim" : c }
            let used = evaluation.statement.commandName
            return canonical(used) == canonical(command) ? .passed : fail("expected the command \(command)", "应该用命令 \(command)")
        case .textContains(let s):
            return ValueRenderer.render(value, style: .plain).contains(s) ? .passed : fail("expected the output to contain '\(s)'", "输出里应该有“\(s)”")
        case .textMatches(let re):
            let text = ValueRenderer.render(value, style: .plain)
            let ok = (try? NSRegularExpression(pattern: re))?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            return ok ? .passed : fail("expected the output to match /\(re)/", "输出应该匹配 /\(re)/")
        }
    }

    static func kind(of value: Value) -> String {
        switch value {
        case .vector: return "vector"
        case .scalar: return "number"
        case .neighbours: return "neighbours"
        case .table: return "table"
        case .text: return "text"
        case .scatter: return "plot"
        default: return "nothing"
        }
    }

    static func kindName(_ kind: String, _ language: Language) -> String {
        let zh = ["vector": "向量", "number": "数", "neighbours": "近邻列表", "table": "表格", "text": "文字", "plot": "图", "nothing": "空结果"]
        return language == .zh ? zh[kind] ?? kind : kind
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.4g", x)
    }

    /// A short description of a value for feedback: "a list: queen, throne, prince", "the number 0.92".
    static func describe(_ value: Value, language: Language) -> String {
        switch value {
        case .neighbours(let n):
            let words = n.items.prefix(3).map(\.word).joined(separator: language == .zh ? "、" : ", ")
            return language.pick(en: "the list \(words)…", zh: "列表 \(words)……")
        case .scalar(let s): return language.pick(en: "the number \(Check.format(s.value))", zh: "数 \(Check.format(s.value))")
        case .vector(let v): return language.pick(en: "a vector of \(v.values.count) dimensions", zh: "一个 \(v.values.count) 维向量")
        case .table(let t): return language.pick(en: "a table of \(t.rows.count) rows", zh: "一个 \(t.rows.count) 行的表格")
        case .text(let t): return "“\(t.prefix(40))”"
        case .scatter: return language.pick(en: "a plot", zh: "一张图")
        case .none: return language.pick(en: "nothing", zh: "空结果")
        }
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

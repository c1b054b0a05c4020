/// The answer to a question, as a person would give it: a word, a number, yes or no. An
/// exercise that asks a question declares it with `answer` lines in its `check` block:
///
///     answer 飞机 plane             a word, in either script (either spelling passes)
///     answer number 258            a number (also `answer number 15 ± 0.5`, `in 1..3`)
///     answer yes                   yes / no, 是 / 否, 在 / 不在 …
///     choices rome milan venice    the options the question lists (a wrong pick is told so)
///
/// The learner may type the answer itself, or any command whose value passes the other checks.
public enum PlainAnswer: Equatable, Sendable {
    case word([String])
    case number(Check.NumberTarget)
    case yes
    case no

    static func parse(_ line: String) throws -> PlainAnswer {
        let rest = line.trimmingWhitespace.dropFirst("answer".count).trimmingWhitespace
        let words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else {
            throw CheckSyntaxError("expected 'answer WORD …', 'answer number X', 'answer yes' or 'answer no', not '\(line)'")
        }
        if first == "number" {
            return .number(try Check.NumberTarget.parse(String(rest.dropFirst("number".count)), line: line))
        }
        if words == ["yes"] { return .yes }
        if words == ["no"] { return .no }
        return .word(words)
    }

    /// What the linter types to prove the plain answer passes.
    public var examples: [String] {
        switch self {
        case .word(let spellings): return spellings
        case .number(let target): return [Check.format(target.example)]
        case .yes: return ["yes", "是"]
        case .no: return ["no", "否"]
        }
    }

    static let yesWords: Set<String> = ["yes", "y", "yeah", "yep", "true", "right", "correct", "是", "是的", "对", "对的", "在", "有", "会", "能", "可以", "嗯"]
    static let noWords: Set<String> = ["no", "n", "nope", "false", "wrong", "否", "不", "不是", "不对", "不在", "没有", "不会", "不能", "没"]

    /// The form a learner's line takes when read as a plain answer, if it can be one.
    enum Reading: Equatable {
        case yes, no
        case word(String)
        case number(Double)
    }

    /// Reads a typed line as a plain answer: yes/no words, a bare number, or a single word
    /// (`commands` are never read as words, so `dims` stays a command).
    static func read(_ line: String, commands: Set<String>) -> Reading? {
        var t = line.trimmingWhitespace
        while let last = t.last, "。.!！?？".contains(last) { t.removeLast() }
        let lower = t.lowercased()
        if yesWords.contains(lower) { return .yes }
        if noWords.contains(lower) { return .no }
        if let x = Double(t), x.isFinite { return .number(x) }
        // A number written with thousands separators, as lessons print them: 30,000 and 1,500,000.
        if t.range(of: #"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
           let x = Double(t.replacingOccurrences(of: ",", with: "")), x.isFinite { return .number(x) }
        guard !t.isEmpty, !t.contains(where: { $0.isWhitespace || "+-*/[](),:=\"'（），：".contains($0) }), !commands.contains(lower) else { return nil }
        return .word(t)
    }

    /// How many decimal places a typed number has (`1.50` → 2, `258` → 0).
    static func decimals(in typed: String) -> Int {
        var t = typed.trimmingWhitespace
        while let last = t.last, "。.!！?？".contains(last) { t.removeLast() }
        guard let dot = t.firstIndex(of: ".") else { return 0 }
        return t[t.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }.count
    }

    /// `《百年孤独》` and `百年孤独`, `Rome` and `rome`: the same answer.
    static func normalized(_ word: String) -> String {
        var w = word.trimmingWhitespace.lowercased()
        if w.hasPrefix("《") && w.hasSuffix("》") && w.count > 2 { w = String(w.dropFirst().dropLast()) }
        return w
    }
}

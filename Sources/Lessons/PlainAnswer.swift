import Foundation
import Workbench

/// The answer to a question, as a person would give it: a word, a number, yes or no. An
/// exercise that asks a question declares it with `answer` lines in its `check` block:
///
///     answer 飞机 plane             a word, in either script (either spelling passes)
///     answer number 258            a number (also `answer number 15 ± 0.5`, `in 1..3`)
///     answer yes                   yes / no, 是 / 否, 对 / 不对, y / n …
///     choices rome milan venice    the options the question lists (a wrong pick is told so)
///
/// A number is read the way a person writes it (`PlainAnswer.number(in:)`): `90.8%`, `3万`,
/// `三万`, `30,000`, `3e4`, `four`, `四`.
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

    /// What the linter types to prove the plain answer passes: each spelling, and for a number
    /// the other ways a person writes it (`90.8%` for 0.908, `129` as `一百二十九`).
    public var examples: [String] {
        switch self {
        case .word(let spellings): return spellings
        case .number(let target):
            let x = target.example
            var forms = [Check.format(x)]
            if target.isShare, x > 0, x < 1 { forms.append(Check.format((x * 1000).rounded() / 10) + "%") }
            if x == x.rounded(), x >= 0, x < 100_000_000 { forms.append(PlainAnswer.chinese(Int(x))) }
            return forms
        case .yes: return ["yes", "是", "Y"]
        case .no: return ["no", "否", "No"]
        }
    }

    /// The kind of question, for lint and feedback.
    var kind: String {
        switch self {
        case .word: return "word"
        case .number: return "number"
        case .yes, .no: return "yes/no"
        }
    }

    static let yesWords: Set<String> = ["yes", "y", "yeah", "yep", "true", "right", "correct", "是", "是的", "对", "对的", "在", "有", "会", "能", "可以", "嗯", "没错"]
    static let noWords: Set<String> = ["no", "n", "nope", "false", "wrong", "否", "不", "不是", "不对", "不在", "没有", "不会", "不能", "没", "不是的"]

    /// The form a learner's line takes when read as a plain answer, if it can be one.
    enum Reading: Equatable {
        case yes, no
        case word(String)
        /// A number as typed: its value, its decimal places, and whether it was a percentage (`90.8%`).
        case number(Double, decimals: Int, percent: Bool)
        /// `129/162`: what a learner types for a share (read only where a number is asked).
        case fraction(Double, Double)
    }

    /// Reads a typed line as a plain answer: yes/no words, a number in any of the forms a person
    /// writes (`number(in:)`), a fraction (when `fractions`), or a single word (`commands` are
    /// never read as words, so `dims` stays a command).
    static func read(_ line: String, commands: Set<String>, fractions: Bool = false) -> Reading? {
        let t = trimmed(line)
        let lower = t.lowercased()
        if yesWords.contains(lower) { return .yes }
        if noWords.contains(lower) { return .no }
        if let n = number(in: t) { return .number(n.value, decimals: n.decimals, percent: n.percent) }
        if fractions, let slash = t.firstIndex(of: "/") {
            let (a, b) = (number(in: String(t[..<slash]).trimmingWhitespace), number(in: String(t[t.index(after: slash)...]).trimmingWhitespace))
            if let a, let b, b.value != 0, !a.percent, !b.percent { return .fraction(a.value, b.value) }
        }
        guard !t.isEmpty, !t.contains(where: { $0.isWhitespace || "+-*/[](),:=\"'（），：%".contains($0) }), !commands.contains(lower) else { return nil }
        return .word(t)
    }

    /// The line without surrounding spaces and a final full stop, ! or ? (`Rome.` is `Rome`).
    static func trimmed(_ line: String) -> String {
        var t = line.trimmingWhitespace
        while let last = t.last, "。.!！?？".contains(last) { t.removeLast() }
        return t.trimmingWhitespace
    }

    /// A number as a person writes it, or nil: `258`, `0.908`, `.908`, `3e4`, `30,000`, `90.8%`
    /// (value 90.8, percent), full-width digits (`１２９`), Chinese units (`3万`, `1.5亿`),
    /// Chinese numerals (`三万`, `一百二十九`, `两千`, `四`), tenths (`九成五` 95%), English number words (`four`,
    /// `one hundred twenty-nine`). `decimals` is how many decimal places were typed.
    static func number(in typed: String) -> (value: Double, decimals: Int, percent: Bool)? {
        var t = String(String.UnicodeScalarView(typed.trimmingWhitespace.unicodeScalars.map { s in
            // Full-width digits and signs, as a Chinese input method types them.
            (0xFF10...0xFF19).contains(s.value) || s.value == 0xFF0E || s.value == 0xFF05 || s.value == 0xFF0C
                ? Unicode.Scalar(s.value - 0xFEE0)! : s
        }))
        var percent = false
        if t.hasSuffix("%") { percent = true; t = String(t.dropLast()).trimmingWhitespace }
        else if t.hasPrefix("百分之") { percent = true; t = String(t.dropFirst(3)) }
        guard !t.isEmpty else { return nil }
        // Tenths as Chinese says a share: 九成 is 90%, 九成五 95%.
        if !percent, let c = t.firstIndex(of: "成"), c != t.startIndex {
            let tens = String(t[..<c]), ones = String(t[t.index(after: c)...])
            if tens.count == 1, let a = chineseDigits[tens.first!] ?? Int(tens), (1...9).contains(a) {
                if ones.isEmpty { return (Double(a * 10), 0, true) }
                if ones.count == 1, let b = chineseDigits[ones.first!] ?? Int(ones), (0...9).contains(b) { return (Double(a * 10 + b), 0, true) }
            }
        }
        let decimals = t.firstIndex(of: ".").map { t[t.index(after: $0)...].prefix { $0.isASCII && $0.isNumber }.count } ?? 0
        if let x = arabic(t) { return (x, decimals, percent) }
        // A number with a Chinese unit after it: 3万, 1.5亿, 3千.
        for (unit, scale) in [("亿", 1e8), ("万", 1e4), ("千", 1e3)] where t.hasSuffix(unit) {
            if let x = arabic(String(t.dropLast())) { return (x * scale, 0, percent) }
        }
        if let n = chineseNumeral(t) { return (Double(n), 0, percent) }
        if !percent, let n = englishNumber(t.lowercased()) { return (Double(n), 0, false) }
        // A count said with what it counts: 两个, 4次, 50 维, 4 predictions, thirty thousand words; 90 percent.
        if let (rest, isPercent) = withoutCountedWord(t), let n = number(in: rest), !n.percent {
            return (n.value, n.decimals, percent || isPercent)
        }
        return nil
    }

    /// Chinese measure words that count without scaling (unlike 万 or 成): 两个 is 2.
    static let measureWords: Set<Character> = ["个", "次", "维", "题", "道", "篇", "条", "层", "种", "位", "项", "组", "件", "本", "处", "步", "句", "段", "张"]
    /// English words after a number that change its value (never dropped as a counted noun).
    static let scaleWords: Set<String> = ["hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
                                          "trillion", "dozen", "dozens", "per", "point", "half", "and", "of", "bn"]

    /// `t` without the measure word or counted noun after its number, and whether that word was
    /// `percent`; nil when `t` has none (a single character, or a last word that is a number or a scale).
    private static func withoutCountedWord(_ t: String) -> (String, Bool)? {
        if t.count > 1, let last = t.last, measureWords.contains(last) { return (String(t.dropLast()).trimmingWhitespace, false) }
        guard let space = t.lastIndex(where: \.isWhitespace) else { return nil }
        let word = t[t.index(after: space)...].lowercased()
        guard word.count >= 2, word.allSatisfy({ $0.isASCII && $0.isLetter }), !scaleWords.contains(word),
              !englishUnits.contains(word), englishTens[word] == nil else { return nil }
        return (String(t[..<space]).trimmingWhitespace, word == "percent" || word == "pct")
    }

    /// Arabic digits: `258`, `-0.5`, `.908`, `3e4`, `30,000` (groups of three only).
    private static func arabic(_ t: String) -> Double? {
        guard let first = t.unicodeScalars.first, first.properties.numericType != nil || "+-.".unicodeScalars.contains(first) else { return nil }
        if t.allSatisfy({ $0.isASCII }), !t.lowercased().contains("n"), !t.lowercased().contains("x"), let x = Double(t), x.isFinite { return x }
        if t.range(of: #"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
           let x = Double(t.replacingOccurrences(of: ",", with: "")), x.isFinite { return x }
        return nil
    }

    static let chineseDigits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// `四` 4, `十五` 15, `一百二十九` 129, `三万` 30000, `两千零五` 2005, `一亿` 100000000.
    static func chineseNumeral(_ t: String) -> Int? {
        guard !t.isEmpty, t.allSatisfy({ chineseDigits[$0] != nil || "十百千万亿".contains($0) }) else { return nil }
        var total = 0, section = 0, digit: Int?
        for c in t {
            if let d = chineseDigits[c] {
                guard digit == nil || d == 0 || digit == 0 else { return nil }   // 三四 is not a number
                digit = d
                continue
            }
            let unit: Int
            switch c {
            case "十": unit = 10
            case "百": unit = 100
            case "千": unit = 1000
            case "万": unit = 10_000
            default: unit = 100_000_000
            }
            if unit >= 10_000 {
                section += digit ?? 0
                guard section > 0 || total > 0 else { return nil }
                total = (total + section) * unit
                section = 0
            } else {
                section += (digit ?? 1) * unit
            }
            digit = nil
        }
        return total + section + (digit ?? 0)
    }

    /// Chinese numerals for `n` (what the linter types): 129 → 一百二十九, 30000 → 三万.
    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        func below10000(_ n: Int) -> String {
            var out = "", zero = false
            for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
                let d = n / unit % 10
                if d == 0 { zero = !out.isEmpty; continue }
                if zero { out += "零"; zero = false }
                out += (d == 1 && unit == 10 && out.isEmpty ? "" : String(digits[d])) + name
            }
            return out
        }
        if n == 0 { return "零" }
        if n < 10_000 { return below10000(n) }
        let high = n / 10_000, low = n % 10_000
        return (high >= 10_000 ? chinese(high) : below10000(high)) + "万" + (low == 0 ? "" : (low < 1000 ? "零" : "") + below10000(low))
    }

    static let englishUnits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                               "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let englishTens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90]

    /// `four` 4, `twenty-one` 21, `one hundred and twenty-nine` 129, `thirty thousand` 30000.
    static func englishNumber(_ t: String) -> Int? {
        let words = t.replacingOccurrences(of: "-", with: " ").split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != "and" }
        guard !words.isEmpty else { return nil }
        var total = 0, section = 0, any = false
        for w in words {
            if let u = englishUnits.firstIndex(of: w) { section += u; any = true }
            else if let ten = englishTens[w] { section += ten; any = true }
            else if w == "a" { section += 1 }
            else if w == "hundred" { section = max(section, 1) * 100; any = true }
            else if w == "thousand" || w == "million" {
                total += max(section, 1) * (w == "thousand" ? 1000 : 1_000_000); section = 0; any = true
            } else { return nil }
        }
        return any ? total + section : nil
    }

    /// `《百年孤独》` and `百年孤独`, `Rome` and `rome`: the same answer.
    static func normalized(_ word: String) -> String {
        var w = word.trimmingWhitespace.lowercased()
        if w.hasPrefix("《") && w.hasSuffix("》") && w.count > 2 { w = String(w.dropFirst().dropLast()) }
        return w
    }
}

extension Check.NumberTarget {
    /// A share: a number between 0 and 1 asked for (`answer number 0.908 ± 0.005`), which a
    /// person may type as a percentage.
    var isShare: Bool {
        if case .near(let c, _, _) = self { return c > 0 && c < 1 }
        if case .range(let a, let b) = self { return a >= 0 && b <= 1 }
        return false
    }

    /// A count: a whole number asked for exactly (`answer number 129`, `number ≈ 129 ± 0.5`).
    var isCount: Bool {
        if case .near(let c, let t, let relative) = self { return !relative && c == c.rounded() && abs(c) >= 2 && t < 1 }
        return false
    }

    /// The number the learner meant, for this target: `90.8%` is 0.908 where a share is asked
    /// and 90.8 where a percentage is; `90.8` is 0.908 where a share is asked. Nil: not accepted.
    func meaning(_ x: Double, decimals: Int, percent: Bool) -> (value: Double, accepted: Bool) {
        if percent {
            if accepts(x / 100, decimals: decimals + 2) { return (x / 100, true) }
            if !isShare, accepts(x, decimals: decimals) { return (x, true) }
            return (isShare ? x / 100 : x, false)
        }
        if accepts(x, decimals: decimals) { return (x, true) }
        if isShare, x > 1, x <= 100, accepts(x / 100, decimals: decimals + 2) { return (x / 100, true) }
        // A wrong number is judged as typed: `4` for 0.4 is too high (as 4%, it would be "too low").
        return (x, false)
    }

    /// "too high" or "too low", for `x` outside the target.
    func direction(_ x: Double, _ language: Language) -> String {
        let high: Bool
        switch self {
        case .near(let c, _, _): high = x > c
        case .range(let a, _), .atLeast(let a): high = x >= a
        case .atMost: high = true
        }
        return language.text(high ? .numberTooHigh : .numberTooLow)
    }
}

/// A known wrong answer with its own feedback: ``mistake 1.18 "that is log₁₀; word2vec uses the
/// natural log"`` in a check block, with its Chinese on an indented `zh:` line. The learner who
/// gives it (typed, or as the value of a command) is told exactly that.
public struct Mistake: Equatable, Sendable {
    /// The answer as the lesson writes it: a number (`1.18`), a word (`milan`), `yes` or `no`.
    public var answer: String
    public var message: [Language: String]
    public var line = 0

    public init(answer: String, message: [Language: String] = [:]) {
        self.answer = answer
        self.message = message
    }

    /// Parses `mistake ANSWER` or `mistake ANSWER "English feedback"`.
    static func parse(_ line: String) throws -> Mistake {
        let rest = line.trimmingWhitespace.dropFirst("mistake".count).trimmingWhitespace
        var answer = rest, message: [Language: String] = [:]
        if let quote = rest.firstIndex(where: { $0 == "\"" || $0 == "“" }) {
            answer = String(rest[..<quote]).trimmingWhitespace
            let text = rest[rest.index(after: quote)...]
            message[.en] = String(text.last == "\"" || text.last == "”" ? text.dropLast() : text).trimmingWhitespace
        }
        guard !answer.isEmpty, !answer.contains(where: \.isWhitespace) else {
            throw CheckSyntaxError("expected 'mistake ANSWER \"what is wrong with it\"' (one word or number), not '\(line)'")
        }
        return Mistake(answer: answer, message: message)
    }

    /// Whether the learner's answer is this mistake: the same word or yes/no, or a number that
    /// rounds to it at the places either of them has (`1.176` and `1.18`, `1.2` and `1.18`).
    func matches(_ reading: PlainAnswer.Reading, target: Check.NumberTarget? = nil) -> Bool {
        let mine = PlainAnswer.read(answer, commands: [])
        switch (mine, reading) {
        case (.yes?, .yes), (.no?, .no): return true
        case (.word(let a)?, .word(let b)): return PlainAnswer.normalized(a) == PlainAnswer.normalized(b)
        case (.number(let m, let md, _)?, .number(let x, let xd, let percent)):
            let value = target.map { $0.meaning(x, decimals: xd, percent: percent).value } ?? (percent ? x / 100 : x)
            // 91.7% read as 0.917 has two more decimal places than were typed.
            if Mistake.near(value, m, places: md, typed: value != x ? xd + 2 : xd) { return true }
            // A share typed as a percentage without its sign (91.7) is that mistake too.
            if let target, target.isShare, !percent, x > 1, x <= 100 { return Mistake.near(x / 100, m, places: md, typed: xd + 2) }
            return false
        case (.number(let m, let md, _)?, .fraction(let a, let b)):
            return Mistake.near(a / b, m, places: md, typed: 12)
        default: return false
        }
    }

    /// Whether a computed value is this mistake (a number near it, a list that starts with it).
    func matches(_ value: Value) -> Bool {
        switch (PlainAnswer.read(answer, commands: []), value) {
        case (.number(let m, let md, _)?, .scalar(let s)): return Mistake.near(s.value, m, places: md, typed: 12)
        case (.word(let w)?, .neighbours(let n)): return n.items.first.map { PlainAnswer.normalized($0.word) == PlainAnswer.normalized(w) } ?? false
        default: return false
        }
    }

    private static func near(_ x: Double, _ m: Double, places: Int, typed: Int) -> Bool {
        let half = 0.5 * pow(10, Double(-min(min(places, typed), 12)))
        return abs(x - m) <= half + 1e-9
    }
}

extension Exercise {
    /// The kinds of plain answer this question takes ("word", "number", "yes/no").
    var answerKinds: Set<String> { Set(answers.map(\.kind)) }

    /// The numbers the question asks for: its `answer number` lines, or, for a step whose
    /// checks are only about a number, those checks' targets (a typed number answers it too).
    var numberTargets: [Check.NumberTarget] {
        let declared = answers.compactMap { if case .number(let t) = $0 { return t } else { return nil } }
        guard declared.isEmpty, answers.isEmpty else { return declared }
        let onlyNumbers = checks.allSatisfy { check in
            switch check.kind {
            case .number, .valueType(.number): return true
            default: return false
            }
        }
        return onlyNumbers ? checks.compactMap { if case .number(let t) = $0.kind { return t } else { return nil } } : []
    }

    /// "Or answer with the word itself."
    func plainAnswerReminder(_ language: Language) -> String {
        switch answers.first {
        case .word?: return language.text(.answerAlsoWord)
        case .number?: return language.text(.answerAlsoNumber)
        case .yes?, .no?: return language.text(.answerNowYesNo)
        case nil: return ""
        }
    }

    /// Why a command whose value passes every check still does not answer this question: a
    /// yes/no question is answered yes or no (the computation only shows it), and a which-word
    /// question by a computation only when its checks name the answer (`nearest is rome`).
    func commandRefusal(_ value: Value, language: Language) -> String? {
        let kinds = answerKinds
        if kinds == ["yes/no"] {
            return language.text(.answerComputedYesNo)
        }
        guard kinds == ["word"] else { return nil }
        let spellings = Set(answers.flatMap { if case .word(let w) = $0 { return w.map(PlainAnswer.normalized) } else { return [] } })
        let tied = checks.contains { check in
            switch check.kind {
            case .nearestIs(let ws): return ws.contains { spellings.contains(PlainAnswer.normalized($0)) }
            case .topContains(_, let ws), .wordsAre(let ws): return ws.contains { spellings.contains(PlainAnswer.normalized($0)) }
            default: return false
            }
        }
        return tied ? nil : language.text(.answerComputedWhichWord)
    }

    /// The feedback of the named mistake this answer is, if any.
    func mistakeMessage(_ reading: PlainAnswer.Reading, language: Language) -> String? {
        mistakes.first { $0.matches(reading, target: numberTargets.first) }.map { $0.message[language] ?? $0.message[.en] ?? "" }
    }

    /// The answer itself: a word, a number (in any form a person writes it), yes/no. Nil when
    /// the line is not a plain answer to this exercise (then it runs as a command).
    func gradePlainly(_ answer: String, commands table: CommandTable = .standard, language: Language) -> ExerciseGrade? {
        let targets = numberTargets
        guard !answers.isEmpty || !targets.isEmpty else { return nil }
        let commands = Set(table.lineCommandNames + ["let"])
        // A fraction is a share; only a question that declares its number reads it (elsewhere `16/2` is a calculation).
        let declaresNumber = answers.contains { if case .number = $0 { return true } else { return false } }
        guard let reading = PlainAnswer.read(answer, commands: commands, fractions: declaresNumber) else { return nil }
        var accepted: Bool?
        var feedback: String?
        func refuse(_ message: String) { accepted = accepted ?? false; feedback = feedback ?? message }
        let forms = answers.isEmpty ? targets.map(PlainAnswer.number) : answers
        for form in forms {
            switch (form, reading) {
            case (.yes, .yes), (.no, .no):
                accepted = true
            case (.yes, .no), (.no, .yes):
                refuse(language.text(.answerNotIt))
            case (.yes, _), (.no, _):
                // A word or a number at a yes/no question: say how it is answered, without running it.
                refuse(language.text(.answerYesNoOnly))
            case (.word(let spellings), .word(let w)):
                if spellings.map(PlainAnswer.normalized).contains(PlainAnswer.normalized(w)) {
                    accepted = true
                } else {
                    refuse(choices.isEmpty || choices.map(PlainAnswer.normalized).contains(PlainAnswer.normalized(w))
                        ? language.text(.answerWrongWord, ["word": w])
                        : language.text(.answerNotAChoice, ["word": w]))
                }
            case (.number(let target), .number(let x, let decimals, let percent)):
                let meant = target.meaning(x, decimals: decimals, percent: percent)
                if meant.accepted { accepted = true } else if percent && target.isCount {
                    // `79.6%` where `129` (of 162) is asked: the share, as `129/162` would be.
                    refuse(language.text(.answerShareNotCount))
                } else {
                    refuse(language.text(.checkNumberIs, ["x": answer.trimmingWhitespace, "direction": target.direction(meant.value, language)]))
                }
            case (.number(let target), .fraction(let a, let b)):
                if target.isCount {
                    refuse(language.text(.answerShareNotCount))
                } else if target.contains(a / b) { accepted = true } else {
                    refuse(language.text(.checkNumberIs, ["x": answer.trimmingWhitespace, "direction": target.direction(a / b, language)]))
                }
            case (.number, .yes), (.number, .no):
                refuse(language.text(.answerNeedsNumber))
            default:
                continue
            }
            if accepted == true { break }
        }
        guard let accepted else { return nil }
        if !accepted, let own = mistakeMessage(reading, language: language) { feedback = own }
        return ExerciseGrade(outcome: accepted ? .passed : .failed, answeredPlainly: true, evaluation: nil, error: nil,
                             checks: [.init(check: "answer", passed: accepted, message: accepted ? nil : feedback)],
                             feedback: accepted ? nil : feedback)
    }
}

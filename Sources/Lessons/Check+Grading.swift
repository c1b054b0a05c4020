import FileAccess
import Foundation
import Rendering
import Workbench

extension Check {
    /// Grades one evaluation. A failure says what *kind* of thing is wrong (the type, the word,
    /// which part of the expression, too high or too low) and what the learner got, never the
    /// expected value: that is what the hint ladder and `:skip` are for.
    public func grade(_ evaluation: Session.Evaluation, language: Language) -> CheckResult {
        if case .failed(let generic) = gradeGenerically(evaluation, language: language) {
            return .failed(message[language] ?? message[.en] ?? generic)
        }
        return .passed
    }

    /// Whether this check is about the type of the value (failing it says "wrong kind of answer").
    var isAboutType: Bool {
        switch kind {
        case .valueType: return true
        default: return false
        }
    }

    var isAboutCommand: Bool {
        if case .uses = kind { return true }
        return false
    }

    private func gradeGenerically(_ evaluation: Session.Evaluation, language: Language) -> CheckResult {
        let value = evaluation.value
        let got = Check.describe(value, language: language)
        func fail(_ en: String, _ zh: String) -> CheckResult { .failed(language.pick(en: en, zh: zh)) }
        func wrongType(_ wanted: ValueType) -> CheckResult {
            fail("This step asks for \(wanted.name(.en)); you got \(got).", "这一步要的是\(wanted.name(.zh))；你得到的是\(got)。")
        }
        func words() -> [String]? {
            switch value {
            case .neighbours(let n): return n.items.map(\.word)
            case .table(let t): return t.rows.compactMap(\.first)
            default: return nil
            }
        }
        switch kind {
        case .topContains(let k, let wanted):
            guard let list = words() else { return wrongType(.neighbours) }
            let missing = wanted.filter { !list.prefix(k).contains($0) }
            return missing.isEmpty ? .passed
                : fail("The word\(wanted.count > 1 ? "s" : "") this question is about \(wanted.count > 1 ? "are" : "is") not in the first \(k) of your list (\(got)).",
                       "题目问的词不在你这张列表的前 \(k) 个里（\(got)）。")
        case .topExcludes(let k, let unwanted):
            guard let list = words() else { return wrongType(.neighbours) }
            let present = unwanted.filter { list.prefix(k).contains($0) }
            return present.isEmpty ? .passed
                : fail("\(present.joined(separator: ", ")) should not be among the first \(k) here.", "\(present.joined(separator: "、")) 不应该出现在前 \(k) 个里。")
        case .nearestIs(let spellings):
            guard let list = words() else { return wrongType(.neighbours) }
            guard let first = list.first else { return fail("Your list is empty.", "你的列表是空的。") }
            return spellings.contains(first) ? .passed
                : fail("Your list starts with \(first), which does not answer this question: look at what you asked for.",
                       "你的列表第一个是 \(first)，它不是这道题的答案：看看你问的是什么。")
        case .wordsAre(let wanted):
            guard let list = words() else { return wrongType(.table) }
            return Set(list) == Set(wanted) && list.count == wanted.count ? .passed
                : fail("These are not the words this step asks for (you got \(list.prefix(8).joined(separator: ", "))).",
                       "这些不是这一步要的词（你得到的是 \(list.prefix(8).joined(separator: "、"))）。")
        case .count(let n):
            guard let list = words() else { return wrongType(.table) }
            return list.count == n ? .passed
                : fail("Your result has \(list.count) entries, which is not what this step asks for.", "你的结果有 \(list.count) 项，不是这一步要的数目。")
        case .number(let target):
            guard let x = value.number else { return wrongType(.number) }
            if target.contains(x) { return .passed }
            let direction: (String, String)
            switch target {
            case .near(let c, _, _): direction = x > c ? ("too high", "太大了") : ("too low", "太小了")
            case .range(let a, _), .atLeast(let a): direction = x < a ? ("too low", "太小了") : ("too high", "太大了")
            case .atMost: direction = ("too high", "太大了")
            }
            return fail("\(Check.format(x)) is \(direction.0).", "\(Check.format(x)) \(direction.1)。")
        case .vector(let xs, let t):
            guard let v = value.vector else { return wrongType(.vector) }
            guard v.count == xs.count else {
                return fail("This vector has \(v.count) dimensions; the one asked for has another number.", "这个向量是 \(v.count) 维的，题目要的向量维数不同。")
            }
            return zip(v, xs).allSatisfy({ abs(Double($0) - $1) <= t + 1e-9 }) ? .passed
                : fail("A vector, but not the one this step asks for.", "是向量，但不是这一步要的那个。")
        case .valueType(let type):
            return ValueType(of: value) == type ? .passed : wrongType(type)
        case .uses(let pattern):
            return pattern.mismatch(CommandCall(evaluation.bound), language: language).map { .failed($0) } ?? .passed
        case .textContains(let s):
            return ValueRenderer.render(value, style: .plain).contains(s) ? .passed
                : fail("The result does not show what this step asks for.", "结果里没有这一步要的内容。")
        case .textMatches(let re):
            let text = ValueRenderer.render(value, style: .plain)
            do {
                return try LinearRegex(re).matches(in: text) ? .passed : fail("The result does not show what this step asks for.", "结果里没有这一步要的内容。")
            } catch {
                // A pattern too slow for this (very long) output: the answer is not graded as right.
                return fail("The result is too long to check against this step's pattern: \(error)", "结果太长，无法用这一步的模式检查：\(error)")
            }
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.4g", x)
    }

    /// A short description of a value for feedback: "the list queen, throne, prince…", "the number 0.92".
    static func describe(_ value: Value, language: Language) -> String {
        switch value {
        case .neighbours(let n):
            let words = n.items.prefix(3).map(\.word).joined(separator: language == .zh ? "、" : ", ")
            return language.pick(en: "the list \(words)…", zh: "列表 \(words)……")
        case .scalar(let s): return language.pick(en: "the number \(Check.format(s.value))", zh: "数 \(Check.format(s.value))")
        case .vector(let v): return language.pick(en: "a vector of \(v.values.count) dimensions", zh: "一个 \(v.values.count) 维向量")
        case .table(let t): return language.pick(en: "a table of \(t.rows.count) rows", zh: "一张 \(t.rows.count) 行的表")
        case .text(let t): return "“\(t.prefix(40))”"
        case .scatter: return language.pick(en: "a plot", zh: "一张图")
        case .none: return language.pick(en: "nothing", zh: "空结果")
        }
    }
}

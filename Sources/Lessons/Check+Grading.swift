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
        func fail(_ phrase: Phrase, _ values: [String: String] = [:]) -> CheckResult { .failed(language.text(phrase, values)) }
        func wrongType(_ wanted: ValueType) -> CheckResult {
            fail(.checkWantedType, ["wanted": wanted.name(language), "got": got])
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
                : fail(wanted.count > 1 ? .checkWordsNotInTop : .checkWordNotInTop, ["k": "\(k)", "got": got])
        case .topExcludes(let k, let unwanted):
            guard let list = words() else { return wrongType(.neighbours) }
            let present = unwanted.filter { list.prefix(k).contains($0) }
            return present.isEmpty ? .passed
                : fail(.checkShouldNotBeInTop, ["words": language.list(present), "k": "\(k)"])
        case .nearestIs(let spellings):
            guard let list = words() else { return wrongType(.neighbours) }
            guard let first = list.first else { return fail(.checkListEmpty) }
            return spellings.contains(first) ? .passed
                : fail(.checkListStartsWith, ["word": first])
        case .wordsAre(let wanted):
            guard let list = words() else { return wrongType(.table) }
            return Set(list) == Set(wanted) && list.count == wanted.count ? .passed
                : fail(.checkWrongWords, ["words": language.list(Array(list.prefix(8)))])
        case .count(let n):
            guard let list = words() else { return wrongType(.table) }
            return list.count == n ? .passed
                : fail(.checkWrongCount, ["n": "\(list.count)"])
        case .number(let target):
            guard let x = value.number else { return wrongType(.number) }
            if target.contains(x) { return .passed }
            let high: Bool
            switch target {
            case .near(let c, _, _): high = x > c
            case .range(let a, _), .atLeast(let a): high = x >= a
            case .atMost: high = true
            }
            return fail(.checkNumberIs, ["x": Check.format(x), "direction": language.text(high ? .numberTooHigh : .numberTooLow)])
        case .vector(let xs, let t):
            guard let v = value.vector else { return wrongType(.vector) }
            guard v.count == xs.count else {
                return fail(.checkVectorDimensions, ["n": "\(v.count)"])
            }
            return zip(v, xs).allSatisfy({ abs(Double($0) - $1) <= t + 1e-9 }) ? .passed
                : fail(.checkWrongVector)
        case .valueType(let type):
            return ValueType(of: value) == type ? .passed : wrongType(type)
        case .uses(let pattern):
            return pattern.mismatch(CommandCall(evaluation.bound), language: language).map { .failed($0) } ?? .passed
        case .textContains(let s):
            return ValueRenderer.render(value, style: .plain).contains(s) ? .passed
                : fail(.checkTextMissing)
        case .textMatches(let re):
            let text = ValueRenderer.render(value, style: .plain)
            do {
                return try LinearRegex(re).matches(in: text) ? .passed : fail(.checkTextMissing)
            } catch {
                // A pattern too slow for this (very long) output: the answer is not graded as right.
                return fail(.checkTextTooLong, ["error": "\(error)"])
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
            return language.text(.describeList, ["words": language.list(n.items.prefix(3).map(\.word))])
        case .scalar(let s): return language.text(.describeNumber, ["x": Check.format(s.value)])
        case .vector(let v): return language.text(.describeVector, ["n": "\(v.values.count)"])
        case .table(let t): return language.text(.describeTable, ["n": "\(t.rows.count)"])
        case .text(let t): return "“\(t.prefix(40))”"
        case .scatter: return language.text(.valueKindPlot)
        case .none: return language.text(.valueKindNothing)
        }
    }
}

import Foundation
import Embeddings
import Workbench

/// Proves a lesson works: ids present and unique, both languages present (prose, titles, hint
/// rungs, check messages), the model exists, every demo cell runs, and, graded exactly as a
/// learner's answer would be (`LessonReplay`): every solution passes, every reject fails, and a
/// step that asks a question accepts its plain answer.
public struct LessonLinter {
    public let catalog: ModelCatalog

    /// The language the problems are written in (`embedlab lesson lint --lang zh`); a lesson is
    /// proved the same way in either.
    public var language: Language

    public init(catalog: ModelCatalog, language: Language = .en) {
        self.catalog = catalog
        self.language = language
    }

    /// One problem, `file:line: …` in the linter's language, through the catalogue; with `step`, the
    /// step is named first (`colon`: "step 'id': the solution …", else "step 'id' has no …").
    func say(_ path: String, _ line: Int, step: String? = nil, colon: Bool = true, _ phrase: Phrase, _ values: [String: String] = [:]) -> String {
        Self.say(path, line, step: step, colon: colon, phrase, values, language: language)
    }

    static func say(_ path: String, _ line: Int, step: String? = nil, colon: Bool = true, _ phrase: Phrase, _ values: [String: String] = [:], language: Language) -> String {
        let text = language.text(phrase, values)
        guard let step else { return "\(path):\(line): \(text)" }
        return "\(path):\(line): \(language.text(.lintStep, ["id": step]))\(colon ? (language == .zh ? "：" : ": ") : " ")\(text)"
    }


    /// Problems, one line each, `file:line: what is wrong`, in the order of their lines (a problem of
    /// the whole file, with no line, first); empty when the lesson is sound.
    public func lint(_ lesson: Lesson) -> [String] {
        // A lesson whose model or steps differ by language is proved in each language: the steps a
        // learner in that language takes, on that language's model, graded in that language.
        guard !lesson.variesByLanguage else {
            var seen = Set<String>()
            let all = Language.allCases.flatMap { lint(lesson.inLanguage($0), gradedIn: $0) }.filter { seen.insert($0).inserted }
            return Self.inLineOrder(all, path: lesson.path)
        }
        return Self.inLineOrder(lint(lesson, gradedIn: .en), path: lesson.path)
    }

    /// `problems` sorted by the line number after `path:` (stable: problems of one line keep their order).
    static func inLineOrder(_ problems: [String], path: String) -> [String] {
        func line(_ problem: String) -> Int {
            guard problem.hasPrefix(path + ":") else { return 0 }
            return Int(problem.dropFirst(path.count + 1).prefix { $0.isASCII && $0.isNumber }) ?? 0
        }
        return problems.enumerated()
            .sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }
            .map(\.element)
    }

    func lint(_ lesson: Lesson, gradedIn language: Language) -> [String] {
        var problems = lesson.problems(in: self.language)
        // (A front matter that is not YAML has already been reported; its title would only be missing again.)
        for l in Language.allCases where lesson.title[l] == nil && !lesson.problems.contains(where: { $0.contains("front matter") }) {
            problems.append(say(lesson.path, 1, .lintNoTitle, ["language": l.rawValue]))
        }
        let replay = LessonReplay(lesson: lesson, catalog: catalog)
        do { _ = try replay.session(before: 0) } catch {
            return problems + [say(lesson.path, 1, .lintModelUnloadable, ["model": lesson.model, "error": "\(error)"])]
        }
        for (index, step) in lesson.steps.enumerated() {
            if step.titles[.zh] == nil {
                problems.append(say(lesson.path, step.line, step: step.id, colon: false, .lintNoChineseTitle))
            }
            for l in Language.allCases where (step.prose[l] ?? "").isEmpty && (step.language == nil || step.language == l) {
                problems.append(say(lesson.path, step.line, step: step.id, colon: false, l == .en ? .lintNoEnglishProse : .lintNoChineseProse))
            }
            if !step.demo.isEmpty, let session = try? replay.session(before: index) {
                for (i, line) in step.demo.enumerated() {
                    do { _ = try session.evaluate(line, record: false) } catch {
                        let at = i < step.demoLines.count ? step.demoLines[i] : step.line
                        problems.append(say(lesson.path, at, step: step.id, .lintDemoFails, ["cell": line, "error": "\(error)"]))
                    }
                }
            }
            guard let exercise = step.exercise else { continue }
            problems += translationProblems(exercise, lesson.path, step)
            if exercise.rejects.isEmpty { problems.append(say(lesson.path, step.line, step: step.id, colon: false, .lintNoRejects)) }
            func grade(_ answer: String) -> ExerciseGrade? { try? replay.grade(step: index, answer: answer, language: language).grade }
            let solved = exercise.solution.isEmpty ? nil : try? replay.grade(step: index, answer: exercise.solution, language: language)
            var unknownWordChecks: [Check] = []
            if case let (g, session)? = solved {
                let unknown = unknownWords(exercise, value: g.evaluation?.value, model: session.model)
                for (check, words) in unknown {
                    problems.append(say(lesson.path, check.line, step: step.id, words.count > 1 ? .lintUnknownWords : .lintUnknownWord,
                                        ["check": check.source, "words": words.map { "'\($0)'" }.joined(separator: ", "), "model": session.model.name]))
                }
                unknownWordChecks = unknown.map(\.check)
            }
            if let g = solved?.grade, !g.passed {
                if let error = g.error {
                    problems.append(say(lesson.path, exercise.solutionLine, step: step.id, .lintSolutionFailsToRun, ["solution": exercise.solution, "error": "\(error)"]))
                }
                // A check naming an unknown word is reported above as the lesson's bug, not again in a learner's wording.
                for (check, outcome) in zip(exercise.checks, g.checks) where !outcome.passed && g.error == nil && !unknownWordChecks.contains(check) {
                    problems.append(say(lesson.path, check.line, step: step.id, .lintSolutionFailsCheck, ["solution": exercise.solution, "check": check.source])
                                    + (outcome.message.map { (language == .zh ? "：" : ": ") + $0 } ?? ""))
                }
            }
            for (i, reject) in exercise.rejects.enumerated() where grade(reject)?.passed == true {
                let at = i < exercise.rejectLines.count ? exercise.rejectLines[i] : step.line
                problems.append(say(lesson.path, at, step: step.id, .lintRejectPasses, ["reject": reject]))
            }
            for form in plainForms(exercise) where grade(form)?.passed != true {
                problems.append(say(lesson.path, exercise.checks.first.map { $0.line - 1 } ?? step.line, step: step.id, .lintPlainAnswerFails, ["answer": form]))
            }
            for mistake in exercise.mistakes {
                for l in Language.allCases where mistake.message[l] == nil {
                    problems.append(say(lesson.path, mistake.line, step: step.id, .lintMistakeNoFeedback, ["mistake": mistake.answer, "language": l.rawValue]))
                }
                guard let g = grade(mistake.answer) else { continue }
                if g.passed {
                    problems.append(say(lesson.path, mistake.line, step: step.id, .lintMistakePasses, ["mistake": mistake.answer]))
                } else if let own = mistake.message[.en], g.feedback != own {
                    problems.append(say(lesson.path, mistake.line, step: step.id, .lintMistakeWrongFeedback, ["mistake": mistake.answer, "feedback": g.feedback ?? "—"]))
                }
            }
            problems += kindProblems(exercise, step, lesson.path)
            if asksQuestion(step), plainForms(exercise).isEmpty {
                problems.append(say(lesson.path, step.line, step: step.id, colon: false, .lintQuestionCommandsOnly))
            }
        }
        return problems
    }

    /// The checks that name words the model does not have. Only when the solution's value is a list of
    /// the word model's nearest words (`near`, an analogy, odd one out: the kind of value whose
    /// entries are that model's words) are a check's words looked up in it; a table of search
    /// results, tokens or picture labels names other things, and is never looked up.
    func unknownWords(_ exercise: Exercise, value: Value?, model: WordVectors) -> [(check: Check, words: [String])] {
        guard case .neighbours = value else { return [] }
        return exercise.checks.compactMap { check -> (check: Check, words: [String])? in
            let unknown: [String]
            switch check.kind {
            case .topContains(_, let words), .topExcludes(_, let words), .wordsAre(let words): unknown = words.filter { !model.contains($0) }
            // Spellings of one word, one per language's model (`nearest is star 星形`): one must be this model's.
            case .nearestIs(let spellings): unknown = spellings.contains(where: model.contains) ? [] : spellings
            default: return nil
            }
            return unknown.isEmpty ? nil : (check, unknown)
        }
    }

    /// A question whose kind (yes/no, number, word, command) disagrees with its checks, and a
    /// hint rung that gives the answer away before `:skip` has shown the solution.
    func kindProblems(_ exercise: Exercise, _ step: LessonStep, _ path: String) -> [String] {
        var problems: [String] = []
        let line = exercise.checks.first.map { $0.line } ?? step.line
        let kinds = exercise.answerKinds
        if kinds.count > 1 {
            problems.append(say(path, line, step: step.id, colon: false, .lintMixedKinds, ["kinds": kinds.sorted().joined(separator: language == .zh ? "、" : " and ")]))
        }
        let question = questionSentences(step).lowercased()
        if question.contains("yes or no"), kinds != ["yes/no"] {
            problems.append(say(path, line, step: step.id, colon: false, .lintYesNoLines))
        }
        if question.contains("how many"), kinds != ["number"], exercise.numberTargets.isEmpty {
            problems.append(say(path, line, step: step.id, colon: false, .lintHowManyNoNumber))
        }
        if question.contains("which word"), !kinds.isEmpty, kinds != ["word"] {
            problems.append(say(path, line, step: step.id, colon: false, .lintWhichWordNotWord))
        }
        for check in exercise.checks {
            switch (kinds, check.kind) {
            case (["number"], .topContains), (["number"], .topExcludes), (["number"], .nearestIs), (["number"], .wordsAre),
                 (["number"], .valueType(.vector)), (["number"], .valueType(.neighbours)), (["number"], .valueType(.table)):
                problems.append(say(path, check.line, step: step.id, .lintNumberCheckAboutWords, ["check": check.source]))
            case (["word"], .number), (["word"], .valueType(.number)), (["word"], .valueType(.vector)):
                problems.append(say(path, check.line, step: step.id, .lintWordCheckAboutNumber, ["check": check.source]))
            case (["number"], .number(let target)):
                for case .number(let asked) in exercise.answers where !target.contains(asked.example) {
                    problems.append(say(path, check.line, step: step.id, .lintAnswerFailsCheck, ["answer": Check.format(asked.example), "check": check.source]))
                }
            default: break
            }
        }
        for (i, rung) in exercise.hints.enumerated() where givesAway(rung.text, exercise) {
            problems.append(say(path, exercise.hintLine + i, step: step.id, .lintHintGivesAway, ["hint": rung.text]))
        }
        return problems
    }

    /// Whether a hint rung states the plain answer: the word, the number (at any rounding the
    /// question accepts), or yes/no as its first word.
    func givesAway(_ rung: String, _ exercise: Exercise) -> Bool {
        // The solution itself may be the last rung (FORMAT.md): it is what :skip shows.
        // (Not when the solution is the plain answer itself, as in `129`.)
        if rung.trimmingWhitespace == exercise.solution.trimmingWhitespace, exercise.gradePlainly(rung, language: .en) == nil { return false }
        let lower = rung.lowercased()
        for answer in exercise.answers {
            switch answer {
            case .yes, .no:
                let first = lower.split(whereSeparator: { $0.isWhitespace || ":：,，.。;；".contains($0) }).first.map(String.init) ?? ""
                if PlainAnswer.yesWords.contains(first) || PlainAnswer.noWords.contains(first) { return true }
            case .word(let spellings):
                // The rung is the answer, starts with it ("rome: …"), ends on it, or says it comes first.
                let bare = PlainAnswer.normalized(PlainAnswer.trimmed(rung))
                for w in spellings.map(PlainAnswer.normalized) {
                    if bare == w || bare.hasPrefix(w + ":") || bare.hasPrefix(w + "：") || bare.hasSuffix(" " + w)
                        || lower.contains(" \(w) first") || lower.contains("第一的是 \(w)") { return true }
                }
            case .number: break
            }
        }
        for target in exercise.numberTargets {
            let numbers = rung.matches(of: #/-?[0-9]+(\.[0-9]+)?%?/#).map { String($0.output.0) }
            for n in numbers {
                guard let x = PlainAnswer.number(in: n) else { continue }
                // The number itself, to the places the question's own answer has (a little above 0.9 is a hint for 0.908).
                let places = PlainAnswer.number(in: Check.format(target.example))?.decimals ?? 0
                // A small whole number asked by a number check alone (1, 8) turns up in any explanation ("word 1").
                if exercise.answers.isEmpty, places == 0, abs(target.example) < 10 { continue }
                let value = x.percent ? x.value / 100 : x.value
                if target.contains(value), (x.percent ? x.decimals + 2 : x.decimals) >= places { return true }
            }
        }
        return false
    }

    /// The sentences of the English prose that end in "?", and the one after each ("Answer yes or no.").
    func questionSentences(_ step: LessonStep) -> String {
        let prose = (step.prose[.en] ?? "").replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
        guard let last = prose.range(of: "?", options: .backwards) else { return "" }
        let start = prose[..<last.lowerBound].range(of: "\n\n", options: .backwards)?.upperBound ?? prose.startIndex
        return String(prose[start...])
    }

    /// Both languages for every hint rung and every check message.
    func translationProblems(_ exercise: Exercise, _ path: String, _ step: LessonStep) -> [String] {
        var problems: [String] = []
        let en = exercise.hints.filter { $0.language == .en }.count, zh = exercise.hints.filter { $0.language == .zh }.count
        if en != zh {
            problems.append(say(path, exercise.hintLine, step: step.id, colon: false, .lintHintRungs, ["en": "\(en)", "zh": "\(zh)"]))
        }
        for check in exercise.checks where !check.message.isEmpty {
            for l in Language.allCases where check.message[l] == nil {
                problems.append(say(path, check.line, step: step.id, .lintFeedbackNoLanguage, ["check": check.source, "language": l.rawValue]))
            }
        }
        return problems
    }

    /// What a learner would type as the answer itself: the `answer` lines' forms, or the number
    /// of a step whose checks are about a number only.
    func plainForms(_ exercise: Exercise) -> [String] {
        if !exercise.answers.isEmpty { return exercise.answers.flatMap(\.examples) }
        let targets = exercise.checks.compactMap { check -> Check.NumberTarget? in
            if case .number(let t) = check.kind { return t }
            return nil
        }
        let onlyNumbers = exercise.checks.allSatisfy { check in
            switch check.kind {
            case .number, .valueType(.number): return true
            default: return false
            }
        }
        guard onlyNumbers, let first = targets.first else { return [] }
        return [Check.format(first.example)]
    }

    /// Lessons in one folder that share an id (progress would mix them up).
    public static func duplicateIds(_ lessons: [Lesson], language: Language = .en) -> [String] {
        var first: [String: String] = [:]
        var problems: [String] = []
        for lesson in lessons {
            if let other = first[lesson.id] {
                problems.append(say(lesson.path, 1, .lintDuplicateId, ["id": lesson.id, "other": other], language: language))
            } else {
                first[lesson.id] = lesson.path
            }
        }
        return problems
    }

    /// A step asks a question when its English prose has a sentence ending in "?".
    func asksQuestion(_ step: LessonStep) -> Bool {
        let prose = (step.prose[.en] ?? "").replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
        return prose.contains("? ") || prose.contains("?\n") || prose.hasSuffix("?")
    }
}

import Foundation
import Embeddings
import Workbench

/// Proves a lesson works: ids present and unique, both languages present (prose, titles, hint
/// rungs, check messages), the model exists, every demo cell runs, and, graded exactly as a
/// learner's answer would be (`LessonReplay`): every solution passes, every reject fails, and a
/// step that asks a question accepts its plain answer.
public struct LessonLinter {
    public let catalog: ModelCatalog

    public init(catalog: ModelCatalog) { self.catalog = catalog }

    /// Problems, one line each, `file:line: what is wrong`; empty when the lesson is sound.
    public func lint(_ lesson: Lesson) -> [String] {
        var problems = lesson.problems
        let where_ = { (step: LessonStep) in "\(lesson.path):\(step.line): step '\(step.id)'" }
        // (A front matter that is not YAML has already been reported; its title would only be missing again.)
        for l in Language.allCases where lesson.title[l] == nil && !lesson.problems.contains(where: { $0.contains("front matter") }) {
            problems.append("\(lesson.path):1: the title has no \(l.rawValue) version (title: { en: …, zh: … })")
        }
        let replay = LessonReplay(lesson: lesson, catalog: catalog)
        do { _ = try replay.session(before: 0) } catch {
            return problems + ["\(lesson.path):1: its model '\(lesson.model)' cannot be loaded: \(error)"]
        }
        for (index, step) in lesson.steps.enumerated() {
            if step.titles[.zh] == nil {
                problems.append("\(where_(step)) has no Chinese title (write the heading as '## English | 中文 {#id}')")
            }
            for l in Language.allCases where (step.prose[l] ?? "").isEmpty {
                problems.append("\(where_(step)) has no \(l == .en ? "English (::: en)" : "Chinese (::: zh)") prose")
            }
            if !step.demo.isEmpty, let session = try? replay.session(before: index) {
                for (i, line) in step.demo.enumerated() {
                    do { _ = try session.evaluate(line, record: false) } catch {
                        let at = i < step.demoLines.count ? step.demoLines[i] : step.line
                        problems.append("\(lesson.path):\(at): step '\(step.id)': the demo cell '\(line)' fails: \(error)")
                    }
                }
            }
            guard let exercise = step.exercise else { continue }
            problems += translationProblems(exercise, lesson.path, step)
            if exercise.rejects.isEmpty { problems.append("\(where_(step)) has no reject lines (wrong answers that must fail)") }
            func grade(_ answer: String) -> ExerciseGrade? { try? replay.grade(step: index, answer: answer, language: .en).grade }
            if !exercise.solution.isEmpty, let g = grade(exercise.solution), !g.passed {
                if let error = g.error {
                    problems.append("\(lesson.path):\(exercise.solutionLine): step '\(step.id)': the solution '\(exercise.solution)' fails to run: \(error)")
                }
                for (check, outcome) in zip(exercise.checks, g.checks) where !outcome.passed && g.error == nil {
                    problems.append("\(lesson.path):\(check.line): step '\(step.id)': the solution '\(exercise.solution)' fails '\(check.source)'" + (outcome.message.map { ": \($0)" } ?? ""))
                }
            }
            for (i, reject) in exercise.rejects.enumerated() where grade(reject)?.passed == true {
                let at = i < exercise.rejectLines.count ? exercise.rejectLines[i] : step.line
                problems.append("\(lesson.path):\(at): step '\(step.id)': the reject '\(reject)' passes; a wrong answer must fail (add a check that tells them apart)")
            }
            for form in plainForms(exercise) where grade(form)?.passed != true {
                problems.append("\(lesson.path):\(exercise.checks.first.map { $0.line - 1 } ?? step.line): step '\(step.id)': the plain answer '\(form)' does not pass")
            }
            if asksQuestion(step), plainForms(exercise).isEmpty {
                problems.append("\(where_(step)) asks a question but accepts only commands; add an 'answer' line to its check block (answer WORD, answer number X, answer yes)")
            }
        }
        return problems
    }

    /// Both languages for every hint rung and every check message.
    func translationProblems(_ exercise: Exercise, _ path: String, _ step: LessonStep) -> [String] {
        var problems: [String] = []
        let en = exercise.hints.filter { $0.language == .en }.count, zh = exercise.hints.filter { $0.language == .zh }.count
        if en != zh {
            problems.append("\(path):\(exercise.hintLine): step '\(step.id)' has \(en) English and \(zh) Chinese hint rungs; every rung needs both (en: … then zh: …)")
        }
        for check in exercise.checks where !check.message.isEmpty {
            for l in Language.allCases where check.message[l] == nil {
                problems.append("\(path):\(check.line): step '\(step.id)': the feedback of '\(check.source)' has no \(l.rawValue): line")
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
    public static func duplicateIds(_ lessons: [Lesson]) -> [String] {
        var first: [String: String] = [:]
        var problems: [String] = []
        for lesson in lessons {
            if let other = first[lesson.id] {
                problems.append("\(lesson.path):1: the lesson id '\(lesson.id)' is also the id of \(other); progress would mix them up")
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

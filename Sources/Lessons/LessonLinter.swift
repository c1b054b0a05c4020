import Embeddings
import Workbench

/// Proves a lesson works: ids present and unique, both languages present, the model exists,
/// every demo cell runs, every solution passes its checks and every reject fails them.
public struct LessonLinter {
    public let catalog: ModelCatalog

    public init(catalog: ModelCatalog) { self.catalog = catalog }

    /// Problems, one line each, `file:line: what is wrong`; empty when the lesson is sound.
    public func lint(_ lesson: Lesson) -> [String] {
        var problems = lesson.problems
        let where_ = { (step: LessonStep) in "\(lesson.path):\(step.line): step '\(step.id)'" }
        for l in Language.allCases where lesson.title[l] == nil {
            problems.append("\(lesson.path): the title has no \(l.rawValue) version (title: { en: …, zh: … })")
        }
        let session: Session
        do {
            session = Session(catalog: catalog, model: try catalog.load(lesson.model))
        } catch {
            return problems + ["\(lesson.path): its model '\(lesson.model)' cannot be loaded: \(error)"]
        }
        for step in lesson.steps {
            if step.titles[.zh] == nil {
                problems.append("\(where_(step)) has no Chinese title (write the heading as '## English | 中文 {#id}')")
            }
            for l in Language.allCases where (step.prose[l] ?? "").isEmpty {
                problems.append("\(where_(step)) has no \(l == .en ? "English (::: en)" : "Chinese (::: zh)") prose")
            }
            for line in step.demo {
                do { _ = try session.evaluate(line) } catch {
                    problems.append("\(where_(step)): the demo cell '\(line)' fails: \(error)")
                }
            }
            guard let exercise = step.exercise else { continue }
            for l in Language.allCases where exercise.hints.contains(where: { $0.language != l }) && !exercise.hints.contains(where: { $0.language == l }) {
                problems.append("\(where_(step)) has hints but none in \(l.rawValue)")
            }
            if exercise.rejects.isEmpty { problems.append("\(where_(step)) has no reject lines (wrong answers that must fail)") }
            for reject in exercise.rejects {
                if passes(reject, exercise, session) {
                    problems.append("\(where_(step)): the reject '\(reject)' passes the check; a wrong answer must fail")
                }
            }
            if !exercise.solution.isEmpty {
                do {
                    let evaluation = try session.evaluate(exercise.solution)
                    for check in exercise.checks {
                        if case .failed(let why) = check.grade(evaluation, language: .en) {
                            problems.append("\(where_(step)): the solution '\(exercise.solution)' fails '\(check)': \(why)")
                        }
                    }
                } catch {
                    problems.append("\(where_(step)): the solution '\(exercise.solution)' fails to run: \(error)")
                }
            }
        }
        return problems
    }

    private func passes(_ line: String, _ exercise: Exercise, _ session: Session) -> Bool {
        guard let evaluation = try? session.evaluate(line, record: false) else { return false }
        return exercise.checks.allSatisfy { $0.grade(evaluation, language: .en).passed }
    }
}

import Foundation
import Embeddings
import Rendering
import Workbench

/// A lesson for a class: its steps, prose and demo cells (run, with their outputs), and for each
/// exercise room to answer instead of the solution. Checks, rejects and hints (whose last rung
/// is the solution) never appear; with `solutions: true` (an instructor's copy) each exercise's
/// solution is shown with its output under the answer box.
///
///     let page = LessonHandout.page(lesson, session: try LessonHandout.session(for: lesson, catalog: catalog))
///     NotebookPageHTML.render(page)        // the page; LessonHandout.markdown(…) for a Markdown handout
///
/// The session runs every solution silently in order, so that a later demo cell that needs an
/// earlier exercise's work (an index built, a model trained) still shows its output.
public enum LessonHandout {
    /// A session on the lesson's model, reading only files beside the lesson and the bundled models.
    public static func session(for lesson: Lesson, catalog: ModelCatalog) throws -> Session {
        let sandbox = AnswerSandbox(roots: [lesson.folder], catalog: catalog)
        let reference = lesson.modelReference
        let model = try sandbox.policy.apply { try catalog.load(reference) }
        let session = Session(catalog: catalog, model: model)
        session.readPolicy = sandbox.policy
        session.fileFolder = lesson.folder
        return session
    }

    /// The lesson as a page. `languages` are the prose languages shown (both by default); without
    /// a session the demo cells are shown without outputs.
    public static func page(_ lesson: Lesson, session: Session?, solutions: Bool = false,
                            languages: [Language] = Language.allCases) -> NotebookPage {
        var items: [NotebookPage.Item] = []
        for step in lesson.steps {
            items.append(.heading(level: 2, text: title(of: step, in: languages)))
            let passages = languages.compactMap { l in step.prose[l].map { NotebookPage.Prose(language: l.rawValue, markdown: $0) } }
            if !passages.isEmpty { items.append(.prose(passages)) }
            for line in step.demo {
                items.append(.cell(.init(input: line, output: output(of: line, in: session))))
            }
            guard let exercise = step.exercise else { continue }
            items.append(.answer(.init(step: step.id, points: exercise.points)))
            if solutions {
                items.append(.heading(level: 4, text: "Solution · 答案"))
                items.append(.cell(.init(input: exercise.solution, output: output(of: exercise.solution, in: session))))
            } else if let session {
                _ = try? session.evaluate(exercise.solution, record: false)
            }
        }
        let subtitle = "model: \(lesson.model)" + (solutions ? " · with solutions · 含答案" : " · handout · 讲义")
        return NotebookPage(title: languages.map { lesson.title(in: $0) }.uniqued().joined(separator: " · "), subtitle: subtitle, items: items)
    }

    /// The handout as Markdown: each step's heading and prose, its demo cells with their outputs,
    /// and under each exercise a line to fill in, `STEP-ID: ____`, which is the line a learner's
    /// answers file for `embedlab lesson grade` has.
    public static func markdown(_ lesson: Lesson, session: Session?, solutions: Bool = false,
                                languages: [Language] = Language.allCases) -> String {
        var out = "# " + languages.map { lesson.title(in: $0) }.uniqued().joined(separator: " · ") + "\n\n"
        out += "model: `\(lesson.model)`\n\n"
        out += "Answers go one per line, `STEP-ID: your answer` (the lines under each exercise), in a .txt file for `embedlab lesson grade`.\n"
        out += "答案每行一个，格式为 `步骤ID: 你的答案`（见每个练习下的那一行），存为 .txt 文件，交给 `embedlab lesson grade`。\n"
        for step in lesson.steps {
            out += "\n## " + title(of: step, in: languages) + "\n"
            for l in languages { if let prose = step.prose[l] { out += "\n" + prose + "\n" } }
            for line in step.demo {
                out += "\n```embedlab\n" + line + "\n```\n" + shown(output(of: line, in: session))
            }
            guard let exercise = step.exercise else { continue }
            let points = exercise.points == 1 ? "1 point · 1 分" : "\(exercise.points) points · \(exercise.points) 分"
            out += "\n**Your answer · 你的答案** (\(points)):\n\n    \(step.id): ________________________________________\n"
            if solutions {
                out += "\n**Solution · 答案**\n\n```embedlab\n" + exercise.solution + "\n```\n" + shown(output(of: exercise.solution, in: session))
            } else if let session {
                _ = try? session.evaluate(exercise.solution, record: false)
            }
        }
        return out
    }

    static func title(of step: LessonStep, in languages: [Language]) -> String {
        languages.map { step.title(in: $0) }.uniqued().joined(separator: " · ")
    }

    /// An output as a Markdown text block (nothing for no output).
    static func shown(_ output: NotebookPage.Output) -> String {
        let text: String
        switch output {
        case .value(let v): text = ValueRenderer.render(v, style: .plain)
        case .error(let e), .recorded(let e): text = e
        }
        return text.isEmpty ? "" : "\n```text\n" + text + "\n```\n"
    }

    static func output(of line: String, in session: Session?) -> NotebookPage.Output {
        guard let session else { return .recorded("") }
        do { return .value(try session.evaluate(line).value) } catch {
            return .error(ErrorRenderer.render(error, input: line, style: .plain))
        }
    }
}

extension Array where Element == String {
    /// The strings in order, each once.
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}

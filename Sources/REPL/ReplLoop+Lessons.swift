import Foundation
import Lessons
import Rendering
import Workbench

/// The lesson commands of the REPL: `:lesson`, `:hint`, `:skip`, `:back`, `:progress`, `:lang`.
/// The runner decides; this file only routes lines to it and prints what it returns.
extension ReplLoop {
    static let lessonCommands = [":lesson", ":hint", ":skip", ":back", ":progress", ":lang"]

    /// Handles a lesson command or, while a lesson runs, an answer or an empty line.
    /// Returns false when the line is not the lesson's business.
    @discardableResult
    public func handleLesson(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        do {
            switch command {
            case ":lesson":
                if argument.isEmpty { output(ValueRenderer.render(.table(lessonTable()), style: style)); return true }
                if argument == "off" || argument == "stop" {
                    runner = nil
                    output(language.pick(en: "Left the lesson; your place is saved. :lesson resumes.", zh: "已离开课程，进度已保存。:lesson 可继续。"))
                    return true
                }
                guard let lesson = lessons?.lesson(id: argument) else {
                    output(ErrorRenderer.render(WorkbenchError("there is no lesson '\(argument)'", hint: ":lesson lists them"), input: nil, style: style))
                    return true
                }
                guard let store = progressStore else { return true }
                runner = try LessonRunner(lesson: lesson, session: session, store: store, language: language)
                output(style.paint("── " + lesson.title(in: language) + " ──", .bold))
                show(runner!.present())
                return true
            case ":lang":
                guard let l = Language(rawValue: argument.lowercased()) else {
                    output(ErrorRenderer.render(WorkbenchError(":lang takes en or zh", hint: ":lang zh"), input: nil, style: style))
                    return true
                }
                language = l
                runner?.language = l
                progressStore?.language = l
                output(l.pick(en: "Lessons are now in English.", zh: "课程现在用中文显示。"))
                return true
            case ":progress":
                output(ValueRenderer.render(.table(lessonTable()), style: style))
                return true
            case ":hint", ":skip", ":back":
                guard let runner else {
                    output(ErrorRenderer.render(WorkbenchError("\(command) works inside a lesson", hint: ":lesson lists the lessons; :lesson 0 starts the first"), input: nil, style: style))
                    return true
                }
                show(command == ":hint" ? runner.hint() : command == ":skip" ? try runner.skip() : try runner.back())
                return true
            default:
                guard let runner else { return false }
                if trimmed.hasPrefix(":") { return false }   // :set, :use … go to the workbench
                show(trimmed.isEmpty ? try runner.enter() : try runner.submit(line))
                if runner.isFinished { self.runner = nil }
                return true
            }
        } catch {
            output(ErrorRenderer.render(error, input: nil, style: style))
            return true
        }
    }

    func lessonTable() -> Table {
        let rows: [[String]] = (lessons?.lessons ?? []).map { lesson in
            let p = progressStore?.progress(of: lesson.id) ?? ProgressStore.LessonProgress()
            let exercises = lesson.steps.filter { $0.exercise != nil }.count
            let state = p.finished ? language.pick(en: "finished", zh: "已完成")
                : p.current.flatMap { lesson.stepIndex(id: $0) }.map { language.pick(en: "at step \($0 + 1)/\(lesson.steps.count)", zh: "第 \($0 + 1)/\(lesson.steps.count) 步") }
                ?? language.pick(en: "not started", zh: "未开始")
            return [lesson.id, lesson.title(in: language), "\(p.completed.count)/\(exercises)", state]
        }
        return Table(title: language.pick(en: "lessons (:lesson ID starts or resumes one)", zh: "课程（:lesson 编号 开始或继续）"),
                     headers: language == .zh ? ["编号", "标题", "练习", "进度"] : ["id", "title", "exercises", "progress"], rows: rows)
    }

    func show(_ outputs: [LessonRunner.Output]) {
        for o in outputs {
            switch o {
            case .step(let n, let total, let title, let prose, let isExercise):
                let mark = isExercise ? language.pick(en: " · exercise", zh: " · 练习") : ""
                output("")
                output(style.paint("[\(n)/\(total)] \(title)\(mark)", .bold))
                if !prose.isEmpty { output(ProseRenderer.render(prose, style: style)) }
            case .ran(let input, let result):
                if !editor.isInteractive || runnerIsDemo(input) { output(style.paint("> " + input, .dim)) }
                switch result {
                case .value(let v): let t = ValueRenderer.render(v, style: style); if !t.isEmpty { output(t) }
                case .error(let e): output(ErrorRenderer.render(e, input: input, style: style))
                }
            case .feedback(let passed, let messages):
                output(style.paint((passed ? "✓ " : "✗ ") + messages.joined(separator: "\n  "), passed ? .green : .red))
            case .hint(let n, let total, let text):
                output(style.paint(language.pick(en: "hint \(n)/\(total): ", zh: "提示 \(n)/\(total)："), .yellow) + text)
            case .info(let text):
                output(style.paint(text, .dim))
            case .finished(let text):
                output(style.paint("★ " + text, .green))
            }
        }
    }

    private func runnerIsDemo(_ input: String) -> Bool { runner?.step.exercise == nil || runner?.step.exercise?.solution == input }
}

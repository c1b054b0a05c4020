import FileAccess
import Foundation
import Lessons
import Rendering
import Workbench

/// The commands the REPL carries out itself (`:save` and the lesson commands: `:lesson`, `:hint`,
/// `:skip`, `:back`, `:progress`), declared in the workbench's command table as `.host`. The
/// runner decides; this file only routes lines to it and prints what it returns.
extension ReplLoop {
    /// Carries out a command the table marks `.host` (`:quit` aside, which `run` handles):
    /// `:save`, `:export` and the lesson commands, with the text the binder gave it.
    func hostCommand(_ command: HostCommand, _ argument: String) {
        let name = ":" + command.rawValue
        do {
            switch command {
            case .quit:
                break
            case .save:
                save(argument)
            case .export:
                export(argument)
            case .lesson:
                if argument.isEmpty {
                    // Resume the unfinished lesson; with none, list them all.
                    guard let store = progressStore, let (lesson, _) = lessons?.unfinished(in: store) else {
                        output(ValueRenderer.render(.table(lessonTable()), style: style))
                        return
                    }
                    try start(lesson, store: store)
                    return
                }
                if argument == "off" || argument == "stop" {
                    runner = nil
                    say(language.text(.lessonLeft))
                    return
                }
                // A path: a lesson from anywhere (`:lesson ~/course/intro.md`).
                if argument.hasSuffix(".md") || argument.contains("/") {
                    guard let store = progressStore else { return }
                    let path = (argument as NSString).expandingTildeInPath
                    try start(try LessonCatalog.read(path: path), store: store)
                    return
                }
                guard let lesson = lessons?.lesson(id: argument) else {
                    hostError(WorkbenchError(language.text(.lessonUnknown, ["id": argument]), hint: language.text(.lessonUnknownHint)))
                    return
                }
                guard let store = progressStore else { return }
                try start(lesson, store: store)
            case .progress:
                output(ValueRenderer.render(.table(lessonTable()), style: style))
            case .hint, .skip, .back:
                guard let runner else {
                    hostError(WorkbenchError(language.text(.lessonOnlyCommand, ["name": name]), hint: language.text(.lessonOnlyCommandHint)))
                    return
                }
                show(command == .hint ? runner.hint() : command == .skip ? try runner.skip() : try runner.back())
                // :skip on the last step finishes the lesson: Enter no longer belongs to it.
                if runner.isFinished { self.runner = nil }
            }
        } catch {
            hostError(error)
        }
    }

    /// Starts or resumes a lesson (`embedlab --lesson 3`).
    public func startLesson(_ id: String) { hostCommand(.lesson, id) }

    func start(_ lesson: Lesson, store: ProgressStore) throws {
        runner = try LessonRunner(lesson: lesson, session: session, store: store, language: language)
        // A lesson started from the command line: the banner first, naming the lesson's model, without
        // the unfinished-lesson note (the learner chose this lesson). Later lessons find it shown.
        showBanner(note: false)
        say(style.paint("── " + PrintableText.escaping(lesson.title(in: language)) + " ──", .bold))
        // Progress that cannot be saved never stops a lesson: one plain line says so.
        if let notice = store.takeNotice() { say(style.paint(language.text(.notePrefix) + notice, .yellow)) }
        show(runner!.present())
    }

    /// For the banner: "Unfinished: Vector arithmetic, step 3 of 11. :lesson resumes it."
    func unfinishedLessonNote() -> String? {
        guard let store = progressStore, let (full, fullStep) = lessons?.unfinished(in: store) else { return nil }
        // Counted on the learner's path (a lesson may have steps for one language only).
        let lesson = full.inLanguage(language)
        let step = store.progress(of: lesson.id).current.flatMap { lesson.stepIndex(id: $0) } ?? fullStep
        return language.text(.lessonUnfinished, ["title": lesson.title(in: language), "n": "\(step + 1)", "total": "\(lesson.steps.count)"])
    }

    /// While a lesson runs, a line that is not a `:` command is an answer (graded as the REPL read
    /// it: `reading`), and an empty line moves on.
    /// Returns false when no lesson runs.
    func answer(_ line: String, reading: Result<BoundLine, Error>? = nil) -> Bool {
        guard let runner else { return false }
        do {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            typedAnswer = trimmed.isEmpty ? nil : line
            defer { typedAnswer = nil }
            show(trimmed.isEmpty ? try runner.enter() : try runner.submit(line, reading: reading))
            if runner.isFinished { self.runner = nil }
        } catch {
            hostError(error)
        }
        return true
    }

    /// Keeps the lesson runner in the session's language; after `:lang`, the progress store
    /// remembers the choice for the next session too.
    func followLanguage(remember: Bool = false) {
        runner?.language = language
        if remember { progressStore?.language = language }
    }

    func lessonTable() -> Table {
        let rows: [[String]] = (lessons?.lessons ?? []).map { full in
            let lesson = full.inLanguage(language)
            let p = progressStore?.progress(of: lesson.id) ?? ProgressStore.LessonProgress()
            let exercises = lesson.steps.filter { $0.exercise != nil }.count
            let state = p.finished ? language.text(.lessonStateFinished)
                : p.current.flatMap { lesson.stepIndex(id: $0) }.map { language.text(.lessonStateAtStep, ["n": "\($0 + 1)", "total": "\(lesson.steps.count)"]) }
                ?? language.text(.lessonStateNotStarted)
            return [lesson.id, lesson.title(in: language), "\(p.completed.count)/\(exercises)", state]
        }
        return Table(title: language.text(.lessonsTitle),
                     headers: language == .zh ? ["编号", "标题", "练习", "进度"] : ["id", "title", "exercises", "progress"], rows: rows)
    }

    func show(_ outputs: [LessonRunner.Output]) {
        // Long work (a training answer, a replayed lesson) may have drawn a progress bar: clear it first.
        endProgress()
        for o in outputs {
            switch o {
            case .step(let n, let total, let title, let prose, let isExercise):
                let mark = isExercise ? language.text(.exerciseMark) : ""
                output("")
                say(style.paint("[\(n)/\(total)] \(PrintableText.escaping(title))\(mark)", .bold))
                if !prose.isEmpty { output(ProseRenderer.render(prose, style: style)) }
            case .ran(let input, let result):
                // The terminal already shows what the learner typed; anything else (a demo cell, the
                // solution shown by :skip or after a plain answer) is shown with its command.
                if !editor.isInteractive || input != typedAnswer { output(style.paint("> " + input, .dim)) }
                switch result {
                case .value(let v):
                    let t = ValueRenderer.render(v, style: style)
                    if case .text = v, !t.isEmpty { say(t) } else if !t.isEmpty { output(t) }
                case .error(let e): say(ErrorRenderer.render(e, input: input, style: style))
                }
            case .feedback(let passed, let messages):
                say(style.paint((passed ? "✓ " : "✗ ") + messages.joined(separator: "\n  "), passed ? .green : .red))
            case .hint(let n, let total, let text):
                say(style.paint(language.text(.hintNumber, ["n": "\(n)", "total": "\(total)"]), .yellow) + PrintableText.escaping(text))
            case .info(let text):
                say(style.paint(text, .dim))
            case .finished(let text):
                say(style.paint("★ " + text, .green))
            }
        }
    }

    /// Prints text wrapped at the terminal's width (on a terminal; a pipe gets the lines as they are).
    func say(_ text: String) {
        output(editor.isInteractive ? TerminalText.wrapped(text, width: style.width) : text)
    }

}

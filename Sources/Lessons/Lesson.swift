import FileAccess
import Foundation
import Workbench

/// A lesson: steps with stable ids, prose in 中文 and English, demo cells and graded exercises.
/// Parsed from a `Document` (see lessons/FORMAT.md).
public struct Lesson: Equatable, Sendable {
    public var id: String
    public var title: [Language: String]
    /// The model the lesson starts on (in English, and in every language without its own).
    public var model: String
    /// A language's own model (`model: { en: glove-50d, zh: zh-wiki }`).
    public var models: [Language: String] = [:]
    public var steps: [LessonStep]
    /// Where it was read from, for messages.
    public var path: String
    /// Problems found while parsing (reported by the linter; a lesson with problems still loads).
    public var parseProblems: [LessonProblem]
    /// The problems in English, `file:line: what is wrong`.
    public var problems: [String] { problems(in: .en) }
    /// The problems in `language` (`embedlab lesson lint --lang zh`).
    public func problems(in language: Language) -> [String] { parseProblems.map { $0.text(in: language) } }

    public func title(in language: Language) -> String { title[language] ?? title[.en] ?? id }

    /// The keys a lesson's front matter may have.
    public static let frontMatterKeys = ["id", "title", "model"]

    public func stepIndex(id: String) -> Int? { steps.firstIndex { $0.id == id } }

    /// Whether some step or the model differs by language.
    public var variesByLanguage: Bool { !models.isEmpty || steps.contains { $0.language != nil } }

    /// The lesson as a learner in `language` takes it: that language's model, and the steps for
    /// every language plus those for `language` only (`{#id lang=zh}`). Runner, grader and linter
    /// work on this.
    public func inLanguage(_ language: Language) -> Lesson {
        guard variesByLanguage else { return self }
        var out = self
        out.model = models[language] ?? model
        out.models = [:]
        out.steps = steps.filter { $0.language == nil || $0.language == language }
        return out
    }

    /// The folder the lesson file is in: its relative paths start there.
    public var folder: String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// The model to load: a bundled name as written, a file path relative to the lesson's folder.
    public var modelReference: String {
        let isPath = model.contains("/") || [".embv", ".txt", ".bin", ".vec"].contains { model.hasSuffix($0) }
        guard isPath, !model.hasPrefix("/") else { return model }
        return (folder as NSString).appendingPathComponent(model)
    }
}

/// A problem found while reading a lesson file: where (`file:line`, `file:line:column` or the
/// file), and what, as a catalogue phrase, so that it is said in the reader's language.
public struct LessonProblem: Equatable, Sendable {
    public var location: String
    public var phrase: Phrase
    public var values: [String: String]
    public init(_ location: String, _ phrase: Phrase, _ values: [String: String] = [:]) {
        self.location = location; self.phrase = phrase; self.values = values
    }
    /// `file:line: what is wrong`, in `language`.
    public func text(in language: Language) -> String { "\(location): \(language.text(phrase, values))" }
    /// An unknown front-matter key (`modle:`), which the runner refuses.
    public var isUnknownKey: Bool { [.lessonUnknownKey, .lessonUnknownKeyClose, .lessonUnknownKeySeed].contains(phrase) }
}

/// One step of a lesson: prose, then demo cells, or an exercise.
public struct LessonStep: Equatable, Sendable {
    public var id: String
    /// The heading, by language: `## King and queen | 国王与王后 {#king-queen}`.
    public var titles: [Language: String]
    /// The heading in `language` (English when it has no translation).
    public func title(in language: Language) -> String { titles[language] ?? titles[.en] ?? id }
    public var prose: [Language: String]
    /// Commands shown and run, one at a time (steps without an exercise).
    public var demo: [String]
    /// The line of each demo command in the file.
    public var demoLines: [Int] = []
    public var exercise: Exercise?
    /// The line of the step's heading, for messages.
    public var line: Int
    /// The one language this step is for (`{#id lang=zh}`), or nil: every language.
    public var language: Language? = nil
}

/// Gradescope's visibility of an exercise's test (`{#id visibility=hidden}`).
public typealias ExerciseVisibility = Exercise.Visibility

/// A graded exercise: the learner's answer is graded by every check (see `Exercise.grade`).
public struct Exercise: Equatable, Sendable {
    public var solution: String
    public var checks: [Check]
    /// Plain answers a question accepts (`answer` lines): a word, a number, yes or no.
    public var answers: [PlainAnswer]
    /// The options a question lists (`choices` line), so that a wrong pick is told apart from a stray word.
    public var choices: [String]
    public var rejects: [String]
    /// Known wrong answers with their own feedback (`mistake 1.18 "…"`).
    public var mistakes: [Mistake] = []
    public var hints: [Hint]
    /// What the exercise is worth in a grade report (`{#id points=2}`; default 1).
    public var points: Int
    /// Who sees this exercise's result on Gradescope (`{#id visibility=hidden}`; default visible).
    public var visibility: Visibility = .visible
    /// Where the solution, each reject and the hint block are in the file (for the linter).
    public var solutionLine = 0
    public var rejectLines: [Int] = []
    public var hintLine = 0

    public init(solution: String = "", checks: [Check] = [], answers: [PlainAnswer] = [], choices: [String] = [],
                rejects: [String] = [], hints: [Hint] = [], points: Int = 1) {
        self.solution = solution; self.checks = checks; self.answers = answers; self.choices = choices
        self.rejects = rejects; self.hints = hints; self.points = points
    }

    /// Gradescope's visibility of a test: shown at once, never to the learner, or once the due date has passed.
    public enum Visibility: String, CaseIterable, Codable, Sendable {
        case visible, hidden, after_due_date, after_published
    }

    /// One rung of the hint ladder, in one language.
    public struct Hint: Equatable, Sendable {
        public var language: Language
        public var text: String
        public init(_ language: Language, _ text: String) { self.language = language; self.text = text }
    }

    /// The hint ladder in one language (English when a rung has no translation).
    public func hints(in language: Language) -> [String] {
        let mine = hints.filter { $0.language == language }.map(\.text)
        return mine.isEmpty ? hints.filter { $0.language == .en }.map(\.text) : mine
    }
}

extension Lesson {
    /// The front-matter problems a lesson cannot start with (an unknown key such as `modle:` would
    /// silently leave the lesson on the default model): the runner refuses them, naming the first.
    public var frontMatterProblems: [String] { frontMatterProblems(in: .en) }
    public func frontMatterProblems(in language: Language) -> [String] {
        parseProblems.filter(\.isUnknownKey).map { $0.text(in: language) }
    }

    /// The key of `keys` one or two edits from `key` (`modle` → `model`), if there is one.
    static func closeKey(_ key: String, among keys: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]; row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return a.isEmpty ? b.count : row[b.count]
        }
        let lower = Array(key.lowercased().prefix(40))
        return keys.map { ($0, distance(lower, Array($0))) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    /// Builds a lesson from a parsed document; what is wrong is collected in `problems`.
    public init(document: Document, path: String) {
        var problems = document.problems.map { LessonProblem("\(path):\($0.position.line):\($0.position.column)", $0.phrase, $0.values) }
        let fm = document.frontMatter
        func at(_ key: String) -> String {
            document.frontMatterPositions[key].map { "\(path):\($0.line):\($0.column)" } ?? "\(path):1:1"
        }
        for key in fm.keys.sorted() where !Lesson.frontMatterKeys.contains(key) {
            let shown = PrintableText.excerpt(key, limit: 40)
            let keys = Lesson.frontMatterKeys.joined(separator: ", ")
            if key == "seed" {
                problems.append(LessonProblem(at(key), .lessonUnknownKeySeed, ["key": shown]))
            } else if let close = Lesson.closeKey(key, among: Lesson.frontMatterKeys) {
                problems.append(LessonProblem(at(key), .lessonUnknownKeyClose, ["key": shown, "close": close, "keys": keys]))
            } else {
                problems.append(LessonProblem(at(key), .lessonUnknownKey, ["key": shown, "keys": keys]))
            }
        }
        let id = fm["id"]?.text ?? NSStringPath(path: path).lastComponentWithoutExtension
        if let given = fm["id"], given.text.map({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }) != true {
            problems.append(LessonProblem(at("id"), .lessonIdNotWord))
        }
        var title: [Language: String] = [:]
        if let map = fm["title"]?.map {
            for (k, v) in map.sorted(by: { $0.key < $1.key }) {
                if let l = Language(rawValue: k) { title[l] = v } else {
                    problems.append(LessonProblem(at("title"), .lessonTitleLanguage, ["language": k]))
                }
            }
        } else if let t = fm["title"]?.text { title[.en] = t }
        if fm["id"] == nil, document.problems.isEmpty { problems.append(LessonProblem("\(path):1:1", .lessonNoId)) }
        var models: [Language: String] = [:]
        if let map = fm["model"]?.map {
            // `model: { en: glove-50d, zh: zh-wiki }`: each language starts on its own model.
            for (k, v) in map.sorted(by: { $0.key < $1.key }) {
                if let l = Language(rawValue: k), !v.isEmpty { models[l] = v } else {
                    problems.append(LessonProblem(at("model"), .lessonModelLanguage, ["language": k]))
                }
            }
            if models[.en] == nil { problems.append(LessonProblem(at("model"), .lessonModelNoEnglish)) }
        } else if let m = fm["model"], m.text?.isEmpty != false { problems.append(LessonProblem(at("model"), .lessonModelEmpty)) }
        let model = models[.en] ?? fm["model"]?.text ?? "glove-50d"

        var steps: [LessonStep] = []
        var current: LessonStep?
        var seenIds = Set<String>()
        var pendingPoints = 1
        var pendingVisibility = Exercise.Visibility.visible
        func finish() {
            guard var step = current else { return }
            step.exercise?.points = pendingPoints
            step.exercise?.visibility = pendingVisibility
            if step.exercise != nil, step.demo.isEmpty {
                problems.append(LessonProblem("\(path):\(step.line)", .lessonCheckNoSolution, ["id": step.id]))
            }
            if step.exercise == nil && step.prose.isEmpty && step.demo.isEmpty {
                problems.append(LessonProblem("\(path):\(step.line)", .lessonStepEmpty, ["id": step.id]))
            }
            if var ex = step.exercise, !step.demo.isEmpty {
                ex.solution = step.demo[0]
                ex.solutionLine = step.demoLines.first ?? step.line
                if step.demo.count > 1 { problems.append(LessonProblem("\(path):\(step.demoLines.dropFirst().first ?? step.line)", .lessonSolutionLines, ["id": step.id, "count": "\(step.demo.count)"])) }
                step.exercise = ex
                step.demo = []
            }
            steps.append(step)
        }
        for block in document.blocks {
            switch block {
            case .heading(let level, let text, let headingId, let line):
                guard level == 2 else {
                    if current != nil {
                        let marks = String(repeating: "#", count: level)
                        for l in Language.allCases { current!.prose[l, default: ""] += (current!.prose[l, default: ""].isEmpty ? "" : "\n\n") + "\(marks) \(text)" }
                    }
                    continue
                }
                finish()
                // `{#id points=2}`: the id, then attributes.
                let attributes = headingId.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
                let stepId = attributes.first ?? "step-\(steps.count + 1)"
                var points = 1
                var visibility = Exercise.Visibility.visible
                var stepLanguage: Language?
                for attribute in attributes.dropFirst() {
                    if attribute.hasPrefix("lang="), let l = Language(rawValue: String(attribute.dropFirst(5))) { stepLanguage = l }
                    else if attribute.hasPrefix("points="), let n = Int(attribute.dropFirst(7)), n >= 0, n <= 1000 { points = n }
                    else if attribute.hasPrefix("visibility="), let v = Exercise.Visibility(rawValue: String(attribute.dropFirst(11))) { visibility = v }
                    else {
                        problems.append(LessonProblem("\(path):\(line)", .lessonHeadingAttribute, ["attribute": attribute]))
                    }
                }
                if headingId == nil { problems.append(LessonProblem("\(path):\(line)", .lessonStepNoId, ["title": text])) }
                if !seenIds.insert(stepId).inserted { problems.append(LessonProblem("\(path):\(line)", .lessonStepIdTwice, ["id": stepId])) }
                // "English | 中文": a heading in both languages.
                let parts = text.components(separatedBy: " | ")
                var titles: [Language: String] = [.en: parts[0].trimmingWhitespace]
                if parts.count > 1 { titles[.zh] = parts[1].trimmingWhitespace }
                current = LessonStep(id: stepId, titles: titles, prose: [:], demo: [], exercise: nil, line: line, language: stepLanguage)
                pendingPoints = points
                pendingVisibility = visibility
            case .prose(let language, let text, let line):
                guard current != nil else { continue }   // text before the first step: an introduction, not shown
                if let language {
                    guard let l = Language(rawValue: language) else {
                        problems.append(LessonProblem("\(path):\(line)", .lessonLanguageBlock, ["language": language]))
                        continue
                    }
                    current!.prose[l, default: ""] += (current!.prose[l, default: ""].isEmpty ? "" : "\n\n") + text
                } else {
                    problems.append(LessonProblem("\(path):\(line)", .lessonProseOutside, ["id": current!.id]))
                }
            case .code(let info, let body, let line):
                guard current != nil else {
                    problems.append(LessonProblem("\(path):\(line)", .lessonBlockBeforeStep, ["info": info]))
                    continue
                }
                // Each meaningful line with its line number in the file.
                let numbered = body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { (line: line + 1 + $0.offset, text: String($0.element).trimmingWhitespace) }
                    .filter { !$0.text.isEmpty && !$0.text.hasPrefix("#") }
                let lines = numbered.map(\.text)
                switch info.split(separator: " ").first.map(String.init) ?? "" {
                case "embedlab":
                    current!.demo += lines.map { $0.hasPrefix("> ") ? String($0.dropFirst(2)) : $0 }
                    current!.demoLines += numbered.map(\.line)
                case "check":
                    var ex = current!.exercise ?? Exercise()
                    var lastCheck: Int?
                    var lastMistake: Int?
                    for (i, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        let l = raw.trimmingWhitespace
                        let at = "\(path):\(line + 1 + i)"
                        guard !l.isEmpty, !l.hasPrefix("#") else { continue }
                        // An indented `en:` / `zh:` line is the feedback of the check above it.
                        if raw.first?.isWhitespace == true, let colon = l.firstIndex(of: ":"), let lang = Language(rawValue: String(l[..<colon])) {
                            if let m = lastMistake { ex.mistakes[m].message[lang] = l[l.index(after: colon)...].trimmingWhitespace; continue }
                            guard let c = lastCheck else { problems.append(LessonProblem(at, .lessonFeedbackNoCheck)); continue }
                            ex.checks[c].message[lang] = l[l.index(after: colon)...].trimmingWhitespace
                            continue
                        }
                        lastMistake = nil
                        do {
                            if l.hasPrefix("mistake ") || l == "mistake" {
                                var mistake = try Mistake.parse(l)
                                mistake.line = line + 1 + i
                                ex.mistakes.append(mistake); lastCheck = nil; lastMistake = ex.mistakes.count - 1
                            } else if l.hasPrefix("answer ") || l == "answer" {
                                ex.answers.append(try PlainAnswer.parse(l)); lastCheck = nil
                            } else if l.hasPrefix("choices ") {
                                ex.choices += l.dropFirst("choices ".count).split(whereSeparator: \.isWhitespace).map(String.init); lastCheck = nil
                            } else {
                                var check = try Check.parse(l)
                            check.line = line + 1 + i
                            ex.checks.append(check); lastCheck = ex.checks.count - 1
                            }
                        } catch {
                            problems.append(LessonProblem(at, .lessonCheckLine, ["error": "\(error)"]))
                            lastCheck = nil
                        }
                    }
                    current!.exercise = ex
                case "reject":
                    var ex = current!.exercise ?? Exercise()
                    ex.rejects += lines
                    ex.rejectLines += numbered.map(\.line)
                    current!.exercise = ex
                case "hint":
                    var ex = current!.exercise ?? Exercise()
                    ex.hintLine = line + 1
                    for l in lines {
                        if let colon = l.firstIndex(of: ":"), let lang = Language(rawValue: l[..<colon].trimmingWhitespace) {
                            ex.hints.append(.init(lang, l[l.index(after: colon)...].trimmingWhitespace))
                        } else {
                            problems.append(LessonProblem("\(path):\(line)", .lessonHintLine, ["line": l]))
                        }
                    }
                    current!.exercise = ex
                default:
                    problems.append(LessonProblem("\(path):\(line)", .lessonUnknownBlock, ["info": info]))
                }
            }
        }
        finish()
        // A step with rejects or hints but no check is not an exercise.
        for (i, step) in steps.enumerated() where step.exercise != nil && step.exercise!.checks.isEmpty {
            problems.append(LessonProblem("\(path):\(step.line)", .lessonNoCheck, ["id": step.id]))
            steps[i].exercise = nil
        }
        if steps.isEmpty { problems.append(LessonProblem(path, .lessonNoSteps)) }
        self.init(id: id, title: title, model: model, steps: steps, path: path, parseProblems: problems)
        self.models = models
    }
}

/// A tiny path helper, so this file needs no Foundation.
struct NSStringPath {
    let path: String
    var lastComponentWithoutExtension: String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { return String(last[..<dot]) }
        return last
    }
}


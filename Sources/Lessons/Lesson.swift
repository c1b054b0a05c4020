/// A lesson: steps with stable ids, prose in 中文 and English, demo cells and graded exercises.
/// Parsed from a `Document` (see lessons/FORMAT.md).
public struct Lesson: Equatable, Sendable {
    public var id: String
    public var title: [Language: String]
    /// The model the lesson starts on.
    public var model: String
    public var seed: UInt64?
    public var steps: [LessonStep]
    /// Where it was read from, for messages.
    public var path: String
    /// Problems found while parsing (reported by the linter; a lesson with problems still loads).
    public var problems: [String]

    public func title(in language: Language) -> String { title[language] ?? title[.en] ?? id }

    public func stepIndex(id: String) -> Int? { steps.firstIndex { $0.id == id } }
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
    public var exercise: Exercise?
    /// The line of the step's heading, for messages.
    public var line: Int
}

/// A graded exercise: the learner's command is evaluated, and its value must pass every check.
public struct Exercise: Equatable, Sendable {
    public var solution: String
    public var checks: [Check]
    public var rejects: [String]
    public var hints: [(language: Language, text: String)]

    public static func == (a: Exercise, b: Exercise) -> Bool {
        a.solution == b.solution && a.checks == b.checks && a.rejects == b.rejects
            && a.hints.map { "\($0.language):\($0.text)" } == b.hints.map { "\($0.language):\($0.text)" }
    }

    /// The hint ladder in one language (English when a rung has no translation).
    public func hints(in language: Language) -> [String] {
        let mine = hints.filter { $0.language == language }.map(\.text)
        return mine.isEmpty ? hints.filter { $0.language == .en }.map(\.text) : mine
    }
}

extension Lesson {
    /// Builds a lesson from a parsed document; what is wrong is collected in `problems`.
    public init(document: Document, path: String) {
        var problems: [String] = []
        let fm = document.frontMatter
        let id = fm["id"]?.text ?? NSStringPath(path: path).lastComponentWithoutExtension
        var title: [Language: String] = [:]
        if let map = fm["title"]?.map {
            for (k, v) in map { if let l = Language(rawValue: k) { title[l] = v } }
        } else if let t = fm["title"]?.text { title[.en] = t }
        if fm["id"] == nil { problems.append("\(path): the front matter has no id: (progress needs a stable one)") }
        let model = fm["model"]?.text ?? "glove-50d"
        let seed = fm["seed"]?.text.flatMap(UInt64.init)

        var steps: [LessonStep] = []
        var current: LessonStep?
        var seenIds = Set<String>()
        func finish() {
            guard var step = current else { return }
            if step.exercise != nil, step.demo.isEmpty {
                problems.append("\(path):\(step.line): step '\(step.id)' has a check but no embedlab block with its solution")
            }
            if step.exercise == nil && step.prose.isEmpty && step.demo.isEmpty {
                problems.append("\(path):\(step.line): step '\(step.id)' is empty")
            }
            if var ex = step.exercise, !step.demo.isEmpty {
                ex.solution = step.demo[0]
                if step.demo.count > 1 { problems.append("\(path):\(step.line): step '\(step.id)' is an exercise with \(step.demo.count) solution lines; give one") }
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
                let stepId = headingId ?? "step-\(steps.count + 1)"
                if headingId == nil { problems.append("\(path):\(line): step '\(text)' has no {#id}; progress needs stable ids") }
                if !seenIds.insert(stepId).inserted { problems.append("\(path):\(line): the step id '\(stepId)' is used twice") }
                // "English | 中文": a heading in both languages.
                let parts = text.components(separatedBy: " | ")
                var titles: [Language: String] = [.en: parts[0].trimmingWhitespace]
                if parts.count > 1 { titles[.zh] = parts[1].trimmingWhitespace }
                current = LessonStep(id: stepId, titles: titles, prose: [:], demo: [], exercise: nil, line: line)
            case .prose(let language, let text, let line):
                guard current != nil else { continue }   // text before the first step: an introduction, not shown
                if let language {
                    guard let l = Language(rawValue: language) else {
                        problems.append("\(path):\(line): unknown language block '::: \(language)' (use en or zh)")
                        continue
                    }
                    current!.prose[l, default: ""] += (current!.prose[l, default: ""].isEmpty ? "" : "\n\n") + text
                } else {
                    problems.append("\(path):\(line): prose outside a '::: en' or '::: zh' block in step '\(current!.id)'")
                }
            case .code(let info, let body, let line):
                guard current != nil else {
                    problems.append("\(path):\(line): a ```\(info) block before the first step")
                    continue
                }
                let lines = body.split(separator: "\n").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
                switch info.split(separator: " ").first.map(String.init) ?? "" {
                case "embedlab":
                    current!.demo += lines.map { $0.hasPrefix("> ") ? String($0.dropFirst(2)) : $0 }
                case "check":
                    var ex = current!.exercise ?? Exercise(solution: "", checks: [], rejects: [], hints: [])
                    for (i, l) in lines.enumerated() {
                        do { ex.checks.append(try Check.parse(l)) } catch {
                            problems.append("\(path):\(line + i): \(error)")
                        }
                    }
                    current!.exercise = ex
                case "reject":
                    var ex = current!.exercise ?? Exercise(solution: "", checks: [], rejects: [], hints: [])
                    ex.rejects += lines
                    current!.exercise = ex
                case "hint":
                    var ex = current!.exercise ?? Exercise(solution: "", checks: [], rejects: [], hints: [])
                    for l in lines {
                        if let colon = l.firstIndex(of: ":"), let lang = Language(rawValue: l[..<colon].trimmingWhitespace) {
                            ex.hints.append((lang, l[l.index(after: colon)...].trimmingWhitespace))
                        } else {
                            problems.append("\(path):\(line): a hint line must start with en: or zh:, not '\(l)'")
                        }
                    }
                    current!.exercise = ex
                default:
                    problems.append("\(path):\(line): unknown block ```\(info) (embedlab, check, reject or hint)")
                }
            }
        }
        finish()
        // A step with rejects or hints but no check is not an exercise.
        for (i, step) in steps.enumerated() where step.exercise != nil && step.exercise!.checks.isEmpty {
            problems.append("\(path):\(step.line): step '\(step.id)' has rejects or hints but no check block")
            steps[i].exercise = nil
        }
        if steps.isEmpty { problems.append("\(path): no steps (each step starts with a '## Title {#id}' heading)") }
        self.init(id: id, title: title, model: model, seed: seed, steps: steps, path: path, problems: problems)
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


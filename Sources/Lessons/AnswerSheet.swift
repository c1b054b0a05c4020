/// A learner's answers to one lesson, as an instructor collects them: one line per exercise,
/// `STEP-ID: the command or answer the learner typed`. Blank lines and lines starting with `#`
/// are ignored; LF, CRLF and a UTF-8 byte-order mark read the same. What cannot be used is kept
/// as a warning for the report (never silently dropped):
///
///     king-queen: king - man + woman
///     capitals: rome
///     # a comment
public struct AnswerSheet: Equatable, Sendable {
    /// Answers by step id.
    public var answers: [String: String]
    public var warnings: [String]

    public init(answers: [String: String] = [:], warnings: [String] = []) {
        self.answers = answers
        self.warnings = warnings
    }

    /// Reads `text` (named `source` in warnings) for `lesson`: unknown step ids, steps that are
    /// not exercises, a step answered twice (the first answer counts) and lines without a colon
    /// become warnings.
    public init(text: String, source: String, lesson: Lesson) {
        self.init()
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        let exercises = Set(lesson.steps.filter { $0.exercise != nil }.map(\.id))
        let steps = Set(lesson.steps.map(\.id))
        // Split on the scalar "\n" ("\r\n" is one Character in Swift, so Character splitting would miss it).
        for (n, rawLine) in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var scalars = rawLine
            if scalars.last == "\r" { scalars.removeLast() }
            let line = String(Substring(scalars)).trimmingWhitespace
            let at = "\(source):\(n + 1)"
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                warnings.append("\(at): no 'STEP-ID: answer' on this line; it was ignored")
                continue
            }
            let id = line[..<colon].trimmingWhitespace
            let answer = line[line.index(after: colon)...].trimmingWhitespace
            guard steps.contains(id) else {
                warnings.append("\(at): there is no step '\(id)' in the lesson \(lesson.id); the line was ignored")
                continue
            }
            guard exercises.contains(id) else {
                warnings.append("\(at): the step '\(id)' is not an exercise; the line was ignored")
                continue
            }
            guard !answer.isEmpty else {
                warnings.append("\(at): the answer to '\(id)' is empty; the step counts as unanswered")
                continue
            }
            guard answers[id] == nil else {
                warnings.append("\(at): '\(id)' is answered a second time; the first answer counts")
                continue
            }
            answers[id] = answer
        }
    }
}

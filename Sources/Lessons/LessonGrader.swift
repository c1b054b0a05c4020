import Workbench

/// Grades a learner's answers to a lesson's exercises, for an instructor: demo cells run in
/// order (so settings and models are as the learner had them), each answer is graded by the
/// step's checks. The report is a JSON-ready dictionary.
public enum LessonGrader {
    public static func grade(_ lesson: Lesson, answers: [String: String], session: Session, language: Language) -> [String: Any] {
        var steps: [[String: Any]] = []
        var passed = 0, exercises = 0
        for step in lesson.steps {
            for line in step.demo { _ = try? session.evaluate(line, record: false) }
            guard let exercise = step.exercise else { continue }
            exercises += 1
            guard let answer = answers[step.id] else {
                steps.append(["step": step.id, "answered": false, "passed": false])
                continue
            }
            var entry: [String: Any] = ["step": step.id, "answered": true, "answer": answer]
            do {
                let evaluation = try session.evaluate(answer, record: false)
                let failures = exercise.checks.compactMap { check -> String? in
                    if case .failed(let why) = check.grade(evaluation, language: language) { return why }
                    return nil
                }
                entry["passed"] = failures.isEmpty
                entry["feedback"] = failures
                if failures.isEmpty { passed += 1 }
            } catch {
                entry["passed"] = false
                entry["feedback"] = ["\(error)"]
            }
            // Leave the session as the solution would, so later steps start where the lesson expects.
            _ = try? session.evaluate(exercise.solution, record: false)
            steps.append(entry)
        }
        return ["lesson": lesson.id, "exercises": exercises, "passed": passed, "steps": steps]
    }
}

import XCTest
@testable import Lessons
import Workbench

/// Lessons 9 (what embeddings are for) and 10 (finding neighbours fast), answered as a learner would.
final class UsesAndANNLessonTests: XCTestCase {
    /// One replay per lesson, shared by every answer graded in it.
    var replays: [String: (Lesson, LessonReplay)] = [:]

    func grade(_ lessonID: String, _ step: String, _ answer: String) throws -> ExerciseGrade {
        if replays[lessonID] == nil {
            let lesson = try bundledLesson(lessonID)
            replays[lessonID] = (lesson, LessonReplay(lesson: lesson, catalog: Repo.catalog))
        }
        let (lesson, replay) = replays[lessonID]!
        return try replay.grade(step: try XCTUnwrap(lesson.stepIndex(id: step)), answer: answer, language: .en).grade
    }

    func testACountWrittenWithThousandsSeparatorsIsTheSameNumber() throws {
        XCTAssertTrue(try grade("ann", "brute-force", "30,000").passed, "the lesson itself writes 30,000")
        XCTAssertTrue(try grade("ann", "brute-force", "30000").passed)
        XCTAssertFalse(try grade("ann", "brute-force", "50").passed)
        XCTAssertFalse(try grade("ann", "brute-force", "3,00").passed, "not a grouping: a command, which fails")
    }

    func testTheIndexMustBeBuiltWithBothSettingsAndStaysInTheLearnersSession() throws {
        let lesson = try bundledLesson("ann")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog)
        let (built, graded) = try replay.grade(step: try XCTUnwrap(lesson.stepIndex(id: "build")), answer: "index build m=8 ef=50", language: .zh)
        XCTAssertTrue(built.passed)
        guard case .text(let said)? = built.evaluation?.value else { return XCTFail("no text") }
        XCTAssertTrue(said.hasPrefix("已为 glove-50d"), "the answer's output speaks the learner's language: \(said)")
        // The runner continues the learner's session from the graded one: the index comes along.
        let learner = Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d"))
        LessonReplay.transferState(from: graded, to: learner)
        XCTAssertNoThrow(try learner.evaluate("index compare queries=20"))
        let halfway = try grade("ann", "build", "index build m=8")
        XCTAssertFalse(halfway.passed, "efConstruction 200 would give other recalls than the lesson's")
        XCTAssertTrue(halfway.feedback?.contains("ef=50") == true, halfway.feedback ?? "no feedback")
    }

    func testTheAccuracyIsReadFromTheTable() throws {
        XCTAssertTrue(try grade("uses", "accuracy", "0.908").passed)
        XCTAssertTrue(try grade("uses", "accuracy", "0.91").passed, "rounded as a person reads it")
        XCTAssertFalse(try grade("uses", "accuracy", "0.917").passed, "the k-NN row, not the centroid's")
    }
}

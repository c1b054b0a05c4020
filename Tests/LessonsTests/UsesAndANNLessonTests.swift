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

    func testTheIndexMustBeBuiltWithBothSettings() throws {
        XCTAssertTrue(try grade("ann", "build", "index build m=8 ef=50").passed)
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

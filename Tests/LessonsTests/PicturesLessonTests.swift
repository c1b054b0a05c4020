import XCTest
@testable import Lessons
import Workbench

/// Lesson 11 (pictures and words): a shape question is answered in either language, by the word or
/// by classifying with labels in either language, and a wrong shape fails in both.
final class PicturesLessonTests: XCTestCase {
    func testTheZeroShotStepsAcceptChineseLabelsAndChineseAnswers() throws {
        let lesson = try bundledLesson("pictures-and-words")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog)
        let zh = #""圆形", "正方形", "三角形", "星形", "十字""#
        let en = #""circle", "square", "triangle", "star", "cross""#
        for language in [Language.en, .zh] {
            func passes(_ step: String, _ answer: String) throws -> Bool {
                try replay.grade(step: try XCTUnwrap(lesson.stepIndex(id: step)), answer: answer, language: language).grade.passed
            }
            for answer in ["classify picture 64 as \(zh)", "classify picture 64 as \(en)", "星形", "星星", "star", "Star."] {
                XCTAssertTrue(try passes("zero-shot", answer), "\(language): \(answer)")
            }
            for answer in [#"classify picture 64 as "圆形", "正方形", "三角形""#, "三角形", "triangle", "classify picture 36 as \(zh)"] {
                XCTAssertFalse(try passes("zero-shot", answer), "\(language): \(answer)")
            }
            for answer in ["classify picture 36 as \(zh)", "classify picture 36 as \(en)", "三角形", "三角", "triangle"] {
                XCTAssertTrue(try passes("held-out", answer), "\(language): \(answer)")
            }
            for answer in ["classify picture 64 as \(zh)", "星形", "star", "圆形"] {
                XCTAssertFalse(try passes("held-out", answer), "\(language): \(answer)")
            }
            // 4亿 is the number of pairs, not the millions the question asks for: told so, in the learner's language.
            let pairs = try replay.grade(step: try XCTUnwrap(lesson.stepIndex(id: "real-clip")), answer: "4亿", language: language).grade
            XCTAssertFalse(pairs.passed)
            XCTAssertTrue(pairs.feedback?.contains(language == .zh ? "百万" : "millions") ?? false, "\(language): \(pairs.feedback ?? "")")
            XCTAssertTrue(try passes("real-clip", "400"))
        }
    }
}

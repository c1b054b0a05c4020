import XCTest
@testable import Lessons

/// What a grading replay runs again: a model replaced before anything used it is not trained twice.
final class ReplaySetupTests: XCTestCase {
    func testLesson07TrainsOnlyWhatTheDomainStepsStillUse() throws {
        let lesson = try bundledLesson("predict-or-count")
        let replay = LessonReplay(lesson: lesson, catalog: Repo.catalog)
        let before = { (id: String) in try replay.setup(before: lesson.stepIndex(id: id)!) }
        // The small world's Word2Vec is replaced by GloVe's glove-world before anything uses it.
        XCTAssertEqual(try before("which-won"), ["train glove corpus=small-world dim=20 epochs=25 name=glove-world"])
        // The reviews model is replaced by the news model; only the news is trained again.
        XCTAssertEqual(try before("small-model").filter { $0.contains("word2vec") }, ["train word2vec corpus=corpora/news.txt sg=1 dim=50 threads=1"])
        // After :use zh-pd1998 no Word2Vec run is needed at all.
        XCTAssertFalse(try before("pretrained-paris").contains { $0.contains("word2vec") })
    }

    func testAModelSwitchedBackToLaterIsStillTrained() throws {
        let text = """
            ---
            id: back
            title: { en: Back, zh: 回来 }
            model: toy
            ---
            ## One | 一 {#one}
            ::: en
            Train.
            :::
            ::: zh
            训练。
            :::
            ```embedlab
            train word2vec corpus=small-world
            train glove corpus=small-world name=g
            :use trained
            ```
            ## Two | 二 {#two}
            ::: en
            Done.
            :::
            ::: zh
            完成。
            :::
            """
        let lesson = Lesson(document: Document.parse(text), path: "back.md")
        XCTAssertEqual(try LessonReplay(lesson: lesson, catalog: Repo.catalog).setup(before: 1),
                       ["train word2vec corpus=small-world", "train glove corpus=small-world name=g", ":use trained"])
    }
}

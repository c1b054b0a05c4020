import XCTest
@testable import Lessons
import Embeddings
import Workbench

/// A check that names a word the model does not have is the lesson's bug: lint names the word and
/// the model. Only a list of the word model's nearest words is looked up; a search's document
/// numbers, tokens and picture labels are other things.
final class UnknownWordLintTests: XCTestCase {
    func lesson(solution: String, checks: String, rejects: String = "king") throws -> Lesson {
        let dir = temporaryDirectory()
        let path = dir + "/typo.md"
        try """
            ---
            id: typo
            title: { en: Typo, zh: 错字 }
            model: glove-50d
            ---
            ## Royals | 王室 {#royals}
            ::: en
            Type the line.
            :::
            ::: zh
            输入这一行。
            :::
            ```embedlab
            \(solution)
            ```
            ```check
            \(checks)
            ```
            ```reject
            \(rejects)
            ```

            """.write(toFile: path, atomically: true, encoding: .utf8)
        return try LessonCatalog.read(path: path)
    }

    func testACheckNamingAWordTheModelLacksNamesTheWordAndTheModel() throws {
        let linter = LessonLinter(catalog: Repo.catalog)
        let typo = linter.lint(try lesson(solution: "king - man + woman", checks: "top 5 contains queen qeen"))
        XCTAssertEqual(typo.count, 1, typo.joined(separator: "\n"))
        XCTAssertTrue(typo[0].hasSuffix("typo.md:17: step 'royals': the check 'top 5 contains queen qeen' names 'qeen', which glove-50d does not have: no list of its words can contain it (a typo, or a word of another model?)"), typo[0])
        XCTAssertFalse(typo[0].contains("not in the first"), "not in a learner's wording")
        // A word of another language's model: one of a word's spellings must be this model's.
        XCTAssertEqual(linter.lint(try lesson(solution: "near france", checks: "nearest is french 法国")), [])
        let neither = linter.lint(try lesson(solution: "near france", checks: "nearest is frenh 法国"))
        XCTAssertTrue(neither.count == 1 && neither[0].contains("names 'frenh', '法国', which glove-50d does not have"), neither.joined(separator: "\n"))
        // An exclusion of a word that cannot appear never fails: also a bug.
        let never = linter.lint(try lesson(solution: "near 5 paris", checks: "top 5 excludes londn", rejects: "near 5 london"))
        XCTAssertTrue(never.contains { $0.contains("names 'londn'") }, never.joined(separator: "\n"))
    }

    func testLintSpeaksChineseThroughTheCatalogue() throws {
        let linter = LessonLinter(catalog: Repo.catalog, language: .zh)
        let typo = linter.lint(try lesson(solution: "king - man + woman", checks: "top 5 contains queen qeen", rejects: ""))
        XCTAssertEqual(typo.count, 2, typo.joined(separator: "\n"))
        XCTAssertTrue(typo.contains { $0.hasSuffix("typo.md:6: 步骤 'royals' 没有 reject 行（必须判错的错误答案）") }, typo.joined(separator: "\n"))
        XCTAssertTrue(typo.contains { $0.contains("步骤 'royals'：检查 'top 5 contains queen qeen' 提到的 'qeen' 不在 glove-50d 的词表里") }, typo.joined(separator: "\n"))
        XCTAssertFalse(typo.joined().contains("step"), "no English left: \(typo)")
    }

    func testASearchsDocumentNumbersAreNotLookedUpAsWords() throws {
        let linter = LessonLinter(catalog: Repo.catalog)
        // "doc99x" is no word of glove-50d, but a search lists documents, not the model's words.
        let search = linter.lint(try lesson(solution: "search faq-en \"kids stories\"", checks: "top 3 excludes doc99x\ncount is 5",
                                            rejects: "search faq-en \"where is my order\"\nnear children"))
        XCTAssertFalse(search.contains { $0.contains("does not have") }, search.joined(separator: "\n"))
    }
}

import Foundation
import XCTest
@testable import Lessons
import Workbench

/// What is wrong in a lesson file, as `embedlab lesson lint` says it in each language.
final class LessonFileProblemsLanguageTests: XCTestCase {
    /// A misspelled front-matter key and a fence never closed.
    static let broken = """
        ---
        id: fence
        title: { en: Fence, zh: 围栏 }
        modle: glove-50d
        ---
        ## King | 国王 {#king}
        ::: en
        Subtract.
        :::
        ::: zh
        相减。
        :::
        ```embedlab
        king - man + woman

        ## Next | 下一步 {#next}
        ::: en
        More.
        :::
        ::: zh
        更多。
        :::
        ```embedlab
        king
        ```

        """

    func write() throws -> String {
        let path = temporaryDirectory() + "/fence.md"
        try Self.broken.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testLintSaysAFileProblemInChineseUnderLangZh() throws {
        let path = try write()
        let zh = try GradeCommandTests.run(["lesson", "lint", path, "--lang", "zh"])
        XCTAssertEqual(zh.status, 1, zh.err)
        let lines = zh.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "\(path)：2 步，0 个练习，2 个问题",
            "  \(path):4:1: 未知的键 'modle'（是不是 'model'？课程的 front matter 只有 id, title, model）",
            "  \(path):13:1: 这个 ```embedlab 块没有结束：用一行 ``` 结束它",
            "1 课，2 个问题",
        ], zh.out)
    }

    func testLintKeepsItsEnglishWordsUnderLangEn() throws {
        let path = try write()
        let en = try GradeCommandTests.run(["lesson", "lint", path, "--lang", "en"])
        XCTAssertEqual(en.status, 1, en.err)
        XCTAssertEqual(en.out.split(separator: "\n").map(String.init), [
            "\(path): 2 steps, 0 exercises, 2 problems",
            "  \(path):4:1: unknown key 'modle' (did you mean 'model'? a lesson's front matter has id, title, model)",
            "  \(path):13:1: this ```embedlab block is never closed: end it with a line ```",
            "1 lessons, 2 problems",
        ], en.out)
    }

    /// The parser's problems, in the English they always had and in 中文, without a command line.
    func testTheParsersProblemsReadTheSameInEnglishAsBefore() {
        let lesson = Lesson(document: Document.parse("## A {#a points=x}\nprose\n```hint\nnope\n```\n"), path: "l.md")
        XCTAssertEqual(lesson.problems, [
            "l.md:1:1: the front matter has no id: (progress needs a stable one)",
            "l.md:1: unknown heading attribute 'points=x' (points=N, 0 to 1000; visibility=visible|hidden|after_due_date|after_published; lang=en|zh)",
            "l.md:2: prose outside a '::: en' or '::: zh' block in step 'a'",
            "l.md:3: a hint line must start with en: or zh:, not 'nope'",
            "l.md:1: step 'a' has a check but no embedlab block with its solution",
            "l.md:1: step 'a' has rejects or hints but no check block",
        ])
        XCTAssertEqual(lesson.problems(in: .zh), [
            "l.md:1:1: front matter 没有 id:（学习进度需要一个固定的 id）",
            "l.md:1: 未知的标题属性 'points=x'（points=N，0 到 1000；visibility=visible|hidden|after_due_date|after_published；lang=en|zh）",
            "l.md:2: 步骤 'a' 里有正文不在 '::: en' 或 '::: zh' 块中",
            "l.md:3: 提示行必须以 en: 或 zh: 开头，而不是 'nope'",
            "l.md:1: 步骤 'a' 有检查，却没有写着答案的 embedlab 块",
            "l.md:1: 步骤 'a' 有 reject 或 hint，却没有 check 块",
        ])
    }
}

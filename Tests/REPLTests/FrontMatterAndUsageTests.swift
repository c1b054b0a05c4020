import Foundation
import XCTest

/// Bad front matter and bad option values are said, by name (issue 25, findings 12 and 15): an
/// unknown key is refused where it would otherwise be ignored, with the key it resembles; a
/// lesson file that cannot be read says why; a negative value names its option and range.
final class FrontMatterAndUsageTests: XCTestCase {
    let dir = temporaryDirectory()

    func write(_ name: String, _ text: String) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func testAMisspelledFrontMatterKeyIsNamedWithTheKeyItResemblesEverywhere() throws {
        let lesson = write("typo.md", "---\nid: typo\ntitle: { en: T, zh: T }\nmodle: toy\n---\n\n## A | A {#a}\n::: en\nx\n:::\n::: zh\nx\n:::\n\n```embedlab\nsim cat dog\n```\n")
        // --lesson used to start silently on glove-50d.
        let started = try Binary.run(["--lesson", lesson], input: "\n")
        XCTAssertEqual(started.status, 1, started.out + started.err)
        XCTAssertEqual(started.err, "error: \(lesson):4:1: unknown key 'modle' (did you mean 'model'? a lesson's front matter has id, title, model) — see lessons/FORMAT.md\n")
        XCTAssertFalse(started.out.contains("[1/1]"), "the lesson did not start: \(started.out)")
        let run = try Binary.run(["run", lesson])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.err.contains("unknown front-matter key 'modle' (did you mean 'model'?"), run.err)
        let lint = try Binary.run(["lesson", "lint", lesson])
        XCTAssertEqual(lint.status, 1)
        XCTAssertTrue(lint.out.contains("\(lesson):4:1: unknown key 'modle' (did you mean 'model'?"), lint.out)
    }

    func testLintOnAFileWithAnOverlongLineNamesTheLineAndTheLimit() throws {
        let lesson = write("long.md", "---\nid: long\ntitle: { en: T, zh: T }\n---\n## A | A {#a}\n" + String(repeating: "x", count: 200_000) + "\n")
        let r = try Binary.run(["lesson", "lint", lesson])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "error: \(lesson): line 6 is 200000 bytes long, more than the 65536 a line may have; break it into shorter lines\n")
    }

    func testALessonThatCannotStartSaysSoWithoutALineZero() throws {
        let r = try Binary.run(["--lesson", write("empty.md", "no steps here\n")], input: "\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("error: the lesson empty has no steps"), r.err)
        XCTAssertFalse(r.err.contains("line 0"), r.err)
    }

    func testANegativeKOnTheCommandLineNamesTheOptionAndItsRange() throws {
        let r = try Binary.run(["query", "glove-50d", "near king", "-k", "-1"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("k must be a whole number from 1 to 1000, not '-1'"), r.err)
        XCTAssertFalse(r.err.contains("Missing value"), r.err)
    }
}

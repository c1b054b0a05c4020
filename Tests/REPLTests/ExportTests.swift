import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Pictures and pages from the command line and the prompt, as an instructor makes them for a class.
final class ExportTests: XCTestCase {
    func wellFormed(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { XCTFail("\(path) was not written", file: file, line: line); return "" }
        let parser = XMLParser(data: data)
        XCTAssertTrue(parser.parse(), "\(path) is well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
        return String(decoding: data, as: UTF8.self)
    }

    func testQueryWritesAPictureForASlide() throws {
        let dir = temporaryDirectory()
        let svg = dir + "/plot.svg"
        let r = try Binary.run(["query", "toy", "plot 猫 狗 汽车 飞机", "--svg", svg])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("plot.svg"), r.out)
        let text = wellFormed(svg)
        XCTAssertTrue(text.hasPrefix("<?xml") && text.contains("<text") && text.contains("汽车") && text.contains("PC1 ("))
        let none = try Binary.run(["query", "toy", ":set k 5", "--svg", dir + "/none.svg"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.err.contains("no picture"), none.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/none.svg"))
        XCTAssertEqual(try Binary.run(["query", "toy", "near 猫", "--svg", dir + "/near.png"]).status, 64, "only .svg is written")
    }

    func testThePromptExportsTheLastPictureAndSavesPagesButNotUnknownFiles() throws {
        let dir = temporaryDirectory()
        let r = try Binary.run(["--model", "toy"], input: "plot 猫 狗 汽车 飞机\n:export \(dir)/p.svg\n:save \(dir)/s.html\n:save \(dir)/s.md\n:save \(dir)/s.txt\n:set k 3\n:export \(dir)/q.svg\n:save \(dir)/missing/s.html\n")
        // The refused :save (line 5), the :export with no picture (line 7) and the :save into a
        // folder that does not exist (line 8) are the script's errors, like any other line's.
        XCTAssertEqual(r.status, 1, r.err)
        for n in [5, 7, 8] { XCTAssertTrue(r.err.contains("line \(n): "), "line \(n): " + r.err) }
        XCTAssertEqual(r.err.split(separator: "\n").count, 3, r.err)
        _ = wellFormed(dir + "/p.svg")
        let page = wellFormed(dir + "/s.html")
        XCTAssertTrue(page.contains("plot 猫 狗 汽车 飞机") && page.contains("<svg "), "the saved page has the cell and its picture")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/s.md"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/s.txt"), ":save refuses what it does not write")
        XCTAssertTrue((r.out + r.err).contains(".txt"), r.out + r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/q.svg"), "a confirmation has no picture")
    }

    func testANotebookBecomesAPage() throws {
        let dir = temporaryDirectory()
        let notebook = dir + "/demo.md"
        try Data("---\ntitle: Demo\nmodel: toy\n---\n::: en\nThe article's *cat*.\n:::\n::: zh\n文章里的*猫*。\n:::\n```embedlab\nnear 猫\nsim 猫 狗\n```\n".utf8).write(to: URL(fileURLWithPath: notebook))
        let r = try Binary.run(["export", notebook, "--html", dir + "/demo.html"])
        XCTAssertEqual(r.status, 0, r.err)
        let page = wellFormed(dir + "/demo.html")
        XCTAssertEqual(page.components(separatedBy: "<section class=\"cell\">").count - 1, 2)
        XCTAssertTrue(page.contains("文章里的") && page.contains("The article"))
        XCTAssertFalse(page.contains("<script"))
        XCTAssertEqual(try Binary.run(["export", notebook, "--html", dir + "/demo.md"]).status, 64)
    }

    func testALessonIsExportedAndHandedOutWithoutSolutionsUnlessAsked() throws {
        let dir = temporaryDirectory()
        let lesson = Binary.root.appendingPathComponent("lessons/01-library.md").path
        let solutions = try String(contentsOfFile: lesson, encoding: .utf8).components(separatedBy: "```check")
            .dropLast().compactMap { $0.components(separatedBy: "```embedlab\n").last?.components(separatedBy: "\n```").first }
        XCTAssertFalse(solutions.isEmpty)
        let student = try Binary.run(["export", lesson, "--html", dir + "/student.html"])
        XCTAssertEqual(student.status, 0, student.err)
        let page = wellFormed(dir + "/student.html")
        XCTAssertEqual(page.components(separatedBy: "<section class=\"answer\"").count - 1, solutions.count, "a box for each exercise")
        for s in solutions { XCTAssertFalse(page.contains("&gt; </span>\(s)</div>"), "no solution cell: \(s)") }
        XCTAssertEqual(try Binary.run(["export", lesson, "--html", dir + "/key.html", "--solutions"]).status, 0)
        let key = wellFormed(dir + "/key.html")
        for s in solutions { XCTAssertTrue(key.contains("&gt; </span>\(s)</div>"), "the key has \(s)") }

        let md = try Binary.run(["lesson", "handout", "library", "--md", dir + "/h.md", "--lang", "zh"])
        XCTAssertEqual(md.status, 0, md.err)
        XCTAssertTrue(md.out.contains("no solutions"), md.out)
        let text = try String(contentsOfFile: dir + "/h.md", encoding: .utf8)
        XCTAssertTrue(text.contains("```embedlab") && text.contains(": ______"), text)
        for s in solutions { XCTAssertFalse(text.contains("```embedlab\n\(s)\n```"), "no solution block: \(s)") }
        XCTAssertEqual(try Binary.run(["lesson", "handout", "library", "--html", dir + "/h.md"]).status, 64)
        XCTAssertEqual(try Binary.run(["lesson", "handout", "no-such-lesson"]).status, 1)
        XCTAssertEqual(try Binary.run(["lesson", "handout", "library", "--html", dir + "/h.html"]).status, 0)
        _ = wellFormed(dir + "/h.html")
    }

    func testTheProjectorPageComesWithTheProjectorsOwnFiles() throws {
        let dir = temporaryDirectory()
        let r = try Binary.run(["projector", "toy", "--top", "20", "-k", "3", "--html", dir + "/toy.html"])
        XCTAssertEqual(r.status, 0, r.err)
        let page = wellFormed(dir + "/toy.html")
        XCTAssertEqual(page.components(separatedBy: "data-word=").count - 1, 40, "each of 20 words in the PCA and the t-SNE view")
        XCTAssertTrue(page.contains("data-view=\"tsne\""))
        let vectors = try String(contentsOfFile: dir + "/toy.tsv", encoding: .utf8).split(separator: "\n")
        let words = try String(contentsOfFile: dir + "/toy-metadata.tsv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(vectors.count, 20)
        XCTAssertEqual(words.count, 20)
        XCTAssertEqual(vectors[0].split(separator: "\t").count, 3)
        // A word list with categories: its words, coloured by the column; its file is never overwritten.
        try "word\tkind\n猫\tanimal\n狗\tanimal\n汽车\tvehicle\n飞机\tvehicle\n".write(toFile: dir + "/kinds.tsv", atomically: true, encoding: .utf8)
        let coloured = try Binary.run(["projector", "toy", "--metadata", dir + "/kinds.tsv", "--no-tsne", "--html", dir + "/page.html"])
        XCTAssertEqual(coloured.status, 0, coloured.err)
        let kinds = wellFormed(dir + "/page.html")
        XCTAssertEqual(kinds.components(separatedBy: "data-category=\"vehicle\"").count - 1, 2)
        XCTAssertFalse(kinds.contains("data-view=\"tsne\""), "--no-tsne: PCA only")
        XCTAssertEqual(try Binary.run(["projector", "toy", "--metadata", dir + "/kinds.tsv", "--html", dir + "/page.html", "--color-by", "colour"]).status, 1)
        let clash = try Binary.run(["projector", "toy", "--metadata", dir + "/kinds.tsv", "--html", dir + "/kinds.html"])
        XCTAssertEqual(clash.status, 64, "kinds.html would write kinds.tsv over the metadata: \(clash.err)")
        XCTAssertTrue(try String(contentsOfFile: dir + "/kinds.tsv", encoding: .utf8).hasPrefix("word\tkind"), "the metadata file is intact")
        let few = try Binary.run(["projector", "toy", "猫", "nonsense", "--html", dir + "/few.html"])
        XCTAssertEqual(few.status, 1)
        XCTAssertTrue(few.err.contains("at least 3 words"), few.err)
    }
}

import XCTest
import Foundation
import Workbench
import Embeddings
import Lessons
@testable import Rendering

/// The pages in a real browser (headless Chromium): what a reader sees, not what we meant to write.
final class BrowserTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "embedlab-pages-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTheNotebookPageShowsItsCellsAndPicturesAndIsNotBlank() throws {
        let browser = try Browser.required()
        let html = NotebookPageHTML.render(NotebookPage(document: Document.parse(PageTests.demo), session: try Models.session("toy")))
        let path = try write(html, "demo.html")
        let dom = try browser.dom(of: "file://" + path)
        XCTAssertEqual(dom.components(separatedBy: "<section class=\"cell\">").count - 1, 4, "four cells")
        XCTAssertEqual(dom.components(separatedBy: "<svg ").count - 1, 3, "three pictures")
        for text in ["near 猫", "plot 猫 狗 汽车 飞机", "汽车", "PC1 (", "cos(猫, 狗)", "向量运算", "Cats and dogs"] {
            XCTAssertTrue(dom.contains(text), "the page shows \(text)")
        }
        let png = folder + "/demo.png"
        try browser.screenshot(of: "file://" + path, to: png)
        let variation = try imageVariation(png)
        XCTAssertGreaterThan(variation.deviation, 0.05, "the screenshot is not blank")
        XCTAssertGreaterThan(variation.colours, 16, "text and pictures, not a flat colour")
        if let keep = ProcessInfo.processInfo.environment["EMBEDLAB_KEEP_SCREENSHOTS"] { try? FileManager.default.copyItem(atPath: png, toPath: keep + "/notebook.png") }

        // Dark and print: the page's colours change, and the pictures' text follows the page's.
        let tab = try DevToolsPipe(browser: browser, url: "file://" + path)
        try tab.attachToPage()
        let colours = "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('figure svg text')).fill].join(' / ')"
        XCTAssertEqual(try tab.evaluate(colours) as? String, "rgb(255, 255, 255) / rgb(29, 29, 31)")
        _ = try tab.send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": "dark"]]])
        XCTAssertEqual(try tab.evaluate(colours) as? String, "rgb(23, 23, 26) / rgb(232, 232, 234)", "dark: light text on a dark page")
        _ = try tab.send("Emulation.setEmulatedMedia", ["media": "print", "features": [["name": "prefers-color-scheme", "value": "dark"]]])
        XCTAssertEqual(try tab.evaluate(colours) as? String, "rgb(255, 255, 255) / rgb(0, 0, 0)", "print: black on white, even from a dark screen")
    }

    func testSearchingTheProjectorPageHighlightsTheWordAndItsNeighbours() throws {
        let browser = try Browser.required()
        let model = try Models.catalog.load("glove-50d")
        let words = ["king", "queen", "prince", "princess", "man", "woman", "boy", "girl", "paris", "france", "rome", "italy",
                     "berlin", "germany", "cat", "dog", "horse", "cow", "car", "truck", "plane", "train"]
        let page = try ProjectorPage(model: model, words: words, k: 4)
        let path = try write(ProjectorPageHTML.render(page), "projector.html")

        let dom = try browser.dom(of: "file://" + path + "?q=Queen")
        let queen = page.words.firstIndex(of: "queen")!
        let expected = page.neighbours[queen].map { page.words[$0.index] }
        XCTAssertTrue(dom.contains("<body class=\"searching\">"), "the search ran")
        XCTAssertTrue(dom.contains("class=\"point hit\" data-word=\"queen\""), "Queen finds queen, ignoring case")
        for word in expected { XCTAssertTrue(dom.contains("class=\"point near\" data-word=\"\(word)\""), "\(word) is highlighted") }
        let highlighted = dom.components(separatedBy: "class=\"point near\"").count - 1
        XCTAssertEqual(highlighted, 4, "only the 4 neighbours")
        XCTAssertTrue(dom.contains("<li>\(expected[0])<span class=\"cos\">"), "the list names the nearest first")

        let none = try browser.dom(of: "file://" + path + "?q=zebra")
        XCTAssertTrue(none.contains("zebra is not among the words this page knows"), "a word the page cannot find says so")
        XCTAssertFalse(none.contains("point hit"))

        // Typed, key by key, as a reader would: the same highlight, and clearing the box clears it.
        let tab = try DevToolsPipe(browser: browser, url: "file://" + path)
        try tab.attachToPage()
        _ = try tab.evaluate("document.getElementById('q').focus()")
        try tab.type("queen")
        let near = try tab.evaluate("Array.prototype.map.call(document.querySelectorAll('g.point.near'), function (g) { return g.getAttribute('data-word'); }).sort().join(' ')") as? String
        XCTAssertEqual(near, expected.sorted().joined(separator: " "))
        XCTAssertEqual(try tab.evaluate("document.querySelector('g.point.hit').getAttribute('data-word')") as? String, "queen")
        XCTAssertEqual(try tab.evaluate("document.querySelectorAll('#neighbours li').length") as? Int, 4)
        for _ in 0..<5 { try tab.press(key: "Backspace", code: 8) }
        XCTAssertEqual(try tab.evaluate("document.getElementById('q').value") as? String, "")
        XCTAssertEqual(try tab.evaluate("document.querySelectorAll('g.point.near, g.point.hit').length") as? Int, 0)

        let png = folder + "/projector.png"
        try browser.screenshot(of: "file://" + path + "?q=queen", to: png, width: 1200, height: 900)
        XCTAssertGreaterThan(try imageVariation(png).deviation, 0.05)
        if let keep = ProcessInfo.processInfo.environment["EMBEDLAB_KEEP_SCREENSHOTS"] { try? FileManager.default.copyItem(atPath: png, toPath: keep + "/projector.png") }
    }
}

import XCTest
import Foundation
import Workbench
import Embeddings
import VectorMath
@testable import Rendering

/// The projector page with t-SNE beside PCA, categories, decluttered labels and a search that
/// knows words off the page, read in headless Chromium.
final class ProjectorBrowserTests: XCTestCase {
    func testTSNEViewColoursDeclutteredLabelsAndSearchOffThePage() throws {
        let browser = try Browser.required()
        let folder = NSTemporaryDirectory() + "embedlab-projector-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try Models.catalog.load("glove-50d")
        let words = Array(model.words.filter { $0.contains { $0.isLetter } }.prefix(300))
        XCTAssertFalse(words.contains("king"), "king is off this page")
        let categories = words.map { $0.count <= 3 ? "short" : "long" }
        let page = try ProjectorPage(model: model, words: words, k: 10, tsne: TSNE(perplexity: 30, seed: 1),
                                     categories: categories, categoryName: "length", searchTop: 2000)
        let path = folder + "/projector.html"
        try Data(ProjectorPageHTML.render(page).utf8).write(to: URL(fileURLWithPath: path))

        // The t-SNE view chosen in the address, and king found though it is not drawn.
        let dom = try browser.dom(of: "file://" + path + "?view=tsne&q=king")
        XCTAssertTrue(dom.contains("<figure class=\"map\" data-view=\"tsne\">"), "the t-SNE view is shown")
        XCTAssertTrue(dom.contains("<figure class=\"map\" data-view=\"pca\" hidden=\"\">") || dom.contains("data-view=\"pca\" hidden"), "PCA is hidden")
        XCTAssertTrue(dom.contains("t-SNE of 300 words (perplexity 30, seed 1)"))
        XCTAssertTrue(dom.contains("king is not drawn here; its 10 nearest words on the page are lit"), "no 'not on this page' for a common word")
        XCTAssertEqual(dom.components(separatedBy: "class=\"point near\"").count - 1, 20, "its 10 neighbours, lit in both views")
        let kingNear = page.offPage.first { $0.word == "king" }!.near.map { page.words[$0.index] }
        XCTAssertTrue(dom.contains("<li>\(kingNear[0])<span class=\"cos\">"), "the list starts with \(kingNear[0])")
        // Coloured by the metadata column, with a legend.
        XCTAssertTrue(dom.contains("<h2>length</h2>") && dom.contains("data-category=\"short\"") && dom.contains("fill=\"#e07b24\""))

        // Switching views by the radio buttons, and no two visible labels overlap in either view.
        let tab = try DevToolsPipe(browser: browser, url: "file://" + path)
        try tab.attachToPage()
        let overlaps = """
            (function (view) {
              var texts = Array.prototype.slice.call(document.querySelectorAll('figure[data-view=' + view + '] g.point text'))
                .filter(function (t) { return getComputedStyle(t).display !== 'none'; });
              var boxes = texts.map(function (t) { return t.getBoundingClientRect(); });
              var n = 0;
              for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
                var a = boxes[i], b = boxes[j];
                if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
              }
              return n + ' ' + texts.length;
            })
            """
        let pca = try XCTUnwrap(tab.evaluate(overlaps + "('pca')") as? String).split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(pca[0], 0, "no visible PCA labels overlap")
        XCTAssertGreaterThan(pca[1], 30, "yet many are shown")
        XCTAssertLessThan(pca[1], 300, "and the crowded ones wait for the pointer")
        _ = try tab.evaluate("document.querySelector('input[name=view][value=tsne]').click()")
        XCTAssertEqual(try tab.evaluate("document.querySelector('figure[data-view=pca]').hidden + ' ' + document.querySelector('figure[data-view=tsne]').hidden") as? String, "true false")
        let tsne = try XCTUnwrap(tab.evaluate(overlaps + "('tsne')") as? String).split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(tsne[0], 0, "no visible t-SNE labels overlap")
        XCTAssertGreaterThan(tsne[1], 30)

        let png = folder + "/tsne.png"
        try browser.screenshot(of: "file://" + path + "?view=tsne&q=queen", to: png, width: 1300, height: 1000)
        XCTAssertGreaterThan(try imageVariation(png).deviation, 0.05, "the t-SNE view is not blank")
        if let keep = ProcessInfo.processInfo.environment["EMBEDLAB_KEEP_SCREENSHOTS"] { try? FileManager.default.copyItem(atPath: png, toPath: keep + "/projector-tsne.png") }
    }
}

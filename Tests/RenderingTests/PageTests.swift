import XCTest
import Workbench
import Embeddings
import Lessons
@testable import Rendering

/// Notebooks and the projector as pages: self-contained, well-formed, with what the document has.
final class PageTests: XCTestCase {
    static let demo = """
    ---
    title: { en: Vector arithmetic, zh: 向量运算 }
    model: toy
    ---
    ## The article's vectors
    ::: en
    Cats and dogs are *close*; cars are `far`.
    :::
    ::: zh
    猫和狗很*近*，汽车很`远`。
    :::
    ```embedlab
    near 猫
    plot 猫 狗 汽车 飞机
    sim 猫 狗
    nonsense words here
    ```
    ```check
    top 3 contains 狗
    ```
    """

    func notebookPage() throws -> String {
        let session = try Models.session("toy")
        return NotebookPageHTML.render(NotebookPage(document: Document.parse(Self.demo), session: session))
    }

    func testANotebookPageHasItsCellsOutputsPicturesAndBothLanguages() throws {
        let html = try notebookPage()
        let summary = XMLSummary.parse(html)
        XCTAssertNil(summary.error, "the page is well-formed XML: \(String(describing: summary.error))")
        XCTAssertEqual(summary.externalReferences, [])
        XCTAssertFalse(summary.elements.contains("script"), "a notebook page needs no script")
        XCTAssertEqual(summary.attributes.filter { $0.element == "section" && $0.value == "cell" }.count, 4)
        XCTAssertEqual(summary.elements.filter { $0 == "svg" }.count, 3, "near, plot and sim are pictures")
        XCTAssertTrue(summary.texts.contains("Vector arithmetic · 向量运算"))
        XCTAssertTrue(summary.attributes.contains { $0.element == "div" && $0.name == "lang" && $0.value == "zh-Hans" })
        XCTAssertTrue(summary.texts.contains("近") && summary.texts.contains("close"), "emphasis in both languages")
        XCTAssertTrue(summary.texts.contains { $0.contains("nonsense") && $0.contains("error") }, "an error shows as the terminal shows it")
        XCTAssertFalse(html.contains("top 3 contains"), "checks are for grading, not for the page")
    }

    func testMarkupInANotebookStaysText() {
        let page = NotebookPage(title: "<script>x</script>", items: [
            .prose([.init(language: nil, markdown: "a <b>bold</b> & *real* claim")]),
            .cell(.init(input: "near <img src=x>", output: .error("unknown word '<img>'"))),
        ])
        let html = NotebookPageHTML.render(page)
        let summary = XMLSummary.parse(html)
        XCTAssertNil(summary.error)
        XCTAssertEqual(summary.externalReferences, [])
        XCTAssertFalse(summary.elements.contains("b") || summary.elements.contains("img") || summary.elements.contains("script"))
        XCTAssertTrue(summary.elements.contains("em"))
    }

    func testTheProjectorPageCarriesEachWordsNeighbours() throws {
        let model = try Models.catalog.load("toy")
        let page = try ProjectorPage(model: model, words: Array(model.words.prefix(12)), k: 3)
        XCTAssertEqual(page.neighbours.count, 12)
        for (i, near) in page.neighbours.enumerated() {
            XCTAssertEqual(near.count, 3)
            XCTAssertFalse(near.contains { $0.index == i }, "a word is not its own neighbour")
            XCTAssertEqual(near.map(\.score), near.map(\.score).sorted(by: >))
        }
        // The same neighbours as the model's own search, restricted to the page's words.
        let 猫 = page.words.firstIndex(of: "猫")!
        let expected = try model.nearest(to: "猫", k: model.count).map(\.word).filter { page.words.contains($0) }.prefix(3)
        XCTAssertEqual(page.neighbours[猫].map { page.words[$0.index] }, Array(expected))
        let html = ProjectorPageHTML.render(page)
        let summary = XMLSummary.parse(html)
        XCTAssertNil(summary.error)
        XCTAssertEqual(summary.externalReferences, [])
        XCTAssertEqual(summary.attributes.filter { $0.name == "data-word" }.count, 12)
        XCTAssertLessThan(html.utf8.count, 40_000)
        XCTAssertThrowsError(try ProjectorPage(model: model, words: ["猫", "nonsense"], k: 3))
        XCTAssertEqual(page.vectors.words, page.words)
        XCTAssertEqual(page.vectors.vector("猫"), model.vector("猫"), "the TSV files get the full vectors, not the 2-D points")
    }
}

import XCTest
import Workbench
import Embeddings
@testable import Rendering

/// Results fit a narrow terminal: bars shrink, then go, before a line passes the right edge.
final class NarrowTerminalTests: XCTestCase {
    func assertFits(_ value: Value, file: StaticString = #filePath, line: UInt = #line) {
        for width in [30, 40, 80, 110] {
            let text = ValueRenderer.render(value, style: Style(width: width))
            for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(String(l)), width, "width \(width): \(l)", file: file, line: line)
            }
        }
    }

    func testNeighboursWithLongWordsFit() {
        let list = NeighbourList(query: "internationalisation - nation", items: [
            Neighbour(word: "internationalisations", index: 1, score: 0.8524),
            Neighbour(word: "中华人民共和国国务院", index: 2, score: 0.7664),
            Neighbour(word: "x", index: 3, score: -0.25),
        ], excluded: ["internationalisation", "nation"], method: .cosAdd)
        assertFits(.neighbours(list))
        // At 80 columns the bars are still drawn.
        XCTAssertTrue(ValueRenderer.render(.neighbours(list), style: Style(width: 80)).contains("█"))
    }

    func testACosineWithALongLabelFits() {
        let s = ScalarValue(value: 0.9218, label: "cos(bank in \"we sat on the river bank\", bank in \"the bank raised its rates\")", kind: .cosine)
        // The label is the learner's own expression and is shown whole; what must not happen is a bar pushed past the edge.
        for width in [40, 80] {
            let lines = ValueRenderer.render(.scalar(s), style: Style(width: width)).split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "\(s.label) = 0.9218")
            XCTAssertEqual(lines.count, 2, "the bar, at its one scale, goes on a line of its own")
        }
        assertFits(.scalar(ScalarValue(value: -0.25, label: "cos(猫, 计算机)", kind: .cosine)))
        XCTAssertTrue(ValueRenderer.render(.scalar(ScalarValue(value: 0.9218, label: "cos(cat, dog)", kind: .cosine)), style: Style(width: 40)).contains("█"))
    }

    func testANamedVectorFits() {
        assertFits(.vector(VectorValue(values: [0.3, 0.8, -0.2], label: "猫", dimensionNames: ["home/居家", "alive/有生命", "vehicle/交通工具"])))
    }
}

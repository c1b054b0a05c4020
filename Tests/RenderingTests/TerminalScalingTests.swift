import XCTest
import Workbench
@testable import Rendering

/// The terminal pictures keep their proportions: a plot at equal aspect, bars on one scale.
final class TerminalScalingTests: XCTestCase {
    func testAFlatSecondComponentGivesALowPlot() {
        // PC2 spreads 1/50 of PC1: the plot is one or two rows, not sixteen.
        let flat = ScatterPlot(title: "flat", points: [.init(label: "a", x: -1, y: 0.02), .init(label: "b", x: 1, y: -0.02), .init(label: "c", x: 0, y: 0)],
                               xLabel: "PC1 (99%)", yLabel: "PC2 (1%)")
        let rows = ScatterRenderer.render(flat, style: .plain).split(separator: "\n").filter { $0.hasPrefix("│") }
        XCTAssertLessThanOrEqual(rows.count, 2)
        let square = ScatterPlot(title: "round", points: [.init(label: "a", x: -1, y: 0), .init(label: "b", x: 1, y: 0), .init(label: "c", x: 0, y: 1), .init(label: "d", x: 0, y: -1)],
                                 xLabel: "PC1 (50%)", yLabel: "PC2 (50%)")
        XCTAssertEqual(ScatterRenderer.render(square, style: .plain).split(separator: "\n").filter { $0.hasPrefix("│") }.count, 16, "equal spreads use the full height")
    }

    func testFourWordsOfTheToyModelAllAppearWithTheirLabels() throws {
        let s = try Models.session("toy")
        let text = ValueRenderer.render(try s.evaluate("plot 猫 狗 汽车 飞机").value, style: .plain)
        for word in ["猫", "狗", "汽车", "飞机"] { XCTAssertTrue(text.contains(word), text) }
        XCTAssertTrue(text.contains("same scale across and up"))
    }

    func testZeroPointFourNeverGetsMoreBlocksThanMinusZeroPointFive() {
        func blocks(_ values: [Float], _ dimension: Int) -> Int {
            let text = ValueRenderer.render(.vector(VectorValue(values: values, label: "v", dimensionNames: values.indices.map { "n\($0)" })), style: .plain)
            let line = text.split(separator: "\n")[dimension + 1]
            return line.filter { $0 == "█" }.count
        }
        XCTAssertLessThan(blocks([0.4, 0.1, 0.2], 0), blocks([-0.5, 0.9, 0.1], 0))
        XCTAssertEqual(blocks([0.4, 0.1, 0.2], 0), blocks([0.4, 0.9, -0.8], 0))
        let big = ValueRenderer.render(.vector(VectorValue(values: [3, -1], label: "w", dimensionNames: ["a", "b"])), style: .plain)
        XCTAssertTrue(big.hasPrefix("w  (2 dimensions; bars ±5 full width)"), big)
    }
}

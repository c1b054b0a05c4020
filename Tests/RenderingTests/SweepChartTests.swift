import XCTest
import Workbench
@testable import Rendering

/// `index sweep` drawn as ANN-Benchmarks draws a method: recall across, queries per second up.
final class SweepChartTests: XCTestCase {
    static let sweep = RecallSweep(model: "glove-50d", queries: 200, k: 10, exactQueriesPerSecond: 4300, points: [
        .init(ef: 10, recall: 0.950, queriesPerSecond: 93000), .init(ef: 20, recall: 0.976, queriesPerSecond: 70000),
        .init(ef: 40, recall: 0.986, queriesPerSecond: 45000), .init(ef: 80, recall: 0.994, queriesPerSecond: 15000),
        .init(ef: 160, recall: 0.997, queriesPerSecond: 3900), .init(ef: 320, recall: 1.000, queriesPerSecond: 1750)])

    static func table(_ language: Language) -> Table {
        Table(title: language.pick(en: "recall against speed", zh: "召回率对速度"), headers: ["search", "recall@10", "queries per second", "ms per query"],
              rows: [["exact", "1.000", "4300", "0.233"]] + sweep.points.map { ["HNSW ef=\($0.ef)", String(format: "%.3f", $0.recall), "\(Int($0.queriesPerSecond))", "0.1"] },
              numericColumns: [1, 2, 3], detail: .sweep(sweep))
    }

    func testTheTerminalChartPutsEachEfOnItsDecadeAndFitsTheScreen() {
        for language in [Language.en, .zh] {
            for width in [80, 120] {
                let text = ValueRenderer.render(.table(Self.table(language)), style: Style(width: width, language: language))
                let lines = text.split(separator: "\n").map(String.init)
                XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(language) \(width):\n\(text)")
                for ef in [10, 20, 40, 80, 160, 320] { XCTAssertTrue(text.contains("ef=\(ef)"), "ef=\(ef) is labelled:\n\(text)") }
                XCTAssertTrue(text.contains("recall@10"))
                // ef=10 (93,000 a second) is on the 100k row's band, ef=320 (1,750) just above 1k.
                let row = { (label: String) in lines.firstIndex { $0.contains("● " + label) || $0.contains(label + " ●") } }
                XCTAssertNotNil(row("ef=10"))
                XCTAssertLessThan(row("ef=10")!, row("ef=320")!, "faster is higher:\n\(text)")
                XCTAssertTrue(lines.contains { $0.hasPrefix("   1k ┤") } && lines.contains { $0.hasPrefix(" 100k ┤") }, "a labelled row per decade:\n\(text)")
                XCTAssertTrue(text.contains(language.pick(en: "up and to the right is better", zh: "越往右上越好")), text)
                XCTAssertTrue(text.contains("HNSW ef=320"), "the table follows the chart")
            }
        }
    }

    func testBruteForceOnTheSameCellAsAnEfHidesNeither() {
        var sweep = Self.sweep
        sweep.exactQueriesPerSecond = 1800   // ef=320 (recall 1, 1,750 a second) and brute force share a cell
        var table = Self.table(.en)
        table.detail = .sweep(sweep)
        let chart = ValueRenderer.render(.table(table), style: Style(width: 80)).components(separatedBy: "\nsearch")[0]
        XCTAssertEqual(chart.components(separatedBy: "●").count - 1, 7, "six ef points and the legend's:\n\(chart)")
        XCTAssertEqual(chart.components(separatedBy: "◆").count - 1, 2, "brute force and the legend's:\n\(chart)")
        XCTAssertTrue(chart.contains("ef=320"), chart)
    }

    func testTheSVGIsRecallAcrossAndQueriesPerSecondUpOnALogScale() throws {
        guard let svg = SVGRenderer.file(.table(Self.table(.en))) else { return XCTFail("index sweep has a picture") }
        assertValidSVG(svg)
        for text in ["ef=10", "ef=320", "recall@10", "queries per second (log scale)", "brute force", "HNSW: 0.95, 93000"] {
            XCTAssertTrue(svg.contains(text), "\(text) in\n\(svg)")
        }
        let json = try JSONEncoder().encode(Value.table(Self.table(.en)))
        XCTAssertEqual(try JSONDecoder().decode(Value.self, from: json), .table(Self.table(.en)), "a sweep reads back from JSON as it was")
    }
}

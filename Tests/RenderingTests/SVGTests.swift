import XCTest
import Workbench
import Embeddings
@testable import Rendering

/// Pictures as an instructor would put them on a slide: every value with a picture is valid,
/// self-contained SVG, the same bytes every time.
final class SVGTests: XCTestCase {
    static let plot = ScatterPlot(title: "toy: PCA of 4 vectors", points: [
        .init(label: "猫", x: -0.62, y: 0.08), .init(label: "狗", x: -0.55, y: -0.06),
        .init(label: "汽车", x: 0.55, y: 0.05), .init(label: "飞机", x: 0.62, y: -0.07),
    ], xLabel: "PC1 (96%)", yLabel: "PC2 (3%)")

    static let training = TrainingSummary(corpus: "small-world", modelName: "trained", words: 316, dimensions: 20, tokens: 35820, records: 6288,
                                          epochs: 5, epochCosts: [0.5, 0.21, 0.09, 0.031, 0.012], seconds: 0.03, cancelled: false,
                                          settings: [.init("dim", "20")], suggestions: [])

    func testEveryKindOfPictureMatchesItsGoldenFile() {
        Golden.check(ScatterSVG.render(Self.plot), "scatter.svg")
        Golden.check(BarsSVG.vector(VectorValue(values: [0.3, 0.8, -0.2], label: "猫", dimensionNames: ["home/居家", "alive/有生命", "vehicle/交通工具"])), "vector.svg")
        Golden.check(BarsSVG.neighbours(NeighbourList(query: "king - man + woman", items: [
            Neighbour(word: "queen", index: 1, score: 0.8524), Neighbour(word: "throne", index: 2, score: 0.7664),
            Neighbour(word: "prince", index: 3, score: 0.7592)], excluded: ["king", "man", "woman"], method: .cosAdd)), "neighbours.svg")
        Golden.check(BarsSVG.scalar(ScalarValue(value: 0.9218, label: "cos(cat, dog)", kind: .cosine)), "cosine.svg")
        Golden.check(LineChartSVG.render(LineChart(training: Self.training, title: "trained GloVe on small-world")), "training.svg")
        Golden.check(LineChartSVG.render(LineChart(title: "recall against speed", xLabel: "queries per second", yLabel: "recall@10", series: [
            .init(name: "HNSW", points: [(12000, 0.81), (7000, 0.93), (3500, 0.99)], pointLabels: ["ef=10", "ef=40", "ef=160"]),
            .init(name: "exact", points: [(900, 1.0)])], logX: true)), "recall.svg")
    }

    func testEveryValueWithAPictureIsWellFormedSelfContainedSVG() throws {
        let s = try Models.session("toy")
        var drawn = 0
        for line in ["plot 猫 狗 汽车 飞机", "猫", "near 猫", "sim 猫 狗", #"cooccur "the cat sat on the mat. the dog sat on the log""#,
                     "猫 - 狗 + 汽车", "[0.3, 0.8, -0.2]"] {
            let value = try s.evaluate(line).value
            guard let svg = SVGRenderer.file(value) else { return XCTFail("\(line) has no picture") }
            assertValidSVG(svg)
            XCTAssertEqual(SVGRenderer.file(value), svg, "\(line): the same value gives the same bytes")
            drawn += 1
        }
        XCTAssertEqual(drawn, 7)
        assertValidSVG(LineChartSVG.render(LineChart(training: Self.training, title: nil)))
        XCTAssertNil(SVGRenderer.svg(try s.evaluate(":set k 5").value), "a confirmation has no picture")
    }

    func testAnEvaluationIsDrawnAsAccuracyBySection() throws {
        let s = try Models.session("glove-50d")
        let value = try s.evaluate("eval small-world").value
        guard let svg = SVGRenderer.file(value) else { return XCTFail("eval has a picture") }
        assertValidSVG(svg)
        let summary = XMLSummary.parse(svg)
        XCTAssertTrue(summary.texts.contains("capitals-en"))
        XCTAssertTrue(summary.texts.contains { $0.hasPrefix("82.2%") && $0.hasSuffix("74/90") }, "\(summary.texts)")
        XCTAssertTrue(summary.texts.contains("no questions"), "a section whose words are all missing says so, not 0%")
    }

    func testLabelsAreTextInTheDocumentWithACJKFontStack() throws {
        let svg = ScatterSVG.render(Self.plot)
        let summary = XMLSummary.parse(svg)
        for word in ["猫", "狗", "汽车", "飞机", "PC1 (96%)", "PC2 (3%)"] { XCTAssertTrue(summary.texts.contains(word), word) }
        let font = summary.attributes.first { $0.element == "svg" && $0.name == "font-family" }?.value ?? ""
        XCTAssertTrue(font.contains("Noto Sans CJK SC") && font.contains("PingFang SC") && font.hasSuffix("sans-serif"), font)
    }

    func testAWordThatLooksLikeMarkupIsEscaped() {
        let svg = ScatterSVG.render(ScatterPlot(title: "<b>&\"'", points: [.init(label: "<script>alert(1)</script>", x: 0, y: 0),
                                                                              .init(label: "a\u{1}b", x: 1, y: 1)], xLabel: "x", yLabel: "y"))
        assertValidSVG(svg)
        let summary = XMLSummary.parse(svg)
        XCTAssertFalse(summary.elements.contains("script"))
        XCTAssertTrue(summary.texts.contains("<script>alert(1)</script>"))
        XCTAssertTrue(summary.texts.contains("ab"), "a control character is left out, not written into the XML")
    }

    /// The second component explains 3%: its spread is drawn at the first's scale, not stretched.
    func testScatterPlotHasEqualAspect() {
        let layout = ScatterSVG.layout(Self.plot)
        let a = layout.position(-0.62, 0.08), b = layout.position(0.62, 0.08), c = layout.position(-0.62, -0.07)
        let (ax, ay, bx, cy) = (a.0, a.1, b.0, c.1)
        XCTAssertEqual((bx - ax) / 1.24, (cy - ay) / 0.15, accuracy: 1e-9, "one unit is as long across as up")
        XCTAssertLessThan(layout.plotHeight, layout.plotWidth / 4)
        XCTAssertEqual(bx - ax, 528, accuracy: 1, "the first component takes the full width")
    }

    func testBarsUseOneScaleForEveryVector() {
        // 0.4 in one vector, −0.5 in another: the bar for 0.4 is the shorter one.
        func barWidth(_ values: [Float], _ index: Int) -> Double {
            let svg = BarsSVG.vector(VectorValue(values: values, label: "v"))
            let widths = XMLSummary.parse(svg).attributes.filter { $0.element == "rect" && $0.name == "width" }.map { Double($0.value)! }
            return widths[index]
        }
        XCTAssertLessThan(barWidth([0.4, 0.1], 0), barWidth([-0.5, 0.9], 0))
        XCTAssertEqual(barWidth([0.4, 0.1], 0), barWidth([0.4, -0.9], 0), "a component's bar does not depend on the others")
        XCTAssertEqual(Bars.fixedLimit([0.4, -0.5]), 1)
        XCTAssertEqual(Bars.fixedLimit([1.7]), 2)
        XCTAssertEqual(Bars.fixedLimit([-3]), 5)
        XCTAssertEqual(Bars.fixedLimit([12]), 20)
    }

    func testCooccurrenceCountsAreAHeatMap() throws {
        let s = try Models.session("toy")
        guard case .table(let t) = try s.evaluate(#"cooccur "the cat sat on the mat" window 2"#).value, let m = HeatMap(table: t) else { return XCTFail("not a matrix") }
        XCTAssertEqual(m.rowLabels, m.columnLabels)
        XCTAssertTrue(m.rowLabels.contains("cat"))
        let svg = HeatMapSVG.render(m)
        XCTAssertEqual(XMLSummary.parse(svg).attributes.filter { $0.element == "rect" && $0.name == "fill" }.count, m.rowLabels.count * m.rowLabels.count)
        XCTAssertNil(HeatMap(table: Table(headers: ["rank", "word"], rows: [["1", "the"]])), "a plain table is not a matrix")
    }

    func testNumbersAreWrittenTheSameWayEverywhere() {
        XCTAssertEqual(SVGCanvas.number(3), "3")
        XCTAssertEqual(SVGCanvas.number(2.5), "2.5")
        XCTAssertEqual(SVGCanvas.number(-0.001), "0")
        XCTAssertEqual(SVGCanvas.number(-1.234), "-1.23")
        XCTAssertEqual(SVGCanvas.number(0.05), "0.05")
        XCTAssertEqual(SVGCanvas.number(.nan), "0")
        XCTAssertEqual(AxisTicks.step(span: 9, count: 5), 2)
        XCTAssertEqual(AxisTicks.values(0.13, 0.92, step: 0.2), [0.2, 0.4, 0.6000000000000001, 0.8])
        XCTAssertEqual(AxisTicks.label(0.6000000000000001, step: 0.2), "0.6")
    }
}

import XCTest
import Workbench
@testable import Rendering

/// Bars keep one scale whatever the line holds; titles wrap instead of being cut off.
final class ScaleTests: XCTestCase {
    func blocks(_ text: String) -> Int { text.filter { $0 == "█" }.count }

    func testACosineBarIsProportionalWhateverTheLabelsLength() {
        let long = ScalarValue(value: 0.8084, label: #"cos(bank in "We sat on the river bank and watched the water.", bank in "The bank raised its interest rates again.")"#, kind: .cosine)
        let short = ScalarValue(value: 0.6566, label: #"cos(打 in "我给妈妈打电话", 打 in "他们在操场上打篮球")"#, kind: .cosine)
        let middle = ScalarValue(value: 0.7990, label: long.label, kind: .cosine)
        for width in [60, 80, 100, 140] {
            let (l, s, m) = (ValueRenderer.render(.scalar(long), style: Style(width: width)),
                             ValueRenderer.render(.scalar(short), style: Style(width: width)),
                             ValueRenderer.render(.scalar(middle), style: Style(width: width)))
            XCTAssertGreaterThan(blocks(l), blocks(s), "width \(width): 0.8084 draws more than 0.6566\n\(l)\n\(s)")
            XCTAssertEqual(blocks(m), 8, "width \(width): 0.7990 is 8 of 10 cells\n\(m)")
            for line in (l + "\n" + s + "\n" + m).split(separator: "\n") where !line.hasPrefix("cos(") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), width)
            }
        }
    }

    func testATableTitleAndItsNoteWrapInsteadOfBeingCut() {
        let table = Table(title: "polarity-en: trained on 480, tested on 120 held-out documents\nconfusion: a→b counts documents of class a classified as b, here a sentence long enough to pass eighty columns",
                          headers: ["method", "accuracy"], rows: [["nearest centroid", "0.908"]], numericColumns: [1])
        for width in [80, 100] {
            let text = TableRenderer.render(table, style: Style(width: width))
            XCTAssertFalse(text.contains("…"), text)
            XCTAssertTrue(text.contains("classified as b"), text)
            for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), width, String(line)) }
        }
    }
}

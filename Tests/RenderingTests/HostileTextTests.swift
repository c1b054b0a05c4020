import XCTest
import Workbench
@testable import Rendering

/// Text from files reaches the terminal escaped, and plots of awkward numbers never trap.
final class HostileTextTests: XCTestCase {
    func testEscapeSequencesInWordsAreShownNotObeyed() {
        let table = Table(title: "near \u{1B}]2;pwned\u{07}", headers: ["rank", "word"],
                          rows: [["1", "\u{1B}]52;c;ZXZpbA==\u{07}"], ["2", "clear\u{1B}[2J"]], numericColumns: [0])
        let text = ValueRenderer.render(.table(table), style: Style(width: 80, color: true))
        XCTAssertFalse(text.contains("\u{1B}]"), text)
        XCTAssertFalse(text.contains("\u{1B}[2J"), text)
        XCTAssertFalse(text.contains("\u{07}"), text)
        XCTAssertTrue(text.contains("\\e]52;c;ZXZpbA==\\a"), text)
        XCTAssertTrue(text.contains("clear\\e[2J"), text)
    }

    func testOurOwnColoursStay() {
        let painted = Style(width: 80, color: true).paint("queen", .green)
        XCTAssertEqual(TerminalText.printable(painted), painted)
        // A picture's colours (24-bit, 256) paint and stay; malformed ones, and anything but colour, are escaped.
        XCTAssertEqual(TerminalText.printable("a\u{1B}[38;2;1;2;3mb\u{1B}[48;5;196mc"), "a\u{1B}[38;2;1;2;3mb\u{1B}[48;5;196mc")
        XCTAssertEqual(TerminalText.printable("a\u{1B}[38;2;1;2mb"), "a\\e[38;2;1;2mb")
        XCTAssertEqual(TerminalText.printable("a\u{1B}[38;2;999;0;0mb"), "a\\e[38;2;999;0;0mb")
        XCTAssertEqual(TerminalText.printable("a\u{1B}[38;5;1;2J"), "a\\e[38;5;1;2J")
        XCTAssertEqual(TerminalText.printable("tail\u{1B}"), "tail\\e")
    }

    func testEmphasisInProseIsItalicNotAnEscapedSequence() {
        let prose = ProseRenderer.render("take *king*, subtract *man*", style: Style(width: 80, color: true))
        XCTAssertEqual(prose, "take \u{1B}[3mking\u{1B}[0m, subtract \u{1B}[3mman\u{1B}[0m")
        XCTAssertFalse(prose.contains("\\e"), prose)
    }

    func testErrorsAndProseAreEscapedToo() {
        let error = WorkbenchError("'\u{1B}[2Jcat' is not in the vocabulary")
        XCTAssertFalse(ErrorRenderer.render(error, input: "sim \u{1B}[2Jcat dog", style: .plain).contains("\u{1B}"))
        XCTAssertFalse(ErrorRenderer.line(error).contains("\u{1B}"))
        XCTAssertEqual(ProseRenderer.render("a \u{1B}]2;t\u{07} b", style: .plain), "a \\e]2;t\\a b")
    }

    func plotLines(_ points: [ScatterPlot.Point]) -> String {
        ScatterRenderer.render(ScatterPlot(title: "t", points: points, xLabel: "x", yLabel: "y"), style: .plain)
    }

    func testPlotsOfInfiniteHugeAndTinyCoordinatesDoNotTrap() {
        XCTAssertTrue(plotLines([.init(label: "a", x: .infinity, y: 0), .init(label: "b", x: .nan, y: 1)]).contains("no point has finite coordinates"))
        _ = plotLines([.init(label: "a", x: -1e308, y: 0), .init(label: "b", x: 1e308, y: 1)])
        _ = plotLines([.init(label: "a", x: 0, y: 0), .init(label: "b", x: 5e-324, y: 5e-324)])
        _ = plotLines([.init(label: "a", x: 0, y: -1e308), .init(label: "b", x: 1, y: 1e308), .init(label: "c", x: .infinity, y: 0)])
    }

    func testLabelsOfNoWidthOrGreatWidthDoNotTrap() {
        let text = plotLines([.init(label: "", x: 0, y: 0), .init(label: "\u{0301}", x: 1, y: 1),
                              .init(label: String(repeating: "猫", count: 200), x: 2, y: 0)])
        XCTAssertTrue(text.contains("no room for the labels of"), text)
    }

    func testThePlotsNotesSpeakChinese() {
        let plot = ScatterPlot(title: "t", points: [.init(label: "猫", x: 0, y: 0), .init(label: "狗", x: 1, y: 1)], xLabel: "PC1", yLabel: "PC2")
        let zh = ScatterRenderer.render(plot, style: Style(width: 80, color: false, language: .zh))
        XCTAssertTrue(zh.contains("横纵同一比例"), zh)
        XCTAssertFalse(zh.contains("same scale"), zh)
    }
}

/// Issue 25: colour comes only from the renderer's own styling, and none at all without colour.
final class ContentIsTextTests: XCTestCase {
    func testOnlyOurOwnColourSequencesPassAndNoneWithoutColour() {
        XCTAssertEqual(TerminalText.printable("a\u{1B}[30;40mhidden"), "a\\e[30;40mhidden", "black on black from content is shown")
        XCTAssertEqual(TerminalText.printable("a\u{1B}[8mconcealed"), "a\\e[8mconcealed")
        let painted = Style(width: 80, color: true).paint("queen", .green)
        XCTAssertEqual(TerminalText.printable(painted), painted)
        XCTAssertEqual(TerminalText.printable(painted, colour: false), "\\e[32mqueen\\e[0m")
        let tokens = ValueRenderer.render(.text("\u{1B}[30;40mhidden"), style: .plain)
        XCTAssertFalse(tokens.contains("\u{1B}"), tokens)
        let prose = ProseRenderer.render("take \u{1B}[32m*king*", style: Style(width: 80, color: false))
        XCTAssertFalse(prose.contains("\u{1B}"), prose)
    }
}

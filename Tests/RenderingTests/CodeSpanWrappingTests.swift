import XCTest
@testable import Rendering

/// A short code span (`em ##bed ##ding ##s`) is never split across lines, and the space a line
/// breaks at never stays inside a colour, where it made a full line one column too wide (the
/// terminal then wrapped it onto a blank line).
final class CodeSpanWrappingTests: XCTestCase {
    let zh = "它先把文本切成词片（WordPiece 分词器：*embeddings* 变成 `em ##bed ##ding ##s`，正是分词那一课里的子词思想），每个词片查出一个向量，再经过 6 层**自注意力**。"
    let en = "`:set search approx` makes `near` use the index, on a word or on an expression (`near king - man + woman`); `:set search exact` goes back to brute force."

    func testACodeSpanStaysOnOneLineAtEveryWidth() {
        for width in 30...120 {
            for text in [zh, en] {
                let lines = ProseRenderer.render(text, style: Style(width: width)).split(separator: "\n").map(String.init)
                XCTAssertTrue(lines.contains { $0.contains("em ##bed ##ding ##s") } || text == en, "width \(width): \(lines)")
                if text == en { XCTAssertTrue(lines.contains { $0.contains("near king - man + woman") }, "width \(width): \(lines)") }
                for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "width \(width): \(line)") }
            }
        }
    }

    func testAColouredLineIsNoWiderThanTheScreen() {
        for width in 30...120 {
            for text in [zh, en] {
                let painted = ProseRenderer.render(text, style: Style(width: width, color: true))
                for line in painted.split(separator: "\n") {
                    let visible = String(line).replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
                    XCTAssertLessThanOrEqual(DisplayWidth.of(visible), width, "width \(width): '\(visible)'")
                    XCTAssertFalse(visible.hasSuffix(" "), "width \(width): a trailing space inside a colour: '\(visible)'")
                }
            }
        }
    }
}

import XCTest
@testable import Rendering

/// Lines the terminal would cut wherever the margin falls are wrapped: Latin at spaces, 汉字
/// between characters, punctuation never starting a line.
final class TerminalWrappingTests: XCTestCase {
    func widths(_ text: String) -> [Int] { text.split(separator: "\n").map { DisplayWidth.of($0) } }

    func testLatinTextBreaksAtSpacesAndKeepsWordsWhole() {
        let banner = "EmbedLab on glove-50d (30000 words × 50 dimensions). :help for help, :quit to leave."
        let wrapped = TerminalText.wrapped(banner, width: 40)
        XCTAssertEqual(wrapped, "EmbedLab on glove-50d (30000 words × 50\ndimensions). :help for help, :quit to\nleave.")
        XCTAssertEqual(TerminalText.wrapped(banner, width: 110), banner, "a line that fits is unchanged")
        XCTAssertEqual(wrapped.replacingOccurrences(of: "\n", with: " "), banner, "no word is cut or lost")
    }

    func testMarksIndentsAndColumnsCarryOver() {
        XCTAssertEqual(TerminalText.wrapped("✗ Not yet: the word you subtract is not the question's.", width: 30),
                       "✗ Not yet: the word you\n  subtract is not the\n  question's.")
        let help = "   Ctrl-C            stops training; the vectors of that moment stay usable"
        XCTAssertEqual(TerminalText.wrapped(help, width: 60),
                       "   Ctrl-C            stops training; the vectors of that\n                     moment stay usable")
    }

    func testChineseBreaksBetweenCharactersWithoutHangingPunctuation() {
        let text = "按回车运行：train glove corpus=small-world dim=5 epochs=15。一个月的报纸是很小的语料：方向学到了，但噪声不少。"
        for width in [30, 40, 41, 57] {
            let lines = TerminalText.wrapped(text, width: width).split(separator: "\n").map(String.init)
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            XCTAssertFalse(lines.contains { ["，", "。", "："].contains(String($0.prefix(1))) }, "\(width): \(lines)")
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " })
        }
    }

    func testColourTakesNoWidthAndAWordLongerThanTheLineIsCut() {
        let style = Style(width: 40, color: true)
        let painted = style.paint("hint 1/3: type the three words with - and + between them", .yellow)
        let wrapped = TerminalText.wrapped(painted, width: 30)
        XCTAssertEqual(wrapped.replacingOccurrences(of: "\u{1B}[33m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: ""),
                       "hint 1/3: type the three words\nwith - and + between them")
        let path = String(repeating: "x", count: 75)
        XCTAssertEqual(widths(TerminalText.wrapped("file " + path, width: 30)), [4, 30, 30, 15])
    }

    func testARunOfClosingMarksNeverStartsALine() {
        // At every width, "（0.8）" and "），" stay with what they close, in prose and in plain lines.
        let text = "在这个玩具模型里，每一维都有名字（居家、有生命、交通工具），所以数字是能读懂的：猫 很“有生命”（0.8），比较“居家”（0.3），明显不是交通工具（−0.2）。"
        for width in 30...60 {
            for wrapped in [TerminalText.wrapped(text, width: width), ProseRenderer.render(text, style: Style(width: width))] {
                for l in wrapped.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(l), width, wrapped)
                    XCTAssertFalse(["，", "。", "）", "”"].contains(String(l.prefix(1))), "width \(width): \(wrapped)")
                }
            }
        }
    }

    func testABookTitleIsNeverSplit() {
        let line = "Press Enter to run: plot 《深度学习》 《算法导论》 《红楼梦》 《西游记》 《史记》 《资治通鉴》 《时间简史》 《宇宙》"
        let prose = "Below, dist [2], [22] measures the walk from 《人工智能导论》 to 《机器学习实战》, two books on the same subject."
        for width in [40, 57, 80, 100] {
            for text in [TerminalText.wrapped(line, width: width), ProseRenderer.render(prose, style: Style(width: width))] {
                for l in text.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(l), width, text)
                    XCTAssertEqual(l.filter { $0 == "《" }.count, l.filter { $0 == "》" }.count, "width \(width): \(text)")
                }
            }
        }
    }
}

/// The token table's alternating backgrounds are colours EmbedLab writes itself: they reach the
/// terminal as colours, not as the visible text `\e[30;46m`.
final class TokenColourTests: XCTestCase {
    func testTokenBackgroundsSurviveTheSanitiser() {
        let painted = "\u{1B}[30;46m北\u{1B}[0m \u{1B}[30;43m京\u{1B}[0m"
        XCTAssertEqual(TerminalText.printable(painted), painted)
        XCTAssertEqual(TerminalText.printable("\u{1B}[2J"), "\\e[2J", "other sequences are still shown, not obeyed")
    }
}

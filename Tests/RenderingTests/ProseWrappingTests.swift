import XCTest
@testable import Rendering

/// Lesson prose at the terminal's width: Chinese never past the right edge, punctuation never
/// starting a line, an opening bracket never ending one, numbered lists kept as lists.
final class ProseWrappingTests: XCTestCase {
    let chinese = "EmbedLab 自带一个中文模型 `zh-pd1998`：用一个月的《人民日报》（1998 年 1 月，清理后 729,043 个词）由 EmbedLab 自己训练的 100 维 GloVe 向量。排第一的是巴黎，但余弦只有 0.56 左右，后面混着别的首都和人名。一个月的报纸是很小的语料：方向学到了，但噪声不少。北京 − 中国 + 日本 同样能找到东京。最后一格切回 `glove-50d`，继续本课。"

    func testAChineseParagraphNeverPassesTheRightEdge() {
        for width in [40, 80, 110] + Array(30...60) {
            let lines = ProseRenderer.render(chinese, style: Style(width: width)).split(separator: "\n").map(String.init)
            for (n, line) in lines.enumerated() {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "width \(width), line \(n + 1): \(line)")
                if n > 0, let first = line.first { XCTAssertFalse("，。；：！？、）》」』”".contains(first), "width \(width): '\(line)' starts with closing punctuation") }
                if n + 1 < lines.count, let last = line.last { XCTAssertFalse("（《「『“".contains(last), "width \(width): '\(line)' ends with an opening bracket") }
            }
            XCTAssertEqual(lines.joined().filter { !$0.isWhitespace }, ProseRenderer.render(chinese, style: Style(width: 10_000)).filter { !$0.isWhitespace },
                           "width \(width): nothing lost or reordered")
        }
    }

    func testNumberedListsStayLists() {
        let text = "1. count every pair of neighbouring tokens\n2. merge the most frequent pair into one new token\n3. repeat"
        XCTAssertEqual(ProseRenderer.render(text, style: Style(width: 40)), """
            1. count every pair of neighbouring
               tokens
            2. merge the most frequent pair into one
               new token
            3. repeat
            """)
        XCTAssertEqual(ProseRenderer.render("- a\n- b", style: .plain), "• a\n• b")
    }
}

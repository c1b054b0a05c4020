import XCTest
import Tokenizers

/// The expected cuts are what jieba 0.42.1 itself gives, `jieba.lcut(s, HMM=False)`, checked in
/// Python both with jieba's full dictionary and with the bundled `zh-dict.txt`.
final class ChineseSegmenterTests: XCTestCase {
    func testTheArticleTitle() throws {
        XCTAssertEqual(try ChineseSegmenter.bundled().segment("从Token到向量"), ["从", "Token", "到", "向量"])
    }

    func testJiebasClassicExample() throws {
        XCTAssertEqual(try ChineseSegmenter.bundled().segment("我来到北京清华大学"), ["我", "来到", "北京", "清华大学"])
    }

    func testMatchesJiebaWithoutHMM() throws {
        let segmenter = try ChineseSegmenter.bundled()
        let expected: [String: [String]] = [
            "他来到了网易杭研大厦": ["他", "来到", "了", "网易", "杭", "研", "大厦"],
            "永和服装饰品有限公司": ["永和", "服装", "饰品", "有限公司"],
            "我不喜欢日本和服。": ["我", "不", "喜欢", "日本", "和服", "。"],
            "南京市长江大桥": ["南京市", "长江大桥"],
            "结婚的和尚未结婚的": ["结婚", "的", "和", "尚未", "结婚", "的"],
            "小明硕士毕业于中国科学院计算所": ["小", "明", "硕士", "毕业", "于", "中国科学院", "计算所"],
            "词向量把词变成数字": ["词", "向量", "把", "词", "变成", "数字"],
            "这是一个伸手不见五指的黑夜。我叫孙悟空，我爱北京，我爱Python和C++。": [
                "这", "是", "一个", "伸手不见五指", "的", "黑夜", "。", "我", "叫", "孙悟空", "，",
                "我", "爱", "北京", "，", "我", "爱", "Python", "和", "C++", "。",
            ],
            "“Microsoft”一词由“MICROcomputer（微型计算机）”和“SOFTware（软件）”两部分组成": [
                "“", "Microsoft", "”", "一", "词", "由", "“", "MICROcomputer", "（", "微型", "计算机", "）",
                "”", "和", "“", "SOFTware", "（", "软件", "）", "”", "两", "部分", "组成",
            ],
        ]
        for (sentence, words) in expected {
            XCTAssertEqual(segmenter.segment(sentence), words, sentence)
        }
    }

    func testSpacesAreTokensAsInJieba() throws {
        XCTAssertEqual(try ChineseSegmenter.bundled().segment("北京 - 中国 + 法国"),
                       ["北京", " ", "-", " ", "中国", " ", "+", " ", "法国"])
    }

    func testAnUnknownCharacterIsItsOwnToken() throws {
        let segmenter = try ChineseSegmenter.bundled()
        XCTAssertNil(segmenter.frequency(of: "龘"))
        XCTAssertEqual(segmenter.segment("我爱龘龘"), ["我", "爱", "龘", "龘"])

        let tiny = ChineseSegmenter(frequencies: ["北京": 10])
        XCTAssertEqual(tiny.segment("北京欢迎你"), ["北京", "欢", "迎", "你"])
    }

    func testASCIILettersAndDigitsStayTogether() {
        let empty = ChineseSegmenter(frequencies: [:])
        XCTAssertEqual(empty.segment("GloVe有50维"), ["GloVe", "有", "50", "维"])
    }

    func testTheMostProbablePathWins() {
        // 北京大学 as one word (frequency 20) beats 北京 + 大学 (10 × 8 over a total of 40).
        let withWord = ChineseSegmenter(frequencies: ["北京": 10, "大学": 8, "北京大学": 20, "北": 1, "京": 1])
        XCTAssertEqual(withWord.segment("北京大学"), ["北京大学"])
        let withoutWord = ChineseSegmenter(frequencies: ["北京": 10, "大学": 8, "北": 1, "京": 1])
        XCTAssertEqual(withoutWord.segment("北京大学"), ["北京", "大学"])
    }

    func testTheWordGraphListsEveryDictionaryWord() throws {
        let graph = try ChineseSegmenter.bundled().wordGraph(for: "我来到北京清华大学")
        // jieba's get_DAG: {0: [0], 1: [1, 2], 2: [2], 3: [3, 4], 4: [4], 5: [5, 6, 8], …}
        XCTAssertEqual(graph.candidates[1].map(\.word), ["来", "来到"])
        XCTAssertEqual(graph.candidates[5].map(\.word), ["清", "清华", "清华大学"])
        XCTAssertEqual(graph.bestPath.map(graph.word), ["我", "来到", "北京", "清华大学"])
        XCTAssertLessThan(graph.bestLogProbability, 0)
    }

    func testTokensCarryByteRanges() throws {
        let tokens = try ChineseSegmenter.bundled().tokenize("从Token到向量")
        XCTAssertEqual(tokens.map(\.byteRange), [0..<3, 3..<8, 8..<11, 11..<17])
        XCTAssertTrue(tokens.allSatisfy { $0.id == nil })
    }

    func testTheBundledDictionaryIsJiebas() throws {
        let segmenter = try ChineseSegmenter.bundled()
        XCTAssertEqual(segmenter.wordCount, 136_617)
        XCTAssertEqual(segmenter.frequency(of: "北京"), 34_488)
        XCTAssertEqual(segmenter.frequency(of: "C++"), 3)
        XCTAssertNil(segmenter.frequency(of: "北"  + "京大"))   // only a prefix of 北京大学
        XCTAssertEqual(segmenter.totalFrequency, 59_492_504)
    }

    func testADictionaryCanBeWrittenAsText() throws {
        // jieba's own format with tags, unsorted, with a comment and a repeated word.
        let segmenter = try ChineseSegmenter(dictionaryText: "# tiny\n向量 5 n\n词 9 n\n词向量 2 n\n向量 7 n\n")
        XCTAssertEqual(segmenter.wordCount, 3)
        XCTAssertEqual(segmenter.frequency(of: "向量"), 7)   // the last one listed wins, as in jieba
        XCTAssertEqual(segmenter.totalFrequency, 23)          // every line counts, as in jieba
        XCTAssertEqual(segmenter.segment("词向量"), ["词", "向量"])
    }

    func testAMalformedDictionaryLineIsNamed() {
        XCTAssertThrowsError(try ChineseSegmenter(dictionaryText: "北京 10\n上海\n")) { error in
            XCTAssertEqual(error as? TokenizerError, .malformedDictionary(source: "dictionary text", line: 2, text: "上海"))
        }
    }
}

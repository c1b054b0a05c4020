import XCTest
@testable import Workbench
@testable import Rendering

/// Both languages everywhere a learner reads, and what a Chinese keyboard types.
final class LanguageTests: XCTestCase {
    func testEveryPhraseHasBothLanguagesWithTheSamePlaceholders() {
        for phrase in Phrase.allCases {
            let en = Catalogue.english[phrase], zh = Catalogue.chinese[phrase]
            XCTAssertFalse((en ?? "").isEmpty, "\(phrase) has no English")
            XCTAssertFalse((zh ?? "").isEmpty, "\(phrase) has no Chinese")
            // {s} and {t} are English plural endings; Chinese has none.
            XCTAssertEqual(Catalogue.placeholders(en ?? "").subtracting(["s", "t"]), Catalogue.placeholders(zh ?? ""), "\(phrase)")
        }
        XCTAssertEqual(Catalogue.english.count, Phrase.allCases.count, "no text without a phrase")
        // A value is put in once: a learner's text holding a placeholder stays as typed.
        XCTAssertEqual(Language.en.text(.collectionNoWordOfText, ["text": "{model} {x", "model": "toy"]), #"no word of "{model} {x" is in toy"#)
        XCTAssertEqual(Language.zh.text(.collectionNoWordOfText, ["model": "toy", "text": "{model}"]), "“{model}”中没有一个词在 toy 里")
        XCTAssertEqual(Catalogue.chinese.count, Phrase.allCases.count, "no text without a phrase")
    }

    func testFullWidthFormsReadAsTheirASCIITwins() throws {
        let s = try Models.session("toy")
        XCTAssertEqual(try s.evaluate("sim 猫，狗").value.number!, 0.98193, accuracy: 1e-4)
        XCTAssertEqual(try s.evaluate("cos（猫，狗）").value.number!, 0.98193, accuracy: 1e-4)
        XCTAssertEqual(try s.evaluate("［0.3，0.8，－0.2］").value.vector, [0.3, 0.8, -0.2])
        XCTAssertEqual(try s.evaluate("2　＊　［1，2，3］").value.vector, [2, 4, 6], "U+3000 is a space")
        XCTAssertEqual(try s.evaluate("猫 － 狗 ＋ 狗").value.words?.isEmpty, false)
        XCTAssertEqual(try s.evaluate("：set k 3").value, .text("k = 3: queries show the 3 nearest words"))
        let glove = try Models.session()
        XCTAssertEqual(try glove.evaluate("king － man ＋ woman").value.words?.first, "queen")
        // Inside quotes nothing changes: the text is what was typed.
        guard case .table(let t) = try s.evaluate(#"tokens "猫，狗""#).value, case .tokens(let b)? = t.detail else { return XCTFail() }
        XCTAssertEqual(b.text, "猫，狗")
        // A caret still points at what was typed: spans count characters, one for one.
        XCTAssertThrowsError(try s.evaluate("sim 猫，鱼x")) { XCTAssertEqual(($0 as? WorkbenchError)?.span, Span(6, 8), "\($0)") }
    }

    func testAWordMissingHereButInAnotherBundledModelNamesThatModel() throws {
        let s = try Models.session()
        XCTAssertThrowsError(try s.evaluate("near 北京")) { error in
            let e = error as! WorkbenchError
            XCTAssertEqual(e.message, "'北京' is not in the vocabulary of glove-50d")
            XCTAssertTrue(e.hint?.hasSuffix(":use zh-wiki") ?? false, "the largest Chinese model first: " + (e.hint ?? ""))
        }
        s.language = .zh
        XCTAssertThrowsError(try s.evaluate("猫")) { XCTAssertEqual(($0 as! WorkbenchError).hint, "zh-wiki 里有这个词：:use zh-wiki", "not the 31-word toy") }
        XCTAssertThrowsError(try s.evaluate("kingg")) { XCTAssertTrue(($0 as! WorkbenchError).hint?.contains("你是不是想输入") ?? false) }
    }

    func testLangSwitchesHelpMessagesErrorsAndLabels() throws {
        let s = try Models.session("toy")
        XCTAssertEqual(try s.evaluate(":lang zh").value, .text("帮助、提示和课程现在用中文显示。"))
        XCTAssertEqual(s.language, .zh)
        guard case .text(let help) = try s.evaluate(":help").value else { return XCTFail() }
        XCTAssertTrue(help.hasPrefix("EmbedLab：输入一个词"), help)
        XCTAssertThrowsError(try s.evaluate("sim 猫")) { XCTAssertEqual(($0 as! WorkbenchError).message, "sim 需要 2 个词或表达式，实际给了 1 个") }
        XCTAssertThrowsError(try s.evaluate("king + 2")) { XCTAssertEqual(($0 as! WorkbenchError).message, "'king' 不在 toy 的词表中") }
        XCTAssertThrowsError(try s.evaluate("猫 + 2")) { XCTAssertEqual(($0 as! WorkbenchError).message, "不能把数加到向量上") }
        let near = ValueRenderer.render(try s.evaluate("near 2 猫").value, style: Style.plain.withLanguage(s.language))
        XCTAssertTrue(near.hasPrefix("猫   （余弦；已排除输入词：猫）"), near)
        let error = ErrorRenderer.render(WorkbenchError("x"), input: nil, style: Style.plain.withLanguage(.zh))
        XCTAssertEqual(error, "错误：x")
        XCTAssertThrowsError(try s.evaluate(":lang fr")) { XCTAssertTrue(($0 as! WorkbenchError).message.contains("en 或 zh")) }
        try s.evaluate(":lang en")
        XCTAssertThrowsError(try s.evaluate("sim 猫")) { XCTAssertEqual(($0 as! WorkbenchError).message, "sim takes 2 words or expressions, got 1") }
    }
}

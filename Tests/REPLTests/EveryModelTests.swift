import Foundation
import XCTest

/// A Chinese learner starts on Chinese vectors; the command line takes every model `embedlab models`
/// lists; a word missing from one model points to the model that has it.
final class EveryModelTests: XCTestCase {
    func testAChinesePromptStartsOnZhWikiAndAnEnglishOneOnGlove() throws {
        let zh = try Binary.run([], input: "dims\n猫\n", environment: ["LANG": "zh_CN.UTF-8"])
        XCTAssertTrue(zh.out.hasPrefix("zh-wiki："), zh.out + zh.err)
        XCTAssertTrue(zh.out.contains("猫  (100 维)"), zh.out)
        let flag = try Binary.run(["--lang", "zh"], input: "dims\n")
        XCTAssertTrue(flag.out.hasPrefix("zh-wiki："), flag.out + flag.err)
        let named = try Binary.run(["--lang", "zh", "--model", "glove-50d"], input: "dims\n")
        XCTAssertTrue(named.out.hasPrefix("glove-50d："), named.out)
        let en = try Binary.run([], input: "dims\n")
        XCTAssertTrue(en.out.hasPrefix("glove-50d:"), en.out)
    }

    func testAWordMissingFromOneModelPointsToTheModelOfItsLanguage() throws {
        let r = try Binary.run(["query", "glove-50d", "猫"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasSuffix("\nerror: '猫' is not in the vocabulary of glove-50d — on zh-wiki: embedlab query zh-wiki 猫\n"), "not the 31-word toy: " + r.err)
        let back = try Binary.run(["query", "zh-wiki", "queen"])
        XCTAssertEqual(back.status, 1)
        XCTAssertTrue(back.err.contains("on glove-50d: embedlab query glove-50d queen"), back.err)
        XCTAssertEqual(back.err.split(separator: "\n").filter { $0.hasPrefix("error:") }.count, 1, back.err)
    }

    func testQueryTakesAnEncoderAsThePromptDoes() throws {
        let r = try Binary.run(["query", "minilm", #"sim (bank in "the river bank"), (bank in "the bank raised rates")"#])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix(#"cos(bank in "the river bank", bank in "the bank raised rates") = 0."#), r.out)
    }

    func testEmbedTakesAStaticModelAndEvalAndConvertRefuseAnEncoderInOneLine() throws {
        let e = try Binary.run(["embed", "zh-wiki", "猫 和 狗", "--json"])
        XCTAssertEqual(e.status, 0, e.err)
        let line = try JSONSerialization.jsonObject(with: Data(e.out.utf8)) as! [String: Any]
        XCTAssertEqual((line["vector"] as! [Double]).count, 100)
        let eval = try Binary.run(["eval", "minilm", "Tests/EmbeddingsTests/Fixtures/zh-pairs.tsv"])
        XCTAssertEqual(eval.status, 64)
        XCTAssertEqual(eval.err.split(separator: "\n").count, 1, eval.err)
        XCTAssertTrue(eval.err.contains("minilm is a transformer encoder") && eval.err.contains("embedlab eval glove-50d"), eval.err)
        let convert = try Binary.run(["convert", "e5-small", temporaryDirectory() + "/x.bin"])
        XCTAssertEqual(convert.status, 64)
        XCTAssertTrue(convert.err.contains("embedlab embed e5-small"), convert.err)
    }

    func testEvalAndConvertTakeABundledName() throws {
        let eval = try Binary.run(["eval", "zh-wiki", "Tests/EmbeddingsTests/Fixtures/zh-analogies.txt", "--json"])
        XCTAssertEqual(eval.status, 0, eval.err)
        XCTAssertTrue(eval.out.contains("\"correct\":324"), eval.out)
        let out = temporaryDirectory() + "/three.txt"
        let convert = try Binary.run(["convert", "zh-wiki", out, "--limit", "3"])
        XCTAssertEqual(convert.status, 0, convert.err)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("3 100\n月 "))
    }
}

/// minilm knows only English: Chinese text gets one line naming e5-small, not a vector of noise.
final class EnglishOnlyEncoderTests: XCTestCase {
    func testMinilmGivenChineseTextNamesE5Small() throws {
        for line in [#"embed "我给妈妈打电话""#, #"sim "我给妈妈打电话", "他们在打篮球""#, #"sim (打 in "我给妈妈打电话"), (打 in "他们在打篮球")"#,
                     #"search faq-zh "忘记密码了怎么办""#] {
            let r = try Binary.run(["query", "minilm", line])
            XCTAssertEqual(r.status, 1, line)
            XCTAssertTrue(r.err.contains("error: minilm knows only English") && r.err.contains(":use e5-small"), line + ": " + r.err)
        }
        let zh = try Binary.run(["query", "minilm", #"embed "我给妈妈打电话""#, "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("minilm 只懂英文"), zh.err)
        let e5 = try Binary.run(["query", "e5-small", #"embed "我给妈妈打电话""#])
        XCTAssertEqual(e5.status, 0, e5.err)
        let english = try Binary.run(["query", "minilm", #"embed "the river bank""#])
        XCTAssertEqual(english.status, 0, english.err)
    }
}

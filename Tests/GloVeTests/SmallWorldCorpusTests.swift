import XCTest
import Embeddings
import GloVe

final class SmallWorldCorpusTests: XCTestCase {
    func testTheSameSeedWritesTheSameCorpusAndAnotherSeedOnlyReordersIt() {
        let a = SmallWorldCorpus(seed: 7), b = SmallWorldCorpus(seed: 7), c = SmallWorldCorpus(seed: 8)
        XCTAssertEqual(a.lines, b.lines)
        XCTAssertNotEqual(a.lines, c.lines)
        XCTAssertEqual(a.lines.count, c.lines.count)
        // The facts are the same; only the order and a few decorative words change.
        XCTAssertEqual(a.lines.filter { $0 == "paris is the capital of france" }.count, a.rounds)
        XCTAssertEqual(c.lines.filter { $0 == "巴黎 是 法国 的 首都" }.count, c.rounds)
    }

    func testTokensAreSeparatedBySingleSpacesAndTheLanguagesNeverShareASentence() {
        for line in SmallWorldCorpus(rounds: 1).lines {
            XCTAssertFalse(line.contains("  ") || line.hasPrefix(" ") || line.hasSuffix(" ") || line.contains("$"), line)
            let latin = line.unicodeScalars.contains { $0.properties.isAlphabetic && $0.isASCII }
            let han = line.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
            XCTAssertTrue(latin != han, "one language a sentence: \(line)")
        }
    }

    /// Every member of a family appears in the same templates, equally often: the parallel
    /// contexts that the analogies come from.
    func testEveryCapitalEveryCountryAndEveryPersonIsWrittenAboutEquallyOften() {
        let world = SmallWorldCorpus(rounds: 3)
        var counts: [String: Int] = [:]
        for line in world.lines { for token in line.split(separator: " ") { counts[String(token), default: 0] += 1 } }
        for family in [["beijing", "paris", "tokyo", "berlin"], ["北京", "巴黎", "东京", "柏林"],
                       ["china", "france", "japan"], ["中国", "法国", "日本"], ["king", "queen", "prince", "princess"],
                       ["man", "woman", "boy", "girl"], ["国王", "王后", "男人", "女人"]] {
            XCTAssertEqual(Set(family.map { counts[$0] ?? 0 }).count, 1, "\(family): \(family.map { counts[$0] ?? 0 })")
        }
        XCTAssertEqual(SmallWorldCorpus.capitals.first { $0.country == "法国" }?.capital, "巴黎")
    }

    func testKingMinusManPlusWomanIsQueenAndBeijingMinusChinaPlusFranceIsParis() throws {
        let model = GloVeTrainer(SmallWorldCorpus.hyperparameters).train(on: SmallWorldCorpus().corpus)
        let vectors = try WordVectors(words: model.words, matrix: model.vectors)
        XCTAssertLessThan(model.words.count, 400, "small enough to train in seconds")
        XCTAssertEqual(try vectors.analogy(a: "man", b: "king", c: "woman", k: 1).first?.word, "queen")
        XCTAssertEqual(try vectors.analogy(a: "中国", b: "北京", c: "法国", k: 1).first?.word, "巴黎")
        XCTAssertEqual(try vectors.analogy(a: "中国", b: "北京", c: "日本", k: 1).first?.word, "东京")
        XCTAssertEqual(try vectors.analogy(a: "男人", b: "国王", c: "女人", k: 1).first?.word, "王后")
        XCTAssertGreaterThan(try vectors.similarity("猫", "狗"), try vectors.similarity("猫", "汽车"))
        XCTAssertGreaterThan(try vectors.similarity("汽车", "飞机"), try vectors.similarity("飞机", "狗"))
    }

    func testItsOwnAnalogyQuestionsAre324InFourSections() {
        let lines = SmallWorldCorpus.analogyQuestions.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix(": ") }, [": capitals-en", ": gender-en", ": capitals-zh", ": gender-zh"])
        let questions = lines.filter { !$0.hasPrefix(": ") }
        XCTAssertEqual(questions.count, 324)
        XCTAssertTrue(questions.allSatisfy { $0.split(separator: " ").count == 4 })
        XCTAssertTrue(questions.contains("中国 北京 法国 巴黎"))
    }
}

import XCTest
import Embeddings
import Search
import Tokenizers
import VectorMath

final class SentenceEncoderTests: XCTestCase {
    func testSimilarSentencesAreCloserThanUnrelatedOnesInEnglish() {
        for pooling in [Pooling.mean, .sif] {
            let encoder = Bundled.encoder(Bundled.glove, pooling).fitted(on: Bundled.collection("faq-en.txt").documents.map(\.text))
            let cat = "a cat sat on the mat", dog = "a dog lay on the rug", market = "stock markets fell sharply after the bank raised interest rates"
            XCTAssertGreaterThan(encoder.similarity(cat, dog), encoder.similarity(cat, market), pooling.name)
            let bake = "how do I bake bread at home", oven = "a recipe for baking a loaf in the oven", car = "the car needs new tyres and an oil change"
            XCTAssertGreaterThan(encoder.similarity(bake, oven), encoder.similarity(bake, car), pooling.name)
        }
    }

    func testSimilarSentencesAreCloserThanUnrelatedOnesInChinese() {
        for pooling in [Pooling.mean, .sif] {
            let encoder = Bundled.encoder(Bundled.chinese, pooling).fitted(on: Bundled.collection("faq-zh.txt").documents.map(\.text))
            let a = "中国经济继续发展", b = "我国经济保持增长", c = "足球比赛今天晚上开始"
            XCTAssertGreaterThan(encoder.similarity(a, b), encoder.similarity(a, c), pooling.name)
            let d = "北京今天下雪了", e = "上海明天有大雨", f = "政府召开会议讨论改革"
            XCTAssertGreaterThan(encoder.similarity(d, e), encoder.similarity(d, f), pooling.name)
        }
    }

    func testChineseIsSegmentedAndMissingWordsAreReportedNotDropped() {
        let encoder = Bundled.encoder(Bundled.chinese, .mean)
        let s = encoder.encode("北京大学的学生")
        XCTAssertEqual((s.known + s.missing).sorted(), encoder.words(of: "北京大学的学生").sorted())
        XCTAssertFalse(encoder.words(of: "北京大学的学生").contains("北"), "segmented into words, not characters")
        let english = Bundled.encoder(Bundled.glove).encode("The zxqwv sat, quietly!")
        XCTAssertEqual(english.known, ["the", "sat", "quietly"])   // looked up lower-cased; punctuation is not a word
        XCTAssertEqual(english.missing, ["zxqwv"])
        XCTAssertTrue(Bundled.encoder(Bundled.glove).encode("zxqwv qqqq").isEmpty)
    }

    func testMeanPoolingIsTheAverageOfTheWordVectors() {
        let s = Bundled.encoder(Bundled.glove, .mean).encode("king queen")
        let expected = Bundled.glove.vector("king")!.adding(Bundled.glove.vector("queen")!).map { $0 / 2 }
        for (x, y) in zip(s.vector, expected) { XCTAssertEqual(x, y, accuracy: 1e-6) }
        XCTAssertEqual(s.weights, [1, 1])
    }

    func testSIFWeighsFrequentWordsDownByTheirRank() {
        let encoder = Bundled.encoder(Bundled.glove, .sif)
        let s = encoder.encode("the volcano")
        XCTAssertLessThan(s.weights[0], 0.05, "'the' is rank 1")
        XCTAssertGreaterThan(s.weights[1], 0.9, "'volcano' is rare")
        // Zipf over 30,000 words: p(rank 1) = 1 / H_30000 ≈ 1 / 10.89.
        XCTAssertEqual(WordProbabilities.zipf(vocabularySize: 30_000).probability(of: "the", rank: 1), 1 / 10.8873, accuracy: 1e-4)
        XCTAssertEqual(Pooling.sif(a: 1e-3).weight(probability: 1e-3), 0.5)
        // From counts: p = count / total.
        let counts = WordProbabilities.counts(["the": 900, "volcano": 100])
        XCTAssertEqual(counts.probability(of: "volcano", rank: 2), 0.1, accuracy: 1e-12)
    }

    func testSIFRemovesTheCommonComponent() {
        let texts = Bundled.collection("faq-en.txt").documents.map(\.text)
        let encoder = Bundled.encoder(Bundled.glove, .sif).fitted(on: texts)
        let u = try! XCTUnwrap(encoder.commonComponent)
        XCTAssertEqual(u.norm, 1, accuracy: 1e-4)
        for t in texts.prefix(10) { XCTAssertEqual(encoder.encode(t).vector.dot(u), 0, accuracy: 1e-4) }
        XCTAssertNil(Bundled.encoder(Bundled.glove, .mean).fitted(on: texts).commonComponent)
    }
}

import Encoders
import XCTest

/// The int8 arithmetic (weights kept int8, each token's inputs rounded to int16) against the float32 one (weights
/// dequantised at load) on the same file: sentence vectors within cosine 0.999, in English and 中文, for both
/// bundled encoders; a batch of texts and a short query (a few tokens) alike.
final class ArithmeticTests: XCTestCase {
    let texts = [
        "The bank raised its interest rates again.",
        "We sat on the river bank and watched the water.",
        "Word embeddings turn words into vectors of numbers.",
        "他们明天去北京参加会议。",
        "今天的天气很好，我们去公园散步吧。",
        "猫坐在垫子上",
        "dog",
        "A much longer sentence, with commas, numbers like 1,536 and 384, and a few rarer words: quantisation, LayerNorm.",
    ]

    func check(_ name: String) throws {
        let int8 = try Repo.encoder(name)
        let float32 = try SentenceEncoder(path: Repo.path("vectors/\(name).embt"), arithmetic: .float32)
        XCTAssertEqual(int8.model.arithmetic, .int8)
        XCTAssertEqual(float32.model.arithmetic, .float32)
        let a = int8.encode(texts, batchSize: 8, threads: 2), b = float32.encode(texts, batchSize: 8, threads: 2)
        var worst: Float = 1
        for i in texts.indices {
            let c = cosine(a.row(i), b.row(i))
            XCTAssertGreaterThanOrEqual(c, 0.999, "\(name): \"\(texts[i])\"")
            worst = min(worst, c)
            // One text alone: a few tokens, the product split over columns instead of rows.
            if i == 6 { XCTAssertGreaterThanOrEqual(cosine(int8.encode([texts[i]], threads: 2).row(0), b.row(i)), 0.999) }
        }
        print("\(name): int8 vs float32 arithmetic, worst cosine \(worst) over \(texts.count) texts")
    }

    func testMiniLMsInt8ArithmeticAgreesWithFloat32() throws { try check("minilm") }

    func testE5sInt8ArithmeticAgreesWithFloat32() throws { try check("e5-small") }
}

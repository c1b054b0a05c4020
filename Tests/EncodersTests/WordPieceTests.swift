import Encoders
import XCTest

final class WordPieceTests: XCTestCase {
    /// Every fixture sentence (English, Chinese, accents, emoji, control characters, a 1,000-word text)
    /// gets exactly the ids the model's own tokenizer (Hugging Face `tokenizers`) gives it.
    func testIdsEqualTheReferenceTokenizerOnEveryFixture() throws {
        let fixtures = try EncoderFixtures.load("minilm.json")
        let minilm = try Repo.minilm()
        XCTAssertEqual(fixtures.maxTokens, minilm.config.maxTokens)
        XCTAssertGreaterThan(fixtures.sentences.count, 250)
        var mismatches: [String] = []
        for s in fixtures.sentences where minilm.tokenize(s.text).ids != s.ids {
            mismatches.append(s.text)
        }
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(fixtures.sentences.count) sentences tokenised differently")
        XCTAssertTrue(fixtures.sentences.contains { $0.ids.count == minilm.config.maxTokens }, "a fixture is truncated")
    }

    func testLowerCasingAccentsAndChineseCharacters() throws {
        let t = try Repo.minilm().tokenizer
        XCTAssertEqual(t.encode("Café NAÏVE").pieces.map(\.text), ["cafe", "naive"])
        XCTAssertEqual(t.encode("我爱北京").pieces.map(\.text), ["我", "[UNK]", "北", "京"], "爱 is not in MiniLM's vocabulary")
        XCTAssertEqual(t.encode("embeddings!").pieces.map(\.text), ["em", "##bed", "##ding", "##s", "!"])
        XCTAssertEqual(t.encode("🙂 ok").pieces.map(\.text), ["[UNK]", "ok"])
        XCTAssertEqual(t.encode("a\u{200B}b").pieces.map(\.text), ["ab"], "a zero-width space is dropped, not a break")
    }

    func testLongTextIsCutToTheModelsLimit() throws {
        let minilm = try Repo.minilm()
        let t = minilm.tokenize(String(repeating: "river bank ", count: 300))
        XCTAssertEqual(t.ids.count, 256)
        XCTAssertEqual(t.ids.first, minilm.config.special.cls)
        XCTAssertEqual(t.ids.last, minilm.config.special.sep)
        XCTAssertTrue(t.truncated)
    }
}

import XCTest
import Tokenizers

final class TokenViewsTests: XCTestCase {
    func testOneTextFourWays() throws {
        let bpe = try BPETokenizer.train(on: "从Token到向量，从向量到Token", vocabularySize: 270)
        let views = TokenViews("从Token到向量", words: WordTokenizer(segmenter: try .bundled()), bpe: bpe)
        XCTAssertEqual(views.words.map(\.text), ["从", "Token", "到", "向量"])
        XCTAssertEqual(views.characters.count, 9)
        XCTAssertEqual(views.byteCount, 17)
        XCTAssertLessThan(views.bpe.count, views.bytes.count)
        XCTAssertEqual(try bpe.decode(views.bpe.map(\.id!)), "从Token到向量")
        // Every view covers the same bytes.
        for view in [views.words, views.characters, views.bytes, views.bpe] {
            XCTAssertEqual(view.flatMap(\.bytes), Array("从Token到向量".utf8))
        }
    }
}

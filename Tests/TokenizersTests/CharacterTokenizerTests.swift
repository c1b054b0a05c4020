import XCTest
import Tokenizers

final class CharacterTokenizerTests: XCTestCase {
    func testChineseCharactersAreThreeBytesEach() {
        let characters = CharacterTokenizer().tokenize("从Token到向量")
        XCTAssertEqual(characters.map(\.text), ["从", "T", "o", "k", "e", "n", "到", "向", "量"])
        XCTAssertEqual(characters.map(\.byteCount), [3, 1, 1, 1, 1, 1, 3, 3, 3])
        XCTAssertEqual(characters.last?.byteRange, 14..<17)
    }

    func testACharacterIsWhatAReaderCountsAsOne() {
        // e + combining acute accent, a family emoji joined by zero-width joiners, a flag.
        let characters = CharacterTokenizer().tokenize("e\u{301} 👨‍👩‍👧🇨🇳")
        XCTAssertEqual(characters.map(\.text), ["e\u{301}", " ", "👨‍👩‍👧", "🇨🇳"])
        XCTAssertEqual(characters.map(\.byteCount), [3, 1, 18, 8])
    }

    func testByteRangesTileTheText() {
        let text = "Hello, 世界! 😀"
        let characters = CharacterTokenizer().tokenize(text)
        XCTAssertEqual(characters.flatMap(\.bytes), Array(text.utf8))
        for (previous, next) in zip(characters, characters.dropFirst()) {
            XCTAssertEqual(previous.byteRange.upperBound, next.byteRange.lowerBound)
        }
    }
}

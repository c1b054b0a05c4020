import XCTest
import Tokenizers

final class ByteTokenizerTests: XCTestCase {
    func test北京IsSixUTF8Bytes() {
        let bytes = ByteTokenizer().tokenize("北京")
        XCTAssertEqual(bytes.count, 6)
        XCTAssertEqual(bytes.map(\.hex), ["E5", "8C", "97", "E4", "BA", "AC"])
        XCTAssertEqual(bytes.map(\.id), [0xE5, 0x8C, 0x97, 0xE4, 0xBA, 0xAC])
        XCTAssertEqual(bytes.map(\.byteRange), [0..<1, 1..<2, 2..<3, 3..<4, 4..<5, 5..<6])
    }

    func testEachCharacterShowsItsBytesInHex() {
        let characters = CharacterTokenizer().tokenize("北京")
        XCTAssertEqual(characters.map(\.hex), ["E5 8C 97", "E4 BA AC"])
        XCTAssertEqual(characters.map(\.byteCount), [3, 3])
    }

    func testASCIIIsOneByteAndEmojiIsFour() {
        XCTAssertEqual(ByteTokenizer().tokenize("a").map(\.id), [97])
        XCTAssertEqual(ByteTokenizer().tokenize("😀").map(\.hex), ["F0", "9F", "98", "80"])
    }

    func testALoneByteOfAChineseCharacterIsNotText() {
        let first = ByteTokenizer().tokenize("北")[0]
        XCTAssertFalse(first.isCompleteUTF8)
        XCTAssertEqual(first.text, "\u{FFFD}")
        XCTAssertEqual(first.readableText, "<E5>")
        XCTAssertEqual(Token.readableText([0x61, 0xE5, 0x8C, 0x97, 0xE4]), "a北<E4>")
        // A UTF-16 surrogate written in UTF-8 is not a character either.
        XCTAssertEqual(Token.readableText([0xED, 0xA0, 0x80]), "<ED><A0><80>")
    }

    func testEmptyTextHasNoBytes() {
        XCTAssertEqual(ByteTokenizer().tokenize(""), [])
    }
}

import XCTest
import Tokenizers

final class WordTokenizerTests: XCTestCase {
    func testEnglishWordsKeepTheirApostrophes() {
        let words = WordTokenizer().tokenize("Don't panic: it's O’Brien's 42nd try!")
        XCTAssertEqual(words.map(\.text), ["Don't", "panic", ":", "it's", "O’Brien's", "42nd", "try", "!"])
    }

    func testQuotesAroundAWordAreNotPartOfIt() {
        XCTAssertEqual(WordTokenizer().tokenize("'hello' dogs' 'n").map(\.text), ["'", "hello", "'", "dogs", "'", "'", "n"])
    }

    func testEachChineseCharacterIsAWordWithoutASegmenter() {
        XCTAssertEqual(WordTokenizer().tokenize("从Token到向量").map(\.text), ["从", "Token", "到", "向", "量"])
    }

    func testASegmenterGroupsChineseCharactersIntoWords() throws {
        let words = WordTokenizer(segmenter: try .bundled()).tokenize("从Token到向量")
        XCTAssertEqual(words.map(\.text), ["从", "Token", "到", "向量"])
        XCTAssertEqual(words.map(\.byteRange), [0..<3, 3..<8, 8..<11, 11..<17])
    }

    func testSpacesSeparateWordsAndAreDropped() throws {
        let words = WordTokenizer(segmenter: try .bundled()).tokenize("北京 - 中国 + 法国")
        XCTAssertEqual(words.map(\.text), ["北京", "-", "中国", "+", "法国"])
        XCTAssertEqual(words[2].byteRange, 9..<15)
    }

    func testPunctuationSymbolsAndEmojiAreTokensOfTheirOwn() {
        XCTAssertEqual(WordTokenizer().tokenize("猫,狗。GPT-4 👍🏽✨").map(\.text),
                       ["猫", ",", "狗", "。", "GPT", "-", "4", "👍🏽", "✨"])
    }

    func testLettersOfOtherScriptsFormWords() {
        XCTAssertEqual(WordTokenizer().tokenize("café Москва ひらがな").map(\.text),
                       ["café", "Москва", "ひ", "ら", "が", "な"])
    }
}

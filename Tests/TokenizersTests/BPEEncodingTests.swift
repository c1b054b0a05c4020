import XCTest
import Tokenizers

final class BPEEncodingTests: XCTestCase {
    let samples = [
        "", "a", "hello world", "从Token到向量", "北京", "king - man + woman ≈ queen",
        "emoji 😀👨‍👩‍👧🇨🇳 and e\u{301}", "tab\tnew\nline\r\n", "\u{0}\u{7F}\u{80}\u{FFFF}\u{10FFFF}",
        "日本語のテキスト, 한국어, Ελληνικά, العربية",
    ]

    func testDecodeOfEncodeGivesBackAnyText() throws {
        let bpe = try BPETokenizer.train(on: samples.joined(separator: " ") + String(repeating: "北京北京 ", count: 10),
                                         vocabularySize: 300)
        for text in samples + randomTexts(count: 200) {
            XCTAssertEqual(try bpe.decode(bpe.encode(text)), text)
        }
    }

    func testTextNeverSeenInTrainingStillRoundTrips() throws {
        let bpe = try BPETokenizer.train(on: "aaaa bbbb", vocabularySize: 260)
        for text in randomTexts(count: 100) {
            XCTAssertEqual(try bpe.decode(bpe.encode(text)), text)
        }
    }

    func testAnUntrainedTokenizerEncodesBytes() throws {
        let bpe = BPETokenizer()
        XCTAssertEqual(bpe.vocabularySize, 256)
        XCTAssertEqual(bpe.encode("北京"), [0xE5, 0x8C, 0x97, 0xE4, 0xBA, 0xAC])
    }

    func testMergesShortenTheSequence() throws {
        let text = String(repeating: "从Token到向量 ", count: 8)
        let bpe = try BPETokenizer.train(on: text, vocabularySize: 300)
        XCTAssertLessThan(bpe.encode(text).count, text.utf8.count / 4)
    }

    func testTokensCarryIdsAndByteRanges() throws {
        let bpe = try BPETokenizer.train(on: "北京，北京，北京", vocabularySize: 262)
        let tokens = bpe.tokenize("北京大学")
        XCTAssertEqual(tokens.first?.text, "北京")
        XCTAssertEqual(tokens.first?.byteRange, 0..<6)
        XCTAssertEqual(tokens.map(\.id!), bpe.encode("北京大学"))
        XCTAssertEqual(tokens.flatMap(\.bytes), Array("北京大学".utf8))
    }

    func testAnUnknownIdIsAnError() {
        XCTAssertThrowsError(try BPETokenizer().decode([104, 300])) { error in
            XCTAssertEqual(error as? TokenizerError, .unknownTokenID(300, vocabularySize: 256))
        }
    }

    func testIdsThatCutACharacterApartDecodeWithReplacementCharacters() throws {
        XCTAssertEqual(try BPETokenizer().decode([0xE5, 0x8C]), "\u{FFFD}")
        XCTAssertEqual(try BPETokenizer().decodeBytes([0xE5, 0x8C]), [0xE5, 0x8C])
    }

    /// Strings of random Unicode scalars: ASCII, Chinese, emoji, combining marks, anything valid.
    private func randomTexts(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: UInt32) -> UInt32 {   // SplitMix64, enough for test data
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt32(truncatingIfNeeded: (z ^ (z >> 31)) % UInt64(bound))
        }
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x4E00...0x9FFF, 0x1F300...0x1FAFF, 0x300...0x36F, 0...0x10FFFF]
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<next(40) {
                let range = ranges[Int(next(UInt32(ranges.count)))]
                if let scalar = Unicode.Scalar(range.lowerBound + next(range.upperBound - range.lowerBound + 1)) {
                    text.unicodeScalars.append(scalar)
                }
            }
            return text
        }
    }
}

import Foundation
import XCTest
@testable import GloVe

final class CorpusTests: XCTestCase {
    func testLinesAreListsOfWhitespaceSeparatedTokens() {
        let corpus = Corpus(text: "the cat\tsat  on the mat\r\n\n  the dog sat\n")
        XCTAssertEqual(corpus.lines(), [["the", "cat", "sat", "on", "the", "mat"], ["the", "dog", "sat"]])
        XCTAssertEqual(corpus.tokenCount, 9)
    }

    func testLinesOfStringsAreLinesOfTheCorpus() {
        let corpus = Corpus(lines: ["北京 是 中国 的 首都", "巴黎 是 法国 的 首都"])
        XCTAssertEqual(corpus.lines().count, 2)
        XCTAssertEqual(corpus.lines()[1], ["巴黎", "是", "法国", "的", "首都"])
    }

    func testReadsAUTF8File() throws {
        let path = NSTemporaryDirectory() + "glove-corpus-\(UUID().uuidString).txt"
        try "king queen\nman woman\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try Corpus(contentsOfFile: path).lines(), [["king", "queen"], ["man", "woman"]])
    }

    func testAMissingFileIsAnErrorNamingIt() {
        XCTAssertThrowsError(try Corpus(contentsOfFile: "/no/such/corpus.txt")) { error in
            XCTAssertTrue("\(error)".contains("/no/such/corpus.txt"), "\(error)")
        }
    }

    func testAFileThatIsNotUTF8IsRefusedWithTheByteOffset() throws {
        let path = NSTemporaryDirectory() + "glove-latin1-\(UUID().uuidString).txt"
        // "café" in Latin-1: the é is the single byte 0xE9, at offset 8.
        try Data([0x63, 0x61, 0x74, 0x20, 0x63, 0x61, 0x66, 0x20, 0xE9]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try Corpus(contentsOfFile: path)) { error in
            XCTAssertEqual(error as? CorpusError, .notUTF8(path: path, byteOffset: 8))
            XCTAssertTrue("\(error)".contains("offset 8"), "\(error)")
        }
    }

    func testUTF8CheckAcceptsMultibyteTextAndFindsBadBytes() {
        XCTAssertNil(firstInvalidUTF8(in: Array("词向量 ok 😀 é".utf8)))
        XCTAssertEqual(firstInvalidUTF8(in: [0x61, 0xC3]), 1)               // truncated sequence
        XCTAssertEqual(firstInvalidUTF8(in: [0x61, 0xC0, 0x80]), 1)         // overlong encoding
        XCTAssertEqual(firstInvalidUTF8(in: [0xED, 0xA0, 0x80]), 0)         // a UTF-16 surrogate
        XCTAssertEqual(firstInvalidUTF8(in: Array("abcdefghijk".utf8) + [0xFF]), 11)
    }

    func testChunksStartAtLineStarts() {
        let corpus = Corpus(lines: (0..<100).map { "line \($0) has some words" })
        let chunks = corpus.lineAlignedChunks(7)
        XCTAssertEqual(chunks.first?.lowerBound, 0)
        XCTAssertEqual(chunks.last?.upperBound, corpus.bytes.count)
        for (a, b) in zip(chunks, chunks.dropFirst()) {
            XCTAssertEqual(a.upperBound, b.lowerBound)
            XCTAssertEqual(corpus.bytes[b.lowerBound - 1], UInt8(ascii: "\n"))
        }
    }
}

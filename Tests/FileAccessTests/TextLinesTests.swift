import Foundation
import XCTest
@testable import FileAccess

final class TextLinesTests: FolderTestCase {
    func testLFCRLFAndAByteOrderMarkReadTheSame() throws {
        let expected = ["king queen", "", "中文 行"]
        XCTAssertEqual(try TextFile.lines(of: Array("king queen\n\n中文 行\n".utf8)), expected)
        XCTAssertEqual(try TextFile.lines(of: Array("king queen\r\n\r\n中文 行\r\n".utf8)), expected)
        XCTAssertEqual(try TextFile.lines(of: Array("\u{FEFF}king queen\r\n\r\n中文 行".utf8)), expected)
    }

    func testALoneCarriageReturnInsideALineIsKept() throws {
        XCTAssertEqual(try TextFile.lines(of: Array("a\rb\n".utf8)), ["a\rb"])
    }

    func testLineNumbersAndRangesExcludeTheBreak() throws {
        let bytes = Array("ab\r\ncd".utf8)
        try bytes.withUnsafeBufferPointer { b in
            var lines = TextLines(b)
            XCTAssertEqual(try lines.next(), TextLines.Line(number: 1, bytes: 0..<2))
            XCTAssertEqual(try lines.next(), TextLines.Line(number: 2, bytes: 4..<6))
            XCTAssertNil(try lines.next())
        }
    }

    func testAHugeLineIsRefusedByItsSizeAndNotEchoed() {
        let line = String(repeating: "x", count: 70_000)
        assertRefused(.lineTooLong, "line 2 is 70000 bytes long") {
            try TextFile.lines(of: Array("ok\n\(line)\n".utf8), limits: .document, path: "big.md")
        }
        XCTAssertThrowsError(try TextFile.lines(of: Array(line.utf8), limits: .document, path: "big.md")) { error in
            XCTAssertLessThan("\(error)".utf8.count, 200)
        }
    }

    func testCombiningMarksCountAsBytesAndAsCharacters() {
        // 200,000 combining marks on one letter are one Character but 400,001 bytes.
        let stacked = "a" + String(repeating: "\u{0301}", count: 200_000)
        XCTAssertEqual(stacked.count, 1)
        assertRefused(.lineTooLong, "400001 bytes") { try TextFile.lines(of: Array(stacked.utf8), limits: .document) }
        let wide = String(repeating: "猫", count: 5_000)   // 15,000 bytes: within bytes, over characters
        assertRefused(.lineTooLong, "5000 characters") { try TextFile.lines(of: Array(wide.utf8), limits: .document) }
    }

    func testInvalidUTF8NamesTheLineAndByte() {
        assertRefused(.notUTF8, "line 2 is not UTF-8 text (byte 5)") {
            try TextFile.lines(of: [0x6F, 0x6B, 0x0A, 0x61, 0x62, 0xFF, 0x0A], path: "x.txt")
        }
    }

    func testReadsAFileThroughTheOpener() throws {
        let path = try file("lesson.md", "\u{FEFF}---\r\nid: x\r\n---\r\n")
        XCTAssertEqual(try TextFile.text(atPath: path), "---\nid: x\n---")
        assertRefused(.isDirectory, "is a folder") { try TextFile.text(atPath: folder) }
    }

    func testSplittingTextInMemoryHandlesCRLF() {
        // Character-based splitting sees "\r\n" as one Character and would find one line here.
        XCTAssertEqual("a\r\nb".split(separator: "\n").count, 1)
        XCTAssertEqual(TextFile.lines(ofText: "a\r\nb\r\n"), ["a", "b"])
        XCTAssertEqual(TextFile.lines(ofText: "\u{FEFF}a\n\nb"), ["a", "", "b"])
    }
}

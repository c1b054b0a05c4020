import XCTest
@testable import FileAccess

final class PrintableTextTests: XCTestCase {
    func testTerminalControlSequencesBecomeVisible() {
        XCTAssertEqual(PrintableText.escaping("\u{1B}]2;pwned\u{07}"), "\\e]2;pwned\\a")
        XCTAssertEqual(PrintableText.escaping("\u{1B}[2J"), "\\e[2J")
        XCTAssertEqual(PrintableText.escaping("\u{1B}]52;c;ZXZpbA==\u{07}"), "\\e]52;c;ZXZpbA==\\a")
        XCTAssertEqual(PrintableText.escaping("a\u{9B}31m"), "a\\u{9B}31m")
        XCTAssertEqual(PrintableText.escaping("abc\u{202E}fed"), "abc\\u{202E}fed")
        XCTAssertEqual(PrintableText.escaping("\u{0}\u{7F}"), "\\u{0}\\u{7F}")
    }

    func testOrdinaryTextIsUntouched() {
        XCTAssertEqual(PrintableText.escaping("猫 café\tqueen\n"), "猫 café\tqueen\n")
        XCTAssertTrue(PrintableText.isPrintable("猫 café\tqueen\n"))
        XCTAssertFalse(PrintableText.isPrintable("a\u{1B}"))
    }

    func testOneLineModeEscapesBreaks() {
        XCTAssertEqual(PrintableText.escaping("a\nb\tc\r", keepNewlines: false), "a\\nb\\tc\\r")
    }

    func testALongTextIsCut() {
        XCTAssertEqual(PrintableText.escaping(String(repeating: "x", count: 1000), limit: 10), "xxxxxxxxxx… (1000 bytes)")
        XCTAssertEqual(PrintableText.escaping("short", limit: 10), "short")
    }
}

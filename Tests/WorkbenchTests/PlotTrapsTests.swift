import XCTest
@testable import Workbench
import Embeddings

/// `plot` given what a tester would give it: one clear line, never a trap or a hang.
final class PlotTrapsTests: XCTestCase {
    func assertOneLineError(_ line: String, contains text: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let s = try Models.session("toy")
        XCTAssertThrowsError(try s.evaluate(line), file: file, line: lineNumber) { error in
            XCTAssertTrue("\(error)".contains(text), "\(error)", file: file, line: lineNumber)
        }
    }

    func testVectorsOfDifferentLengthsAreRefused() throws {
        try assertOneLineError("plot 猫 [1, 2]", contains: "one length")
    }

    func testAnInfiniteCoordinateIsRefused() throws {
        try assertOneLineError("plot (猫 * 1e39) 狗", contains: "猫 * 1e+39 has values too large")
    }

    func testAPlotOfManyDimensionsIsQuickAndCanBeStopped() throws {
        let s = try Models.session("glove-50d")
        s.cancellation.request()
        // With Ctrl-C already pressed, the projection stops at once instead of finishing.
        XCTAssertThrowsError(try s.evaluate("plot king queen man woman paris france")) { error in
            XCTAssertTrue("\(error)".contains("Ctrl-C"), "\(error)")
        }
        s.cancellation.reset()
        if case .scatter(let plot) = try s.evaluate("plot king queen man woman").value {
            XCTAssertEqual(plot.points.count, 4)
        } else { XCTFail("a scatter plot") }
    }
}

import Foundation
import Embeddings
import Workbench
import XCTest

/// A session's limits (`CellLimits`): the time limit stops a line through the same flag as Ctrl-C,
/// the memory budget refuses training by its estimate before it starts and stops a line whose
/// process grows past it; the next line runs as usual.
final class SessionLimitsTests: XCTestCase {
    static let heavy = "train word2vec corpus=small-world dim=1000 epochs=1000 window=100 negative=100"

    func testALineOverItsTimeLimitIsStoppedAndTheNextOneRuns() throws {
        let session = try Models.session("toy")
        session.limits = CellLimits(seconds: 0.5)
        let start = Date()
        XCTAssertThrowsError(try session.evaluate(Self.heavy)) { error in
            XCTAssertEqual((error as? WorkbenchError)?.message, "this line ran longer than the time limit (0.5 s) and was stopped")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertFalse(session.cancellation.isRequested, "the stop is cleared for the next line")
        XCTAssertEqual(try session.evaluate("dist [8], [17]").value.number, 9)
        // The session records the stopped line as its error (a saved notebook shows it).
        XCTAssertEqual(session.cells.filter { if case .error = $0.outcome { return true } else { return false } }.count, 1)
    }

    /// A corpus of 20,000 different words (lines of 20), written to a temporary file.
    static let corpus: String = {
        let path = NSTemporaryDirectory() + "embedlab-limits-\(UUID().uuidString).txt"
        var generator = SystemRandomNumberGenerator()
        let lines = (0..<10_000).map { _ in (0..<20).map { _ in "w\(Int.random(in: 0..<20_000, using: &generator))" }.joined(separator: " ") }
        FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: "\n").utf8))
        return path
    }()

    func testTrainingOverTheBudgetIsRefusedWithItsEstimateBeforeItStarts() throws {
        let session = try Models.session("toy")
        session.limits = CellLimits(seconds: 30, memoryBytes: 8 << 20)
        for line in ["train word2vec corpus=\(Self.corpus) dim=100 min-count=1", "train glove corpus=\(Self.corpus) dim=8 window=100 min-count=1",
                     "train clip pictures=1000"] {
            let start = Date()
            XCTAssertThrowsError(try session.evaluate(line), line) { error in
                let message = (error as? WorkbenchError)?.message ?? ""
                XCTAssertTrue(message.hasPrefix("training with these settings would need about "), message)
                XCTAssertTrue(message.hasSuffix(" of memory, over the budget (8.0 MB); nothing was trained"), message)
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, line)
            XCTAssertEqual(session.model.name, "toy", "nothing was trained")
        }
        // Small settings fit the same budget and train.
        XCTAssertNoThrow(try session.evaluate("train word2vec corpus=small-world dim=8 epochs=1"))
    }

    func testTheLimitsAreSaidInChineseToo() throws {
        let session = try Models.session("toy")
        session.language = .zh
        session.limits = CellLimits(seconds: 0.2)
        XCTAssertThrowsError(try session.evaluate(Self.heavy)) { error in
            XCTAssertEqual((error as? WorkbenchError)?.message, "这一行运行超过了时间上限（0.2 s），已被停止")
        }
    }
}

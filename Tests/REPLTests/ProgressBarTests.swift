import XCTest
import Rendering
import Workbench
@testable import REPL

final class ProgressBarTests: XCTestCase {
    func testOneLineWithTheBarTheDetailAndTheCostSparkline() {
        let p = WorkProgress(title: "GloVe on small-world", fraction: 0.5, detail: "epoch 13/25, cost 0.0123", series: [0.5, 0.2, 0.1, 0.05])
        let line = ProgressBar.line(p, style: Style(width: 80, color: false))
        XCTAssertTrue(line.hasPrefix("GloVe on small-world  [") && line.contains("]  50%  epoch 13/25, cost 0.0123  █"), line)
        XCTAssertTrue(line.hasSuffix("▁"), line)
        XCTAssertLessThan(DisplayWidth.of(line), 80)
        XCTAssertLessThan(DisplayWidth.of(ProgressBar.line(p, style: Style(width: 40, color: false))), 40)
    }

    func testRedrawsInPlaceAndClearsTheLineWhenFinished() {
        let out = Output()
        let bar = ProgressBar(style: .plain, write: { out.append($0) })
        let onProgress: (@Sendable (WorkProgress) -> Void)? = bar.report   // what the REPL gives the session
        onProgress?(WorkProgress(title: "t", fraction: 0, detail: "counting words"))
        bar.update(WorkProgress(title: "t", fraction: 0.01, detail: "too soon to redraw"))
        bar.update(WorkProgress(title: "t", fraction: 0.04, detail: "epoch 1/25", series: [0.5]))
        bar.finish()
        XCTAssertEqual(out.text.components(separatedBy: "\r\u{1B}[2K").count - 1, 3, out.text.debugDescription)
        XCTAssertFalse(out.text.contains("too soon"))
        XCTAssertTrue(out.text.hasSuffix("\r\u{1B}[2K"))
    }
}

private final class Output: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
}

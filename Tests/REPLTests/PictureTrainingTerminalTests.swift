import XCTest

/// `train clip` in a real terminal (tmux), as a learner runs it: Ctrl-C stops it between batches and
/// keeps the model of that moment, which the picture commands then use.
final class PictureTrainingTerminalTests: XCTestCase {
    func testCtrlCDuringTrainClipKeepsTheModelOfThatMoment() throws {
        try Terminal.require()
        let dir = temporaryDirectory()
        let t = try Terminal(command: "cd '\(Binary.root.path)' && XDG_STATE_HOME='\(dir)/state' LANG=C.UTF-8 '\(Binary.path)' --model toy", width: 120)
        try t.waitFor("toy [1]>", timeout: 30)
        let question = #"sim (picture 3), "an orange cross on the right""#
        func cosines(_ screen: String) -> [String] {
            screen.split(separator: "\n").compactMap { line in
                guard line.hasPrefix("cos(picture 3,"), let eq = line.range(of: " = ") else { return nil }
                return String(line[eq.upperBound...].prefix { !$0.isWhitespace })
            }
        }
        try t.type(question)
        try t.press("Enter")
        let bundled = try XCTUnwrap(cosines(try t.waitFor("cos(picture 3,")).first, "the bundled model's cosine")
        // A run of minutes, stopped once its progress line shows it under way (the line is redrawn in
        // place, so what is waited for is the part that stays: "/1000, loss").
        try t.type("train clip pictures=256 epochs=1000 dim=16 threads=1")
        try t.press("Enter")
        try t.waitFor("/1000, loss", timeout: 60)
        try t.press("C-c")
        let stopped = try t.waitFor("(stopped by Ctrl-C)", timeout: 60)
        XCTAssertTrue(stopped.contains("training stopped by Ctrl-C; the model of that moment is in use as 'pictures-trained'"), stopped)
        XCTAssertTrue(stopped.contains("pictures-trained: 256 pictures, 16 dimensions"), stopped)
        // The REPL is still there, and the picture commands answer with the model that was kept.
        try t.waitFor("toy [3]>")
        try t.type(question)
        try t.press("Enter")
        let after = cosines(try t.waitFor("cos(picture 3,", count: stopped.contains("cos(picture 3,") ? 2 : 1))
        XCTAssertNotEqual(after.last, bundled, "the cosine is still the bundled model's: the trained model was not kept")
        try t.type(#"search pictures "a red circle" 1"#)
        try t.press("Enter")
        try t.waitFor("pictures nearest to")
    }
}

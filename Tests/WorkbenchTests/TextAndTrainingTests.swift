import XCTest
@testable import Workbench
import Embeddings
@testable import Rendering

/// The tokens lesson and GloVe training, as a learner types them at the prompt.
final class TextAndTrainingTests: XCTestCase {
    private func table(_ s: Session, _ line: String) throws -> Table {
        guard case .table(let t) = try s.evaluate(line).value else { throw WrongValue("not a table: \(line)") }
        return t
    }

    private func breakdown(_ t: Table) -> TokenBreakdown? {
        if case .tokens(let b) = t.detail { return b }
        return nil
    }

    func testTokensShowsWordsCharactersAndBytesSideBySide() throws {
        let s = try Models.session("toy")
        let t = try table(s, #"tokens "从Token到向量""#)
        XCTAssertEqual(t.rows.map(\.first!), ["从", "Token", "到", "向量"], "the word view is the table's first column")
        let b = try XCTUnwrap(breakdown(t))
        XCTAssertEqual(b.views.map(\.name), ["words", "characters", "bytes"])
        XCTAssertEqual(b.byteCount, 17)
        XCTAssertEqual(b.view("characters")?.pieces.count, 9)
        XCTAssertEqual(b.view("words")?.pieces.map(\.byteCount), [3, 5, 3, 6])
        XCTAssertEqual(b.view("bytes")?.pieces.first?.id, 0xE4)
        let text = ValueRenderer.render(.table(t), style: .plain)
        XCTAssertTrue(text.contains("17 bytes"), text)
        XCTAssertTrue(text.contains("向量") && text.contains("E4│BB│8E"), text)

        let beijing = try XCTUnwrap(breakdown(try table(s, "tokens 北京")))
        XCTAssertEqual(beijing.byteCount, 6, "北京 is 6 bytes: 3 per character")
        XCTAssertEqual(beijing.view("bytes")?.pieces.map(\.hex), ["E5", "8C", "97", "E4", "BA", "AC"])
    }

    func testBPETrainShowsTheMergesAndThenTokensHasABPERow() throws {
        let s = try Models.session("toy")
        let t = try table(s, #"bpe train "aaabdaaabac" vocab 259"#)
        XCTAssertEqual(t.rows.map(\.first!), ["aa", "aaa", "aaab"], "the learned tokens, in order")
        let b = try XCTUnwrap(breakdown(t))
        XCTAssertEqual(b.merges.map(\.count), [4, 2, 2])
        XCTAssertEqual(b.view("BPE")?.pieces.map(\.id), [258, 100, 258, 97, 99])
        XCTAssertTrue(ValueRenderer.render(.table(t), style: .plain).contains("5 tokens"))
        // Unquoted text works too, and the session now cuts text with the trained BPE.
        XCTAssertEqual(try table(s, "bpe train aaabdaaabac vocab 258").rows.count, 2)
        let after = try XCTUnwrap(breakdown(try table(s, "tokens aaab")))
        XCTAssertEqual(after.view("BPE")?.pieces.map(\.text), ["aaa", "b"])
        XCTAssertThrowsError(try s.evaluate(#"bpe train "abc" vocab 100"#)) { error in
            XCTAssertTrue("\(error)".contains("256"), "\(error)")
        }
        XCTAssertThrowsError(try s.evaluate("bpe aaab"))
    }

    func testCooccurCountsEachNeighbourOneOverItsDistance() throws {
        let s = try Models.session("toy")
        let t = try table(s, #"cooccur "the cat sat on the mat" window 2"#)
        XCTAssertEqual(t.headers, ["X", "the", "cat", "mat", "on", "sat"])
        let row = { (w: String) in t.rows.first { $0[0] == w }! }
        XCTAssertEqual(row("the")[5], "1", "sat is 2 after the first the and 2 before the second: ½ + ½")
        XCTAssertEqual(row("cat")[4], "0.5")
        XCTAssertEqual(row("cat")[2], "·")
        let zh = try table(s, #"cooccur "我爱北京。你爱上海" window 1"#)
        XCTAssertEqual(Set(zh.headers), ["X", "我", "爱", "北京", "你", "上海"], "Chinese is cut into words")
        let beijing = zh.rows.first { $0[0] == "北京" }!
        XCTAssertEqual(beijing[zh.headers.firstIndex(of: "你")!], "·", "the end of a sentence stops the window")
        XCTAssertEqual(beijing[zh.headers.firstIndex(of: "爱")!], "1")
    }

    func testTrainingOnTheSmallWorldIsQueryableAtOnce() throws {
        let s = try Models.session("toy")
        let t = try table(s, "train glove corpus=small-world")
        XCTAssertEqual(s.model.name, "trained")
        guard case .training(let summary) = t.detail else { return XCTFail("\(t)") }
        XCTAssertEqual(summary.epochCosts.count, summary.epochs)
        XCTAssertLessThan(summary.epochCosts.last!, summary.epochCosts.first!)
        XCTAssertFalse(summary.cancelled)
        XCTAssertEqual(try s.evaluate("king - man + woman").value.words?.first, "queen")
        XCTAssertEqual(try s.evaluate("北京 - 中国 + 法国").value.words?.first, "巴黎")
        XCTAssertTrue(ValueRenderer.render(.table(t), style: .plain).contains("king - man + woman"))
        XCTAssertEqual(try s.evaluate(":use toy").statement.commandName, ":use")
        XCTAssertEqual(s.model.name, "toy")
    }

    func testOneThreadAndAFixedSeedGiveIdenticalVectors() throws {
        let s = try Models.session("toy")
        try s.evaluate("train glove corpus=small-world epochs=3 threads=1 seed=5 name=first")
        let first = s.model
        try s.evaluate("train glove corpus=small-world epochs=3 threads=1 seed=5 name=second")
        XCTAssertEqual(s.model.name, "second")
        XCTAssertEqual(first.words, s.model.words)
        XCTAssertEqual(first.matrix, s.model.matrix, "bit for bit")
        try s.evaluate("train glove corpus=small-world epochs=3 threads=1 seed=6 name=third")
        XCTAssertNotEqual(first.matrix, s.model.matrix)
    }

    func testCtrlCDuringTrainingLeavesAUsableModel() throws {
        let s = try Models.session("toy")
        let progress = ProgressLog()
        s.onProgress = { p in
            progress.add(p)
            if p.series.count >= 1 { s.cancellation.request() }   // Ctrl-C after the first epoch
        }
        let t = try table(s, "train glove corpus=small-world epochs=20")
        s.cancellation.reset()
        s.onProgress = nil
        guard case .training(let summary) = t.detail else { return XCTFail("\(t)") }
        XCTAssertTrue(summary.cancelled)
        XCTAssertEqual(summary.epochCosts.count, 1)
        XCTAssertEqual(s.model.name, "trained")
        XCTAssertTrue(t.title!.contains("Ctrl-C"))
        XCTAssertTrue(s.model.matrix.values.allSatisfy(\.isFinite))
        XCTAssertEqual(try s.evaluate("near 5 king").value.words?.count, 5, "the stopped model answers queries")
        XCTAssertTrue(progress.all.contains { $0.detail.hasPrefix("epoch 1/20") })
        XCTAssertGreaterThan(progress.all.last!.fraction, 0)
    }

    func testCtrlCWhileCountingKeepsTheModelInUse() throws {
        let s = try Models.session("toy")
        s.onProgress = { _ in s.cancellation.request() }
        let t = try table(s, "train glove corpus=small-world")
        s.cancellation.reset()
        XCTAssertEqual(s.model.name, "toy")
        XCTAssertTrue(t.title!.contains("has not changed"), t.title!)
    }

    func testTrainingMistakesAreExplained() throws {
        let s = try Models.session("toy")
        for (line, expected) in [("train", "train glove"), ("train glove corpus=/no/such/file.txt", "/no/such/file.txt"),
                                 ("train glove dim=0", "dim"), ("train glove size=3", "no option 'size'"),
                                 ("train glove corpus=small-world min-count=100000", "at least two")] {
            XCTAssertThrowsError(try s.evaluate(line), line) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(line): \(error)")
            }
        }
        XCTAssertEqual(s.model.name, "toy")
    }

    func testTrainingOnAFile() throws {
        let path = NSTemporaryDirectory() + "embedlab-corpus-\(UUID().uuidString).txt"
        try SmallWorldText.lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let s = try Models.session("toy")
        try s.evaluate("train glove corpus=\(path) dim=5 epochs=2 min-count=1 window=3 name=mine")
        XCTAssertEqual(s.model.name, "mine")
        XCTAssertEqual(s.model.dimensions, 5)
        XCTAssertEqual(Set(s.model.words), ["the", "cat", "dog", "sat", "ran", "on", "mat"])
    }

    func testJSONCarriesTheTokens() throws {
        let s = try Models.session("toy")
        let json = JSONRenderer.render(try s.evaluate("tokens 北京").value)
        XCTAssertTrue(json.contains("\"tokens\"") && json.contains("\"hex\":\"E5\""), json)
    }
}

private enum SmallWorldText {
    static let lines = ["the cat sat on the mat", "the dog ran on the mat", "the cat ran"]
}

/// Progress reports collected from the training thread.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [WorkProgress] = []
    func add(_ p: WorkProgress) { lock.lock(); items.append(p); lock.unlock() }
    var all: [WorkProgress] { lock.lock(); defer { lock.unlock() }; return items }
}

/// A value of the wrong kind: the test fails (it is not skipped).
struct WrongValue: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

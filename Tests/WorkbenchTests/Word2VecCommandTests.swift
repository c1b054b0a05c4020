import XCTest
@testable import Workbench
import Embeddings
@testable import Rendering

/// `train word2vec …` as a learner types it: beside `train glove`, with the same progress, Ctrl-C and model.
final class Word2VecCommandTests: XCTestCase {
    private func table(_ s: Session, _ line: String) throws -> Table {
        guard case .table(let t) = try s.evaluate(line).value else { throw WrongValue("not a table: \(line)") }
        return t
    }

    func testSkipGramOnTheSmallWorldIsQueryableAtOnce() throws {
        let s = try Models.session("toy")
        let progress = Word2VecProgressLog()
        s.onProgress = { progress.add($0) }
        let t = try table(s, "train word2vec corpus=small-world sg=1")
        s.onProgress = nil
        XCTAssertEqual(s.model.name, "trained")
        XCTAssertTrue(t.title!.contains("Word2Vec (skip-gram)"), t.title!)
        guard case .training(let summary) = t.detail else { return XCTFail("\(t)") }
        XCTAssertEqual(summary.epochCosts.count, 30)
        XCTAssertLessThan(summary.epochCosts.last!, summary.epochCosts.first!)
        XCTAssertTrue(summary.settings.contains(.init("negative", "15")))
        XCTAssertTrue(try s.evaluate("king - man + woman").value.words!.prefix(3).contains("queen"))
        XCTAssertEqual(try s.evaluate("北京 - 中国 + 法国").value.words?.first, "巴黎")
        XCTAssertTrue(progress.all.contains { $0.detail.hasPrefix("epoch 30/30") }, "the same bar as GloVe's")
        XCTAssertEqual(progress.all.last?.series.count, 30, "the loss of every epoch, for the sparkline")
    }

    func testCtrlCKeepsTheVectorsOfThatMoment() throws {
        let s = try Models.session("toy")
        s.onProgress = { p in if p.series.count >= 1 { s.cancellation.request() } }
        let t = try table(s, "train word2vec corpus=small-world epochs=50")
        s.cancellation.reset()
        s.onProgress = nil
        guard case .training(let summary) = t.detail else { return XCTFail("\(t)") }
        XCTAssertTrue(summary.cancelled)
        XCTAssertEqual(summary.epochCosts.count, 1)
        XCTAssertEqual(s.model.name, "trained")
        XCTAssertEqual(try s.evaluate("near 5 king").value.words?.count, 5)
    }

    func testBadSettingsAreRefusedByTheTable() throws {
        let s = try Models.session("toy")
        for (line, expected) in [("train word2vec sg=2", "sg must be a whole number from 0 to 1, not '2'"),
                                 ("train word2vec negative=0", "negative must be a whole number from 1 to 100, not '0'"),
                                 ("train word2vec window=0", "window must be a whole number from 1 to 100, not '0'"),
                                 ("train word2vec dim=1001", "dim must be a whole number from 1 to 1000, not '1001'"),
                                 ("train word2vec x-max=10", "x-max is an option of train glove, not of train word2vec"),
                                 ("train glove negative=5", "negative is an option of train word2vec, not of train glove"),
                                 ("train fasttext", "train is written train glove|word2vec …")] {
            XCTAssertThrowsError(try s.evaluate(line), line) { error in
                XCTAssertEqual((error as? WorkbenchError)?.message, expected, line)
            }
        }
        XCTAssertEqual(s.model.name, "toy")
    }

    func testTheSavedModelIsAModelLikeAnyOther() throws {
        let path = NSTemporaryDirectory() + "embedlab-w2v-\(UUID().uuidString).embv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let s = try Models.session("toy")
        try s.evaluate("train word2vec corpus=small-world epochs=2 name=w2v save=\(path)")
        let loaded = try WordVectors.load(path: path)
        XCTAssertEqual(loaded.words, s.model.words)
        XCTAssertEqual(loaded.dimensions, 32)
    }
}

/// Progress reports collected from the training thread.
private final class Word2VecProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [WorkProgress] = []
    func add(_ p: WorkProgress) { lock.lock(); items.append(p); lock.unlock() }
    var all: [WorkProgress] { lock.lock(); defer { lock.unlock() }; return items }
}

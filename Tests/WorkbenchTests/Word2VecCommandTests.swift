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

    func testTheSummaryCountsWordsAndWordsASecondNotRecords() throws {
        let s = try Models.session("toy")
        let t = try table(s, "train word2vec corpus=small-world epochs=3")
        guard case .training(let summary) = t.detail else { return XCTFail("\(t)") }
        XCTAssertEqual(summary.method, .word2vec)
        XCTAssertEqual(summary.records, 35_820, "every token of the small world, once a pass")
        XCTAssertGreaterThan(summary.wordsPerSecond, 0)
        let english = ValueRenderer.render(.table(t), style: Style(width: 100))
        XCTAssertTrue(english.contains("35820 words a pass"), english)
        XCTAssertTrue(english.contains(" words/s"), english)
        XCTAssertTrue(english.contains("loss"), english)
        XCTAssertFalse(english.contains("records"), english)
        let chinese = ValueRenderer.render(.table(t), style: Style(width: 100, language: .zh))
        XCTAssertTrue(chinese.contains("每轮 35820 个词"), chinese)
        XCTAssertTrue(chinese.contains("每秒"), chinese)
        XCTAssertFalse(chinese.contains("记录"), chinese)
        // GloVe still counts its co-occurrence records.
        let glove = ValueRenderer.render(try s.evaluate("train glove corpus=small-world epochs=2").value, style: Style(width: 100))
        XCTAssertTrue(glove.contains("6288 records"), glove)
    }

    func testARelativeCorpusStartsInTheLessonsFolder() throws {
        let folder = NSTemporaryDirectory() + "embedlab-w2v-lesson-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/corpora", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let line = "价格 便宜 实惠 质量 纸张 印刷 服务 态度 热情\n"
        try String(repeating: line, count: 50).write(toFile: folder + "/corpora/reviews.txt", atomically: true, encoding: .utf8)
        let s = try Models.session("toy")
        XCTAssertThrowsError(try s.evaluate("train word2vec corpus=corpora/reviews.txt epochs=1"), "not in the working directory")
        s.fileFolder = folder
        let t = try table(s, "train word2vec corpus=corpora/reviews.txt epochs=1 dim=8 threads=1")
        guard case .training(let summary) = t.detail else { return XCTFail("\(t)") }
        XCTAssertEqual(summary.tokens, 450)
        XCTAssertEqual(s.model.count, 9)
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
                                 ("train fasttext", "train is written train glove|word2vec|clip …")] {
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

import XCTest
import Embeddings
import GloVe
import VectorMath
import Word2Vec

final class Word2VecTrainerTests: XCTestCase {
    private func vectors(_ model: Word2VecModel) throws -> WordVectors {
        try WordVectors(name: "w2v", words: model.words, matrix: model.vectors)
    }

    func testSkipGramOnTheSmallWorldLearnsTheAnalogies() throws {
        let model = Word2VecTrainer(.smallWorld).train(on: SmallWorldCorpus().corpus)
        XCTAssertFalse(model.wasCancelled)
        XCTAssertEqual(model.epochsCompleted, Word2VecHyperparameters.smallWorld.epochs)
        XCTAssertLessThan(model.epochLosses.last!, model.epochLosses.first! * 0.8, "\(model.epochLosses)")
        let v = try vectors(model)
        let queen = try v.analogy(a: "man", b: "king", c: "woman", k: 3).map(\.word)
        XCTAssertTrue(queen.contains("queen"), "king − man + woman → \(queen)")
        XCTAssertEqual(try v.analogy(a: "中国", b: "北京", c: "法国", k: 1).first?.word, "巴黎")
    }

    func testCBOWOnTheSmallWorldLearnsSomeOfTheAnalogies() throws {
        // CBOW averages the window before it predicts, and on so little text it learns the
        // world's relations less well than skip-gram: far above chance (1 in ~300), not all.
        var settings = Word2VecHyperparameters.smallWorld
        settings.architecture = .cbow
        let model = Word2VecTrainer(settings).train(on: SmallWorldCorpus().corpus)
        XCTAssertLessThan(model.epochLosses.last!, model.epochLosses.first!)
        let score = try AnalogyEvaluation.run(model: vectors(model), questions: SmallWorldCorpus.analogyQuestions).total
        XCTAssertGreaterThan(score.correct, 50, "\(score.correct) of \(score.total)")
    }

    func testOneThreadAndAFixedSeedGiveTheSameVectorsEveryTime() {
        var settings = Word2VecHyperparameters.smallWorld
        settings.epochs = 2
        settings.sample = 1e-3   // the random drops are seeded too
        let corpus = SmallWorldCorpus().corpus
        let first = Word2VecTrainer(settings).train(on: corpus)
        let second = Word2VecTrainer(settings).train(on: corpus)
        XCTAssertEqual(first.vectors, second.vectors)   // bit for bit
        XCTAssertEqual(first.epochLosses, second.epochLosses)
        settings.seed = 2
        XCTAssertNotEqual(Word2VecTrainer(settings).train(on: corpus).vectors, first.vectors)
    }

    func testSeveralThreadsTrainToo() throws {
        var settings = Word2VecHyperparameters.smallWorld
        settings.threads = 3
        settings.epochs = 20
        let model = Word2VecTrainer(settings).train(on: SmallWorldCorpus().corpus)
        XCTAssertTrue(model.vectors.values.allSatisfy(\.isFinite))
        XCTAssertLessThan(model.epochLosses.last!, model.epochLosses.first!)
        let queen = try vectors(model).analogy(a: "man", b: "king", c: "woman", k: 3).map(\.word)
        XCTAssertTrue(queen.contains("queen"), "king − man + woman → \(queen)")
    }

    func testProgressIsReportedEpochByEpochWithTheLoss() {
        let reports = Box<[Word2VecProgress]>([])
        var settings = Word2VecHyperparameters.smallWorld
        settings.epochs = 3
        _ = Word2VecTrainer(settings).train(on: SmallWorldCorpus().corpus, progress: { p in reports.mutate { $0.append(p) } })
        let ends = reports.value.filter(\.isEpochEnd)
        XCTAssertEqual(ends.map(\.epoch), [1, 2, 3])
        XCTAssertEqual(reports.value.first?.stage, .countingWords)
        XCTAssertEqual(ends.last?.fractionDone, 1)
        XCTAssertTrue(ends.allSatisfy { $0.loss > 0 })
        // The learning rate falls linearly to its minimum.
        XCTAssertEqual(ends.last!.learningRate, settings.minLearningRate, accuracy: 1e-6)
        XCTAssertLessThan(ends[1].learningRate, ends[0].learningRate)
    }

    func testCancellingAfterTheFirstEpochLeavesAUsableModel() throws {
        let stop = Box(false)
        var settings = Word2VecHyperparameters.smallWorld
        settings.epochs = 50
        let model = Word2VecTrainer(settings).train(on: SmallWorldCorpus().corpus, progress: { p in
            if p.isEpochEnd && p.epoch == 1 { stop.mutate { $0 = true } }
        }, isCancelled: { stop.value })
        XCTAssertTrue(model.wasCancelled)
        XCTAssertEqual(model.epochsCompleted, 1)
        XCTAssertEqual(model.vectors.rows, model.words.count)
        XCTAssertTrue(model.vectors.values.allSatisfy(\.isFinite))
        // The partial vectors answer queries like any model's.
        let v = try vectors(model)
        XCTAssertEqual(try v.nearest(to: "king", k: 5).count, 5)
    }

    func testAnEmptyCorpusGivesAnEmptyModel() {
        let model = Word2VecTrainer(.smallWorld).train(on: Corpus(text: ""))
        XCTAssertEqual(model.words.count, 0)
        XCTAssertEqual(model.vectors.rows, 0)
    }
}

/// A value shared with the trainer's threads.
final class Box<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var _value: T
    init(_ value: T) { _value = value }
    var value: T { lock.lock(); defer { lock.unlock() }; return _value }
    func mutate(_ body: (inout T) -> Void) { lock.lock(); body(&_value); lock.unlock() }
}

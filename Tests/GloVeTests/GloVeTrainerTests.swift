import Foundation
import XCTest
import VectorMath
import GloVe

final class GloVeTrainerTests: XCTestCase {
    /// A corpus of two topics that never meet: a line is about topic a or topic b, and holds words
    /// of its topic (a1 ... a10 or b1 ... b10) between common words (c1 ... c4) that both topics
    /// use, a-lines mostly c1 and c2, b-lines mostly c3 and c4.
    ///
    /// The common words matter. GloVe fits only the pairs that occur: if a-words met nothing but
    /// a-words and b-words nothing but b-words, no term of the cost would involve an a and a b
    /// together, and nothing would keep the a's and the b's from pointing the same way. Common
    /// words that the two topics use differently are what tells them apart, as in real text.
    private func twoTopicCorpus(wordsPerTopic n: Int = 10, lines: Int = 600, seed: UInt64 = 7) -> Corpus {
        var random = SeededGenerator(seed: seed)
        return Corpus(lines: (0..<lines).map { k in
            let topic = k % 2 == 0 ? "a" : "b"
            let common = k % 2 == 0 ? ["c1", "c1", "c2", "c2", "c3", "c4"] : ["c3", "c3", "c4", "c4", "c1", "c2"]
            return (0..<12).map { _ in
                random.nextInt(below: 3) == 0 ? common[random.nextInt(below: 6)] : "\(topic)\(1 + random.nextInt(below: n))"
            }.joined(separator: " ")
        })
    }

    private func settings(epochs: Int, threads: Int = 1, seed: UInt64 = 42) -> GloVeHyperparameters {
        GloVeHyperparameters(minCount: 1, window: 5, dimensions: 10, epochs: epochs, xMax: 10, threads: threads, seed: seed)
    }

    func testTheCostFallsEpochAfterEpoch() {
        let model = GloVeTrainer(settings(epochs: 15)).train(on: twoTopicCorpus())
        XCTAssertEqual(model.epochCosts.count, 15)
        for (before, after) in zip(model.epochCosts, model.epochCosts.dropFirst()) {
            XCTAssertLessThan(after, before)
        }
        XCTAssertLessThan(model.epochCosts.last!, model.epochCosts.first! / 2)
        XCTAssertFalse(model.wasCancelled)
    }

    func testOneThreadAndAFixedSeedGiveTheSameVectorsEveryTime() {
        let corpus = twoTopicCorpus()
        let first = GloVeTrainer(settings(epochs: 5)).train(on: corpus)
        let second = GloVeTrainer(settings(epochs: 5)).train(on: corpus)
        XCTAssertEqual(first.vectors, second.vectors)           // bit for bit
        XCTAssertEqual(first.epochCosts, second.epochCosts)
        let otherSeed = GloVeTrainer(settings(epochs: 5, seed: 43)).train(on: corpus)
        XCTAssertNotEqual(first.vectors, otherSeed.vectors)
    }

    func testWordsOfOneTopicAreEachOthersNearestNeighbours() {
        let model = GloVeTrainer(settings(epochs: 30)).train(on: twoTopicCorpus())
        let unit = model.vectors.normalizedRows()
        let commonWords = Set(model.words.indices.filter { model.words[$0].hasPrefix("c") })
        for (i, word) in model.words.enumerated() where !commonWords.contains(i) {
            let neighbours = unit.nearest(to: unit.row(i), k: 5, excluding: commonWords.union([i])).map { model.words[$0.index] }
            for neighbour in neighbours {
                XCTAssertEqual(neighbour.first, word.first, "\(word)'s neighbours are \(neighbours)")
            }
        }
    }

    func testSeveralThreadsTrainToo() {
        let model = GloVeTrainer(settings(epochs: 10, threads: 3)).train(on: twoTopicCorpus())
        XCTAssertLessThan(model.epochCosts.last!, model.epochCosts.first!)
        XCTAssertTrue(model.vectors.values.allSatisfy(\.isFinite))
    }

    func testCancellingAfterTheFirstEpochLeavesAModelOfTheRightShape() {
        let stop = Flag()
        let model = GloVeTrainer(settings(epochs: 50)).train(on: twoTopicCorpus(), progress: { p in
            if p.isEpochEnd && p.epoch == 1 { stop.set() }
        }, isCancelled: { stop.isSet })
        XCTAssertTrue(model.wasCancelled)
        XCTAssertEqual(model.epochsCompleted, 1)
        XCTAssertEqual(model.vectors.rows, model.words.count)
        XCTAssertEqual(model.vectors.columns, 10)
        XCTAssertEqual(model.words.count, 24)
        XCTAssertTrue(model.vectors.values.allSatisfy(\.isFinite))
        XCTAssertEqual(model.vector(for: "a1")?.count, 10)
    }

    func testCancellingStopsWithinAFractionOfASecond() {
        let start = Date()
        let model = GloVeTrainer(settings(epochs: 100_000)).train(on: twoTopicCorpus(), isCancelled: {
            Date().timeIntervalSince(start) > 0.2
        })
        XCTAssertTrue(model.wasCancelled)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.7)
        XCTAssertLessThan(model.epochsCompleted, 100_000)
    }

    func testReportsProgressStageByStage() {
        let reports = Reports()
        let model = GloVeTrainer(settings(epochs: 3)).train(on: twoTopicCorpus(), progress: { reports.add($0) })
        let stages = reports.all.map(\.stage)
        XCTAssertEqual(stages.first, .countingWords)
        XCTAssertTrue(stages.contains(.countingCooccurrences))
        XCTAssertTrue(stages.contains(.shuffling))
        let ends = reports.all.filter(\.isEpochEnd)
        XCTAssertEqual(ends.map(\.epoch), [1, 2, 3])
        XCTAssertEqual(ends.map(\.cost), model.epochCosts)
        XCTAssertEqual(ends.last?.fractionDone, 1)
    }

    func testTrainsOnCountsMadeBeforehand() {
        let corpus = twoTopicCorpus()
        let X = CooccurrenceMatrix(counting: corpus, vocabulary: Vocabulary(counting: corpus), window: 5)
        let fromCounts = GloVeTrainer(settings(epochs: 4)).train(on: X)
        let fromCorpus = GloVeTrainer(settings(epochs: 4)).train(on: corpus)
        XCTAssertEqual(fromCounts.vectors, fromCorpus.vectors)
        XCTAssertEqual(fromCounts.words, fromCorpus.words)
    }
}

/// A flag that one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [TrainingProgress] = []
    func add(_ p: TrainingProgress) { lock.lock(); reports.append(p); lock.unlock() }
    var all: [TrainingProgress] { lock.lock(); defer { lock.unlock() }; return reports }
}

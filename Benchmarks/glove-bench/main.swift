// The GloVe training benchmark (run by scripts/bench-glove.sh, never by the tests): the whole
// pipeline on a corpus file with the Stanford reference demo's settings, stage by stage, then the
// analogy accuracy of the vectors it made, printed beside figures of the Stanford C programs on
// the same corpus (copied figures, measured elsewhere on the same kind of machine: labelled so).
//
//     glove-bench CORPUS.txt QUESTIONS-WORDS.txt [--threads 2] [--epochs 15] [--restrict 30000]
//
// The stages are timed here, one by one, and the trained vectors stay at hand for the accuracy step.
import Embeddings
import Foundation
import GloVe
import VectorMath

struct Arguments {
    var corpus = ""
    var questions = ""
    var threads = 2
    var epochs = 15
    var restrict = 30_000

    init(_ argv: [String]) {
        var positional: [String] = []
        var i = 1
        while i < argv.count {
            let a = argv[i]
            if a.hasPrefix("--"), i + 1 < argv.count, let n = Int(argv[i + 1]) {
                switch a {
                case "--threads": threads = n
                case "--epochs": epochs = n
                case "--restrict": restrict = n
                default: Self.usage("unknown option \(a)")
                }
                i += 2
            } else {
                positional.append(a)
                i += 1
            }
        }
        guard positional.count == 2 else { Self.usage("expected a corpus file and a questions-words file") }
        corpus = positional[0]
        questions = positional[1]
    }

    static func usage(_ problem: String) -> Never {
        FileHandle.standardError.write(Data("glove-bench: \(problem)\nusage: glove-bench CORPUS.txt QUESTIONS-WORDS.txt [--threads 2] [--epochs 15] [--restrict 30000]\n".utf8))
        exit(2)
    }
}

/// The Stanford C implementation on corpus-en-10m, 2 threads, min count 5, window 15, 50 dims,
/// x_max 10, 15 iterations: copied figures, not measured by this program.
enum Reference {
    static let vocabulary = 59_762
    static let records = 28_335_306
    static let vocabCountSeconds = 0.46
    static let cooccurSeconds = 9.0
    static let shuffleSeconds = 7.6
    static let epochSeconds = 9.2
    static let recordsPerSecond = 3.1e6
    static let firstCost = 0.0843
    static let lastCost = 0.0375
    static let accuracy = (correct: 1197, total: 9458)
    static let cooccurPeakBytes = 1.16e9
}

/// Timestamps from the trainer's progress reports (made on a training thread).
final class Marks: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var epochStarts: [ContinuousClock.Instant] = []
    private(set) var epochEnds: [ContinuousClock.Instant] = []
    func add(_ p: TrainingProgress, _ now: ContinuousClock.Instant) {
        lock.lock(); defer { lock.unlock() }
        if p.stage == .training && p.recordsDone == 0 && !p.isEpochEnd { epochStarts.append(now) }
        if p.isEpochEnd {
            epochEnds.append(now)
            print(String(format: "iter: %03d, cost: %.6f", p.epoch, p.cost))
        }
    }
}

func run() throws {
    let args = Arguments(CommandLine.arguments)
    var h = GloVeHyperparameters.referenceDemo
    h.threads = args.threads
    h.epochs = args.epochs
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    func mb(_ bytes: Int) -> String { "\(bytes >> 20) MB" }

    print("corpus \(args.corpus); settings: min count \(h.minCount), window \(h.window), \(h.dimensions) dims, x_max \(h.xMax), "
          + "\(h.epochs) epochs, \(h.threads) threads, seed \(h.seed)")
    var t = clock.now
    let corpus: Corpus
    do { corpus = try Corpus(contentsOfFile: args.corpus) } catch { Arguments.usage("\(error)") }
    let readSeconds = seconds(clock.now - t)
    let afterRead = peakResidentBytes()

    t = clock.now
    let vocabulary = Vocabulary(counting: corpus, minCount: h.minCount, maxSize: h.maxVocabularySize, threads: h.threads)
    let vocabularySeconds = seconds(clock.now - t)
    print("vocabulary: \(vocabulary.count) words of \(vocabulary.distinctWordCount), \(vocabulary.corpusTokenCount) tokens, "
          + String(format: "%.2f s", vocabularySeconds))

    t = clock.now
    let cooccurrences = CooccurrenceMatrix(counting: corpus, vocabulary: vocabulary, window: h.window, threads: h.threads)
    let cooccurrenceSeconds = seconds(clock.now - t)
    let records = cooccurrences.count
    let afterCooccur = peakResidentBytes()
    print("cooccurrence: \(records) records, " + String(format: "%.2f s", cooccurrenceSeconds))

    let marks = Marks()
    let trainStart = clock.now
    let model = GloVeTrainer(h).train(on: consume cooccurrences, progress: { marks.add($0, clock.now) })
    let trainSeconds = seconds(clock.now - trainStart)
    let afterTraining = peakResidentBytes()
    let shuffleSeconds = marks.epochStarts.first.map { seconds($0 - trainStart) } ?? 0
    let epochSeconds = zip(marks.epochStarts, marks.epochEnds).map { seconds($1 - $0) }
    let perEpoch = epochSeconds.reduce(0, +) / Double(max(1, epochSeconds.count))
    let recordsPerSecond = Double(records) / perEpoch

    let vectors = try WordVectors(name: "glove-bench", words: model.words, matrix: model.vectors)
    t = clock.now
    let evaluation = try AnalogyEvaluation.run(model: vectors, questionsPath: args.questions, restrictTo: args.restrict)
    let evaluationSeconds = seconds(clock.now - t)

    // The table: ours, the reference's, and their ratio (above 1: we are faster).
    func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
    func ratio(_ reference: Double, _ ours: Double) -> String { ours > 0 ? f(reference / ours) + "×" : "—" }
    let accuracy = evaluation.total.accuracy
    let referenceAccuracy = Double(Reference.accuracy.correct) / Double(Reference.accuracy.total)
    let rows: [[String]] = [
        ["vocabulary words", "\(vocabulary.count)", "\(Reference.vocabulary)", ""],
        ["co-occurrence records", "\(records)", "\(Reference.records)", ""],
        ["read corpus (s)", f(readSeconds), "—", ""],
        ["vocabulary (s)", f(vocabularySeconds), f(Reference.vocabCountSeconds), ratio(Reference.vocabCountSeconds, vocabularySeconds)],
        ["co-occurrence (s)", f(cooccurrenceSeconds), f(Reference.cooccurSeconds, 1), ratio(Reference.cooccurSeconds, cooccurrenceSeconds)],
        ["vocabulary + co-occurrence (s)", f(vocabularySeconds + cooccurrenceSeconds), f(Reference.vocabCountSeconds + Reference.cooccurSeconds),
         ratio(Reference.vocabCountSeconds + Reference.cooccurSeconds, vocabularySeconds + cooccurrenceSeconds)],
        ["shuffle (s)", f(shuffleSeconds), f(Reference.shuffleSeconds, 1), ratio(Reference.shuffleSeconds, shuffleSeconds)],
        ["training per epoch (s)", f(perEpoch), f(Reference.epochSeconds, 1), ratio(Reference.epochSeconds, perEpoch)],
        ["training records/s (M)", f(recordsPerSecond / 1e6), f(Reference.recordsPerSecond / 1e6, 1), ratio(recordsPerSecond, Reference.recordsPerSecond)],
        ["cost after epoch 1", model.epochCosts.first.map { f($0, 4) } ?? "—", f(Reference.firstCost, 4), ""],
        ["cost after epoch \(model.epochCosts.count)", model.epochCosts.last.map { f($0, 4) } ?? "—", f(Reference.lastCost, 4) + " (15)", ""],
        ["questions-words, first \(args.restrict) words", "\(evaluation.total.correct)/\(evaluation.total.total) = \(f(accuracy * 100, 1))%",
         "\(Reference.accuracy.correct)/\(Reference.accuracy.total) = \(f(referenceAccuracy * 100, 1))%", ""],
        ["peak memory after co-occurrence", mb(afterCooccur), "1.16 GB (cooccur)", ""],
        ["peak memory after training", mb(afterTraining), "—", ""],
    ]
    print("")
    print("GloVe on \(args.corpus), \(h.threads) threads (reference: Stanford C, copied figures from the same machine kind)")
    let headers = ["measure", "EmbedLab", "Stanford C", "ratio"]
    let widths = (0..<4).map { c in ([headers] + rows).map { $0[c].count }.max()! }
    func line(_ r: [String]) -> String {
        r.enumerated().map { c, s in c == 0 ? s.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                                             : String(repeating: " ", count: widths[c] - s.count) + s }.joined(separator: "  ")
    }
    print(line(headers))
    for r in rows { print(line(r)) }
    print("")
    print("sections: " + evaluation.sections.map { "\($0.section) \($0.correct)/\($0.total)" }.joined(separator: ", "))
    print("training in all \(f(trainSeconds)) s; evaluation \(f(evaluationSeconds)) s; \(evaluation.skipped) questions skipped; "
          + "memory after reading \(mb(afterRead))")
}

do { try run() } catch {
    FileHandle.standardError.write(Data("glove-bench: \(error)\n".utf8))
    exit(1)
}

/// The process's peak resident memory in bytes (getrusage's maxrss).
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024   // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return usage.ru_maxrss          // bytes on macOS
    #endif
}

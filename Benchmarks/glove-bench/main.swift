// The GloVe training benchmark (run by scripts/bench-glove.sh, never by the tests): the whole
// pipeline on a corpus file with the Stanford reference demo's settings, stage by stage, then the
// analogy accuracy of the vectors it made. The peer (glove-python, scripts/bench_glove_peer.py) runs
// in the same script on the same corpus; the script puts the two side by side.
//
//     glove-bench CORPUS.txt QUESTIONS-WORDS.txt [--threads 2] [--epochs 15] [--restrict 30000] [--json]
//
// With --json the last line is one JSON object: glove_epoch_s (median of the epochs, wall clock),
// glove_epoch_s_runs, glove_epoch_cpu_s (CPU time of all threads), glove_records, glove_records_per_s,
// glove_words, glove_cooccur_s, glove_shuffle_s, glove_costs, glove_accuracy [correct, asked].
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
    var json = false

    init(_ argv: [String]) {
        var positional: [String] = []
        var i = 1
        while i < argv.count {
            let a = argv[i]
            if a == "--json" {
                json = true
                i += 1
            } else if a.hasPrefix("--"), i + 1 < argv.count, let n = Int(argv[i + 1]) {
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
        FileHandle.standardError.write(Data("glove-bench: \(problem)\nusage: glove-bench CORPUS.txt QUESTIONS-WORDS.txt [--threads 2] [--epochs 15] [--restrict 30000] [--json]\n".utf8))
        exit(2)
    }
}

/// Timestamps from the trainer's progress reports (made on a training thread).
final class Marks: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var epochStarts: [ContinuousClock.Instant] = []
    private(set) var epochEnds: [ContinuousClock.Instant] = []
    private(set) var cpuStarts: [Double] = []
    private(set) var cpuEnds: [Double] = []
    func add(_ p: TrainingProgress, _ now: ContinuousClock.Instant) {
        lock.lock(); defer { lock.unlock() }
        if p.stage == .training && p.recordsDone == 0 && !p.isEpochEnd { epochStarts.append(now); cpuStarts.append(processCPUSeconds()) }
        if p.isEpochEnd {
            epochEnds.append(now); cpuEnds.append(processCPUSeconds())
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
    let perEpoch = median(epochSeconds)
    let cpuPerEpoch = median(zip(marks.cpuStarts, marks.cpuEnds).map { $1 - $0 })
    let recordsPerSecond = Double(records) / perEpoch

    let vectors = try WordVectors(name: "glove-bench", words: model.words, matrix: model.vectors)
    t = clock.now
    let evaluation = try AnalogyEvaluation.run(model: vectors, questionsPath: args.questions, restrictTo: args.restrict)
    let evaluationSeconds = seconds(clock.now - t)

    // The table (the script prints the peer's beside it).
    func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
    let accuracy = evaluation.total.accuracy
    let rows: [[String]] = [
        ["vocabulary words", "\(vocabulary.count)"],
        ["co-occurrence records", "\(records)"],
        ["read corpus (s)", f(readSeconds)],
        ["vocabulary (s)", f(vocabularySeconds)],
        ["co-occurrence (s)", f(cooccurrenceSeconds)],
        ["shuffle (s)", f(shuffleSeconds)],
        ["training per epoch (s, median)", f(perEpoch) + " (" + f(epochSeconds.min() ?? 0) + "–" + f(epochSeconds.max() ?? 0) + ")"],
        ["training per epoch, CPU s of all threads", f(cpuPerEpoch)],
        ["training records/s (M)", f(recordsPerSecond / 1e6)],
        ["cost after epoch 1", model.epochCosts.first.map { f($0, 4) } ?? "—"],
        ["cost after epoch \(model.epochCosts.count)", model.epochCosts.last.map { f($0, 4) } ?? "—"],
        ["questions-words, first \(args.restrict) words", "\(evaluation.total.correct)/\(evaluation.total.total) = \(f(accuracy * 100, 1))%"],
        ["peak memory after co-occurrence", mb(afterCooccur)],
        ["peak memory after training", mb(afterTraining)],
    ]
    print("")
    print("GloVe (EmbedLab) on \(args.corpus), \(h.threads) threads")
    let widths = (0..<2).map { c in rows.map { $0[c].count }.max()! }
    for r in rows { print(r[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  " + String(repeating: " ", count: widths[1] - r[1].count) + r[1]) }
    print("")
    print("sections: " + evaluation.sections.map { "\($0.section) \($0.correct)/\($0.total)" }.joined(separator: ", "))
    print("training in all \(f(trainSeconds)) s; evaluation \(f(evaluationSeconds)) s; \(evaluation.skipped) questions skipped; "
          + "memory after reading \(mb(afterRead))")
    if args.json {
        let r3 = { (x: Double) in (x * 1000).rounded() / 1000 }
        let object: [String: Any] = [
            "glove_epoch_s": r3(perEpoch), "glove_epoch_s_runs": epochSeconds.map(r3), "glove_epoch_cpu_s": r3(cpuPerEpoch),
            "glove_records": records, "glove_records_per_s": Int(recordsPerSecond.rounded()), "glove_words": vocabulary.count,
            "glove_cooccur_s": r3(vocabularySeconds + cooccurrenceSeconds), "glove_shuffle_s": r3(shuffleSeconds),
            "glove_costs": model.epochCosts.map { ($0 * 1e6).rounded() / 1e6 },
            "glove_accuracy": [evaluation.total.correct, evaluation.total.total], "glove_threads": h.threads, "glove_epochs": h.epochs,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
    }
}

func median(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// CPU seconds used so far by every thread of this process.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
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

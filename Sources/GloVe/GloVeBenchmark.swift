import VectorMath
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times the GloVe pipeline on a corpus file, stage by stage, for comparison with the Stanford
/// programs on the same file and settings (`vocab_count`, `cooccur`, `shuffle`, `glove`).
/// For benchmarks only: nothing in the product calls it.
///
/// ```swift
/// let report = try GloVeBenchmark.run(corpusFile: "/tmp/corpus-en-10m.txt", hyperparameters: .referenceDemo,
///                                     log: { print($0) })
/// print(report)
/// ```
public enum GloVeBenchmark {
    /// What a run measured. Times are wall-clock seconds; memory is the process's peak resident
    /// size after each stage.
    public struct Report: Sendable, CustomStringConvertible {
        public var corpusFile: String
        public var hyperparameters: GloVeHyperparameters
        public var tokens = 0
        public var vocabularySize = 0
        public var records = 0
        public var readSeconds = 0.0
        public var vocabularySeconds = 0.0
        public var cooccurrenceSeconds = 0.0
        public var shuffleSeconds = 0.0
        public var epochSeconds: [Double] = []
        public var epochCosts: [Double] = []
        /// Peak resident memory in bytes, after reading, vocabulary, co-occurrence and training.
        public var peakMemory: [(stage: String, bytes: Int)] = []

        /// Co-occurrence records trained per second, over all epochs.
        public var recordsPerSecond: Double {
            let seconds = epochSeconds.reduce(0, +)
            return seconds > 0 ? Double(records * epochSeconds.count) / seconds : 0
        }

        public var description: String {
            func f(_ x: Double, _ digits: Int = 2) -> String {
                let scale = pow(10, Double(digits))
                return String((x * scale).rounded() / scale)
            }
            let h = hyperparameters
            var lines = [
                "corpus \(corpusFile): \(tokens) tokens",
                "settings: min count \(h.minCount), window \(h.window), \(h.dimensions) dims, x_max \(h.xMax), "
                    + "alpha \(h.alpha), eta \(h.learningRate), \(h.epochs) epochs, \(h.threads) threads, seed \(h.seed)",
                "read         \(f(readSeconds)) s",
                "vocabulary   \(f(vocabularySeconds)) s  (\(vocabularySize) words)",
                "cooccurrence \(f(cooccurrenceSeconds)) s  (\(records) records)",
                "shuffle      \(f(shuffleSeconds)) s",
            ]
            for (k, seconds) in epochSeconds.enumerated() {
                let cost = k < epochCosts.count ? String(format6(epochCosts[k])) : "-"
                lines.append("iter: \(String(k + 1).leftPadded(3)), cost: \(cost), \(f(seconds)) s, "
                             + "\(f(Double(records) / seconds / 1e6)) M records/s")
            }
            lines.append("training     \(f(recordsPerSecond / 1e6)) M records/s on average")
            lines.append("peak memory  " + peakMemory.map { "\($0.stage) \($0.bytes >> 20) MB" }.joined(separator: ", "))
            return lines.joined(separator: "\n")
        }
    }

    /// Runs read → vocabulary → co-occurrence → shuffle → training on `corpusFile`.
    public static func run(corpusFile: String, hyperparameters: GloVeHyperparameters = .referenceDemo,
                           log: (@Sendable (String) -> Void)? = nil) throws -> Report {
        let h = hyperparameters
        var report = Report(corpusFile: corpusFile, hyperparameters: h)
        let clock = ContinuousClock()
        func seconds(since start: ContinuousClock.Instant) -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }

        var start = clock.now
        let corpus = try Corpus(contentsOfFile: corpusFile)
        report.readSeconds = seconds(since: start)
        report.peakMemory.append(("read", peakResidentBytes()))

        start = clock.now
        let vocabulary = Vocabulary(counting: corpus, minCount: h.minCount, maxSize: h.maxVocabularySize, threads: h.threads)
        report.vocabularySeconds = seconds(since: start)
        report.tokens = vocabulary.corpusTokenCount
        report.vocabularySize = vocabulary.count
        report.peakMemory.append(("vocabulary", peakResidentBytes()))
        log?("vocabulary: \(vocabulary.count) words of \(vocabulary.distinctWordCount), \(report.vocabularySeconds) s")

        start = clock.now
        let cooccurrences = CooccurrenceMatrix(counting: corpus, vocabulary: vocabulary, window: h.window, threads: h.threads)
        report.cooccurrenceSeconds = seconds(since: start)
        report.records = cooccurrences.count
        report.peakMemory.append(("cooccurrence", peakResidentBytes()))
        log?("cooccurrence: \(cooccurrences.count) records, \(report.cooccurrenceSeconds) s")

        // Stage boundaries come from the progress reports made on the calling thread.
        let marks = Marks()
        start = clock.now
        let model = GloVeTrainer(h).train(on: consume cooccurrences, progress: { p in
            if p.stage == .training && p.recordsDone == 0 && !p.isEpochEnd { marks.add(clock.now, epochEnd: false) }
            if p.isEpochEnd {
                marks.add(clock.now, epochEnd: true)
                log?("iter: \(String(p.epoch).leftPadded(3)), cost: \(format6(p.cost))")
            }
        })
        let stamps = marks.all
        if let first = stamps.first {
            let d = first.time - start
            report.shuffleSeconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        var epochStart: ContinuousClock.Instant?
        for mark in stamps {
            if !mark.epochEnd { epochStart = mark.time; continue }
            if let s = epochStart {
                let d = mark.time - s
                report.epochSeconds.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
            }
        }
        report.epochCosts = model.epochCosts
        report.peakMemory.append(("training", peakResidentBytes()))
        return report
    }

    /// Timestamps from the progress handler.
    private final class Marks: @unchecked Sendable {
        private(set) var all: [(time: ContinuousClock.Instant, epochEnd: Bool)] = []
        func add(_ time: ContinuousClock.Instant, epochEnd: Bool) { all.append((time, epochEnd)) }
    }

    /// The most memory this process has had resident so far.
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024   // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss          // bytes on macOS
        #endif
    }
}

/// Six decimals, as the reference prints its cost.
private func format6(_ x: Double) -> String {
    let scaled = Int((x * 1e6).rounded())
    let whole = scaled / 1_000_000, fraction = String(abs(scaled % 1_000_000))
    return "\(whole)." + String(repeating: "0", count: 6 - fraction.count) + fraction
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

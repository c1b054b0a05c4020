// The Word2Vec training benchmark (run by scripts/bench-word2vec.sh, never by the tests): trains on a
// corpus file with the given settings, times the training alone (after the vocabulary is counted, as
// gensim's `train()` is timed after `build_vocab()`), then scores the vectors on questions-words over
// the most frequent words. The last line of the output is one JSON object.
//
//     word2vec-bench CORPUS.txt QUESTIONS-WORDS.txt [--sg 0] [--dim 100] [--window 5] [--negative 5]
//         [--epochs 5] [--min-count 5] [--sample 0.001] [--alpha 0.025] [--threads 2] [--seed 1] [--restrict 30000]
import Embeddings
import Foundation
import GloVe
import VectorMath
import Word2Vec

func fail(_ problem: String) -> Never {
    FileHandle.standardError.write(Data("""
        word2vec-bench: \(problem)
        usage: word2vec-bench CORPUS.txt QUESTIONS-WORDS.txt [--sg 0|1] [--dim N] [--window N] [--negative N] [--epochs N]
               [--min-count N] [--sample X] [--alpha X] [--threads N] [--seed N] [--restrict N]

        """.utf8))
    exit(2)
}

var settings = Word2VecHyperparameters(threads: 2)
var restrict = 30_000
var positional: [String] = []
var argv = CommandLine.arguments.dropFirst()
while let a = argv.popFirst() {
    guard a.hasPrefix("--") else { positional.append(a); continue }
    guard let value = argv.popFirst() else { fail("\(a) needs a value") }
    func int() -> Int { guard let n = Int(value) else { fail("\(a) takes a whole number, not \(value)") }; return n }
    func double() -> Double { guard let x = Double(value) else { fail("\(a) takes a number, not \(value)") }; return x }
    switch a {
    case "--sg": settings.architecture = int() == 1 ? .skipGram : .cbow
    case "--dim": settings.dimensions = int()
    case "--window": settings.window = int()
    case "--negative": settings.negative = int()
    case "--epochs": settings.epochs = int()
    case "--min-count": settings.minCount = int()
    case "--sample": settings.sample = double()
    case "--alpha": settings.learningRate = Float(double())
    case "--threads": settings.threads = int()
    case "--seed": settings.seed = UInt64(int())
    case "--restrict": restrict = int()
    default: fail("unknown option \(a)")
    }
}
guard positional.count == 2 else { fail("expected a corpus file and a questions-words file") }
if let problem = settings.problem { fail(problem) }

let corpus: Corpus
do { corpus = try Corpus(contentsOfFile: positional[0]) } catch { fail("\(error)") }

/// When training began (set from the trainer's first training report) and the epoch lines.
final class Clock: @unchecked Sendable {
    let lock = NSLock()
    let start = ContinuousClock.now
    var trainingStart: ContinuousClock.Instant?
    func seconds(since t: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - t
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
let clock = Clock()
let model = Word2VecTrainer(settings).train(on: corpus, progress: { p in
    clock.lock.lock(); defer { clock.lock.unlock() }
    if p.stage == .training && clock.trainingStart == nil {
        clock.trainingStart = .now
        FileHandle.standardError.write(Data(String(format: "vocabulary counted in %.2f s; %d in-vocabulary tokens a pass\n",
                                                   clock.seconds(since: clock.start), p.words).utf8))
    }
    if p.isEpochEnd {
        FileHandle.standardError.write(Data(String(format: "epoch %d: loss %.4f, %.1f s\n", p.epoch, p.loss,
                                                   clock.seconds(since: clock.trainingStart!)).utf8))
    }
})
let trainingSeconds = clock.seconds(since: clock.trainingStart ?? clock.start)
let totalSeconds = clock.seconds(since: clock.start)
// Words a second as gensim counts its raw words: every token of the corpus, once an epoch.
let rawWords = model.vocabulary.corpusTokenCount * model.epochsCompleted
let vectors = try WordVectors(name: "word2vec", words: model.words, matrix: model.vectors)
let evaluation = try AnalogyEvaluation.run(model: vectors, questionsPath: positional[1], restrictTo: restrict)
FileHandle.standardError.write(Data(String(format: "%d words × %d dims; training %.1f s (%.0f words/s), all %.1f s; questions-words: %d/%d = %.2f%%\n",
                                           model.words.count, settings.dimensions, trainingSeconds, Double(rawWords) / trainingSeconds,
                                           totalSeconds, evaluation.total.correct, evaluation.total.total,
                                           100 * evaluation.total.accuracy).utf8))

struct Result: Encodable {
    var words_per_s: Double
    var training_s: Double
    var total_s: Double
    var accuracy: Double
    var correct: Int
    var questions: Int
    var vocabulary: Int
}
let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
let json = try encoder.encode(Result(words_per_s: (Double(rawWords) / trainingSeconds).rounded(), training_s: trainingSeconds,
                                     total_s: totalSeconds, accuracy: evaluation.total.accuracy, correct: evaluation.total.correct,
                                     questions: evaluation.total.total, vocabulary: model.words.count))
print(String(decoding: json, as: UTF8.self))

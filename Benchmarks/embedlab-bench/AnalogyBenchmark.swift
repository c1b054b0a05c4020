import Embeddings
import Foundation

/// The whole questions-words evaluation with `AnalogyEvaluation.run`, against gensim's
/// `evaluate_word_analogies` with the same restriction. Each repeat starts from a freshly loaded
/// model (loading not timed), so the unit-length rows are computed inside the timing, as gensim's are.
struct AnalogyBenchmark {
    let seconds: Samples
    let correct: Int
    let total: Int
    let skipped: Int
    let restrict: Int
    let peer: PeerReport.GensimEvaluation?

    init(modelPath: String, questionsPath: String, restrict: Int, repeats: Int, peer: PeerReport?) throws {
        var times: [Double] = []
        var result: AnalogyEvaluation?
        for _ in 0..<repeats {
            let model = try WordVectors.load(path: modelPath)
            let (evaluation, s) = try Stopwatch.time { try AnalogyEvaluation.run(model: model, questionsPath: questionsPath, restrictTo: restrict) }
            times.append(s)
            result = evaluation
        }
        seconds = Samples(times)
        correct = result!.total.correct
        total = result!.total.total
        skipped = result!.skipped
        self.restrict = restrict
        self.peer = peer?.gensim
    }

    var agrees: Bool? { peer.map { $0.correct == correct && $0.evaluated == total } }
}

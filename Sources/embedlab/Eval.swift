import ArgumentParser
import Foundation
import Embeddings
import Rendering
import Workbench

/// `embedlab eval MODEL FILE`: analogy accuracy or word-pair correlation, as gensim computes them.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a model on analogy questions (questions-words format) or word-pair similarities.",
        discussion: """
        Analogy files have ': section' lines and four words a line (a b c d: a is to b as c is to d);
        pair files are tab-separated 'word1 word2 score' lines with '#' comments.
        Results match gensim's evaluate_word_analogies / evaluate_word_pairs (case-insensitive).
        """)

    @Argument(help: "A bundled model name or a vectors file.")
    var model: String

    @Argument(help: "An analogy questions file or a word-pair similarity file.")
    var file: String

    @Option(help: "Use only the N most frequent words (gensim's restrict_vocab).")
    var restrict: Int = 300_000

    @Flag(help: "Treat FILE as word pairs (otherwise guessed: tabs and no ': ' sections).")
    var pairs = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let session = try Query.session(model)
        let vectors = session.model
        do {
            let text = try EvaluationFile.read(path: file)
            let isPairs = pairs || EvaluationFile.isWordPairs(text)
            if isPairs {
                let r = try WordPairEvaluation.run(model: vectors, pairsPath: file, restrictTo: restrict)
                if json {
                    print(JSONRenderer.string(["type": "pairs", "pairs": r.pairs, "oov": r.outOfVocabulary, "oov_ratio": r.oovRatio,
                                               "pearson": r.pearson ?? NSNull(), "spearman": r.spearman ?? NSNull()] as [String: Any]))
                } else {
                    print("\(file) on \(vectors.name) (first \(min(restrict, vectors.count)) words)")
                    print("pairs: \(r.pairs), out of vocabulary: \(r.outOfVocabulary) (\(String(format: "%.1f", r.oovRatio))%)")
                    print("Pearson: \(r.pearson.map { String(format: "%.4f", $0) } ?? "—")")
                    print("Spearman: \(r.spearman.map { String(format: "%.4f", $0) } ?? "—")")
                }
                return
            }
            let r = try AnalogyEvaluation.run(model: vectors, questionsPath: file, restrictTo: restrict)
            if json {
                print(JSONRenderer.string(["type": "analogies", "restrict": min(restrict, vectors.count), "skipped": r.skipped,
                                           "sections": r.sections.map { ["section": $0.section, "correct": $0.correct, "total": $0.total] },
                                           "total": ["correct": r.total.correct, "total": r.total.total]] as [String: Any]))
            } else {
                print("\(file) on \(vectors.name), first \(min(restrict, vectors.count)) words")
                let width = max(16, r.sections.map { $0.section.count }.max() ?? 0)
                for s in r.sections + [r.total] {
                    print(DisplayWidth.pad(s.section, to: width) + "  " + DisplayWidth.pad("\(s.correct)/\(s.total)", to: 11, right: true)
                          + "  " + String(format: "%5.1f%%", s.accuracy * 100))
                }
                print("skipped (a word outside the first \(min(restrict, vectors.count))): \(r.skipped)")
                if !r.invalidLines.isEmpty { print("lines not of four words (ignored): \(r.invalidLines.prefix(10).map(String.init).joined(separator: ", "))") }
            }
        } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
    }
}

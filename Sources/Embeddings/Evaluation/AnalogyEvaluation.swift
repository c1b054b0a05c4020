import FileAccess
import Foundation
import VectorMath

/// Scores a model on analogy questions in the questions-words format of word2vec:
///
///     : capital-common-countries
///     Athens Greece Baghdad Iraq
///
/// Each line a b c d asks "a is to b as c is to ?", answered by 3CosAdd over the first
/// `restrictTo` words with a, b and c excluded, exactly as gensim's `evaluate_word_analogies`
/// does: words are compared upper-cased (the most frequent spelling wins), a question with any word
/// outside the first `restrictTo` words is skipped and counted, and the answer is the best of the
/// top 5 that is not an input word.
public struct AnalogyEvaluation: Sendable {
    /// `correct` out of `total` questions in one section (or overall).
    public struct Score: Equatable, Sendable {
        public var section: String
        public var correct: Int
        public var total: Int
        public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }
    }

    /// One question and what the model answered.
    public struct Answer: Equatable, Sendable {
        public var a, b, c, expected, predicted: String
        public var correct: Bool { predicted == expected }
    }

    public var sections: [Score]
    public var total: Score
    /// Questions skipped because a word is outside the first `restrictTo` words.
    public var skipped: Int
    /// Lines that were not four words (reported, not counted).
    public var invalidLines: [Int]
    /// Every question that was asked, in file order.
    public var answers: [Answer]
    /// True when `shouldStop` ended the run early: the scores count the questions answered so far.
    public var cancelled = false

    /// Evaluates `model` on the questions in the file at `path`.
    public static func run(model: WordVectors, questionsPath path: String, restrictTo: Int = 300_000, caseInsensitive: Bool = true,
                           shouldStop: () -> Bool = { false }) throws -> AnalogyEvaluation {
        let text = try EvaluationFile.read(path: path)
        return try run(model: model, questions: text, source: path, restrictTo: restrictTo, caseInsensitive: caseInsensitive, shouldStop: shouldStop)
    }

    public static func run(model: WordVectors, questions text: String, source: String = "questions", restrictTo: Int = 300_000, caseInsensitive: Bool = true,
                           shouldStop: () -> Bool = { false }) throws -> AnalogyEvaluation {
        let okVocab = SearchableWords(model, restrictTo: restrictTo, caseInsensitive: caseInsensitive)
        let limit = okVocab.limit, fold = okVocab.fold

        struct Question { var section: Int; var a, b, c, expected: String; var ia, ib, ic: Int }
        var sectionNames: [String] = []
        var questions: [Question] = []
        var skipped = 0
        var invalid: [Int] = []
        for (lineIndex, rawLine) in TextFile.lines(ofText: text).enumerated() {
            let line = String(rawLine)
            if line.hasPrefix(": ") {
                sectionNames.append(line.drop { $0 == ":" || $0 == " " }.trimmingCharacters(in: .whitespacesAndNewlines))
                continue
            }
            let fields = Self.fields(of: line).map { fold(String($0)) }
            if fields.isEmpty && lineIndex > 0 && line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            guard !sectionNames.isEmpty else {
                throw ModelFileError(source, .line(lineIndex + 1), "a question before the first ': section' line; start the file with a line like ': capitals'")
            }
            guard fields.count == 4 else { invalid.append(lineIndex + 1); continue }
            guard let ia = okVocab[folded: fields[0]], let ib = okVocab[folded: fields[1]], let ic = okVocab[folded: fields[2]], okVocab[folded: fields[3]] != nil else {
                skipped += 1
                continue
            }
            questions.append(Question(section: sectionNames.count - 1, a: fields[0], b: fields[1], c: fields[2], expected: fields[3], ia: ia, ib: ib, ic: ic))
        }

        // The questions in batches: the target of a : b :: c : ? is the unit mean of b̂, ĉ and −â, a
        // combination of three rows, so each batch is answered from the products of its few distinct
        // words with every word (`Matrix.nearest(combinations:)`), exactly as one question at a time.
        let n = model.normalized
        var results: [[ScoredIndex]] = []
        results.reserveCapacity(questions.count)
        var cancelled = false
        for batchStart in stride(from: 0, to: questions.count, by: 4096) {
            if shouldStop() { cancelled = true; break }
            let batch = questions[batchStart..<min(batchStart + 4096, questions.count)]
            var targets = Matrix(rows: batch.count, columns: model.dimensions)
            for (q, question) in batch.enumerated() {
                targets.setRow(q, n.row(question.ib).adding(n.row(question.ic)).adding(n.row(question.ia), times: -1).normalized)
            }
            results += n.nearest(combinations: batch.map { RowCombination(rows: [$0.ib, $0.ic, $0.ia], weights: [1, 1, -1]) },
                                 targets: targets, k: 5, rowLimit: limit, excluding: batch.map { [$0.ia, $0.ib, $0.ic] })
        }

        var scores = sectionNames.map { Score(section: $0, correct: 0, total: 0) }
        var answers: [Answer] = []
        answers.reserveCapacity(questions.count)
        for (question, top) in zip(questions, results) {
            // gensim takes the first of the top 5 that is a searchable word and not an input word.
            let ignore: Set<String> = [question.a, question.b, question.c]
            var predicted = ""
            for candidate in top {
                predicted = fold(model.word(at: candidate.index))
                if okVocab[folded: predicted] != nil && !ignore.contains(predicted) { break }
            }
            let answer = Answer(a: question.a, b: question.b, c: question.c, expected: question.expected, predicted: predicted)
            answers.append(answer)
            scores[question.section].total += 1
            if answer.correct { scores[question.section].correct += 1 }
        }
        let total = Score(section: "Total accuracy", correct: scores.reduce(0) { $0 + $1.correct }, total: scores.reduce(0) { $0 + $1.total })
        return AnalogyEvaluation(sections: scores, total: total, skipped: skipped, invalidLines: invalid, answers: answers, cancelled: cancelled)
    }

    /// A line's words, as `line.split(whereSeparator: \.isWhitespace)` gives them. A line of ASCII
    /// (every questions file we know) is split on its bytes (tab to carriage return, and space:
    /// the ASCII characters that are whitespace), without a Unicode look-up per character.
    static func fields(of line: String) -> [Substring] {
        let bytes = line.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return line.split(whereSeparator: { $0.isWhitespace }) }
        var out: [Substring] = []
        var start: String.Index?
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == 0x20 || (0x09...0x0D).contains(b) {
                if let s = start { out.append(line[s..<i]); start = nil }
            } else if start == nil {
                start = i
            }
            i = bytes.index(after: i)
        }
        if let s = start { out.append(line[s..<bytes.endIndex]) }
        return out
    }
}

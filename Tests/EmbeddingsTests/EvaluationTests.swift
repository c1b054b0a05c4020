import XCTest
@testable import Embeddings

/// Expected numbers come from gensim 4.4 on the same vectors and files
/// (`KeyedVectors.evaluate_word_analogies` / `evaluate_word_pairs`, restrict_vocab=30000).
final class EvaluationTests: XCTestCase {
    func testAnalogyCountsMatchGensim() throws {
        let r = try AnalogyEvaluation.run(model: Repo.glove, questionsPath: Repo.fixture("facts-analogies.txt"), restrictTo: 30_000)
        XCTAssertEqual(r.sections.map(\.section), ["capital-cities", "family", "comparative", "not-in-the-vocabulary"])
        XCTAssertEqual(r.sections.map(\.correct), [8, 4, 3, 0])
        XCTAssertEqual(r.sections.map(\.total), [8, 6, 4, 0])
        XCTAssertEqual(r.total.correct, 15)
        XCTAssertEqual(r.total.total, 18)
        XCTAssertEqual(r.skipped, 2)
        let wrong = r.answers.filter { !$0.correct }.map { "\($0.a) \($0.b) \($0.c) \($0.expected)" }
        XCTAssertEqual(wrong, ["BOY GIRL BROTHER SISTER", "HUSBAND WIFE UNCLE AUNT", "BIG BIGGER SMALL SMALLER"])
    }

    func testRestrictingTheVocabularySkipsRareWords() throws {
        let r = try AnalogyEvaluation.run(model: Repo.glove, questionsPath: Repo.fixture("facts-analogies.txt"), restrictTo: 500)
        XCTAssertGreaterThan(r.skipped, 2)
        XCTAssertLessThan(r.total.total, 18)
    }

    func testCaseSensitiveModeFindsNoUpperCaseWords() throws {
        let r = try AnalogyEvaluation.run(model: Repo.glove, questionsPath: Repo.fixture("facts-analogies.txt"), restrictTo: 30_000, caseInsensitive: false)
        XCTAssertEqual(r.total.total, 10, "only the all-lower-case lines remain")
    }

    func testAQuestionBeforeAnySectionIsRefusedWithItsLine() {
        XCTAssertThrowsError(try AnalogyEvaluation.run(model: Repo.glove, questions: "a b c d\n", source: "q.txt")) { error in
            XCTAssertEqual((error as? ModelFileError)?.location, .line(1))
        }
    }

    func testWordPairCorrelationsMatchGensim() throws {
        let r = try WordPairEvaluation.run(model: Repo.glove, pairsPath: Repo.fixture("facts-pairs.tsv"), restrictTo: 30_000)
        XCTAssertEqual(r.pairs, 11)
        XCTAssertEqual(r.outOfVocabulary, 2)
        XCTAssertEqual(r.oovRatio, 15.384615384615385, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(r.pearson), 0.8937617109579308, accuracy: 1e-5)
        XCTAssertEqual(try XCTUnwrap(r.spearman), 0.5454545454545455, accuracy: 1e-9)
    }

    /// zh-wiki (int8, as bundled) and our Chinese files: gensim 4.4 read the same vectors as
    /// `embedlab convert vectors/zh-wiki.embv zh-wiki.bin` writes them (float32) and gave these figures
    /// (`scripts/compare_gensim.py zh-wiki.bin --binary --analogies … --pairs …`).
    func testChineseAnalogyCountsMatchGensim() throws {
        let text = try String(contentsOfFile: Repo.fixture("zh-analogies.txt"), encoding: .utf8)
        for (name, questions) in [("LF", text), ("CRLF", text.replacingOccurrences(of: "\n", with: "\r\n"))] {
            let r = try AnalogyEvaluation.run(model: Repo.zhWiki, questions: questions, source: "zh-analogies.txt")
            XCTAssertEqual(r.sections.map(\.section), ["capital-countries", "province-capitals", "family", "not-in-the-vocabulary"], name)
            XCTAssertEqual(r.sections.map(\.correct), [105, 129, 90, 0], name)
            XCTAssertEqual(r.sections.map(\.total), [132, 132, 132, 0], name)
            XCTAssertEqual(r.total.correct, 324, name)
            XCTAssertEqual(r.skipped, 2, name)
        }
    }

    func testChineseWordPairCorrelationsMatchGensim() throws {
        let r = try WordPairEvaluation.run(model: Repo.zhWiki, pairsPath: Repo.fixture("zh-pairs.tsv"))
        XCTAssertEqual(r.pairs, 38)
        XCTAssertEqual(r.outOfVocabulary, 2)
        XCTAssertEqual(try XCTUnwrap(r.pearson), 0.7815373017486393, accuracy: 1e-5)
        XCTAssertEqual(try XCTUnwrap(r.spearman), 0.4827624062243596, accuracy: 1e-9)
    }

    func testEveryAnalogyIsAnsweredAsOneExactScanPerQuestionWould() throws {
        let model = Repo.glove, n = Repo.glove.normalized
        let r = try AnalogyEvaluation.run(model: model, questionsPath: Repo.fixture("facts-analogies.txt"), restrictTo: 30_000)
        XCTAssertFalse(r.answers.isEmpty)
        for answer in r.answers {
            let (a, b, c) = (model.index(of: answer.a.lowercased())!, model.index(of: answer.b.lowercased())!, model.index(of: answer.c.lowercased())!)
            let target = n.row(b).adding(n.row(c)).adding(n.row(a), times: -1).normalized
            let top = n.nearest(to: target, k: 5, rowLimit: 30_000, excluding: [a, b, c])
            let first = top.map { model.word(at: $0.index).uppercased() }.first { ![answer.a, answer.b, answer.c].contains($0) }
            XCTAssertEqual(answer.predicted, first ?? "", "\(answer.a) : \(answer.b) :: \(answer.c) : ?")
        }
    }

    func testQuestionLinesSplitAsOnWhitespaceCharacters() {
        for line in ["Athens Greece Baghdad Iraq", "  a\tb  c\u{0B}d\u{0C}e\r", "one", "", " \t ", "x\r\ny", "Zürich Schweiz\u{00A0}Bern CH", "a\u{2003}b c"] {
            XCTAssertEqual(AnalogyEvaluation.fields(of: line), line.split(whereSeparator: { $0.isWhitespace }), line.debugDescription)
        }
    }
}

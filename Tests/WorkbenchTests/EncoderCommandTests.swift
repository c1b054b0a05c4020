import Foundation
import Embeddings
import Workbench
import XCTest

/// `:use minilm`, `embed`, sentences in `sim`, and `WORD in "SENTENCE"` on an encoder and on a static model.
final class EncoderCommandTests: XCTestCase {
    func testAnEncoderGivesOneWordDifferentVectorsInDifferentSentences() throws {
        let s = try Models.session()
        XCTAssertNil(s.encoder, "encoders load only when asked for")
        try s.evaluate(":use minilm")
        XCTAssertEqual(s.encoder?.name, "minilm")
        let senses = try XCTUnwrap(s.evaluate(#"sim (bank in "We sat on the river bank and watched the water."), (bank in "The bank raised its interest rates again.")"#).value.number)
        XCTAssertLessThan(senses, 0.9)
        let same = try XCTUnwrap(s.evaluate(#"cos(bank in "the river bank", bank in "the river bank")"#).value.number)
        XCTAssertEqual(same, 1, accuracy: 1e-5)
    }

    func testATokensIdSelectsARowOfTheEmbeddingMatrix() throws {
        let s = try Models.session("glove-50d")
        guard case .vector(let row) = try s.evaluate("row 692").value else { return XCTFail("row gives a vector") }
        XCTAssertEqual(row.label, "row 692 of glove-50d: king", "vocab numbers words from 1")
        XCTAssertEqual(row.values, try s.evaluate("king").value.vector, "the row is the word's vector")
        XCTAssertThrowsError(try s.evaluate("row 0")) { XCTAssertTrue("\($0)".contains("from 1 to 30000"), "\($0)") }
        try s.evaluate(":use minilm")
        guard case .table(let t) = try s.evaluate(#"tokens "the river bank""#).value, case .tokens(let b)? = t.detail else { return XCTFail() }
        XCTAssertTrue(b.note?.contains("minilm reads it as 3 word pieces, each an id: the 1996 · river 2314 · bank 2924") == true, b.note ?? "")
        guard case .vector(let bank) = try s.evaluate("row 2924").value else { return XCTFail("row gives a vector") }
        XCTAssertEqual(bank.label, "row 2924 of minilm's token embedding matrix: bank")
        XCTAssertEqual(bank.values.count, 384)
        XCTAssertNotEqual(bank.values, try XCTUnwrap(s.evaluate("row 2314").value.vector), "another id, another row")
        XCTAssertThrowsError(try s.evaluate("row 30522")) { XCTAssertTrue("\($0)".contains("from 0 to 30521"), "\($0)") }
        s.language = .zh
        guard case .vector(let zh) = try s.evaluate("row 2924").value else { return XCTFail() }
        XCTAssertEqual(zh.label, "minilm 的 token 嵌入矩阵第 2924 行：bank")
        XCTAssertThrowsError(try s.evaluate("row 甲")) { XCTAssertTrue("\($0)".contains("0 到 30521 之间的整数"), "\($0)") }
    }

    func testSentencesAreVectorsOnAnEncoder() throws {
        let s = try Models.session()
        try s.evaluate(":use minilm")
        let close = try XCTUnwrap(s.evaluate(#"sim "a cat sat on the mat", "a kitten rested on the rug""#).value.number)
        let far = try XCTUnwrap(s.evaluate(#"sim "a cat sat on the mat", "interest rates rose again""#).value.number)
        XCTAssertGreaterThan(close, far + 0.2)
        guard case .vector(let v) = try s.evaluate(#"embed "the river bank""#).value else { return XCTFail("embed gives a vector") }
        XCTAssertEqual(v.values.count, 384)
        XCTAssertEqual(v.values.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
    }

    func testOnAStaticModelTheWordHasOneVectorAndSaysSo() throws {
        let s = try Models.session()
        let same = try XCTUnwrap(s.evaluate(#"sim (bank in "the river bank"), (bank in "the bank raised its rates")"#).value.number)
        XCTAssertEqual(same, 1, accuracy: 1e-6)
        guard case .vector(let v) = try s.evaluate(#"bank in "the river bank""#).value else { return XCTFail("a vector") }
        XCTAssertTrue(v.label.contains("static"), v.label)
        // embed on a word-vector model is what a quoted text is there: the SIF-weighted mean of its words.
        guard case .vector(let embedded) = try s.evaluate(#"embed "the river bank""#).value,
              case .vector(let quoted) = try s.evaluate(#""the river bank""#).value else { return XCTFail("vectors") }
        XCTAssertEqual(embedded.values, quoted.values)
        XCTAssertTrue(embedded.label.contains("SIF"), embedded.label)
        // What the learner sees with sim, let and near says so too.
        guard case .scalar(let cos) = try s.evaluate(#"sim (bank in "the river bank"), (bank in "the bank raised its rates")"#).value else { return XCTFail("a number") }
        XCTAssertTrue(cos.label.hasPrefix("glove-50d is static: bank has one vector in every sentence"), cos.label)
        guard case .text(let assigned) = try s.evaluate(#"let b = bank in "the river bank""#).value else { return XCTFail("a text") }
        XCTAssertTrue(assigned.contains("static"), assigned)
        guard case .neighbours(let near) = try s.evaluate(#"near bank in "the river bank""#).value else { return XCTFail("neighbours") }
        XCTAssertTrue(near.query.contains("static"), near.query)
        guard case .scalar(let plain) = try s.evaluate("sim king queen").value else { return XCTFail("a number") }
        XCTAssertFalse(plain.label.contains("static"))
    }

    /// A quoted sentence is a vector anywhere a vector is, on a word model (SIF mean) and on an encoder.
    func testQuotedSentencesInVariablesOnBothKindsOfModel() throws {
        let s = try Models.session()
        try s.evaluate(#"let q = "the river bank""#)
        guard case .neighbours(let words) = try s.evaluate("near q").value else { return XCTFail("neighbours on glove-50d") }
        XCTAssertTrue(words.items.prefix(5).contains { $0.word == "river" })
        try s.evaluate(":use e5-small")
        try s.evaluate(#"let q = "我给妈妈打电话""#)
        let v = try XCTUnwrap(s.evaluate(#"sim q, "我晚上给妈妈打了个电话""#).value.number)
        let w = try XCTUnwrap(s.evaluate(#"sim q, "他们在操场上打篮球""#).value.number)
        XCTAssertGreaterThan(v, w)
    }

    /// With an encoder, near has no word list to search: one line says what to type instead.
    func testNearOnAnEncoderSaysWhatToDoInstead() throws {
        let s = try Models.session()
        try s.evaluate(":use e5-small")
        XCTAssertThrowsError(try s.evaluate(#"near "the river bank""#)) { error in
            let e = error as? WorkbenchError
            XCTAssertEqual(e?.message, "e5-small gives vectors to whole texts and has no word list for near to search: find the nearest sentences of a collection with search, or :use glove-50d for the nearest words")
            XCTAssertEqual(e?.hint, #"search faq-en "the river bank""#)
        }
        // What the :use banner says is what happens: near and analogies need a word list, in every spelling.
        let banner = try s.evaluate(":use minilm").value
        XCTAssertTrue("\(banner)".contains("near and analogies need a word list: :use glove-50d for them"), "\(banner)")
        for line in ["near dog", "man : king :: woman : ?", "analogy man king woman"] {
            XCTAssertThrowsError(try s.evaluate(line), line) { XCTAssertTrue("\($0)".contains(":use glove-50d"), "\(line): \($0)") }
        }
        // A plot of texts on an encoder is titled with the encoder, not the word model.
        guard case .scatter(let plot) = try s.evaluate(#"plot "a cat", "a dog", "a car""#).value else { return XCTFail("no plot") }
        XCTAssertTrue(plot.title.contains("minilm"), plot.title)
        XCTAssertFalse(plot.title.contains("glove"), plot.title)
    }

    /// search, recommend and classify use the encoder in use (e5 reads documents as passages when searching).
    func testSearchRecommendAndClassifyWithAnEncoder() throws {
        let s = try Models.session()
        try s.evaluate(":use e5-small")
        guard case .table(let zh) = try s.evaluate(#"search faq-zh "忘记密码了怎么办" 3"#).value else { return XCTFail("a table") }
        XCTAssertTrue(zh.title?.contains("e5-small") == true, zh.title ?? "")
        XCTAssertEqual(zh.rows.first?.first, "1", "the password question is document 1")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("moods-\(UUID().uuidString).tsv")
        try ["pos\tWhat a wonderful, happy day.", "pos\tI love this book, it is excellent.", "pos\t这部电影太精彩了，我很喜欢。",
             "pos\tThe food was delicious and the staff were kind.", "neg\tWhat a terrible, sad day.", "neg\tI hate this book, it is awful.",
             "neg\t这部电影太无聊了，我很失望。", "neg\tThe food was cold and the staff were rude."].joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try s.evaluate(":load collection \(file.path)")
        guard case .table(let mood) = try s.evaluate("classify \(file.deletingPathExtension().lastPathComponent) \"这家餐厅的菜很好吃，服务也很好\"").value else { return XCTFail("a table") }
        XCTAssertEqual(mood.rows.first?[1], "pos", "\(mood.rows)")
        guard case .table(let like) = try s.evaluate("recommend \(file.deletingPathExtension().lastPathComponent) 1 3").value else { return XCTFail("a table") }
        XCTAssertFalse(like.rows.contains { $0.first == "1" }, "the item itself is left out")
        XCTAssertEqual(like.rows.count, 3)
    }

    func testMistakesGetOneClearLine() throws {
        let s = try Models.session()
        try s.evaluate(":use minilm")
        XCTAssertThrowsError(try s.evaluate(#"money in "the river bank""#)) { error in
            XCTAssertEqual((error as? WorkbenchError)?.message, "'money' is not a word of that sentence (its words: the river bank)")
        }
        try s.evaluate(":use glove-50d")
        XCTAssertNil(s.encoder)
        XCTAssertEqual(try s.evaluate("sim king queen").value.number ?? 0, 0.7839, accuracy: 1e-3)
    }
}

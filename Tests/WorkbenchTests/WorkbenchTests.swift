import XCTest
@testable import Workbench
import Embeddings
@testable import Rendering

enum Models {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = ModelCatalog(directories: [root.appendingPathComponent("vectors").path])
    static func session(_ model: String = "glove-50d") throws -> Session { Session(catalog: catalog, model: try catalog.load(model)) }
}

/// The command language, as a learner types it.
final class CommandLanguageTests: XCTestCase {
    func testKingMinusManPlusWomanShowsQueenAndSaysWhatWasLeftOut() throws {
        let s = try Models.session()
        let result = try s.evaluate("king - man + woman")
        XCTAssertEqual(result.statement.commandName, "analogy")
        guard case .neighbours(let list) = result.value else { return XCTFail("\(result.value)") }
        XCTAssertEqual(list.items.first?.word, "queen")
        XCTAssertEqual(list.excluded, ["king", "man", "woman"])
        XCTAssertEqual(try s.evaluate("man : king :: woman : ?").value.words?.first, "queen")
        XCTAssertEqual(try s.evaluate("King - Man + Woman").value.words?.first, "queen", "capitals find lower-case GloVe words")
    }

    func testSettingsChangeExclusionAndMethod() throws {
        let s = try Models.session()
        try s.evaluate(":set exclude off")
        XCTAssertEqual(try s.evaluate("king - man + woman").value.words?.first, "king")
        try s.evaluate(":set exclude on")
        try s.evaluate(":set method 3cosmul")
        guard case .neighbours(let list) = try s.evaluate("king - man + woman").value else { return XCTFail() }
        XCTAssertEqual(list.method, .cosMul)
        XCTAssertEqual(list.items.first?.word, "queen")
        try s.evaluate(":set k 3")
        XCTAssertEqual(try s.evaluate("near cat").value.words?.count, 3)
        XCTAssertThrowsError(try s.evaluate(":set k lots"))
    }

    func testSimilarityDistanceAndFunctionsOnTheArticlesVectors() throws {
        let s = try Models.session("toy")
        XCTAssertEqual(try s.evaluate("sim 猫 狗").value.number!, 0.98193, accuracy: 1e-4)
        XCTAssertEqual(try s.evaluate("cos(猫, 狗)").value.number!, 0.98193, accuracy: 1e-4)
        XCTAssertEqual(try s.evaluate("dist 猫 狗").value.number!, 0.17321, accuracy: 1e-4)
        XCTAssertEqual(try s.evaluate("dot [1, 2, 3], [1, 1, 1]").value.number, 6)
        XCTAssertEqual(try s.evaluate("norm [3, 4, 0]").value.number, 5)
        XCTAssertEqual(try s.evaluate("猫").value.vector, [0.3, 0.8, -0.2])
        XCTAssertEqual(try s.evaluate("2 * [0.5, 1, -1] - [1, 1, 1]").value.vector, [0, 1, -3])
        XCTAssertEqual(try s.evaluate("near 1 猫").value.words, ["狗"])
        XCTAssertEqual(try s.evaluate("near 1 [0.3, 0.8, -0.2]").value.words, ["猫"], "a literal vector leaves nothing out")
    }

    func testVariablesShadowWordsAndKeepTheirSources() throws {
        let s = try Models.session()
        XCTAssertEqual(try s.evaluate("let royal = king - man").statement.commandName, "let")
        guard case .neighbours(let list) = try s.evaluate("royal + woman").value else { return XCTFail() }
        XCTAssertEqual(list.items.first?.word, "queen")
        XCTAssertEqual(Set(list.excluded), ["king", "man", "woman"])
        XCTAssertThrowsError(try s.evaluate("let near = king"))
    }

    func testOddOneOutPlotAndVocab() throws {
        let s = try Models.session()
        XCTAssertEqual(try s.evaluate("odd breakfast lunch dinner car").value.words?.first, "car")
        guard case .scatter(let plot) = try s.evaluate("plot king queen man woman").value else { return XCTFail() }
        XCTAssertEqual(plot.points.map(\.label), ["king", "queen", "man", "woman"])
        guard case .table(let t) = try s.evaluate("vocab quee").value else { return XCTFail() }
        XCTAssertEqual(t.rows.first?[1], "queen")
        guard case .table(let r) = try s.evaluate("vocab /^qu.*n$/").value else { return XCTFail() }
        XCTAssertTrue(r.rows.contains { $0[1] == "queen" })
    }

    func testUseAndModels() throws {
        let s = try Models.session()
        XCTAssertEqual(try s.evaluate(":use toy").value, .text("now using toy: 31 words × 3 dimensions"))
        XCTAssertEqual(s.model.name, "toy")
        guard case .table(let t) = try s.evaluate(":models").value else { return XCTFail() }
        XCTAssertTrue(t.rows.contains { $0[0] == "* toy" })
        XCTAssertThrowsError(try s.evaluate(":use nosuch")) { XCTAssertTrue("\($0)".contains("glove-50d")) }
    }
}

/// Mistakes get one clear message with the place and what to type instead.
final class ErrorTests: XCTestCase {
    func error(_ line: String, model: String = "glove-50d") throws -> WorkbenchError {
        let s = try Models.session(model)
        do { _ = try s.evaluate(line) } catch let e as WorkbenchError { return e }
        XCTFail("'\(line)' was accepted")
        return WorkbenchError("")
    }

    func testSyntaxErrorsPointAtTheColumn() throws {
        let e = try error("king - * man")
        XCTAssertEqual(e.span, Span(7, 8))
        XCTAssertEqual(ErrorRenderer.render(e, input: "king - * man", style: .plain).split(separator: "\n")[1], "         ^")
        XCTAssertEqual(try error("king man").span, Span(5, 8))
        XCTAssertEqual(try error("[1, 2").message, "expected ',' or ']' in the vector, found end of line")
        XCTAssertEqual(try error("sim \"new york").message, "this quote is never closed")
    }

    func testTheCaretSitsUnderWideCharacters() throws {
        let e = try error("北京 - 中国 + 法国")   // GloVe 6B knows 北京 but not 中国
        XCTAssertEqual(e.span, Span(5, 7))
        let caret = ErrorRenderer.render(WorkbenchError("x", at: Span(5, 7)), input: "北京 - 中国", style: .plain).split(separator: "\n")[1]
        XCTAssertEqual(caret, "         ^^^^", "北京 - is 7 columns, 中国 is 4")
    }

    func testUnknownWordsSuggestCloseOnes() throws {
        let e = try error("near kign")
        XCTAssertEqual(e.message, "'kign' is not in the vocabulary of glove-50d")
        XCTAssertTrue(e.hint?.hasPrefix("did you mean 'king'") ?? false, e.hint ?? "")
    }

    func testDimensionMismatchNamesBothSizes() throws {
        XCTAssertEqual(try error("[1, 2] + [1, 2, 3]").message, "cannot add vectors of 2 and 3 dimensions")
        XCTAssertEqual(try error("sim king [1, 2]").message, "cannot compare vectors of 50 and 2 dimensions")
        XCTAssertEqual(try error("near [1, 2]").message, "a vector of 2 dimensions does not fit a model of 50 dimensions")
    }

    func testMultiplyingTwoVectorsSuggestsDot() throws {
        XCTAssertEqual(try error("king * queen").hint, "for the dot product type: dot king, queen")
    }
}

final class RenderingTests: XCTestCase {
    func testWideCharactersTakeTwoColumnsInEveryLocale() {
        XCTAssertEqual(DisplayWidth.of("北京"), 4)
        XCTAssertEqual(DisplayWidth.of("《红楼梦》"), 10)
        XCTAssertEqual(DisplayWidth.of("café"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    }

    func testTablesAlignChineseAndEnglish() {
        let t = Table(headers: ["word", "score"], rows: [["猫", "0.98"], ["cat", "0.97"], ["《红楼梦》", "0.5"]], numericColumns: [1])
        let lines = TableRenderer.render(t, style: .plain).split(separator: "\n").map(String.init)
        XCTAssertEqual(Set(lines.map { DisplayWidth.of($0) }).count, 1, "every line is as wide:\n\(lines.joined(separator: "\n"))")
    }

    func testOutputFitsTheTerminalWidth() throws {
        let s = try Models.session()
        for width in [40, 60, 100] {
            for line in ["near 10 king", "king", "plot king queen man woman paris france", "vocab ma"] {
                let text = ValueRenderer.render(try s.evaluate(line).value, style: Style(width: width))
                for l in text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(l), width, "\(line) at \(width): \(l)") }
            }
        }
    }

    func testNoEscapeCodesWithoutColour() throws {
        let s = try Models.session()
        XCTAssertFalse(ValueRenderer.render(try s.evaluate("near king").value, style: .plain).contains("\u{1B}"))
        XCTAssertTrue(ValueRenderer.render(try s.evaluate("near king").value, style: Style(color: true)).contains("\u{1B}["))
    }
}

import CLIP
import Embeddings
@testable import Rendering
@testable import Workbench
import XCTest

/// The picture commands as a learner types them, on the bundled `pictures` model.
final class PictureCommandsTests: XCTestCase {
    func testSearchingPicturesByASentenceInEitherLanguage() throws {
        let s = try Models.session("toy")
        for query in ["a red circle", "红色的圆"] {
            guard case .table(let t) = try s.evaluate("search pictures \"\(query)\"").value, case .pictures(let board)? = t.detail else {
                return XCTFail(query)
            }
            XCTAssertEqual(board.items.count, 5)
            XCTAssertEqual(t.rows[0][0], board.items[0].label.replacingOccurrences(of: "picture ", with: ""))
            for item in board.items.prefix(3) { XCTAssertTrue(item.description.contains("red circle"), "\(query): \(item.description)") }
        }
        XCTAssertThrowsError(try s.evaluate("search pictures \"a dog\"")) { XCTAssertTrue("\($0)".contains("dog")) }
    }

    func testZeroShotClassificationNamesThePicturesShape() throws {
        let s = try Models.session("toy")
        let world = try s.pictures.current(s).pictureWorld
        let n = (1...50).first { world.galleryPicture($0 - 1).content.shape == .triangle }!
        let value = try s.evaluate("classify picture \(n) as \"circle\", \"square\", \"triangle\"").value
        XCTAssertEqual(value.tableRows?.first?.first, "triangle")
        XCTAssertThrowsError(try s.evaluate("classify picture 0 as \"circle\", \"square\""))
        XCTAssertThrowsError(try s.evaluate("classify picture 3 as \"circle\""))
    }

    func testTheSimilarityMatrixHasItsLargestValuesOnTheDiagonal() throws {
        let s = try Models.session("toy")
        guard case .table(let t) = try s.evaluate("pictures 1 2 3 4 5").value, case .pictures(let board)? = t.detail,
              let grid = board.grid else { return XCTFail() }
        XCTAssertEqual(grid.values.count, 5)
        // Each picture's own caption scores highest in its row (pictures 2 and 4 are the same kind, so their captions tie).
        for (i, row) in grid.values.enumerated() { XCTAssertGreaterThanOrEqual(row[i], row.max()! - 1e-9, "row \(i): \(row)") }
    }

    func testSimComparesAPictureWithACaptionEitherWayRound() throws {
        let s = try Models.session("toy")
        let world = try s.pictures.current(s).pictureWorld
        let n = (1...PictureState.galleryCount).first { world.galleryPicture($0 - 1).content.colour == .red && world.galleryPicture($0 - 1).content.shape == .circle }!
        let red = try XCTUnwrap(s.evaluate(#"sim (picture \#(n)), "a red circle""#).value.number)
        let blue = try XCTUnwrap(s.evaluate(#"sim (picture \#(n)), "a blue square""#).value.number)
        XCTAssertGreaterThan(red, blue + 0.2)
        XCTAssertEqual(try s.evaluate(#"sim "a red circle", (picture \#(n))"#).value.number ?? 0, red, accuracy: 1e-6)
        XCTAssertEqual(try s.evaluate(#"cos(picture(\#(n)), "a red circle")"#).value.number ?? 0, red, accuracy: 1e-6)
        XCTAssertGreaterThan(try XCTUnwrap(s.evaluate(#"sim (picture \#(n)), "红色的圆""#).value.number), blue + 0.2)
        XCTAssertEqual(try s.evaluate("sim (picture \(n)), (picture \(n))").value.number ?? 0, 1, accuracy: 1e-5)
        // A vector of the word model is in another space: one line, naming both.
        _ = try s.evaluate("let v = 猫")
        for line in ["sim (picture 3), 猫 - 狗", "sim v, (picture 3)"] {
            XCTAssertThrowsError(try s.evaluate(line)) { error in
                XCTAssertTrue("\(error)".contains("is a vector of the word model \(s.model.name)"), "\(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
        XCTAssertThrowsError(try s.evaluate("near (picture 3)")) { XCTAssertTrue("\($0)".contains("(picture 3) is a picture"), "\($0)") }
        XCTAssertThrowsError(try s.evaluate(#"sim (picture 0), "a red circle""#)) { XCTAssertTrue("\($0)".contains("1 to 200"), "\($0)") }
        XCTAssertThrowsError(try s.evaluate(#"sim (picture 3), "a dog""#)) { XCTAssertTrue("\($0)".contains("dog"), "\($0)") }
    }

    func testABracketedFunctionIsAnOperand() throws {
        guard case .command("sim", let args, _) = try Parser.parse(#"sim (picture 3), "a red circle""#), args.count == 2,
              case .expr(.call("picture", let inner, _)) = args[0], case .number(3, _)? = inner.first else {
            return XCTFail("\(try Parser.parse(#"sim (picture 3), "a red circle""#))")
        }
        guard case .command("sim", let two, _) = try Parser.parse(#"sim "a red circle", (picture 3)"#), case .expr(.call("picture", _, _))? = two.last else {
            return XCTFail("the other order")
        }
        // A word that is no function keeps its old meaning, and an unclosed bracket is still an error.
        XCTAssertThrowsError(try Parser.parse("sim (king queen), man"))
        XCTAssertThrowsError(try Parser.parse(#"sim (picture 3, "a red circle""#))
    }

    func testDrawAndPictureAndCaption() throws {
        let s = try Models.session("toy")
        guard case .table(let t) = try s.evaluate("draw \"a blue star on the left\"").value, case .pictures(let b)? = t.detail else { return XCTFail() }
        XCTAssertEqual(b.items[0].description, "a large blue star on the left")
        guard case .table(let zh) = try s.evaluate("draw \"左边一个小的红色圆形\"").value, case .pictures(let bz)? = zh.detail else { return XCTFail() }
        XCTAssertEqual(bz.items[0].description, "a small red circle on the left")
        XCTAssertThrowsError(try s.evaluate("draw \"something nice\""))
        let caption = try s.evaluate("caption picture 3").value
        let world = try s.pictures.current(s).pictureWorld
        XCTAssertTrue(caption.tableRows?.first?.first?.contains(world.galleryPicture(2).content.colour.rawValue) ?? false, "\(caption)")
        XCTAssertThrowsError(try s.evaluate("picture 999"))
    }

    func testPicturesRenderAtEveryWidthAndWithoutColour() throws {
        let s = try Models.session("toy")
        let value = try s.evaluate("search pictures \"a green triangle\" 3").value
        for width in stride(from: 40, through: 120, by: 20) {
            for depth in [PictureRenderer.Depth.none, .palette256, .trueColour] {
                guard case .table(let t) = value, case .pictures(let b)? = t.detail else { return XCTFail() }
                let text = PictureRenderer.render(t, b, style: Style(width: width, color: depth != .none), depth: depth)
                for line in text.split(separator: "\n") {
                    let visible = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
                    XCTAssertLessThanOrEqual(DisplayWidth.of(visible), width, "width \(width) \(depth): \(visible)")
                }
                switch depth {
                case .none: XCTAssertFalse(text.contains("\u{1B}")); XCTAssertTrue(text.contains("green triangle"))
                case .palette256: XCTAssertTrue(text.contains("\u{1B}[38;5;"))
                case .trueColour: XCTAssertTrue(text.contains("\u{1B}[38;2;"))
                }
            }
        }
        // Through the one renderer: the colours survive the escaping of untrusted text.
        let shown = ValueRenderer.render(value, style: Style(width: 80, color: true))
        XCTAssertTrue(shown.contains("▀"))
        XCTAssertFalse(shown.contains("\\u{1B}") || shown.contains("␛"))
        XCTAssertTrue(SVGRenderer.svg(value)?.contains("<rect") ?? false)
        // The heat map's cells too: every escape it writes passes the gate the REPL prints through (none
        // is shown as text).
        let matrix = TerminalText.printable(ValueRenderer.render(try s.evaluate("pictures 1 2 3").value, style: Style(width: 80, color: true)))
        XCTAssertTrue(matrix.contains("\u{1B}[48;"), matrix)
        XCTAssertFalse(matrix.contains("\\e[") || matrix.contains("\\u{1B}") || matrix.contains("␛"), matrix)
    }

    func testEachPictureIsNamedAndDescribedOnce() throws {
        let s = try Models.session("toy")
        func shown(_ line: String, _ depth: PictureRenderer.Depth) throws -> String {
            guard case .table(let t) = try s.evaluate(line).value, case .pictures(let b)? = t.detail else { XCTFail("not a picture: \(line)"); return "" }
            return PictureRenderer.render(t, b, style: Style(width: 100, color: depth != .none), depth: depth)
                .replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        }
        func count(_ s: String, _ part: String) -> Int { s.components(separatedBy: part).count - 1 }
        let world = try s.pictures.current(s).pictureWorld
        for depth in [PictureRenderer.Depth.none, .trueColour] {
            let picture = try shown("picture 3", depth)
            XCTAssertEqual(count(picture, "picture 3"), 1, picture)
            XCTAssertEqual(count(picture, world.galleryPicture(2).content.describe(.en)), 1, picture)
            let drawn = try shown(#"draw "a blue star on the left""#, depth)
            XCTAssertEqual(count(drawn, "a large blue star on the left"), 1, drawn)
            let search = try shown(#"search pictures "a red circle" 4"#, depth)
            guard case .table(let t) = try s.evaluate(#"search pictures "a red circle" 4"#).value else { return XCTFail() }
            for row in t.rows {
                XCTAssertEqual(count(search, row[2]), t.rows.filter { $0[2] == row[2] }.count, "\(depth): \(row[2]) in\n\(search)")
                XCTAssertEqual(count(search, "picture \(row[0]) "), 1, "\(depth): picture \(row[0]) in\n\(search)")
            }
            // `caption picture 3` ranks captions: the picture's own description is still said under it.
            XCTAssertTrue(try shown("caption picture 3", depth).contains("picture 3: " + world.galleryPicture(2).content.describe(.en)))
        }
    }

    func testTrainingCLIPAtThePromptReplacesThePictureModel() throws {
        let s = try Models.session("toy")
        let value = try s.evaluate("train clip pictures=256 epochs=1 dim=16 seed=3").value
        XCTAssertEqual(s.pictures.name, "pictures-trained")
        XCTAssertEqual(s.pictures.model?.configuration.dimensions, 16)
        XCTAssertTrue(value.tableRows?.contains { $0.first == "held-out" } ?? false)
        XCTAssertThrowsError(try s.evaluate("train clip corpus=small-world"))
        XCTAssertThrowsError(try s.evaluate("train glove pictures=100"))
    }

    func testABadPictureModelFileIsOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clip-bad-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("EMBCLIP1 but not really".utf8).write(to: dir.appendingPathComponent("pictures.clip"))
        let catalog = ModelCatalog(directories: [dir.path] + Models.catalog.directories)
        let s = Session(catalog: catalog, model: try Models.catalog.load("toy"))
        XCTAssertThrowsError(try s.evaluate("picture 3")) { error in
            XCTAssertTrue("\(error)".contains("pictures.clip"), "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }
}

extension Value {
    var tableRows: [[String]]? { if case .table(let t) = self { return t.rows } else { return nil } }
}

final class PictureEscapesTests: XCTestCase {
    func testTypedLabelsAreEscapedWhileThePixelsKeepTheirColours() throws {
        let s = try Models.session("toy")
        // A label with an escape in it is refused (not a word the model knows) …
        XCTAssertThrowsError(try s.evaluate("classify picture 3 as \"red\u{1B}[2J\", \"blue\""))
        // … and a board's text is escaped by the renderer even when it carries one.
        let item = PictureBoard.Item(label: "picture \u{1B}[2J1", description: "a red\u{1B}]0;x\u{07} circle", rgb: [UInt8](repeating: 200, count: 32 * 32 * 3))
        let table = Table(title: "t\u{1B}[2J", headers: [], rows: [["1", "x"]], detail: .pictures(PictureBoard(items: [item])))
        let shown = ValueRenderer.render(.table(table), style: Style(width: 80, color: true))
        XCTAssertFalse(shown.contains("\u{1B}[2J") || shown.contains("\u{1B}]0"), shown)
        XCTAssertTrue(shown.contains("\u{1B}[38;"), "the pixels keep their colour escapes")
    }
}

import XCTest
@testable import Workbench

/// A line read once: `Session.bind` gives the bound command and what it declares it does, without running it.
final class BindTests: XCTestCase {
    func testEffectsComeFromTheDeclarationAndTheSubverbTyped() throws {
        let s = try Models.session()
        XCTAssertEqual(try s.bind(":use toy").effects, .changesModel)
        XCTAssertEqual(try s.bind("train glove corpus=small-world dim=5").effects, [.changesModel, .trains])
        XCTAssertEqual(try s.bind("index build m=8").effects, .buildsIndex)
        XCTAssertEqual(try s.bind("index compare").effects, [])
        XCTAssertEqual(try s.bind(":load collection notes.txt").effects, .loadsCollection)
        XCTAssertEqual(try s.bind(":load vectors.txt").effects, .changesModel)
        XCTAssertEqual(try s.bind("let v = king - man").effects, .setsVariable)
        XCTAssertEqual(try s.bind(":set k 5").effects, .changesSettings)
        XCTAssertEqual(try s.bind(":lang zh").effects, .changesLanguage)
        XCTAssertEqual(try s.bind("near king").effects, [])
        XCTAssertFalse(try s.bind(":lang zh").changesState, "the language is the learner's, not the lesson's")
        XCTAssertTrue(try s.bind("bpe train \"aaab\" vocab 257").changesState)
        // Binding runs nothing.
        XCTAssertEqual(s.model.name, "glove-50d")
        XCTAssertTrue(s.cells.isEmpty)
    }

    func testAliasesAndOptionNamesAreResolvedAndSubverbsTakenOffTheText() throws {
        let s = try Models.session()
        let cos = try XCTUnwrap(try s.bind("cos king queen").invocation)
        XCTAssertEqual(cos.command.name, "sim")
        XCTAssertEqual(cos.typedName, "cos")
        let train = try XCTUnwrap(try s.bind("train glove dims=7 iter=3 name=mine").invocation)
        XCTAssertEqual(train.keyword, "glove")
        XCTAssertEqual(train.options.given["dim"], .integer(7))
        XCTAssertEqual(train.options.given["epochs"], .integer(3))
        XCTAssertEqual(try s.bind("train glove dims=7 iter=3 name=mine").namedModel, "mine")
        XCTAssertNil(try s.bind("train glove dims=7").namedModel)
        let load = try XCTUnwrap(try s.bind(":load collection my notes.txt").invocation)
        XCTAssertEqual(load.keyword, "collection")
        XCTAssertEqual(load.text, "my notes.txt")
        XCTAssertEqual(try s.bind("index build m=8").invocation?.options.integer("m"), 8)
    }

    func testHostCommandsAreAnEnumWithTheirText() throws {
        let s = try Models.session()
        XCTAssertEqual(try s.bind(":q").host, .quit)
        XCTAssertEqual(try s.bind(":quit").host, .quit)
        XCTAssertEqual(try s.bind(":lesson arithmetic").host, .lesson)
        XCTAssertEqual(try s.bind(":lesson arithmetic").invocation?.text, "arithmetic")
        XCTAssertEqual(try s.bind(":save notes.md").host, .save)
        XCTAssertNil(try s.bind(":use toy").host)
        XCTAssertNil(try s.bind("near king").host)
        // Every host command in the table is one of the enum's cases, and each case is in the table.
        let hosts = CommandTable.standard.commands.compactMap(\.host)
        XCTAssertEqual(Set(hosts), Set(HostCommand.allCases))
        for h in HostCommand.allCases { XCTAssertEqual(CommandTable.standard.command(":" + h.rawValue)?.host, h) }
        // Run through the workbench, a host command says where it works.
        XCTAssertThrowsError(try s.evaluate(":hint"))
    }

    func testFilesAreResolvedOnceAgainstTheSessionsFolderAndNamesAreNotFiles() throws {
        let s = try Models.session()
        s.fileFolder = "/course/lessons"
        let train = try s.bind("train glove corpus=corpora/news.txt save=~/out.embv")
        XCTAssertEqual(train.files.map(\.access), [.read, .write])
        XCTAssertEqual(train.files[0].path, "/course/lessons/corpora/news.txt")
        XCTAssertEqual(train.files[0].given, "corpora/news.txt")
        XCTAssertEqual(train.files[1].path, NSString(string: "~/out.embv").expandingTildeInPath)
        XCTAssertEqual(try s.bind("train glove corpus=small-world").files, [], "the generated corpus is not a file")
        XCTAssertEqual(try s.bind(":use toy").files, [], "a bundled model is not a file")
        XCTAssertEqual(try s.bind(":use trained").files, [])
        XCTAssertEqual(try s.bind(":use /tmp/v.embv").files.map(\.path), ["/tmp/v.embv"])
        XCTAssertEqual(try s.bind("eval questions.txt").files.map(\.path), ["/course/lessons/questions.txt"])
        XCTAssertEqual(try s.bind(":load collection notes.txt").files.map(\.path), ["/course/lessons/notes.txt"])
        XCTAssertEqual(try s.bind(":save notes.md").files.map(\.access), [.write])
        XCTAssertEqual(try s.bind("near king").files, [])
    }

    func testALineThatDoesNotBindIsRefusedBeforeItRuns() throws {
        let s = try Models.session()
        XCTAssertThrowsError(try s.bind("index build m=0"))
        XCTAssertThrowsError(try s.bind(":nosuch"))
        XCTAssertThrowsError(try s.bind("sim king"))
        XCTAssertThrowsError(try s.bind("index rebuild"), "index takes build or compare")
    }

    func testSearchsCountIsTheDeclaredOptionWithItsRange() throws {
        let s = try Models.session()
        let three = try s.evaluate(#"search faq-en "I forgot my password" 3"#).value
        let k3 = try s.evaluate(#"search faq-en "I forgot my password" k=3"#).value
        guard case .table(let a) = three, case .table(let b) = k3 else { return XCTFail("\(three)") }
        XCTAssertEqual(a.rows.count, 3)
        XCTAssertEqual(a.rows, b.rows)
        for line in [#"search faq-en "I forgot my password" 0"#, #"search faq-en "I forgot my password" k=1000"#, "recommend items-en guitar 101"] {
            XCTAssertThrowsError(try s.evaluate(line), line) { XCTAssertTrue("\($0)".contains("k"), "\(line): \($0)") }
        }
    }

    func testEvaluateRunsTheBoundLine() throws {
        let s = try Models.session()
        let bound = try s.bind(":use toy")
        let result = try s.evaluate(bound)
        XCTAssertEqual(s.model.name, "toy")
        XCTAssertEqual(result.bound.line, ":use toy")
        XCTAssertEqual(s.cells.map(\.input), [":use toy"])
    }
}

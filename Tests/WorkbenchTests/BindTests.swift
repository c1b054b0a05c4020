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

    func testCollectionArgumentsAreSplitByTheBinderAndACollectionFileIsDeclared() throws {
        let s = try Models.session()
        s.fileFolder = "/course/lessons"
        let search = try XCTUnwrap(try s.bind(#"search faq-en "how do I pay" 3"#).invocation)
        XCTAssertEqual(search.collection?.name, "faq-en")
        XCTAssertEqual(search.collection?.item, "how do I pay")
        XCTAssertEqual(search.collection?.itemWasQuoted, true)
        XCTAssertEqual(search.options.integer("k"), 3)
        XCTAssertEqual(try s.bind(#"search faq-en "how do I pay" k 4"#).invocation?.options.integer("k"), 4)
        let item = try XCTUnwrap(try s.bind("recommend items-en 3").invocation)
        XCTAssertEqual(item.collection?.item, "3", "a lone number is the item, not a count")
        XCTAssertNil(item.options.given["k"])
        let words = try XCTUnwrap(try s.bind("recommend items-en acoustic guitar 2").invocation)
        XCTAssertEqual(words.collection?.item, "acoustic guitar")
        XCTAssertEqual(words.options.integer("k"), 2)
        XCTAssertEqual(try s.bind("classify polarity-en").invocation?.collection?.item, "")
        XCTAssertThrowsError(try s.bind(#"search faq-en "how do I pay" tomorrow"#)) { XCTAssertTrue("\($0)".contains("only a count may follow, not 'tomorrow'"), "\($0)") }
        XCTAssertThrowsError(try s.bind(#"classify polarity-en "good" 3"#), "classify takes no count")
        XCTAssertThrowsError(try s.bind(#"search faq-en "how do I pay" 3 k=3"#)) { XCTAssertTrue("\($0)".contains("twice"), "\($0)") }
        // A collection by name is no file; one by path is, resolved once; :load collection FILE is a file of its own.
        XCTAssertEqual(try s.bind(#"search faq-en "x""#).files, [])
        XCTAssertEqual(try s.bind(#"search notes/faq.txt "x""#).files.map(\.path), ["/course/lessons/notes/faq.txt"])
        XCTAssertEqual(try s.bind(":load toy").files, [], "a model by name")
        XCTAssertEqual(try s.bind(":load collection toy").files.map(\.path), ["/course/lessons/toy"], "a collection file, whatever its name")
    }

    func testABoundLineMovesToAnotherSessionWithoutBeingReadAgain() throws {
        let learner = try Models.session()
        let bound = try learner.bind("eval questions.txt restrict=100")
        let grading = try Models.session()
        grading.fileFolder = "/course/lessons"
        let moved = bound.bound(in: grading)
        XCTAssertTrue(moved.invocation?.session === grading)
        XCTAssertEqual(moved.files.map(\.path), ["/course/lessons/questions.txt"])
        XCTAssertEqual(moved.invocation?.options.integer("restrict"), 100)
        XCTAssertEqual(moved.line, bound.line)
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

import XCTest
@testable import Workbench

/// The command table: every command declared once, and everything reads it.
final class CommandTableTests: XCTestCase {
    let table = CommandTable.standard

    func testEveryCommandHasHelpInBothLanguagesAndExamplesThatParseAsThatCommand() throws {
        for command in table.commands {
            XCTAssertFalse(command.summary.en.isEmpty, command.name)
            XCTAssertFalse(command.summary.zh.isEmpty, command.name)
            XCTAssertFalse(command.examples.isEmpty, "\(command.name) shows an example")
            for o in command.options {
                XCTAssertFalse(o.help.en.isEmpty || o.help.zh.isEmpty, "\(command.name) \(o.name)")
            }
            for example in command.examples {
                let statement = try Parser.parse(example, table: table)
                let name = statement.commandName
                XCTAssertTrue(command.names.contains(name) || (command.isFunction && example.contains("(")),
                              "\(example) parses as \(name), not \(command.name)")
            }
        }
    }

    func testNoNameIsDeclaredTwice() {
        var seen: [String: String] = [:]
        for command in table.commands {
            for name in command.names {
                XCTAssertNil(seen[name], "\(name) is declared by \(seen[name] ?? "") and \(command.name)")
                seen[name] = command.name
            }
        }
    }

    func testHelpIsWrittenFromTheTable() {
        let overview = Help.text(nil, table: table, language: .en)
        for topic in HelpTopic.allCases { XCTAssertTrue(overview.contains(topic.rawValue), topic.rawValue) }
        let near = Help.text("near", table: table, language: .en)
        XCTAssertTrue(near.hasPrefix("near [k] VECTOR"), near)
        XCTAssertTrue(near.contains("1–1000; default 10"), near)
        XCTAssertTrue(Help.text(":use", table: table, language: .en).contains(":use glove-50d"))
        let zh = Help.text("training", table: table, language: .zh)
        XCTAssertTrue(zh.contains("在语料上训练 GloVe 向量"), zh)
    }

    func testASessionWithAnotherTableKnowsOnlyItsCommands() throws {
        // A table is data: a test (or a tool) can build one with a command of its own.
        let twice = CommandSpec("twice", arguments: .expressions(.vector, count: 1...1, wholeLine: true), topic: .words,
                                summary: Localized(en: "the vector times two", zh: "向量乘以二"), examples: ["twice 猫"],
                                evaluate: { inv in
                                    let v = try inv.vectors()[0]
                                    return .vector(VectorValue(values: v.values.map { $0 * 2 }, label: "2·\(v.label)"))
                                })
        let s = Session(catalog: Models.catalog, model: try Models.catalog.load("toy"), commands: CommandTable([twice]))
        XCTAssertEqual(try s.evaluate("twice 猫").value.vector, [0.6, 1.6, -0.4])
        XCTAssertThrowsError(try s.evaluate("sim 猫 狗"))
        XCTAssertEqual(Help.text("twice", table: s.commands, language: .zh).split(separator: "\n").dropFirst().first, "  向量乘以二")
    }
}

/// Every range is checked in one place, with one wording, wherever the option is typed.
final class RangeCheckTests: XCTestCase {
    func message(_ line: String, model: String = "toy", language: Language = .en) throws -> String {
        let s = try Models.session(model)
        s.language = language
        do { _ = try s.evaluate(line) } catch let e as WorkbenchError { return e.message }
        XCTFail("\(line) was accepted")
        return ""
    }

    func testKAtThePromptInNearAndOnTheCommandLineSaysTheSame() throws {
        XCTAssertEqual(try message(":set k 0"), "k must be a whole number from 1 to 1000, not '0'")
        XCTAssertEqual(try message("near 1001 猫"), "k must be a whole number from 1 to 1000, not '1001'")
        XCTAssertEqual(try message("near 2.5 猫"), "k must be a whole number from 1 to 1000, not '2.5'")
        var settings = Settings()
        XCTAssertThrowsError(try settings.apply("k", "lots")) { XCTAssertEqual(($0 as? WorkbenchError)?.message, "k must be a whole number from 1 to 1000, not 'lots'") }
        XCTAssertEqual(try message(":set k lots", language: .zh), "k 须为 1 到 1000 之间的整数，不能是 'lots'")
    }

    func testTrainingOptions() throws {
        XCTAssertEqual(try message("train glove dim=0"), "dim must be a whole number from 1 to 1000, not '0'")
        XCTAssertEqual(try message("train glove dims=1001"), "dim must be a whole number from 1 to 1000, not '1001'", "aliases are checked as their option")
        XCTAssertEqual(try message("train glove window=0"), "window must be a whole number from 1 to 100, not '0'")
        XCTAssertEqual(try message("train glove epochs=many"), "epochs must be a whole number from 1 to 1000, not 'many'")
        XCTAssertEqual(try message("train glove eta=-1"), "eta must be a positive number up to 10, not '-1'")
        XCTAssertEqual(try message("train glove x-max=0"), "x-max must be a positive number up to 1000000, not '0'")
        XCTAssertEqual(try message("train glove alpha=nan"), "alpha must be a positive number up to 10, not 'nan'")
        XCTAssertEqual(try message("train glove size=3"), "train has no option 'size'; its options are: corpus, dim, epochs, window, min-count, max-vocab, x-max, alpha, eta, threads, seed, name, save, float16, sg, negative, sample, pictures")
        XCTAssertEqual(try message("train glove dim=5 dim=6"), "dim is given twice")
    }

    func testTextCommandOptionsAndSettings() throws {
        XCTAssertEqual(try message(#"cooccur "a b" window 51"#), "window must be a whole number from 1 to 50, not '51'")
        XCTAssertEqual(try message(#"bpe train "aaab" vocab 100"#), "vocab must be a whole number from 256 to 2256, not '100'")
        XCTAssertEqual(try message("eval small-world restrict=0"), "restrict must be a whole number ≥ 1, not '0'")
        XCTAssertEqual(try message(":set restrict none"), "restrict must be a whole number ≥ 1 or off, not 'none'")
        XCTAssertEqual(try message(":set exclude maybe"), "exclude is on or off, not 'maybe'")
        XCTAssertEqual(try message(":set method 3coswhat"), "method is one of 3cosadd, 3cosmul, not '3coswhat'")
    }

    func testCommandLineOnlyOptionsUseTheSameCheck() {
        XCTAssertThrowsError(try OptionSpec.limit.parse("0")) { XCTAssertEqual(($0 as? WorkbenchError)?.message, "limit must be a whole number ≥ 1, not '0'") }
        XCTAssertThrowsError(try OptionSpec.auto.parse("-1")) { XCTAssertEqual(($0 as? WorkbenchError)?.message, "auto must be a number from 0 to 3600, not '-1'") }
        XCTAssertEqual(try OptionSpec.auto.parse("2.5"), .real(2.5))
    }

    func testArgumentCountsAreCheckedByTheTable() throws {
        XCTAssertEqual(try message("sim 猫 狗 汽车"), "sim takes 2 words or expressions, got 3")
        XCTAssertEqual(try message("cos 猫"), "cos takes 2 words or expressions, got 1", "an alias is named as typed")
        XCTAssertEqual(try message("odd 猫 狗"), "odd takes 3 to 50 words, got 2")
        XCTAssertEqual(try message("dims 猫"), "dims takes nothing after it")
        XCTAssertEqual(try message("rank 猫 狗 - 汽车"), "rank takes 2 words, got 3")
        XCTAssertEqual(try message("sim 猫 狗 汽车", language: .zh), "sim 需要 2 个词或表达式，实际给了 3 个")
    }
}

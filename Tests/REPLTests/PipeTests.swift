import XCTest

/// EmbedLab fed from a pipe or a file: results only, no prompt, no escape codes.
final class PipeTests: XCTestCase {
    func testPipedLinesPrintBothResultsWithNoPromptAndNoEscapeCodes() throws {
        let r = try Binary.run([], input: "king - man + woman\nsim cat dog\n")
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("king - man + woman"))
        XCTAssertTrue(lines[1].contains("queen"), "queen is first:\n\(r.out)")
        XCTAssertTrue(r.out.contains("cos(cat, dog) = 0.92"))
        XCTAssertFalse(r.out.contains("\u{1B}"), "no escape codes")
        XCTAssertFalse(r.out.contains("[1]>"), "no prompt")
    }

    func testAnErrorInAScriptIsOneLineOnStandardErrorAndTheScriptGoesOn() throws {
        let r = try Binary.run([], input: "sim cat dgo\nsim cat dog\n")
        XCTAssertEqual(r.status, 1, "a script with a failing line exits with 1")
        XCTAssertTrue(r.err.hasPrefix("line 1: 'dgo' is not in the vocabulary of glove-50d — did you mean "), r.err)
        XCTAssertTrue(r.err.contains("'dog'"), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line")
        XCTAssertTrue(r.out.contains("cos(cat, dog)"), "the next line still runs")
    }

    func testNonUTF8BytesAndHugeLinesAreRefusedNotFatal() throws {
        var input = Data("sim cat ".utf8)
        input.append(contentsOf: [0xC3, 0x28])
        input.append(Data("\n".utf8))
        // The bytes go as they are: C3 28 is not UTF-8 (a lead byte followed by '(').
        input.append(Data((String(repeating: "king + ", count: 20_000) + "king\nsim cat dog\n").utf8))
        XCTAssertNil(String(data: input.prefix(12), encoding: .utf8), "the input really is not UTF-8")
        let r = try Binary.run([], bytes: input)
        XCTAssertTrue(r.out.contains("cos(cat, dog)"), "the session goes on: \(r.err)")
        XCTAssertEqual(r.status, 1, "the bad lines are errors")
    }

    func testQueryPrintsQueenFirstAndSaysInputsWereExcluded() throws {
        let r = try Binary.run(["query", "glove-50d", "king - man + woman"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("input words left out: king, man, woman"))
        XCTAssertTrue(r.out.split(separator: "\n")[1].contains("queen"))
        let json = try Binary.run(["query", "glove-50d", "king - man + woman", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        XCTAssertEqual((object["items"] as! [[String: Any]]).first?["word"] as? String, "queen")
        XCTAssertEqual(object["excluded"] as? [String], ["king", "man", "woman"])
    }

    func testAnUnknownModelSaysWhichModelsExist() throws {
        let r = try Binary.run(["query", "nosuchmodel", "cat"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("glove-50d"), r.err)
    }
}

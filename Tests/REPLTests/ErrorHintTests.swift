import XCTest
import Foundation

/// A hint names a fix that works where it is read: a shell command at the shell, a prompt command at the prompt.
final class ErrorHintTests: XCTestCase {
    func testAMissingFileAtTheShellIsNotToldToTypeAPromptCommand() throws {
        let eval = try Binary.run(["eval", "glove-50d", "/missing"])
        XCTAssertEqual(eval.status, 1)
        XCTAssertTrue(eval.err.hasPrefix("error: /missing: no such file"), eval.err)
        XCTAssertFalse(eval.err.contains(":models"), "an evaluation file is not a model, and :models is the prompt's: \(eval.err)")
        let model = try Binary.run(["query", "/missing.embv", "king"])
        XCTAssertEqual(model.status, 1)
        XCTAssertTrue(model.err.contains("/missing.embv: no such file; the bundled models are: glove-50d"), model.err)
        XCTAssertFalse(model.err.contains(":models"), model.err)
    }

    func testAWordAnotherModelHasIsAShellCommandAtTheShellAndUseAtThePrompt() throws {
        let shell = try Binary.run(["query", "glove-50d", "猫"])
        XCTAssertEqual(shell.status, 1)
        XCTAssertTrue(shell.err.contains("on zh-wiki: embedlab query zh-wiki 猫"), shell.err)
        XCTAssertFalse(shell.err.contains(":use"), shell.err)
        let json = try Binary.run(["query", "glove-50d", "sim 猫 king", "--json"])
        XCTAssertTrue(json.out.contains(#""hint":"on zh-wiki: embedlab query zh-wiki 'sim 猫 king'""#), json.out)
        let zh = try Binary.run(["query", "glove-50d", "猫", "--lang", "zh"])
        XCTAssertTrue(zh.err.contains("换用 zh-wiki：embedlab query zh-wiki 猫"), zh.err)
        let prompt = try Binary.run([], input: "猫\n")
        XCTAssertTrue(prompt.err.contains(":use zh-wiki"), "at the prompt, the prompt's command: \(prompt.err)")
    }
}

import XCTest
import Foundation

/// The command line as a whole: every subcommand speaks both languages, one version.
final class EcosystemTests: XCTestCase {
    func testEverySubcommandTakesLang() throws {
        for command in [["query"], ["eval"], ["embed"], ["models"], ["run"], ["check"], ["demo"], ["export"], ["projector"],
                        ["lesson", "lint"], ["lesson", "grade"], ["lesson", "handout"]] {
            let help = try Binary.run(command + ["--help"])
            XCTAssertEqual(help.status, 0, command.joined(separator: " "))
            XCTAssertTrue(help.out.contains("--lang"), "\(command.joined(separator: " ")) --help lists --lang:\n\(help.out)")
        }
        let dir = temporaryDirectory()
        try "---\nmodel: toy\n---\n```embedlab\nnear 猫\n```\n".write(toFile: dir + "/nb.md", atomically: true, encoding: .utf8)
        let en = try Binary.run(["run", dir + "/nb.md"]), zh = try Binary.run(["run", dir + "/nb.md", "--lang", "zh"])
        XCTAssertEqual(en.status, 0)
        XCTAssertEqual(zh.status, 0)
        XCTAssertNotEqual(en.out, zh.out, "run --lang zh labels its output in 中文")
        let lint = try Binary.run(["lesson", "lint", "lessons/01-library.md", "--lang", "zh"])
        XCTAssertTrue(lint.out.contains("个练习"), lint.out)
        XCTAssertEqual(try Binary.run(["--version"]).out.split(separator: "\n").count, 1)
    }
}

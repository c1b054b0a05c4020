import Foundation
import XCTest

/// The executable's subcommands hand their work to the workbench: the same command, the same
/// checks, the same JSON as at the prompt.
final class CommandLineTests: XCTestCase {
    func testEvalAndQueryEvalPrintTheSameJSON() throws {
        // A small model of the small world, so that its 324 questions are all asked, quickly.
        let model = NSTemporaryDirectory() + "embedlab-eval-\(UUID().uuidString).embv"
        defer { try? FileManager.default.removeItem(atPath: model) }
        XCTAssertEqual(try Binary.run(["train", "small-world", model, "--dim", "8", "--epochs", "5"]).status, 0)
        let eval = try Binary.run(["eval", model, "small-world", "--restrict", "300", "--json"])
        let query = try Binary.run(["query", model, "eval small-world restrict=300", "--json"])
        XCTAssertEqual(eval.status, 0, eval.err)
        XCTAssertEqual(eval.out, query.out)
        XCTAssertTrue(eval.out.contains(#""kind":"analogies""#), eval.out)
    }

    func testErrorsUnderJSONAreJSONOnStandardOutput() throws {
        for arguments in [["query", "toy", "sim 猫 狗x", "--json"], ["eval", "toy", "/no/such/questions.txt", "--json"],
                          ["query", "nosuchmodel", "猫", "--json"], ["train", "small-world", "/tmp/x.embv", "--dim", "0", "--json"]] {
            let r = try Binary.run(arguments)
            XCTAssertNotEqual(r.status, 0, arguments.joined(separator: " "))
            XCTAssertEqual(r.err, "", arguments.joined(separator: " "))
            let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
            XCTAssertEqual(object?["type"] as? String, "error", r.out)
            XCTAssertFalse((object?["message"] as? String ?? "").isEmpty, r.out)
        }
        let typo = try Binary.run(["query", "toy", "sim 猫 狗x", "--json"])
        XCTAssertTrue(typo.out.contains(#""start":6"#) && typo.out.contains(#""end":8"#), typo.out)
    }

    func testCommandLineOptionsAreCheckedByTheTableWithTheSameWording() throws {
        let dim = try Binary.run(["train", "small-world", NSTemporaryDirectory() + "never.embv", "--dim", "0"])
        XCTAssertEqual(dim.status, 64, "a bad option is a usage error")
        XCTAssertEqual(dim.err.split(separator: "\n").first.map(String.init), "error: dim must be a whole number from 1 to 1000, not '0' — dim=50")
        let k = try Binary.run(["query", "toy", "-k", "0", "猫"])
        XCTAssertEqual(k.status, 64)
        XCTAssertTrue(k.err.hasPrefix("error: k must be a whole number from 1 to 1000, not '0'"), k.err)
        let limit = try Binary.run(["convert", "vectors/toy.embv", NSTemporaryDirectory() + "never.embv", "--limit=-1"])
        XCTAssertEqual(limit.status, 64)
        XCTAssertTrue(limit.err.hasPrefix("error: limit must be a whole number ≥ 1, not '-1'"), limit.err)
        let auto = try Binary.run(["demo", "lessons/FORMAT.md", "--auto=-3"])
        XCTAssertEqual(auto.status, 64)
        XCTAssertTrue(auto.err.hasPrefix("error: auto must be a number from 0 to 3600, not '-3'"), auto.err)
    }

    func testTrainWritesAModelThatQueryReads() throws {
        let out = NSTemporaryDirectory() + "embedlab-cli-\(UUID().uuidString).embv"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let train = try Binary.run(["train", "small-world", out, "--dim", "8", "--epochs", "3", "--seed", "7"])
        XCTAssertEqual(train.status, 0, train.err)
        XCTAssertTrue(train.out.contains("iter: 003"), train.out)
        XCTAssertTrue(train.out.contains("written to \(out)"), train.out)
        let query = try Binary.run(["query", out, "dims", "--json"])
        XCTAssertTrue(query.out.contains("316 words × 8 dimensions"), query.out)
    }

    func testWord2VecOnTheCommandLineReportsItsLossPerEpoch() throws {
        let out = NSTemporaryDirectory() + "embedlab-cli-\(UUID().uuidString).embv"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let train = try Binary.run(["train", "small-world", out, "--method", "word2vec", "--dim", "8", "--epochs", "2", "--seed", "7"])
        XCTAssertEqual(train.status, 0, train.err)
        XCTAssertTrue(train.out.contains("epoch: 002, loss: "), train.out)
        XCTAssertFalse(train.out.contains("cost:"), train.out)
    }

    func testLangSwitchesMessagesAndLabels() throws {
        let r = try Binary.run(["query", "toy", "sim 猫 狗 汽车", "--lang", "zh"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("sim 需要 2 个词或表达式，实际给了 3 个"), r.err)
        let zh = try Binary.run(["query", "toy", "dims"], environment: ["LANG": "zh_CN.UTF-8"])
        XCTAssertTrue(zh.out.contains("toy：31 个词 × 3 维"), zh.out)
    }
}

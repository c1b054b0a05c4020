import XCTest
import Foundation

/// What the command line's subcommands print under `--json` (models, convert, check, embed),
/// validated against the schema like every value: typed JSON, not display strings.
final class CommandLineSchemaTests: XCTestCase {
    func embedlab(_ arguments: [String]) throws -> (status: Int32, out: String) {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("embedlab").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: beside) ? beside : Models.root.appendingPathComponent(".build/debug/embedlab").path)
        p.arguments = arguments
        p.currentDirectoryURL = Models.root
        p.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "XDG_STATE_HOME": NSTemporaryDirectory() + "embedlab-schema-\(getpid())"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func validate(_ json: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let validator = try JSONSchemaValidator(contentsOf: SchemaTests.schemaURL)
        let errors = validator.errors(try JSONValue.parse(json))
        XCTAssertTrue(errors.isEmpty, errors.joined(separator: "\n") + "\n" + json, file: file, line: line)
    }

    func testModelsConvertCheckAndEmbedPrintTypedJSON() throws {
        let models = try embedlab(["models", "--json"])
        XCTAssertEqual(models.status, 0)
        try validate(models.out)
        let rows = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(models.out.utf8)) as? [String: Any])?["models"] as? [[String: Any]])
        let glove = try XCTUnwrap(rows.first { $0["name"] as? String == "glove-50d" })
        XCTAssertEqual(glove["in_use"] as? Bool, true)
        XCTAssertEqual(glove["words"] as? Int, 30000)
        XCTAssertGreaterThan(glove["size"] as? Int ?? 0, 6_000_000, "the size in bytes, not \"6.6 MB\"")
        XCTAssertEqual(rows.first { $0["name"] as? String == "minilm" }?["kind"] as? String, "encoder")

        let dir = NSTemporaryDirectory() + "embedlab-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let converted = try embedlab(["convert", "vectors/toy.embv", dir + "/toy.txt", "--to", "word2vec", "--json"])
        XCTAssertEqual(converted.status, 0)
        try validate(converted.out)
        XCTAssertTrue(converted.out.contains("\"words\":31"), converted.out)

        try "---\nmodel: toy\n---\n```embedlab\n> sim 猫 狗\ncos(猫, 狗) = 1.0000\n> near 猫\n```\n".write(toFile: dir + "/nb.md", atomically: true, encoding: .utf8)
        let check = try embedlab(["check", dir + "/nb.md", "--json"])
        XCTAssertEqual(check.status, 1, "one output differs")
        try validate(check.out)

        let embed = try embedlab(["embed", "minilm", "a cat", "--json"])
        XCTAssertEqual(embed.status, 0)
        try validate(embed.out.trimmingCharacters(in: .newlines))

        // And the version, from one place.
        let version = try embedlab(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.out.hasPrefix("embedlab 0."), version.out)
    }
}

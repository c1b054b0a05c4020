import XCTest
@testable import Workbench
import Rendering

/// `--json` output of every kind of value, validated against `schema/embedlab-output.schema.json`.
final class SchemaTests: XCTestCase {
    static let schemaURL = Models.root.appendingPathComponent("schema/embedlab-output.schema.json")

    func validate(_ json: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let validator = try JSONSchemaValidator(contentsOf: Self.schemaURL)
        let errors = validator.errors(try JSONValue.parse(json))
        XCTAssertTrue(errors.isEmpty, errors.joined(separator: "\n") + "\n" + json, file: file, line: line)
    }

    func testEveryKindOfValueMatchesTheSchema() throws {
        let s = try Models.session("toy")
        var seen = Set<String>()
        // One line per kind of value, and the tables' richer forms (tokens, BPE merges, training, evaluation, sweep, pictures).
        for line in ["猫", "sim 猫 狗", "near 3 猫", "odd 猫 狗 汽车", "vocab 猫", "plot 猫 狗 汽车 飞机", ":set k 5", "# nothing",
                     "index build m=4 ef=20", "index sweep queries=5 max-ef=20",
                     #"tokens "从Token到向量""#, #"bpe train "aaabdaaabac" vocab 259"#, #"cooccur "the cat sat on the mat""#,
                     "train glove corpus=small-world dim=4 epochs=2", "eval small-world", "king - man + woman", ":models",
                     #"search pictures "a red circle" 2"#, "pictures 1 2"] {
            let value = try s.evaluate(line).value
            seen.insert(value.kind.rawValue)
            if case .table(let t) = value, let detail = t.detail { seen.insert("\(detail)".prefix { $0 != "(" }.description) }
            try validate(JSONRenderer.render(value))
        }
        XCTAssertEqual(seen, Set(Value.Kind.allCases.map(\.rawValue)).union(["tokens", "training", "evaluation", "sweep", "pictures"]))
    }

    func testWordPairEvaluationAndErrorsMatchTheSchema() throws {
        let s = try Models.session("toy")
        let pairs = NSTemporaryDirectory() + "embedlab-pairs-\(UUID().uuidString).tsv"
        try "# word1\tword2\tscore\n猫\t狗\t9\n猫\t汽车\t1\n汽车\t飞机\t8\n".write(toFile: pairs, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: pairs) }
        try validate(JSONRenderer.render(try s.evaluate("eval \(pairs)").value))
        do {
            _ = try s.evaluate("sim 猫 狗x")
            XCTFail("sim 猫 狗x has a word the toy model does not know")
        } catch {
            try validate(JSONRenderer.error(error, input: "sim 猫 狗x"))
        }
        try validate(JSONRenderer.error(CocoaError(.fileNoSuchFile), input: ""))
    }

    func testTheValidatorRefusesWhatTheSchemaForbids() throws {
        let validator = try JSONSchemaValidator(contentsOf: Self.schemaURL)
        for bad in [#"{"type":"vector","label":"x"}"#, #"{"type":"scalar","label":"x","value":"1","kind":"cosine"}"#,
                    #"{"type":"text","text":"x","extra":1}"#, #"{"type":"neighbours","query":"q","method":"euclid","excluded":[],"items":[]}"#,
                    #"{"type":"unknown"}"#, #"{"type":"table","title":"t","headers":[],"rows":[[1]],"numeric":[]}"#] {
            XCTAssertFalse(validator.errors(try JSONValue.parse(bad)).isEmpty, bad)
        }
    }

    func testFloat32NumbersAreWrittenAsTheirShortestDecimal() throws {
        let s = try Models.session("toy")
        let json = JSONRenderer.render(try s.evaluate("[0.3, 0.8, -0.2]").value)
        XCTAssertTrue(json.contains(#""values":[0.3,0.8,-0.2]"#), json)
        let cosine = JSONRenderer.render(try s.evaluate("sim 猫 狗").value)
        XCTAssertTrue(cosine.contains(#""value":0.98193043"#), cosine)
        XCTAssertFalse(cosine.contains("0.98193043"+"2"), "no digits beyond the float32's")
    }

    func testValuesReadBackFromTheirJSON() throws {
        let s = try Models.session("toy")
        for line in ["猫", "sim 猫 狗", "near 3 猫", #"tokens "北京""#, "plot 猫 狗 汽车", ":set k 4", "eval small-world"] {
            let value = try s.evaluate(line).value
            let decoded = try JSONDecoder().decode(Value.self, from: Data(JSONRenderer.render(value).utf8))
            XCTAssertEqual(JSONRenderer.render(decoded), JSONRenderer.render(value), line)
        }
    }
}

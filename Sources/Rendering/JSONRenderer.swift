import Foundation
import Workbench

/// Values as JSON, for scripts and instructors' tools (`--json`): the one encoder of the program,
/// keys sorted, slashes unescaped, float32 numbers as their shortest round-trip decimal. The shape
/// is the `Codable` form of `Value` (type in `"type"`), described by
/// `schema/embedlab-output.schema.json` and checked against it by the tests.
///
/// ```swift
/// JSONRenderer.render(try session.evaluate("sim 猫 狗").value)
/// // {"kind":"cosine","label":"cos(猫, 狗)","type":"scalar","value":0.98193}
/// ```
public enum JSONRenderer {
    /// The encoder every JSON output goes through (reports, grade books and the progress file
    /// ask for it `pretty`: indented, one key a line).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return e
    }

    /// Any encodable report (a value, an error, a notebook's cells) as one line of JSON.
    public static func string<T: Encodable>(_ report: T) -> String {
        do {
            return String(decoding: try encoder().encode(report), as: UTF8.self)
        } catch {
            // Only a value the encoder cannot represent gets here; say so as JSON too.
            return string(ErrorReport(message: "cannot write this result as JSON: \(error)", input: ""))
        }
    }

    public static func render(_ value: Value) -> String { string(value) }

    public static func error(_ error: Error, input: String) -> String { string(ErrorReport(error, input: input)) }
}

/// An error under `--json`: what was typed, what went wrong, what to type instead, and where.
///
///     {"type":"error","input":"sim cat dgo","message":"'dgo' is not in …","hint":"did you mean 'dog'?","start":8,"end":11}
public struct ErrorReport: Codable, Equatable, Sendable {
    public var type = "error"
    public var input: String
    public var message: String
    public var hint: String?
    public var start: Int?
    public var end: Int?

    public init(message: String, input: String, hint: String? = nil, span: Span? = nil) {
        self.input = input; self.message = message; self.hint = hint; self.start = span?.start; self.end = span?.end
    }

    public init(_ error: Error, input: String) {
        if let e = error as? WorkbenchError {
            self.init(message: e.message, input: input, hint: e.hint, span: e.span)
        } else {
            self.init(message: String(describing: error), input: input)
        }
    }
}

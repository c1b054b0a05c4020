import Embeddings

/// What the learner can change with `:set`.
public struct Settings: Equatable, Sendable {
    /// How many neighbours to show (`:set k 5`).
    public var k = 10
    /// Leave the input words out of an expression's neighbours (`:set exclude off` to see why we do).
    public var excludeInputs = true
    /// How analogies are scored (`:set method 3cosmul`).
    public var method: AnalogyMethod = .cosAdd
    /// Search only the most frequent N words (`:set restrict 10000`; `:set restrict off`).
    public var restrictTo: Int?

    public init() {}

    /// Applies `:set NAME VALUE`; returns a confirmation or throws with the accepted values.
    public mutating func apply(_ name: String, _ value: String) throws -> String {
        func onOff() throws -> Bool {
            switch value.lowercased() {
            case "on", "true", "yes", "1": return true
            case "off", "false", "no", "0": return false
            default: throw WorkbenchError("\(name) is on or off, not '\(value)'", hint: ":set \(name) off")
            }
        }
        switch name.lowercased() {
        case "k":
            guard let n = Int(value), n >= 1, n <= 1000 else { throw WorkbenchError("k is a whole number from 1 to 1000, not '\(value)'", hint: ":set k 5") }
            k = n
            return "k = \(n): queries show the \(n) nearest words"
        case "exclude":
            excludeInputs = try onOff()
            return excludeInputs ? "exclude = on: input words are left out of answers" : "exclude = off: input words may appear in answers (often b or c itself wins)"
        case "method":
            guard let m = AnalogyMethod(rawValue: value.lowercased()) else {
                throw WorkbenchError("method is 3cosadd or 3cosmul, not '\(value)'", hint: ":set method 3cosmul")
            }
            method = m
            return "method = \(m.rawValue)"
        case "restrict":
            if value.lowercased() == "off" { restrictTo = nil; return "restrict = off: all words are searched" }
            guard let n = Int(value), n >= 1 else { throw WorkbenchError("restrict is a number of words or off, not '\(value)'", hint: ":set restrict 10000") }
            restrictTo = n
            return "restrict = \(n): only the \(n) most frequent words are searched"
        default:
            throw WorkbenchError("there is no setting '\(name)'", hint: "settings are k, exclude, method, restrict; e.g. :set k 5")
        }
    }

    public var summary: [(String, String)] {
        [("k", "\(k)"), ("exclude", excludeInputs ? "on" : "off"), ("method", method.rawValue), ("restrict", restrictTo.map(String.init) ?? "off")]
    }
}

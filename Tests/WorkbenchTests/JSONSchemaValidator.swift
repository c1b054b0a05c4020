import Foundation

/// A JSON document as read, keeping booleans apart from numbers.
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    var object: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    var string: String? { if case .string(let s) = self { return s }; return nil }
    var number: Double? { if case .number(let n) = self { return n }; return nil }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
}

/// A JSON Schema validator for the keywords `schema/embedlab-output.schema.json` uses (draft
/// 2020-12): `type`, `const`, `enum`, `properties`, `required`, `additionalProperties: false`,
/// `items`, `minimum`, `maximum`, `oneOf` and `$ref` to `#/$defs/…`. An unknown keyword is an
/// error, so the schema cannot use one that nobody checks.
struct JSONSchemaValidator {
    let root: [String: JSONValue]
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let keywords: Set<String> = ["type", "const", "enum", "properties", "required", "additionalProperties", "items",
                                        "minimum", "maximum", "oneOf", "$ref"]

    init(contentsOf url: URL) throws {
        guard let object = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url)).object else {
            throw NSError(domain: "schema", code: 1, userInfo: [NSLocalizedDescriptionKey: "the schema is not an object"])
        }
        root = object
    }

    /// The reasons `instance` does not match, empty when it does.
    func errors(_ instance: JSONValue) -> [String] { errors(instance, root, path: "$") }

    private func errors(_ x: JSONValue, _ schema: [String: JSONValue], path: String) -> [String] {
        var out: [String] = []
        for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            out.append("\(path): the schema uses '\(key)', which this validator does not check")
        }
        if let ref = schema["$ref"]?.string {
            guard ref.hasPrefix("#/$defs/"), let target = root["$defs"]?.object?[String(ref.dropFirst(8))]?.object else {
                return out + ["\(path): unknown $ref \(ref)"]
            }
            out += errors(x, target, path: path)
        }
        if let type = schema["type"]?.string, !Self.has(type, x) { out.append("\(path): expected \(type), found \(x)") }
        if let c = schema["const"], !Self.same(c, x) { out.append("\(path): expected \(c)") }
        if let e = schema["enum"]?.array, !e.contains(where: { Self.same($0, x) }) { out.append("\(path): \(x) is not one of \(e)") }
        if let n = x.number {
            if let min = schema["minimum"]?.number, n < min { out.append("\(path): \(n) < \(min)") }
            if let max = schema["maximum"]?.number, n > max { out.append("\(path): \(n) > \(max)") }
        }
        if let object = x.object {
            let properties = schema["properties"]?.object ?? [:]
            for key in schema["required"]?.array?.compactMap(\.string) ?? [] where object[key] == nil { out.append("\(path): '\(key)' is missing") }
            for (key, value) in object {
                if let p = properties[key]?.object {
                    out += errors(value, p, path: path + "." + key)
                } else if schema["additionalProperties"]?.bool == false {
                    out.append("\(path): '\(key)' is not allowed")
                }
            }
        }
        if let array = x.array, let items = schema["items"]?.object {
            for (i, item) in array.enumerated() { out += errors(item, items, path: "\(path)[\(i)]") }
        }
        if let options = schema["oneOf"]?.array?.compactMap(\.object) {
            let results = options.map { errors(x, $0, path: path) }
            let matching = results.filter(\.isEmpty).count
            if matching != 1 {
                let why = results.min { $0.count < $1.count } ?? []
                out.append("\(path): matches \(matching) of oneOf's \(options.count) schemas" + (why.isEmpty ? "" : "; nearest: " + why.joined(separator: "; ")))
            }
        }
        return out
    }

    static func has(_ type: String, _ x: JSONValue) -> Bool {
        switch (type, x) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number), ("null", .null): return true
        case ("integer", .number(let n)): return n == n.rounded()
        default: return false
        }
    }

    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }
}

import Foundation
import Workbench

/// Values as JSON, for scripts and instructors' tools (`--json`): stable keys, sorted.
public enum JSONRenderer {
    public static func object(_ value: Value) -> [String: Any] {
        switch value {
        case .none: return ["type": "none"]
        case .text(let t): return ["type": "text", "text": t]
        case .scalar(let s): return ["type": "scalar", "label": s.label, "value": s.value, "kind": s.kind.rawValue]
        case .vector(let v):
            var o: [String: Any] = ["type": "vector", "label": v.label, "values": v.values.map(Double.init)]
            if let names = v.dimensionNames { o["dimensions"] = names }
            return o
        case .neighbours(let n):
            return ["type": "neighbours", "query": n.query, "method": n.method.rawValue, "excluded": n.excluded,
                    "items": n.items.map { ["word": $0.word, "score": Double($0.score), "index": $0.index] as [String: Any] }]
        case .table(let t) where t.detail != nil: return detailed(t)
        case .table(let t):
            return ["type": "table", "title": t.title ?? "", "headers": t.headers, "rows": t.rows]
        case .scatter(let p):
            return ["type": "scatter", "title": p.title, "x": p.xLabel, "y": p.yLabel,
                    "points": p.points.map { ["label": $0.label, "x": $0.x, "y": $0.y] as [String: Any] }]
        }
    }

    public static func string(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public static func render(_ value: Value) -> String { string(object(value)) }

    public static func error(_ error: Error, input: String) -> String {
        var o: [String: Any] = ["type": "error", "input": input, "message": String(describing: error)]
        if let e = error as? WorkbenchError, let span = e.span { o["start"] = span.start; o["end"] = span.end }
        return string(o)
    }
}

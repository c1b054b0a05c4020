import Foundation
import Workbench

extension ValueRenderer {
    /// A table with a richer form (`Table.detail`): token views side by side, or a training run
    /// with the sparkline of its cost.
    static func detailed(_ table: Table, style: Style) -> String {
        switch table.detail {
        case .tokens(let b): return TokensRenderer.render(b, title: table.title, style: style)
        case .training(let s): return TrainingRenderer.render(s, title: table.title, style: style)
        case .evaluation, nil: return TableRenderer.render(table, style: style)
        }
    }
}

extension JSONRenderer {
    /// A table with its richer form: the rows as for any table, plus "tokens" or "training".
    static func detailed(_ t: Table) -> [String: Any] {
        var o: [String: Any] = ["type": "table", "title": t.title ?? "", "headers": t.headers, "rows": t.rows]
        switch t.detail {
        case .tokens(let b):
            o["tokens"] = [
                "text": b.text, "bytes": b.byteCount,
                "views": b.views.map { view in
                    ["name": view.name, "tokens": view.pieces.map { p -> [String: Any] in
                        var piece: [String: Any] = ["text": p.text, "hex": p.hex, "start": p.byteRange.lowerBound, "end": p.byteRange.upperBound]
                        if let id = p.id { piece["id"] = id }
                        return piece
                    }] as [String: Any]
                },
                "merges": b.merges.map { ["left": $0.left, "right": $0.right, "token": $0.token, "id": $0.id, "count": $0.count] as [String: Any] },
            ] as [String: Any]
        case .training(let s):
            o["training"] = [
                "corpus": s.corpus, "model": s.modelName ?? NSNull(), "words": s.words, "dimensions": s.dimensions,
                "tokens": s.tokens, "records": s.records, "epochs": s.epochs, "costs": s.epochCosts, "seconds": s.seconds,
                "cancelled": s.cancelled, "settings": Dictionary(uniqueKeysWithValues: s.settings.map { ($0.name, $0.value) }),
            ] as [String: Any]
        case .evaluation(let e):
            if let data = try? JSONEncoder().encode(e), let object = try? JSONSerialization.jsonObject(with: data) { o["evaluation"] = object }
        case nil: break
        }
        return o
    }
}

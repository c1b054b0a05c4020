import Embeddings

/// Values as JSON (`--json`, `embedlab run --json`): one object per value, its kind in `"type"`,
/// the same shape the schema in `schema/embedlab-output.schema.json` describes. Numbers computed
/// in float32 are written as the shortest decimal that reads back as the same float32 (`0.3`,
/// not `0.30000001192092896`).
///
/// ```json
/// {"type":"scalar","label":"cos(猫, 狗)","value":0.98193,"kind":"cosine"}
/// ```
extension Value: Codable {
    /// What kind of value it is: the `"type"` of its JSON.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case vector, scalar, neighbours, table, scatter, text, none
    }

    public var kind: Kind {
        switch self {
        case .vector: return .vector
        case .scalar: return .scalar
        case .neighbours: return .neighbours
        case .table: return .table
        case .scatter: return .scatter
        case .text: return .text
        case .none: return .none
        }
    }

    private enum TypeKey: String, CodingKey { case type }
    private enum TextKey: String, CodingKey { case text }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: TypeKey.self)
        try c.encode(kind, forKey: .type)
        switch self {
        case .vector(let v): try v.encode(to: encoder)
        case .scalar(let s): try s.encode(to: encoder)
        case .neighbours(let n): try n.encode(to: encoder)
        case .table(let t): try t.encode(to: encoder)
        case .scatter(let p): try p.encode(to: encoder)
        case .text(let t):
            var text = encoder.container(keyedBy: TextKey.self)
            try text.encode(t, forKey: .text)
        case .none: break
        }
    }

    public init(from decoder: Decoder) throws {
        switch try decoder.container(keyedBy: TypeKey.self).decode(Kind.self, forKey: .type) {
        case .vector: self = .vector(try VectorValue(from: decoder))
        case .scalar: self = .scalar(try ScalarValue(from: decoder))
        case .neighbours: self = .neighbours(try NeighbourList(from: decoder))
        case .table: self = .table(try Table(from: decoder))
        case .scatter: self = .scatter(try ScatterPlot(from: decoder))
        case .text: self = .text(try decoder.container(keyedBy: TextKey.self).decode(String.self, forKey: .text))
        case .none: self = .none
        }
    }
}

/// A number that was computed in float32 is written as that float32 (shortest round trip);
/// any other double as itself.
struct ShortestNumber: Codable, Equatable {
    var value: Double
    init(_ value: Double) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        let f = Float(value)
        if value.isFinite, Double(f) == value { try c.encode(f) } else { try c.encode(value) }
    }

    init(from decoder: Decoder) throws { value = try decoder.singleValueContainer().decode(Double.self) }
}

extension VectorValue: Codable {
    private enum CodingKeys: String, CodingKey { case values, label, sources, dimensions }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(values, forKey: .values)
        try c.encode(label, forKey: .label)
        try c.encode(sources, forKey: .sources)
        try c.encodeIfPresent(dimensionNames, forKey: .dimensions)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(values: try c.decode([Float].self, forKey: .values), label: try c.decode(String.self, forKey: .label),
                  sources: try c.decodeIfPresent([String].self, forKey: .sources) ?? [],
                  dimensionNames: try c.decodeIfPresent([String].self, forKey: .dimensions))
    }
}

extension ScalarValue: Codable {
    private enum CodingKeys: String, CodingKey { case value, label, kind }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ShortestNumber(value), forKey: .value)
        try c.encode(label, forKey: .label)
        try c.encode(kind, forKey: .kind)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(value: try c.decode(Double.self, forKey: .value), label: try c.decode(String.self, forKey: .label),
                  kind: try c.decode(Kind.self, forKey: .kind))
    }
}

extension ScalarValue.Kind: Codable {}
extension NeighbourList.Method: Codable {}

extension NeighbourList: Codable {
    private enum CodingKeys: String, CodingKey { case query, items, excluded, method }
    /// One neighbour: the word, its score (float32), its row in the model.
    private struct Item: Codable {
        var word: String
        var score: Float
        var index: Int
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(items.map { Item(word: $0.word, score: $0.score, index: $0.index) }, forKey: .items)
        try c.encode(excluded, forKey: .excluded)
        try c.encode(method, forKey: .method)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(query: try c.decode(String.self, forKey: .query),
                  items: try c.decode([Item].self, forKey: .items).map { Neighbour(word: $0.word, index: $0.index, score: $0.score) },
                  excluded: try c.decode([String].self, forKey: .excluded), method: try c.decode(Method.self, forKey: .method))
    }
}

extension Table: Codable {
    private enum CodingKeys: String, CodingKey { case title, headers, rows, numeric, tokens, training, evaluation, pictures, sweep }

    /// The rows, and the richer form under its own key: `tokens`, `training`, `evaluation`, `pictures` or `sweep`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title ?? "", forKey: .title)
        try c.encode(headers, forKey: .headers)
        try c.encode(rows, forKey: .rows)
        try c.encode(numericColumns.sorted(), forKey: .numeric)
        switch detail {
        case .tokens(let b): try c.encode(b, forKey: .tokens)
        case .training(let s): try c.encode(s, forKey: .training)
        case .evaluation(let e): try c.encode(e, forKey: .evaluation)
        case .pictures(let b): try c.encode(b, forKey: .pictures)
        case .sweep(let w): try c.encode(w, forKey: .sweep)
        case nil: break
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var detail: TableDetail?
        if let b = try c.decodeIfPresent(TokenBreakdown.self, forKey: .tokens) { detail = .tokens(b) }
        if let s = try c.decodeIfPresent(TrainingSummary.self, forKey: .training) { detail = .training(s) }
        if let e = try c.decodeIfPresent(EvaluationSummary.self, forKey: .evaluation) { detail = .evaluation(e) }
        if let b = try c.decodeIfPresent(PictureBoard.self, forKey: .pictures) { detail = .pictures(b) }
        if let w = try c.decodeIfPresent(RecallSweep.self, forKey: .sweep) { detail = .sweep(w) }
        let title = try c.decode(String.self, forKey: .title)
        self.init(title: title.isEmpty ? nil : title, headers: try c.decode([String].self, forKey: .headers),
                  rows: try c.decode([[String]].self, forKey: .rows), numericColumns: Set(try c.decodeIfPresent([Int].self, forKey: .numeric) ?? []),
                  detail: detail)
    }
}

extension ScatterPlot: Codable {
    private enum CodingKeys: String, CodingKey { case title, points, x, y }
    private struct Item: Codable {
        var label: String
        var x: ShortestNumber
        var y: ShortestNumber
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(points.map { Item(label: $0.label, x: ShortestNumber($0.x), y: ShortestNumber($0.y)) }, forKey: .points)
        try c.encode(xLabel, forKey: .x)
        try c.encode(yLabel, forKey: .y)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(title: try c.decode(String.self, forKey: .title),
                  points: try c.decode([Item].self, forKey: .points).map { Point(label: $0.label, x: $0.x.value, y: $0.y.value) },
                  xLabel: try c.decode(String.self, forKey: .x), yLabel: try c.decode(String.self, forKey: .y))
    }
}

extension TokenBreakdown: Codable {
    private enum CodingKeys: String, CodingKey { case text, bytes, views, merges, note }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(byteCount, forKey: .bytes)
        try c.encode(views, forKey: .views)
        try c.encode(merges, forKey: .merges)
        try c.encodeIfPresent(note, forKey: .note)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try c.decode(String.self, forKey: .text), views: try c.decode([View].self, forKey: .views),
                  merges: try c.decode([Merge].self, forKey: .merges), note: try c.decodeIfPresent(String.self, forKey: .note))
    }
}

extension TokenBreakdown.View: Codable {
    private enum CodingKeys: String, CodingKey { case name, tokens }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(pieces, forKey: .tokens)
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), pieces: try c.decode([TokenBreakdown.Piece].self, forKey: .tokens))
    }
}

extension TokenBreakdown.Piece: Codable {
    private enum CodingKeys: String, CodingKey { case text, hex, id, start, end }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(hex, forKey: .hex)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(byteRange.lowerBound, forKey: .start)
        try c.encode(byteRange.upperBound, forKey: .end)
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let start = try c.decode(Int.self, forKey: .start), end = try c.decode(Int.self, forKey: .end)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: "a token ends before it starts")
        }
        self.init(text: try c.decode(String.self, forKey: .text), hex: try c.decode(String.self, forKey: .hex),
                  id: try c.decodeIfPresent(Int.self, forKey: .id), byteRange: start..<end)
    }
}


extension TrainingSummary: Codable {
    private enum CodingKeys: String, CodingKey {
        case method, corpus, model, words, dimensions, tokens, records, epochs, costs, seconds, cancelled, settings, saved, suggestions
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(corpus, forKey: .corpus)
        try c.encodeIfPresent(modelName, forKey: .model)
        try c.encode(words, forKey: .words)
        try c.encode(dimensions, forKey: .dimensions)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(records, forKey: .records)
        try c.encode(epochs, forKey: .epochs)
        try c.encode(epochCosts.map(ShortestNumber.init), forKey: .costs)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(cancelled, forKey: .cancelled)
        try c.encode(settings, forKey: .settings)
        try c.encodeIfPresent(savedTo, forKey: .saved)
        try c.encode(suggestions, forKey: .suggestions)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(method: try c.decodeIfPresent(Method.self, forKey: .method) ?? .glove,
                  corpus: try c.decode(String.self, forKey: .corpus), modelName: try c.decodeIfPresent(String.self, forKey: .model),
                  words: try c.decode(Int.self, forKey: .words), dimensions: try c.decode(Int.self, forKey: .dimensions),
                  tokens: try c.decode(Int.self, forKey: .tokens), records: try c.decode(Int.self, forKey: .records),
                  epochs: try c.decode(Int.self, forKey: .epochs), epochCosts: try c.decode([Double].self, forKey: .costs),
                  seconds: try c.decode(Double.self, forKey: .seconds), cancelled: try c.decode(Bool.self, forKey: .cancelled),
                  settings: try c.decode([Setting].self, forKey: .settings), savedTo: try c.decodeIfPresent(String.self, forKey: .saved),
                  suggestions: try c.decode([String].self, forKey: .suggestions))
    }
}


extension RecallSweep: Codable {
    private enum CodingKeys: String, CodingKey { case model, queries, k, exact, points }
    private struct Item: Codable {
        var ef: Int
        var recall: ShortestNumber
        var qps: ShortestNumber
    }

    /// `{"model", "queries", "k", "exact": queries per second, "points": [{"ef", "recall", "qps"}]}`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(queries, forKey: .queries)
        try c.encode(k, forKey: .k)
        try c.encode(ShortestNumber(exactQueriesPerSecond), forKey: .exact)
        try c.encode(points.map { Item(ef: $0.ef, recall: ShortestNumber($0.recall), qps: ShortestNumber($0.queriesPerSecond)) }, forKey: .points)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(model: try c.decode(String.self, forKey: .model), queries: try c.decode(Int.self, forKey: .queries), k: try c.decode(Int.self, forKey: .k),
                  exactQueriesPerSecond: try c.decode(ShortestNumber.self, forKey: .exact).value,
                  points: try c.decode([Item].self, forKey: .points).map { Point(ef: $0.ef, recall: $0.recall.value, queriesPerSecond: $0.qps.value) })
    }
}

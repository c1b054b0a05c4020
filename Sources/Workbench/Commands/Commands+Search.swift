import Foundation
import Embeddings
import Encoders
import FileAccess
import Index
import Search
import Tokenizers
import VectorMath

/// What embeddings are for, at the prompt:
///
///     search faq-en "I forgot my password" 3     semantic search over a collection
///     recommend items-en "guitar"                the items most like one item
///     classify polarity-en "wonderful"           a class by nearest centroid and by k-NN
///     classify reviews-zh                        accuracy and confusion on the held-out split
///     :load collection my-notes.txt              a collection of one's own
///     index build m=16 ef=200                    an HNSW index over the model in use
///     index compare                              recall@k and time, approximate vs exact
extension CommandSpec {
    static let search = CommandSpec(
        "search", arguments: .text(.text, keyword: nil, required: true),
        topic: .neighbours,
        summary: Localized(en: "semantic search: the documents of a collection nearest to a query sentence",
                           zh: "语义搜索：集合中与查询句最接近的文档"),
        examples: [#"search faq-en "I forgot my password""#, #"search faq-en "can I get a refund" 3"#],
        usage: Localized(en: #"search COLLECTION "query" [k]"#, zh: #"search 集合 "查询句" [k]"#),
        evaluate: { try $0.searchCollection() })

    static let recommend = CommandSpec(
        "recommend", arguments: .text(.text, keyword: nil, required: true),
        topic: .neighbours,
        summary: Localized(en: "the items of a collection most like one item (by number or by a word in it)",
                           zh: "集合中与某一项最相似的项（按编号或其中的词）"),
        examples: [#"recommend items-en "guitar""#, "recommend items-en 3"],
        usage: Localized(en: "recommend COLLECTION ITEM [k]", zh: "recommend 集合 项 [k]"),
        evaluate: { try $0.recommendItems() })

    static let classify = CommandSpec(
        "classify", arguments: .text(.text, keyword: nil, required: true),
        topic: .neighbours,
        summary: Localized(en: "a text's class in a labelled collection (nearest centroid, k-NN); alone: accuracy on held-out documents",
                           zh: "文本在带标签集合中的类别（最近质心、k 近邻）；只给集合：留出文档上的准确率"),
        examples: [#"classify polarity-en "wonderful""#, "classify polarity-en"],
        usage: Localized(en: #"classify COLLECTION ["text"]"#, zh: #"classify 集合 ["文本"]"#),
        evaluate: { try $0.classifyText() })

    static let index = CommandSpec(
        "index", arguments: .options(keywords: ["build", "compare"]),
        options: [OptionSpec("m", .integer(HNSWParameters.mRange), default: .integer(16),
                             help: Localized(en: "links per point in the HNSW graph", zh: "HNSW 图中每个点的连接数"), example: "index build m=16"),
                  OptionSpec("ef", .integer(1...2000), default: .integer(200),
                             help: Localized(en: "candidates kept while building (efConstruction)", zh: "构建时保留的候选数（efConstruction）"),
                             example: "index build ef=200"),
                  OptionSpec("queries", .integer(1...2000), default: .integer(200),
                             help: Localized(en: "how many words to query when comparing", zh: "比较时查询多少个词"), example: "index compare queries=200")],
        topic: .neighbours,
        summary: Localized(en: "index build: an HNSW graph over the model for fast approximate neighbours; index compare: recall@k and time vs exact",
                           zh: "index build：为模型建 HNSW 图以快速近似查找；index compare：与精确查找比较召回率和时间"),
        examples: ["index build", "index build m=16 ef=200", "index compare"],
        usage: Localized(en: "index build [m=16] [ef=200] | index compare [queries=200]",
                         zh: "index build [m=16] [ef=200] | index compare [queries=200]"),
        keywordEffects: ["build": .buildsIndex],
        evaluate: { try $0.indexCommand() })
}

extension Invocation {
    // MARK: collections

    /// The first word of the text (the collection), then the query or item, quoted or not, then
    /// an optional count: `faq-en "how do I pay" 3`.
    func collectionArguments() throws -> (name: String, rest: String, count: Int?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return (trimmed, "", nil) }
        let name = String(trimmed[..<space])
        let rest = trimmed[space...].trimmingCharacters(in: .whitespaces)
        if let first = rest.first, let close = Quotes.pairs[first], let end = rest.dropFirst().firstIndex(of: close) {
            let inside = String(rest[rest.index(after: rest.startIndex)..<end])
            let after = rest[rest.index(after: end)...].trimmingCharacters(in: .whitespaces)
            guard after.isEmpty || Int(after) != nil else {
                throw WorkbenchError(language.pick(en: "after the quoted text only a count may follow, not '\(after)'",
                                                   zh: "引号中的文本之后只能跟一个数目，不能是“\(after)”"), at: textSpan, hint: command.examples.last)
            }
            return (name, inside, Int(after))
        }
        var words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        var count: Int?
        if words.count > 1, let n = Int(words.last!) { count = n; words.removeLast() }
        return (name, words.joined(separator: " "), count)
    }

    /// Where the bundled collections are: `collections/` beside each model folder, and in the working folder.
    var collectionFolders: [String] {
        SearchState.collectionFolders(for: session.catalog) + ["collections"]
    }

    /// A collection by name (loaded, or bundled as NAME.txt / NAME.tsv) or by path.
    func collection(named name: String) throws -> DocumentCollection {
        if let c = session.searchState.documents[name] { return c }
        var candidates = [name]
        for folder in collectionFolders { for ext in ["txt", "tsv"] { candidates.append((folder as NSString).appendingPathComponent("\(name).\(ext)")) } }
        for path in candidates where FileManager.default.fileExists(atPath: path) && (path != name || name.contains("/") || name.contains(".")) {
            let bytes = try InputFile.open(path, maxBytes: 16 << 20, what: "collection").readAll()
            let c = try DocumentCollection(data: Data(bytes), name: name)
            session.searchState.documents[name] = c
            return c
        }
        let known = bundledCollectionNames()
        throw WorkbenchError(language.pick(en: "no collection named '\(name)'; the bundled ones are \(known.joined(separator: ", ")), or :load collection FILE",
                                           zh: "没有名为“\(name)”的集合；自带的有 \(known.joined(separator: "、"))，或用 :load collection 文件"),
                             at: textSpan)
    }

    func bundledCollectionNames() -> [String] {
        var names = Set<String>()
        for folder in collectionFolders {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where f.hasSuffix(".txt") || f.hasSuffix(".tsv") {
                names.insert(String(f.dropLast(4)))
            }
        }
        return names.sorted()
    }

    /// The collection encoded with the model in use (SIF pooling), or with the transformer encoder in use
    /// (`:use e5-small`), made once per session.
    func semanticIndex(_ name: String, documentsAs role: TextRole = .passage) throws -> SemanticIndex {
        let reader = session.encoder.map { $0.name + (role == .query ? "/query" : "") } ?? model.name
        let key = "\(reader)/\(name)"
        if let s = session.searchState.collections[key] { return s }
        let c = try collection(named: name)
        if let transformer = session.encoder {
            let s = session.searchState.semanticIndex(c, named: name, key: key,
                                                      sentences: TransformerSentences(encoder: transformer, threads: Evaluator.encoderThreads, documents: role),
                                                      cacheAllowed: session.readPolicy == nil && ReadPolicy.current == nil)
            session.searchState.collections[key] = s
            return s
        }
        let encoder = SentenceEncoder(model: model, tokenizer: WordTokenizer(segmenter: try? ChineseSegmenter.bundled()), pooling: .sif)
        let s = SemanticIndex(collection: c, encoder: encoder)
        guard s.encoded.contains(where: { !$0.isEmpty }) else {
            throw WorkbenchError(language.pick(en: "the model \(model.name) knows no word of '\(name)'; try :use zh-pd1998 for a Chinese collection, :use glove-50d for an English one",
                                               zh: "模型 \(model.name) 不认识“\(name)”中的任何词；中文集合请先 :use zh-pd1998，英文集合请 :use glove-50d"),
                                 at: textSpan)
        }
        session.searchState.collections[key] = s
        return s
    }

    func missingNote(_ s: SentenceVector) -> String? {
        s.missing.isEmpty ? nil : language.pick(en: "not in \(model.name): \(s.missing.joined(separator: " "))",
                                                zh: "\(model.name) 中没有：\(s.missing.joined(separator: " "))")
    }

    func hitsTable(_ title: String, _ hits: [SearchHit], note: String?) -> Value {
        // The document's number comes first: it is what a lesson's check (`top 1 contains 1`) reads.
        let rows = hits.map { h in ["\(h.document + 1)", String(format: "%.3f", h.score), h.text] }
        return .table(Table(title: [title, note].compactMap { $0 }.joined(separator: "\n"),
                            headers: [language.pick(en: "doc", zh: "文档"), "cos", language.pick(en: "text", zh: "文本")],
                            rows: rows, numericColumns: [0, 1]))
    }

    /// `search COLLECTION "query" [k]`.
    func searchCollection() throws -> Value {
        let (name, query, count) = try collectionArguments()
        guard !query.isEmpty else {
            throw WorkbenchError(language.pick(en: "search needs a collection and a query", zh: "search 需要一个集合和一句查询"),
                                 at: span, hint: command.examples.first)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let s = try semanticIndex(name)
        let (q, hits) = s.search(query, k: count ?? 5)
        if q.isEmpty {
            throw WorkbenchError(language.pick(en: "no word of \"\(query)\" is in \(model.name)", zh: "“\(query)”中没有一个词在 \(model.name) 里"), at: textSpan)
        }
        if let transformer = session.encoder {
            return hitsTable(language.pick(en: "search \(name) \"\(query)\" (\(transformer.name) sentence vectors, cosine)",
                                           zh: "在 \(name) 中搜索“\(query)”（\(transformer.name) 句向量，余弦）"), hits,
                             note: searchTimeNote(started: started, name: name, documents: s.collection.documents.count))
        }
        return hitsTable(language.pick(en: "search \(name) \"\(query)\" (SIF sentence vectors, cosine)",
                                       zh: "在 \(name) 中搜索“\(query)”（SIF 句向量，余弦）"), hits,
                         note: [missingNote(q), searchTimeNote(started: started, name: name, documents: s.collection.documents.count)]
                             .compactMap { $0 }.joined(separator: "\n").nilIfEmpty)
    }

    /// At the learner's prompt only (a piped script's output stays the same every run): how long the
    /// search took, and whether the documents' vectors were read from the cache or computed (and saved).
    func searchTimeNote(started: UInt64, name: String, documents: Int) -> String? {
        let state = session.searchState
        guard state.keepsIndexFiles, !state.lessonIsRunning else { return nil }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        let time = ms < 1000 ? String(format: "%.0f ms", ms) : String(format: "%.2f s", ms / 1000)
        let time_zh = ms < 1000 ? String(format: "%.0f 毫秒", ms) : String(format: "%.2f 秒", ms / 1000)
        switch session.encoder.flatMap({ state.vectorSources["\($0.name)/\(name)"] }) {
        case .cached?:
            return language.pick(en: "\(time) (the \(documents) documents' vectors read from the cache)",
                                 zh: "用时 \(time_zh)（\(documents) 篇文档的向量从缓存读入）")
        case .computed(let saved?, _)?:
            return language.pick(en: "\(time) (\(documents) documents encoded and saved: the next search of \(name) reads them back)",
                                 zh: "用时 \(time_zh)（已编码并保存 \(documents) 篇文档：下次搜索 \(name) 直接读入）")
        default:
            return language.pick(en: time, zh: "用时 \(time_zh)")
        }
    }

    /// `recommend COLLECTION ITEM`.
    func recommendItems() throws -> Value {
        let (name, item, count) = try collectionArguments()
        let s = try semanticIndex(name)
        guard !item.isEmpty, let doc = s.collection.document(named: item) else {
            throw WorkbenchError(language.pick(en: "no item '\(item)' in \(name): give its number (1–\(s.collection.documents.count)) or a word in it",
                                               zh: "\(name) 中没有“\(item)”：请给出编号（1–\(s.collection.documents.count)）或其中的词"), at: textSpan)
        }
        return hitsTable(language.pick(en: "like \(doc + 1): \(s.collection.documents[doc].text)", zh: "与第 \(doc + 1) 项相似：\(s.collection.documents[doc].text)"),
                         s.recommend(item: doc, k: count ?? 5), note: nil)
    }

    /// "nearest centroid", "15-nearest neighbours" / "最近质心", "15 个最近邻".
    func methodName(_ m: TextClassifier.Method) -> String {
        switch m {
        case .nearestCentroid: return language.pick(en: m.name, zh: "最近质心")
        case .kNearest(let k): return language.pick(en: m.name, zh: "\(k) 个最近邻")
        }
    }

    /// `classify COLLECTION "text"` or `classify COLLECTION`.
    func classifyText() throws -> Value {
        let (name, sentence, _) = try collectionArguments()
        let s = try semanticIndex(name, documentsAs: .query)   // classification is symmetric: e5 reads both sides as queries
        guard s.collection.isLabelled else {
            throw WorkbenchError(language.pick(en: "\(name) has no labels: a labelled collection has label<TAB>text lines",
                                               zh: "\(name) 没有标签：带标签的集合每行是 标签<TAB>文本"), at: textSpan)
        }
        let split = LabelledSplit(collection: s.collection, heldOut: 0.2, seed: 1)
        let classifier = TextClassifier(index: s, training: split.training)
        let methods: [TextClassifier.Method] = [.nearestCentroid, .kNearest(15)]
        if sentence.isEmpty {
            // The confusion matrix, one column per (true, predicted) pair: "neg→pos" counts the
            // held-out neg documents classified as pos.
            let labels = classifier.labels
            var rows: [[String]] = []
            for m in methods {
                let r = classifier.evaluate(split.test, method: m)
                rows.append([methodName(m), String(format: "%.3f", r.accuracy), "\(r.correct)/\(r.total)"]
                            + r.labels.indices.flatMap { i in r.labels.indices.map { "\(r.confusion[i][$0])" } })
            }
            let pairs = labels.flatMap { truth in labels.map { "\(truth)→\($0)" } }
            return .table(Table(title: language.pick(en: "\(name): trained on \(split.training.count), tested on \(split.test.count) held-out documents\nconfusion: a→b counts documents of class a classified as b",
                                                     zh: "\(name)：用 \(split.training.count) 条训练，在留出的 \(split.test.count) 条上测试\n混淆：a→b 是真实类别为 a、被分到 b 的文档数"),
                                headers: [language.pick(en: "method", zh: "方法"), language.pick(en: "accuracy", zh: "准确率"), language.pick(en: "correct", zh: "正确")] + pairs,
                                rows: rows, numericColumns: Set(1..<(3 + pairs.count))))
        }
        let v = s.encoder.encode(sentence)
        guard !v.isEmpty else {
            throw WorkbenchError(language.pick(en: "no word of \"\(sentence)\" is in \(model.name)", zh: "“\(sentence)”中没有一个词在 \(model.name) 里"), at: textSpan)
        }
        let rows = methods.compactMap { m -> [String]? in
            guard let p = classifier.classify(vector: v.vector, method: m) else { return nil }
            return [methodName(m), p.label, p.scores.map { "\($0.label) \(m == .nearestCentroid ? String(format: "%.3f", $0.value) : String(Int($0.value)))" }.joined(separator: ", ")]
        }
        return .table(Table(title: [language.pick(en: "classify \"\(sentence)\" in \(name)", zh: "在 \(name) 中给“\(sentence)”分类"), missingNote(v)].compactMap { $0 }.joined(separator: "\n"),
                            headers: [language.pick(en: "method", zh: "方法"), language.pick(en: "class", zh: "类别"), language.pick(en: "scores", zh: "得分")], rows: rows))
    }

    // MARK: the HNSW index

    /// `index build [m=16 ef=200]` and `index compare [queries=200]`.
    func indexCommand() throws -> Value {
        switch keyword {
        case "build": return try buildIndex()
        case "compare": return try compareIndex()
        default:
            throw WorkbenchError(language.pick(en: "index build or index compare", zh: "index build 或 index compare"), at: textSpan, hint: command.examples.first)
        }
    }

    /// Where this model's index is kept between sessions: NAME.hnsw beside its file, at the
    /// learner's own prompt only (never in a lesson, a notebook or a test).
    var indexFile: String? {
        guard session.readPolicy == nil, ReadPolicy.current == nil else { return nil }
        return session.searchState.indexFile(for: model, catalog: session.catalog)
    }

    func buildIndex() throws -> Value {
        let m = options.integer("m") ?? 16, ef = options.integer("ef") ?? 200
        let wanted = HNSWParameters(m: m, efConstruction: ef)
        let file = indexFile
        var refused: String?
        // A saved index of this model with the same parameters is read back instead of built again.
        if let file, FileManager.default.fileExists(atPath: file) {
            let started = Date()
            do {
                let saved = try HNSWIndex.read(path: file, vectors: model.matrix)
                if saved.parameters.m == m, saved.parameters.efConstruction == ef, saved.parameters.seed == wanted.seed {
                    session.searchState.index = (model.name, saved)
                    let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                    return .text(language.pick(en: "HNSW index over \(model.count) words of \(model.name): M=\(m), efConstruction=\(ef), \(saved.topLayer + 1) layers, read from \(file) in \(seconds) s (built in an earlier session; delete the file to build it again). :set search approx uses it; index compare measures it.",
                                               zh: "\(model.name) 的 \(model.count) 个词的 HNSW 索引：M=\(m)，efConstruction=\(ef)，\(saved.topLayer + 1) 层，从 \(file) 读入，用时 \(seconds) 秒（是以前建好的；删掉该文件即可重建）。:set search approx 使用它；index compare 测量它。"))
                }
            } catch let e as IndexError {
                refused = e.description
            }
        }
        let title = language.pick(en: "building an HNSW index", zh: "构建 HNSW 索引")
        let started = Date()
        let index: HNSWIndex
        do {
            index = try HNSWIndex.build(model.matrix, parameters: wanted,
                                        progress: { [session] done, total in
                                            session.onProgress?(WorkProgress(title: title, fraction: Double(done) / Double(max(total, 1)), detail: "\(done)/\(total)"))
                                        },
                                        shouldStop: { [session] in session.cancellation.isRequested })
        } catch let e as IndexError {
            throw WorkbenchError(e.description)
        }
        session.searchState.index = (model.name, index)
        let seconds = Date().timeIntervalSince(started)
        var lines = [language.pick(en: "HNSW index over \(model.count) words of \(model.name): M=\(m), efConstruction=\(ef), \(index.topLayer + 1) layers, built in \(String(format: "%.2f", seconds)) s. :set search approx uses it; index compare measures it.",
                                   zh: "已为 \(model.name) 的 \(model.count) 个词建 HNSW 索引：M=\(m)，efConstruction=\(ef)，\(index.topLayer + 1) 层，用时 \(String(format: "%.2f", seconds)) 秒。:set search approx 使用它；index compare 测量它。")]
        if let refused {
            lines.append(language.pick(en: "The saved index was refused (\(refused)); the new one replaces it.",
                                       zh: "已保存的索引不能用（\(refused)）；新建的索引取代它。"))
        }
        if let file {
            do {
                try index.write(to: file)
                lines.append(language.pick(en: "Saved to \(file): the next index build with the same m and ef reads it back.",
                                           zh: "已保存到 \(file)：下次用相同的 m 和 ef 执行 index build 会直接读入。"))
            } catch let e as IndexError {
                lines.append(language.pick(en: "Not saved (\(e.description)): the index lasts for this session only.",
                                           zh: "没有保存（\(e.description)）：索引只在本次会话中有效。"))
            }
        }
        return .text(lines.joined(separator: "\n"))
    }

    func compareIndex() throws -> Value {
        guard let index = session.searchState.index(for: model) else {
            throw WorkbenchError(language.pick(en: "no index for \(model.name) yet: type index build", zh: "\(model.name) 还没有索引：请输入 index build"), at: span)
        }
        let k = settings.k, ef = settings.ef
        let n = min(options.integer("queries") ?? 200, model.count)
        // Every (count / n)-th word as a query: the same queries every time.
        let step = max(1, model.count / max(n, 1))
        let rows = (0..<n).map { $0 * step }
        let unit = model.normalized
        var queries = Matrix(rows: rows.count, columns: model.dimensions)
        for (i, r) in rows.enumerated() { queries.setRow(i, unit.row(r)) }
        // One query at a time on both sides, as a learner's `near` runs.
        var t0 = Date()
        var exact: [[Int]] = []
        // Ctrl-C (or a grader's time limit) stops the comparison between two queries.
        let stopped = { [session] in
            if session.cancellation.isRequested {
                throw WorkbenchError(self.language.pick(en: "index compare was stopped", zh: "index compare 已停止"), at: self.span)
            }
        }
        // Exact search exactly as `near` runs it (the model's one-query scan).
        for i in 0..<rows.count { try stopped(); exact.append(try model.nearest(to: queries.row(i), k: k).map(\.index)) }
        let exactOneByOne = Date().timeIntervalSince(t0)
        t0 = Date()
        var approx: [[ScoredIndex]] = []
        for i in 0..<rows.count { try stopped(); approx.append(try index.nearest(to: queries.row(i), k: k, ef: ef)) }
        let approxTime = Date().timeIntervalSince(t0)
        var found = 0
        for i in 0..<rows.count { found += Set(approx[i].map(\.index)).intersection(exact[i]).count }
        let recall = Double(found) / Double(max(rows.count * k, 1))
        let ms = { (t: Double) in String(format: "%.3f", t * 1000 / Double(max(rows.count, 1))) }
        return .table(Table(title: language.pick(en: "\(rows.count) words of \(model.name) as queries, k=\(k); :set ef N and compare again",
                                                 zh: "用 \(model.name) 的 \(rows.count) 个词查询，k=\(k)；:set ef N 后再比较"),
                            headers: [language.pick(en: "search", zh: "查找"), "recall@\(k)", language.pick(en: "ms per query", zh: "每次查询毫秒")],
                            rows: [[language.pick(en: "exact (all \(model.count) words)", zh: "精确（全部 \(model.count) 个词）"), "1.000", ms(exactOneByOne)],
                                   ["HNSW ef=\(ef)", String(format: "%.3f", recall), ms(approxTime)]],
                            numericColumns: [1, 2]))
    }
}

extension Invocation {
    /// `:load collection FILE`: one document a line, or label<TAB>text; afterwards its name (the
    /// file name without extension) works in search, recommend and classify.
    func loadCollection() throws -> Value {
        let path = self.path(.text) ?? text
        guard !path.isEmpty else {
            throw WorkbenchError(language.text(.argumentNeedsText, ["command": ":load collection", "what": CommandSpec.ArgumentKind.file.what(language)]),
                                 at: span, hint: ":load collection my-faq.txt")
        }
        let bytes = try InputFile.open(path, maxBytes: 16 << 20, what: "collection").readAll()
        let base = (path as NSString).lastPathComponent
        let name = base.split(separator: ".").first.map(String.init) ?? base
        let c: DocumentCollection
        do { c = try DocumentCollection(data: Data(bytes), name: path) } catch let e as CollectionError { throw WorkbenchError(e.description) }
        session.searchState.documents[name] = c
        for key in session.searchState.collections.keys where key.hasSuffix("/\(name)") { session.searchState.collections[key] = nil }
        let labels = c.isLabelled ? language.pick(en: ", labels \(c.labels.joined(separator: ", "))", zh: "，标签 \(c.labels.joined(separator: "、"))") : ""
        return .text(language.pick(en: "collection \(name): \(c.documents.count) documents\(labels); try search \(name) \"…\"",
                                   zh: "集合 \(name)：\(c.documents.count) 篇文档\(labels)；试试 search \(name) \"…\""))
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

import Foundation
import Embeddings
import Encoders
import FileAccess
import Index
import Search
import Tokenizers
import VectorMath

/// Semantic search over a collection, at the prompt:
///
///     search faq-en "I forgot my password"        the documents nearest to a query sentence
///     search faq-en "can I get a refund" 3        …the first 3 (k=3 too)
///
/// The collections themselves (bundled, loaded, encoded once) are in `Invocation+Collections.swift`.
extension CommandSpec {
    static let search = CommandSpec(
        "search", arguments: .text(.collection, keyword: nil, required: true), options: [.documents],
        topic: .neighbours,
        summary: Localized(en: "semantic search: the documents of a collection nearest to a query sentence",
                           zh: "语义搜索：集合中与查询句最接近的文档"),
        examples: [#"search faq-en "I forgot my password""#, #"search faq-en "can I get a refund" 3"#, #"search pictures "红色的圆""#],
        usage: Localized(en: #"search COLLECTION "query" [k]"#, zh: #"search 集合 "查询句" [k]"#),
        files: [.reads(.collection, names: .collections)],
        evaluate: { $0.isPictureSearch ? try $0.searchPictures() : try $0.searchCollection() })
}

extension Invocation {
    /// `search COLLECTION "query" [k]`.
    func searchCollection() throws -> Value {
        let (name, query, count) = collectionArguments()
        guard !query.isEmpty else {
            throw WorkbenchError(language.pick(en: "search needs a collection and a query", zh: "search 需要一个集合和一句查询"),
                                 at: span, hint: command.examples.first)
        }
        if let transformer = session.encoder { try Evaluator.refuseChinese(query, on: transformer, language: language, at: textSpan) }
        let started = DispatchTime.now().uptimeNanoseconds
        let s = try semanticIndex(name)
        let (q, hits) = s.search(query, k: count)
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
        case .computed(_?, _)?:
            return language.pick(en: "\(time) (\(documents) documents encoded and saved: the next search of \(name) reads them back)",
                                 zh: "用时 \(time_zh)（已编码并保存 \(documents) 篇文档：下次搜索 \(name) 直接读入）")
        default:
            return language.pick(en: time, zh: "用时 \(time_zh)")
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

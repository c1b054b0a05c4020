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
            throw error(.collectionNeedsQuery)
        }
        if let transformer = session.encoder { try Evaluator.refuseChinese(query, on: transformer, language: language, at: textSpan) }
        let started = DispatchTime.now().uptimeNanoseconds
        let s = try semanticIndex(name)
        let (q, hits) = s.search(query, k: count)
        if q.isEmpty {
            throw WorkbenchError(language.text(.collectionNoWordOfText, ["text": query, "model": model.name]), at: textSpan)
        }
        // How long it took is said at the prompt, beside the value: it is not part of what was found.
        session.runNote = searchTimeNote(started: started, name: name, documents: s.collection.documents.count)
        if let transformer = session.encoder {
            return hitsTable(language.text(.searchTitleEncoder, ["name": name, "query": query, "model": transformer.name]), hits, note: nil)
        }
        return hitsTable(language.text(.searchTitleSIF, ["name": name, "query": query]), hits, note: missingNote(q))
    }

    /// At the learner's prompt only (a piped script's output stays the same every run): how long the
    /// search took, and whether the documents' vectors were read from the cache or computed (and saved).
    /// It goes to `Session.runNote`, not into the value, so that a saved notebook replays to the same output.
    func searchTimeNote(started: UInt64, name: String, documents: Int) -> String? {
        let state = session.searchState
        guard state.keepsIndexFiles, !state.lessonIsRunning else { return nil }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        let time = ms < 1000 ? language.text(.durationMilliseconds, ["n": String(format: "%.0f", ms)])
                             : language.text(.durationSeconds, ["n": String(format: "%.2f", ms / 1000)])
        let values = ["time": time, "documents": "\(documents)", "name": name]
        switch session.encoder.flatMap({ state.vectorSources["\($0.name)/\(name)"] }) {
        case .cached?: return language.text(.searchTimeCached, values)
        case .computed(_?, _)?: return language.text(.searchTimeSaved, values)
        default: return language.text(.searchTime, values)
        }
    }
}

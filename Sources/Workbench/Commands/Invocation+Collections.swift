import Foundation
import Embeddings
import Encoders
import FileAccess
import Index
import Search
import Tokenizers
import VectorMath

/// Collections of documents for `search`, `recommend` and `classify`: found by name (bundled beside
/// the models, or loaded with `:load collection FILE`) or by path, encoded once per model or encoder
/// and kept in the session (`SearchState`).
extension Invocation {
    /// The collection named first and what follows it (the binder split them: `collection`), and how
    /// many documents to show (the `k` option, given as `3`, `k=3` or `k 3`, checked by its declaration).
    func collectionArguments() -> (name: String, rest: String, count: Int) {
        (collection?.name ?? "", collection?.item ?? "", options.integer("k") ?? 5)
    }

    /// Where the bundled collections are: `collections/` beside each model folder, and in the working folder.
    var collectionFolders: [String] {
        SearchState.collectionFolders(for: session.catalog) + ["collections"]
    }

    /// A collection by name (loaded, or bundled as NAME.txt / NAME.tsv) or by path.
    func collection(named name: String) throws -> DocumentCollection {
        if let c = session.searchState.documents[name] { return c }
        // A file named by path was resolved by the binder (`files`: a relative one in the lesson's folder).
        var candidates = [path(.collection) ?? name]
        for folder in collectionFolders { for ext in ["txt", "tsv"] { candidates.append((folder as NSString).appendingPathComponent("\(name).\(ext)")) } }
        for path in candidates where FileManager.default.fileExists(atPath: path) && (path != name || name.contains("/") || name.contains(".")) {
            let bytes = try InputFile.open(path, maxBytes: 16 << 20, what: "collection").readAll()
            let c = try DocumentCollection(data: Data(bytes), name: name)
            session.searchState.documents[name] = c
            return c
        }
        let known = bundledCollectionNames()
        throw error(.collectionUnknown, ["name": name, "known": language.list(known)], at: collection?.nameSpan ?? textSpan,
                    hint: language.text(.commandTakes, ["command": command.name, "synopsis": command.synopsis(language), "example": command.examples.first ?? ""]))
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
        let encoder = PooledSentenceEncoder(model: model, tokenizer: WordTokenizer(segmenter: try? ChineseSegmenter.bundled()), pooling: .sif)
        let s = SemanticIndex(collection: c, encoder: encoder)
        guard s.encoded.contains(where: { !$0.isEmpty }) else {
            throw WorkbenchError(language.text(.collectionNoKnownWord, ["model": model.name, "name": name]), at: textSpan)
        }
        session.searchState.collections[key] = s
        return s
    }

    func missingNote(_ s: SentenceVector) -> String? {
        s.missing.isEmpty ? nil : language.text(.collectionWordsMissing, ["model": model.name, "words": s.missing.joined(separator: " ")])
    }

    func hitsTable(_ title: String, _ hits: [SearchHit], note: String?) -> Value {
        // The document's number comes first: it is what a lesson's check (`top 1 contains 1`) reads.
        let rows = hits.map { h in ["\(h.document + 1)", String(format: "%.3f", h.score), h.text] }
        return .table(Table(title: [title, note].compactMap { $0 }.joined(separator: "\n"),
                            headers: [language.text(.headerDocument), "cos", language.text(.headerText)],
                            rows: rows, numericColumns: [0, 1]))
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
        let labels = c.isLabelled ? language.text(.collectionLabels, ["labels": language.list(c.labels)]) : ""
        return .text(language.text(.collectionLoaded, ["name": name, "count": "\(c.documents.count)", "labels": labels]))
    }
}

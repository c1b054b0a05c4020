import Embeddings
import Encoders
import FileAccess
import Foundation
import Index
import Search
import VectorMath

/// What a session keeps for semantic search and approximate neighbours: collections already
/// encoded (per model), and the HNSW index of the model in use, if one was built or read.
///
/// At the prompt (`keepsIndexFiles`), `index build` saves the index beside the model's file as
/// NAME.hnsw and a later session reads it back instead of building again.
public final class SearchState: @unchecked Sendable {
    /// Encoded collections by "model/collection".
    var collections: [String: SemanticIndex] = [:]
    /// Collections read with `:load FILE` (or found in `collections/`), by name.
    var documents: [String: DocumentCollection] = [:]
    /// The HNSW index and the name of the model it indexes.
    var index: (model: String, index: HNSWIndex)?
    /// Whether `index build` writes NAME.hnsw beside the model file and reads it back. Set by the
    /// learner's prompt; off for tests, lessons and notebooks, which never write beside a model.
    public var keepsIndexFiles = false
    /// Set by the REPL while a lesson runs at the prompt: no index file is read or written then.
    public var lessonIsRunning = false
    /// The file each model was read from, by model name (set when a model is loaded by path).
    var modelFiles: [String: String] = [:]
    /// Models made in this session (trained), which have no file even if a bundled one has their name.
    var modelsInMemory: Set<String> = []

    /// Where a transformer encoder's sentence vectors of each collection are saved between sessions
    /// (`SentenceVectorCache`). Unset, the learner's prompt (`keepsIndexFiles`) uses
    /// `<state folder>/sentence-vectors`; elsewhere (tests, piped scripts, notebooks) nothing is cached.
    public var vectorCacheFolder: String?
    /// Where each collection's vectors last came from, by the same key as `collections`.
    public private(set) var vectorSources: [String: SentenceVectorSource] = [:]

    public init() {}

    /// The bundled collections' folders: `collections/` beside each folder of models. Lessons and
    /// notebooks may read them, like the bundled models.
    public static func collectionFolders(for catalog: ModelCatalog) -> [String] {
        catalog.directories.map { (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("collections") }
    }

    /// The index for `model`, if one was built for it in this session.
    func index(for model: WordVectors) -> HNSWIndex? {
        guard let (name, index) = index, name == model.name, index.count == model.count else { return nil }
        return index
    }

    /// Takes over what another session built: a lesson grades an answer in a replayed session,
    /// and when it passes, the learner's session continues from there (its index, its collections).
    public func takeOver(from other: SearchState) {
        index = other.index
        documents.merge(other.documents) { _, theirs in theirs }
        collections.merge(other.collections) { _, theirs in theirs }
        modelsInMemory = other.modelsInMemory
    }

    /// Records the file a model was read from (`:use PATH`), so that its index can sit beside it.
    public func modelWasRead(_ name: String, from path: String) {
        modelFiles[name] = path
        modelsInMemory.remove(name)
    }

    /// Records a model made in this session: it has no file, so its index is never saved.
    public func modelWasMade(_ name: String) {
        modelFiles[name] = nil
        modelsInMemory.insert(name)
    }

    /// Where `model`'s index is saved: NAME.hnsw beside its file (`glove-50d.embv` →
    /// `glove-50d.hnsw`); nil when index files are not kept or the model has no file.
    func indexFile(for model: WordVectors, catalog: ModelCatalog) -> String? {
        guard keepsIndexFiles, !lessonIsRunning, !modelsInMemory.contains(model.name),
              let file = modelFiles[model.name] ?? (try? catalog.resolve(model.name)),
              FileManager.default.fileExists(atPath: file) else { return nil }
        return (file as NSString).deletingPathExtension + ".hnsw"
    }
}

/// Where a collection's sentence vectors came from in this session.
public enum SentenceVectorSource: Equatable, Sendable {
    /// Read back from the cache file (memory-mapped, checked).
    case cached(path: String)
    /// Computed now; `saved` names the cache file written (nil when there is no cache folder or it
    /// could not be written); `refused` says why an existing cache file was not used.
    case computed(saved: String?, refused: String?)
}

extension SearchState {
    /// The cache folder in use (see `vectorCacheFolder`), or nil when vectors are not cached.
    var sentenceVectorFolder: String? {
        if let vectorCacheFolder { return vectorCacheFolder }
        guard keepsIndexFiles, let state = StatePaths.folder(environment: ProcessInfo.processInfo.environment) else { return nil }
        return state + "/sentence-vectors"
    }

    /// The cache file of `collection`'s vectors by `encoder`: NAME.ENCODER.ROLE.vectors, the name made safe.
    static func vectorCacheFile(folder: String, collection: String, encoder: String, role: TextRole) -> String {
        func safe(_ s: String) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") ? $0 : "_" }).prefix(80))
        }
        return "\(folder)/\(safe(collection)).\(safe(encoder)).\(role == .passage ? "passage" : "query").vectors"
    }

    /// `collection` encoded by a transformer encoder: its vectors read from the cache when a file for
    /// this model and these documents is there and passes every check, else computed and saved.
    /// `cacheAllowed` is false while a read policy is in force (a graded answer, a notebook run).
    func semanticIndex(_ collection: DocumentCollection, named name: String, key: String,
                       sentences: TransformerSentences, cacheAllowed: Bool) -> SemanticIndex {
        let texts = collection.documents.map(\.text)
        guard cacheAllowed, let folder = sentenceVectorFolder, !texts.isEmpty else {
            vectorSources[key] = .computed(saved: nil, refused: nil)
            return SemanticIndex(collection: collection, encoder: sentences)
        }
        let path = Self.vectorCacheFile(folder: folder, collection: name, encoder: sentences.encoder.name, role: sentences.documents)
        let cacheKey = SentenceVectorCache.Key(encoder: sentences.fingerprint, collection: SentenceVectorCache.fingerprint(of: texts))
        let vectors: Matrix
        var refused: String?
        if FileManager.default.fileExists(atPath: path) {
            do {
                vectors = try SentenceVectorCache.read(path, key: cacheKey, rows: texts.count, columns: sentences.encoder.dimensions)
                vectorSources[key] = .cached(path: path)
                return SemanticIndex(collection: collection, prepared: sentences, encoded: sentences.documents(texts, vectors: vectors))
            } catch {
                refused = "\(error)"
            }
        }
        vectors = sentences.documentVectors(texts)
        var saved: String?
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try SentenceVectorCache.write(vectors, key: cacheKey, to: path)
            saved = path
        } catch {
            saved = nil   // a read-only state folder only costs the next session the same wait
        }
        vectorSources[key] = .computed(saved: saved, refused: refused)
        return SemanticIndex(collection: collection, prepared: sentences, encoded: sentences.documents(texts, vectors: vectors))
    }
}

import Embeddings
import Foundation
import Index
import Search

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

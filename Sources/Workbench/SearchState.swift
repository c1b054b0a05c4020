import Embeddings
import Foundation
import Index
import Search

/// What a session keeps for semantic search and approximate neighbours: collections already
/// encoded (per model), and the HNSW index of the model in use, if one was built.
public final class SearchState: @unchecked Sendable {
    /// Encoded collections by "model/collection".
    var collections: [String: SemanticIndex] = [:]
    /// Collections read with `:load FILE` (or found in `collections/`), by name.
    var documents: [String: DocumentCollection] = [:]
    /// The HNSW index and the name of the model it indexes.
    var index: (model: String, index: HNSWIndex)?

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
}

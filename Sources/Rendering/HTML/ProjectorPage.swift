import Embeddings
import VectorMath
import Workbench

/// The words of a model in the style of the TensorFlow Embedding Projector: every word a point in
/// the plane of its first two principal components, and for each word its `k` nearest neighbours
/// by cosine among the words on the page, computed here so the page only has to look them up.
///
///     points      P = (X − mean) · [pc₁ pc₂]          (PCA of the chosen words)
///     neighbours  top k of cos(xᵢ, xⱼ) = x̂ᵢ · x̂ⱼ,  j ≠ i  (one pass of the batch search)
///
///     let page = try ProjectorPage(model: glove, words: ["king", "queen", "man", "woman"], k: 3)
///     page.neighbours[0]   // queen, …
public struct ProjectorPage: Sendable {
    public var title: String
    public var modelName: String
    public var words: [String]
    public var plot: ScatterPlot
    /// For each word, its neighbours (indices into `words`) with their cosines, best first.
    public var neighbours: [[(index: Int, score: Float)]]
    /// Words asked for that the model does not have.
    public var missing: [String]
    /// The page's words with their full vectors, for the Projector's own TSV files
    /// (`vectors.save(path: "words.tsv")` writes `words.tsv` and `words-metadata.tsv`).
    public var vectors: WordVectors

    /// The most words a page holds: the neighbour search is quadratic in them and the page grows linearly.
    public static let wordLimit = 5000

    public init(model: WordVectors, words requested: [String], k: Int) throws {
        var seen = Set<String>(), words: [String] = [], rows: [Int] = [], missing: [String] = []
        for w in requested where seen.insert(w).inserted {
            if let i = model.index(of: w) { words.append(w); rows.append(i) } else { missing.append(w) }
        }
        guard words.count >= 3 else {
            throw WorkbenchError("a projector page needs at least 3 words of \(model.name); \(words.count) found"
                                 + (missing.isEmpty ? "" : " (not in the model: \(missing.prefix(5).joined(separator: ", ")))"),
                                 hint: "give more words, or --top 500 for the model's most frequent words")
        }
        guard model.dimensions >= 2 else {
            throw WorkbenchError("\(model.name) has 1 dimension; a projector page needs at least 2", hint: "choose another model")
        }
        guard words.count <= Self.wordLimit else {
            throw WorkbenchError("a projector page holds at most \(Self.wordLimit) words, not \(words.count)", hint: "--top 1000")
        }
        let matrix = Matrix(rowVectors: rows.map { model.matrix.row($0) })
        let pca = PCA(fitting: matrix, components: 2)
        let projected = pca.project(matrix)
        let share = pca.explainedVarianceRatio.map { String(format: "%.0f%%", $0 * 100) }
        let points = words.indices.map { ScatterPlot.Point(label: words[$0], x: Double(projected[$0, 0]), y: Double(projected[$0, 1])) }
        let unit = matrix.normalizedRows()
        let k = max(1, min(k, words.count - 1))
        let found = unit.nearest(batch: unit, k: k, excluding: words.indices.map { Set([$0]) })
        self.title = "\(model.name): \(words.count) words"
        self.modelName = model.name
        self.words = words
        self.plot = ScatterPlot(title: "\(model.name): PCA of \(words.count) words", points: points,
                                xLabel: "PC1 (\(share[0]) of the variance)", yLabel: "PC2 (\(share[1]))")
        self.neighbours = found.map { $0.map { (index: $0.index, score: $0.score) } }
        self.missing = missing
        self.vectors = try WordVectors(name: model.name, words: words, matrix: matrix)
    }
}

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
    /// The same words placed by t-SNE (neighbourhoods kept, distances not), when asked for.
    public var tsne: ScatterPlot?
    /// A category for each word (a metadata column), to colour the points by; nil: one colour.
    public var categories: [String]?
    /// The name of that column, for the legend.
    public var categoryName: String?
    /// Words of the model that are not on the page (its most frequent ones), each with its nearest
    /// words on the page: a search for `king` on a page without it still lights its neighbours.
    public var offPage: [(word: String, near: [(index: Int, score: Float)])] = []
    /// How many of the model's most frequent words a search knows (on the page or in `offPage`).
    public var searchable: Int = 0

    /// The most words a page holds: the neighbour search is quadratic in them and the page grows linearly.
    public static let wordLimit = 5000

    /// `tsne`: also place the words by t-SNE (seeded; exact up to 1,000 words, Barnes–Hut above).
    /// `categories`: a category per requested word (same order) to colour by. `searchTop`: the
    /// model's most frequent words whose neighbours on the page are precomputed for the search.
    public init(model: WordVectors, words requested: [String], k: Int, tsne: TSNE? = nil,
                categories requestedCategories: [String]? = nil, categoryName: String? = nil, searchTop: Int = 0) throws {
        var seen = Set<String>(), words: [String] = [], rows: [Int] = [], missing: [String] = [], categories: [String] = []
        for (n, w) in requested.enumerated() where seen.insert(w).inserted {
            if let i = model.index(of: w) {
                words.append(w); rows.append(i)
                if let c = requestedCategories { categories.append(n < c.count ? c[n] : "") }
            } else { missing.append(w) }
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
        self.categories = requestedCategories == nil ? nil : categories
        self.categoryName = categoryName
        if let tsne {
            let placed = tsne.embed(matrix)
            self.tsne = ScatterPlot(title: "\(model.name): t-SNE of \(words.count) words (perplexity \(String(format: "%g", tsne.effectivePerplexity(rows: words.count))), seed \(tsne.seed))",
                                    points: words.indices.map { ScatterPlot.Point(label: words[$0], x: placed[$0].x, y: placed[$0].y) },
                                    xLabel: "t-SNE 1 (neighbourhoods kept; sizes and gaps mean little)", yLabel: "t-SNE 2")
        }
        // The search's other words: the model's most frequent, each with its k nearest on the page.
        let onPage = Set(rows)
        let others = (0..<min(searchTop, model.count)).filter { !onPage.contains($0) && model.words[$0].contains { $0.isLetter || $0.isNumber } }
        if !others.isEmpty {
            let queries = Matrix(rowVectors: others.map { model.matrix.row($0) }).normalizedRows()
            let found = unit.nearest(batch: queries, k: k)
            offPage = zip(others, found).map { (word: model.words[$0.0], near: $0.1.map { (index: $0.index, score: $0.score) }) }
        }
        searchable = max(words.count, min(searchTop, model.count))
    }
}

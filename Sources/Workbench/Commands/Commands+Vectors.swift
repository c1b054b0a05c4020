import Embeddings
import FileAccess
import Foundation
import VectorMath

/// Looking at vectors and at the model: `show`, `vars`, `dims`, `plot`, `vocab`.
extension CommandSpec {
    static let show = CommandSpec(
        "show", arguments: .expressions(.vector, count: 1...1, wholeLine: true),
        topic: .words,
        summary: Localized(en: "a vector, with a bar per dimension", zh: "显示向量，每一维一条横条"),
        examples: ["show king", "show king - man"],
        evaluate: { inv in
            let v = try inv.vectors()[0]
            return .vector(VectorValue(values: v.values, label: v.label, dimensionNames: inv.model.dimensionNames))
        })

    static let vars = CommandSpec(
        "vars", topic: .words,
        summary: Localized(en: "the variables you have made", zh: "你定义的变量"),
        examples: ["vars"],
        evaluate: { inv in
            let rows = inv.session.variables.sorted { $0.key < $1.key }.map { [$0.key, $0.value.label] }
            return .table(Table(title: inv.language.text(.variablesTitle),
                                headers: [inv.language.text(.headerName), inv.language.text(.headerValue)], rows: rows))
        })

    static let dims = CommandSpec(
        "dims", topic: .model,
        summary: Localized(en: "the model's size and its dimensions' names", zh: "模型的大小和各维的名称"),
        examples: ["dims"],
        evaluate: { inv in
            let m = inv.model
            guard let names = m.dimensionNames else {
                return .text(inv.language.text(.dimensionsUnnamed, ["model": m.name, "words": "\(m.count)", "dims": "\(m.dimensions)"]))
            }
            let rows = (0..<m.dimensions).map { i in [String(i + 1), i < names.count ? names[i] : "—"] }
            return .table(Table(title: inv.language.text(.modelShape, ["model": m.name, "words": "\(m.count)", "dims": "\(m.dimensions)"]),
                                headers: [inv.language.text(.headerDimension), inv.language.text(.headerName)], rows: rows, numericColumns: [0]))
        })

    static let plot = CommandSpec(
        "plot", arguments: .expressions(.vector, count: 2...500, wholeLine: false),
        options: [OptionSpec("method", .choice(["pca", "tsne"]), default: .text("pca"),
                             help: Localized(en: "pca: the first two principal components (distances along them are kept); tsne: t-SNE, which keeps each word's nearest neighbours near (distances between groups mean little)",
                                             zh: "pca：前两个主成分（保留沿主成分的距离）；tsne：t-SNE，让每个词的近邻留在近处（群与群之间的距离意义不大）"),
                             example: "plot king queen man woman paris rome method=tsne"),
                  OptionSpec("perplexity", .real(2...100), default: .real(30),
                             help: Localized(en: "t-SNE: about how many neighbours each word keeps (at most a third of the words)", zh: "t-SNE：每个词大约保留多少个近邻（至多词数的三分之一）"),
                             example: "plot king queen man woman method=tsne perplexity=5"),
                  OptionSpec("seed", .integer(0...Int(Int32.max)), default: .integer(1),
                             help: Localized(en: "t-SNE: the same seed gives the same picture", zh: "t-SNE：同样的种子画出同样的图"),
                             example: "plot king queen man woman method=tsne seed=2")],
        topic: .model,
        summary: Localized(en: "a 2-D picture of the vectors (their first two principal components, or t-SNE with method=tsne)", zh: "向量的二维图（前两个主成分；method=tsne 用 t-SNE）"),
        examples: ["plot 猫 狗 汽车 飞机", "plot king queen man woman", "plot king queen man woman paris rome france italy method=tsne"],
        evaluate: { try $0.plot() })

    static let vocab = CommandSpec(
        "vocab", arguments: .text(.pattern, keyword: nil, required: false),
        topic: .model,
        summary: Localized(en: "words starting with a text, or matching a /regular expression/", zh: "以某段文字开头、或匹配 /正则表达式/ 的词"),
        examples: ["vocab ki", "vocab /^qu.*n$/"],
        evaluate: { try $0.vocabulary() })
}

extension Invocation {
    /// `plot 猫 狗 汽车 飞机`: the words' vectors projected onto their first two principal components.
    func plot() throws -> Value {
        let vectors = try self.vectors()
        // Checked before any matrix is built: one length, finite values (`plot king [1, 2]`, `plot (king*1e39) queen`).
        if let first = vectors.first, let other = vectors.first(where: { $0.values.count != first.values.count }) {
            throw WorkbenchError(language.text(.plotLengthsDiffer, ["first": first.label, "a": "\(first.values.count)", "other": other.label, "b": "\(other.values.count)"]), at: span)
        }
        for v in vectors {
            if let i = v.values.firstIndex(where: { !$0.isFinite }) {
                throw WorkbenchError(language.text(.plotNotFinite, ["index": "\(i + 1)", "label": v.label]), at: span)
            }
        }
        let matrix = Matrix(rowVectors: vectors.map(\.values))
        let points: Matrix
        var axes = ("x", "y")
        if matrix.columns == 2 {
            points = matrix
            if session.encoder == nil, let names = model.dimensionNames, names.count == 2 { axes = (names[0], names[1]) }
        } else if matrix.columns == 1 {
            throw WorkbenchError(language.text(.plotOneDimension), at: span)
        } else if options.text("method") == "tsne" {
            // t-SNE (VectorMath), seeded: the same words and seed give the same picture.
            let tsne = TSNE(perplexity: options.real("perplexity") ?? 30, seed: UInt64(options.integer("seed") ?? 1))
            let placed = tsne.embed(matrix, shouldStop: { [session] in session.cancellation.isRequested })
            if session.cancellation.isRequested { throw WorkbenchError(language.text(.plotStopped), at: span) }
            let plotted = vectors.enumerated().map { i, v in ScatterPlot.Point(label: v.label, x: placed[i].x, y: placed[i].y) }
            let title = language.text(.plotTitleTSNE, ["model": session.encoder?.name ?? model.name, "n": "\(vectors.count)",
                                                       "perplexity": OptionValue.real(tsne.effectivePerplexity(rows: vectors.count)).description])
            return .scatter(ScatterPlot(title: title, points: plotted, xLabel: "t-SNE 1", yLabel: "t-SNE 2"))
        } else {
            let pca: PCA
            do {
                pca = try PCA(fitting: matrix, components: 2, shouldStop: { [session] in session.cancellation.isRequested })
            } catch PCA.Failure.cancelled {
                throw WorkbenchError(language.text(.plotStopped), at: span)
            }
            points = pca.project(matrix)
            let share = pca.explainedVarianceRatio.map { String(format: "%.0f%%", $0 * 100) }
            axes = ("PC1 (\(share[0]))", "PC2 (\(share[1]))")
        }
        let plotted = vectors.enumerated().map { i, v in ScatterPlot.Point(label: v.label, x: Double(points[i, 0]), y: Double(points[i, 1])) }
        // The model the vectors came from: the encoder in use (`:use e5-small`) gives texts their vectors.
        let source = session.encoder?.name ?? model.name
        let title = matrix.columns == 2 ? language.text(.plotTitleTwo, ["model": source])
                                        : language.text(.plotTitlePCA, ["model": source, "n": "\(vectors.count)"])
        return .scatter(ScatterPlot(title: title, points: plotted, xLabel: axes.0, yLabel: axes.1))
    }

    /// `vocab ki` lists words starting with "ki"; `vocab /^..ng$/` matches a regular expression.
    func vocabulary() throws -> Value {
        let headers = [language.text(.headerRank), language.text(.headerWord)]
        guard !text.isEmpty else {
            return .table(Table(title: language.text(.vocabularyTop, ["model": model.name, "words": "\(model.count)"]), headers: headers,
                                rows: model.words.prefix(20).enumerated().map { [String($0 + 1), $1] }, numericColumns: [0]))
        }
        let pattern = text
        let matches: [Int]
        if pattern.count >= 2, pattern.hasPrefix("/"), pattern.hasSuffix("/") {
            let body = String(pattern.dropFirst().dropLast())
            // Matched in linear time (no backtracking), so `vocab /(.*.*)*x/` cannot hang.
            let regex: LinearRegex
            do { regex = try LinearRegex(body) } catch let failure as LinearRegex.Failure {
                throw WorkbenchError(language.text(.badRegularExpression, ["pattern": body]), at: textSpan, hint: failure.problem + " — vocab /^king/")
            }
            // One step budget for the whole vocabulary (about half a second at most).
            var budget = 5 * LinearRegex.defaultStepBudget
            var found: [Int] = []
            do {
                let matcher = regex.matcher()
                for i in model.words.indices {
                    if try matcher.matches(in: model.words[i], budget: &budget) { found.append(i) }
                }
            } catch let failure as LinearRegex.Failure {
                throw WorkbenchError(failure.description, at: textSpan, hint: "vocab /^king/")
            }
            matches = found
        } else {
            matches = model.words.indices.filter { model.words[$0].hasPrefix(pattern) }
        }
        let shown = matches.prefix(50)
        let phrase: Phrase = matches.count > shown.count ? .vocabularyMatchesMany : matches.count == 1 ? .vocabularyMatchesOne : .vocabularyMatches
        let title = language.text(phrase, ["n": "\(matches.count)", "pattern": pattern])
        return .table(Table(title: title, headers: headers, rows: shown.map { [String($0 + 1), model.words[$0]] }, numericColumns: [0]))
    }
}

import Embeddings
import GloVe
import Foundation
import VectorMath

extension Evaluator {
    func command(_ name: String, _ args: [CommandArgument], _ span: Span) throws -> Value {
        switch name {
        case "sim", "cos":
            let (u, v, labels) = try twoVectors(name, args, span)
            return .scalar(ScalarValue(value: Double(u.cosine(v)), label: "cos(\(labels.0), \(labels.1))", kind: .cosine))
        case "dist":
            let (u, v, labels) = try twoVectors(name, args, span)
            return .scalar(ScalarValue(value: Double(u.distance(v)), label: "dist(\(labels.0), \(labels.1))", kind: .distance))
        case "dot":
            let (u, v, labels) = try twoVectors(name, args, span)
            return .scalar(ScalarValue(value: Double(u.dot(v)), label: "dot(\(labels.0), \(labels.1))"))
        case "norm":
            let (v, label, _) = try oneVector(name, args, span)
            return .scalar(ScalarValue(value: Double(v.norm), label: "‖\(label)‖"))
        case "near":
            var args = args
            var k = settings.k
            if args.count >= 2, case .expr(.number(let n, let nSpan)) = args[0] {
                guard n >= 1, n <= 1000, n == n.rounded() else { throw WorkbenchError("k must be a whole number from 1 to 1000", at: nSpan, hint: "near 5 king") }
                k = Int(n)
                args.removeFirst()
            }
            let (v, label, sources) = try oneVector(name, args, span)
            // `near king` leaves king itself out; `near [0.3, 0.8, -0.2]` leaves nothing out.
            return try neighbours(of: v, label: label, sources: sources, k: k)
        case "show":
            let (v, label, _) = try oneVector(name, args, span)
            return .vector(VectorValue(values: v, label: label, dimensionNames: model.dimensionNames))
        case "analogy":
            let words = try wordArgs(name, args, span, count: 3...3, usage: "analogy man king woman   (man : king :: woman : ?)")
            return try analogy(a: words[0], b: words[1], c: words[2], span: span)
        case "odd":
            let words = try wordArgs(name, args, span, count: 3...50, usage: "odd breakfast lunch dinner car")
            let (odd, scores) = try model.oddOneOut(words)
            let ranked = scores.sorted { $0.score < $1.score }
            _ = odd
            return .neighbours(NeighbourList(query: "odd one out of " + words.joined(separator: " "), items: ranked, method: "cosine to the group's mean, lowest first"))
        case "rank":
            let words = try wordArgs(name, args, span, count: 2...2, usage: "rank queen king   (where queen ranks among king's neighbours)")
            let r = try model.rank(of: words[0], amongNeighboursOf: words[1], restrictTo: settings.restrictTo)
            guard let rank = r else { return .text("'\(words[0])' is outside the searched words") }
            return .scalar(ScalarValue(value: Double(rank), label: "rank of \(words[0]) among the neighbours of \(words[1])"))
        case "plot":
            return try plot(args, span)
        case "dims":
            guard let names = model.dimensionNames else {
                return .text("\(model.name): \(model.count) words × \(model.dimensions) dimensions; its dimensions have no names (learned dimensions rarely mean one thing)")
            }
            let rows = (0..<model.dimensions).map { i in [String(i + 1), i < names.count ? names[i] : "—"] }
            return .table(Table(title: "\(model.name): \(model.count) words × \(model.dimensions) dimensions", headers: ["dim", "name"], rows: rows, numericColumns: [0]))
        case "vars":
            let rows = session.variables.keys.sorted().map { [$0, session.variables[$0]!.label] }
            return .table(Table(title: "variables", headers: ["name", "value"], rows: rows))
        case "vocab":
            return try vocab(args, span)
        case "eval":
            return try evaluateFile(args, span)
        case "tokens": return try tokens(args, span)
        case "bpe": return try bpe(args, span)
        case "cooccur": return try cooccur(args, span)
        case "train": return try train(args, span)
        default:
            throw WorkbenchError("unknown command '\(name)'", at: span, hint: ":help lists the commands")
        }
    }

    private func expressions(_ args: [CommandArgument]) throws -> [Expr] {
        try args.map { arg in
            guard case .expr(let e) = arg else { throw WorkbenchError("unexpected option here", at: arg.span) }
            return e
        }
    }

    private func vectorOf(_ e: Expr) throws -> ([Float], String, [String]) {
        switch try operand(e) {
        case .vector(let v, let sources): return (v, render(e), sources)
        case .scalar: throw WorkbenchError("\(render(e)) is a number, a vector was expected", at: e.span)
        }
    }

    func oneVector(_ name: String, _ args: [CommandArgument], _ span: Span) throws -> ([Float], String, [String]) {
        let exprs = try expressions(args)
        guard exprs.count == 1 else {
            throw WorkbenchError("\(name) takes one word or expression", at: span, hint: "\(name) king  or  \(name) king - man + woman")
        }
        return try vectorOf(exprs[0])
    }

    func twoVectors(_ name: String, _ args: [CommandArgument], _ span: Span) throws -> ([Float], [Float], (String, String)) {
        let exprs = try expressions(args)
        guard exprs.count == 2 else {
            throw WorkbenchError("\(name) compares two words, got \(exprs.count)", at: span, hint: "\(name) 猫 狗  or  \(name)(king - man, queen)")
        }
        let (u, lu, _) = try vectorOf(exprs[0]), (v, lv, _) = try vectorOf(exprs[1])
        guard u.count == v.count else {
            throw WorkbenchError("cannot compare vectors of \(u.count) and \(v.count) dimensions", at: span, hint: "both need \(model.dimensions) numbers for this model")
        }
        return (u, v, (lu, lv))
    }

    func wordArgs(_ name: String, _ args: [CommandArgument], _ span: Span, count: ClosedRange<Int>, usage: String) throws -> [String] {
        let exprs = try expressions(args)
        guard count.contains(exprs.count) else {
            throw WorkbenchError("\(name) takes \(count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "at least \(count.lowerBound)") words, got \(exprs.count)", at: span, hint: usage)
        }
        return try exprs.map { e in
            guard case .word(let w, let s) = e else { throw WorkbenchError("\(name) takes words, not \(render(e))", at: e.span, hint: usage) }
            return try resolveWord(w, s)
        }
    }

    /// `plot 猫 狗 汽车 飞机`: the words' vectors projected onto their first two principal components.
    private func plot(_ args: [CommandArgument], _ span: Span) throws -> Value {
        let exprs = try expressions(args)
        guard exprs.count >= 2 else { throw WorkbenchError("plot needs at least two words", at: span, hint: "plot 猫 狗 汽车 飞机") }
        let vectors = try exprs.map { try vectorOf($0) }
        let matrix = Matrix(rowVectors: vectors.map(\.0))
        let points: Matrix
        var axes = ("x", "y")
        if matrix.columns == 2 {
            points = matrix
            if let names = model.dimensionNames, names.count == 2 { axes = (names[0], names[1]) }
        } else if matrix.columns == 1 {
            throw WorkbenchError("a 1-dimensional model cannot be plotted in 2-D", at: span)
        } else {
            let pca = PCA(fitting: matrix, components: 2)
            points = pca.project(matrix)
            let share = pca.explainedVarianceRatio.map { String(format: "%.0f%%", $0 * 100) }
            axes = ("PC1 (\(share[0]))", "PC2 (\(share[1]))")
        }
        let plotted = vectors.enumerated().map { i, v in ScatterPlot.Point(label: v.1, x: Double(points[i, 0]), y: Double(points[i, 1])) }
        return .scatter(ScatterPlot(title: matrix.columns == 2 ? "\(model.name), 2 dimensions" : "\(model.name): PCA of \(vectors.count) vectors",
                                    points: plotted, xLabel: axes.0, yLabel: axes.1))
    }

    /// `vocab ki` lists words starting with "ki"; `vocab /^..ng$/` matches a regular expression.
    private func vocab(_ args: [CommandArgument], _ span: Span) throws -> Value {
        guard case .text(let raw, let textSpan) = args.first else {
            return .table(Table(title: "\(model.name): \(model.count) words; the 20 most frequent", headers: ["rank", "word"],
                                rows: model.words.prefix(20).enumerated().map { [String($0 + 1), $1] }, numericColumns: [0]))
        }
        let pattern = raw.trimmingWhitespace
        let matches: [Int]
        if pattern.count >= 2, pattern.hasPrefix("/"), pattern.hasSuffix("/") {
            let body = String(pattern.dropFirst().dropLast())
            let regex: NSRegularExpression
            do { regex = try NSRegularExpression(pattern: body) } catch {
                throw WorkbenchError("'\(body)' is not a valid regular expression", at: textSpan, hint: "vocab /^king/")
            }
            matches = model.words.indices.filter { i in
                let w = model.words[i]
                return regex.firstMatch(in: w, range: NSRange(w.startIndex..., in: w)) != nil
            }
        } else {
            matches = model.words.indices.filter { model.words[$0].hasPrefix(pattern) }
        }
        let shown = matches.prefix(50)
        let title = matches.count > shown.count ? "\(matches.count) words match '\(pattern)'; the 50 most frequent" : "\(matches.count) words match '\(pattern)'"
        return .table(Table(title: title, headers: ["rank", "word"], rows: shown.map { [String($0 + 1), model.words[$0]] }, numericColumns: [0]))
    }

    /// `eval FILE [restrict=N]`: analogy accuracy (questions-words) or pair correlations (tab-separated).
    private func evaluateFile(_ args: [CommandArgument], _ span: Span) throws -> Value {
        guard case .text(let raw, _) = args.first else {
            throw WorkbenchError("eval needs a file", at: span, hint: "eval questions-words.txt restrict=30000")
        }
        var path = ""
        var restrict = settings.restrictTo ?? 300_000
        for part in raw.split(separator: " ") {
            if part.hasPrefix("restrict=") {
                guard let n = Int(part.dropFirst(9)), n > 0 else { throw WorkbenchError("restrict= takes a number of words", at: span, hint: "restrict=30000") }
                restrict = n
            } else { path = String(part) }
        }
        // `eval small-world`: the generated world's own questions, no file needed.
        let text = path == SmallWorldCorpus.name ? SmallWorldCorpus.analogyQuestions : try EvaluationFile.read(path: path)
        if EvaluationFile.isWordPairs(text) {
            let r = WordPairEvaluation.run(model: model, pairs: text, restrictTo: restrict)
            return .table(Table(title: "\(path) on \(model.name)", headers: ["measure", "value"], rows: [
                ["pairs", "\(r.pairs)"], ["out of vocabulary", String(format: "%.1f%%", r.oovRatio)],
                ["Pearson", r.pearson.map { String(format: "%.4f", $0) } ?? "—"], ["Spearman", r.spearman.map { String(format: "%.4f", $0) } ?? "—"],
            ], numericColumns: [1]))
        }
        let r = try AnalogyEvaluation.run(model: model, questions: text, source: path, restrictTo: restrict, shouldStop: { session.cancellation.isRequested })
        var rows = r.sections.map { [$0.section, "\($0.correct)/\($0.total)", String(format: "%.1f%%", $0.accuracy * 100)] }
        rows.append([r.total.section, "\(r.total.correct)/\(r.total.total)", String(format: "%.1f%%", r.total.accuracy * 100)])
        let title = (r.cancelled ? "stopped by Ctrl-C after \(r.total.total) questions: " : "")
            + "\(path) on \(model.name), first \(min(restrict, model.count)) words; \(r.skipped) questions skipped (unknown words)"
        return .table(Table(title: title, headers: ["section", "correct", "accuracy"], rows: rows, numericColumns: [1, 2]))
    }
}

import Embeddings

/// Nearest words: `near 猫`, `near 5 king - man`, the odd one out, where a word ranks, analogies.
extension CommandSpec {
    static let near = CommandSpec(
        "near", arguments: .expressions(.vector, count: 1...1, wholeLine: true), options: [.k],
        topic: .neighbours,
        summary: Localized(en: "the nearest words by cosine (the words it was made from left out)", zh: "按余弦最近的词（不含构成它的词）"),
        examples: ["near 猫", "near 5 king - man", "near [0.3, 0.8, -0.2]"],
        evaluate: { inv in
            let v = try inv.vectors()[0]
            // `near king` leaves king itself out; `near [0.3, 0.8, -0.2]` leaves nothing out.
            let note = inv.evaluator.staticContextNote(inv.expressions).map { "\n\($0)" } ?? ""
            return try inv.evaluator.neighbours(of: v.values, label: v.label + note, sources: v.sources, k: inv.options.given["k"]?.integer ?? inv.settings.k)
        })

    static let odd = CommandSpec(
        "odd", arguments: .expressions(.word, count: 3...50, wholeLine: false),
        topic: .neighbours,
        summary: Localized(en: "the word that fits least: lowest cosine to the group's mean", zh: "最不合群的词：与整组均值的余弦最低"),
        examples: ["odd breakfast lunch dinner car"],
        evaluate: { inv in
            let words = try inv.words()
            let (_, scores) = try inv.model.oddOneOut(words)
            return .neighbours(NeighbourList(query: inv.language.text(.oddOneOutOf, ["words": words.joined(separator: " ")]),
                                             items: scores.sorted { $0.score < $1.score }, method: .cosineToMean))
        })

    static let rank = CommandSpec(
        "rank", arguments: .expressions(.word, count: 2...2, wholeLine: false),
        topic: .neighbours,
        summary: Localized(en: "where the first word ranks among the second's neighbours", zh: "第一个词在第二个词的近邻中排第几"),
        examples: ["rank queen king"],
        evaluate: { inv in
            let words = try inv.words()
            guard let rank = try inv.model.rank(of: words[0], amongNeighboursOf: words[1], restrictTo: inv.settings.restrictTo) else {
                return .text(inv.language.text(.outsideSearchedWords, ["word": words[0]]))
            }
            return .scalar(ScalarValue(value: Double(rank), label: inv.language.text(.rankLabel, ["word": words[0], "of": words[1]])))
        })

    static let analogy = CommandSpec(
        "analogy", arguments: .expressions(.word, count: 3...3, wholeLine: false),
        topic: .arithmetic,
        summary: Localized(en: "a : b :: c : ? — the same as b - a + c", zh: "a : b :: c : ?，与 b - a + c 相同"),
        examples: ["analogy man king woman"],
        evaluate: { inv in
            let w = try inv.words()
            return try inv.evaluator.analogy(a: w[0], b: w[1], c: w[2], span: inv.span)
        })
}

import Foundation
import Word2Vec

/// The gensim / numpy code that computes what a line of EmbedLab computed, so that what a learner
/// types here carries over to the notebooks they will write next (`:python`, `embedlab export
/// --ipynb`). The code assumes the prelude (`PythonCode.prelude`): numpy as `np` and the model
/// loaded as gensim `KeyedVectors` in `kv`. Each snippet prints its result the way EmbedLab
/// lists it: a word and a score per line, or one number.
///
///     PythonCode.code(for: "king - man + woman", value: value)
///     // result = kv.most_similar(positive=["king", "woman"], negative=["man"], topn=10)
///     // for word, score in result: print(f"{word}\t{score:.4f}")
public enum PythonCode {
    /// Imports and the model: `path` is a word2vec text file (`embedlab convert MODEL OUT.txt --to word2vec`).
    public static func prelude(model: String) -> String {
        """
        # The model as gensim KeyedVectors. Make the file with:
        #   embedlab convert \(model) \(model).txt --to word2vec
        import os
        import numpy as np
        from gensim.models import KeyedVectors
        kv = KeyedVectors.load_word2vec_format(os.environ.get("EMBEDLAB_W2V", "\(model).txt"), binary=False)
        """
    }

    /// The Python for `line` (which gave `value`), or nil when there is no equivalent written yet.
    public static func code(for line: String, value: Value?) -> String? {
        guard let statement = try? Parser.parse(line) else { return nil }
        let k = value?.neighbourCount ?? 10
        let method = value?.neighbourMethod
        func analogy(_ a: String, _ b: String, _ c: String) -> String {
            let call = method == .cosMul ? "most_similar_cosmul" : "most_similar"
            return "# \(a) : \(b) :: \(c) : ?  (\(b) - \(a) + \(c), \(method == .cosMul ? "3CosMul" : "3CosAdd"); gensim also leaves the three words out)\n"
                + "result = kv.\(call)(positive=[\(py(b)), \(py(c))], negative=[\(py(a))], topn=\(k))\n" + printPairs
        }
        switch statement {
        case .expression(let e):
            if let (a, b, c) = e.analogyShape { return analogy(a, b, c) }
            if case .word(let w, _) = e { return "# the vector of \(w)\nprint(kv[\(py(w))])" }
            return vector(e).map { "v = \($0)\nprint(v)" }
        case .analogy(let a, let b, let c, _):
            return analogy(a, b, c)
        case .command(let name, let arguments, _):
            let exprs = arguments.compactMap { if case .expr(let e) = $0 { return e } else { return nil } }
            let options = Dictionary(arguments.compactMap { if case .option(let n, let v, _) = $0 { return (n, v) } else { return nil } }, uniquingKeysWith: { a, _ in a })
            let texts = arguments.compactMap { if case .text(let t, _) = $0 { return t } else { return nil } }
            switch name {
            case "near":
                guard let e = exprs.last else { return nil }
                if case .word(let w, _) = e {
                    return "result = kv.most_similar(\(py(w)), topn=\(k))\n" + printPairs
                }
                if let (a, b, c) = e.analogyShape { return analogy(a, b, c) }
                guard let v = vector(e) else { return nil }
                let words = e.words.map(py).joined(separator: ", ")
                return "# the nearest words to an expression, its words left out as EmbedLab does\n"
                    + "v = \(v)\nresult = [(w, s) for w, s in kv.similar_by_vector(v, topn=\(k) + \(e.words.count)) if w not in (\(words),)][:\(k)]\n" + printPairs
            case "sim":
                guard exprs.count == 2 else { return nil }
                if case .word(let a, _) = exprs[0], case .word(let b, _) = exprs[1] {
                    return "score = kv.similarity(\(py(a)), \(py(b)))\nprint(f\"{score:.4f}\")"
                }
                guard let a = vector(exprs[0]), let b = vector(exprs[1]) else { return nil }
                return "a, b = \(a), \(b)\nscore = np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))\nprint(f\"{score:.4f}\")"
            case "eval":
                // A bundled question set (small-world) is not a file gensim can read.
                guard let file = texts.first?.trimmingCharacters(in: .whitespaces), !file.isEmpty, !file.contains(" "), file.contains(".") else { return nil }
                let restrict = options["restrict"].map { ", restrict_vocab=\($0)" } ?? ", restrict_vocab=300000"
                if file.hasSuffix(".tsv") || file.hasSuffix(".csv") || options["pairs"] == "on" {
                    return "pearson, spearman, oov = kv.evaluate_word_pairs(\(py(file))\(restrict))\nprint(f\"Pearson {pearson[0]:.4f}, Spearman {spearman.correlation:.4f}, OOV {oov:.1f}%\")"
                }
                return "score, sections = kv.evaluate_word_analogies(\(py(file))\(restrict))\n"
                    + "total = sections[-1]\nprint(f\"{len(total['correct'])}/{len(total['correct']) + len(total['incorrect'])} correct ({score:.4f})\")"
            case "train":
                guard let text = texts.first, text.hasPrefix("word2vec") else { return nil }
                // The table reads train's options from its text (`word2vec corpus=small-world epochs=3`).
                var given = options
                for word in text.split(separator: " ") {
                    let pair = word.split(separator: "=", maxSplits: 1)
                    if pair.count == 2 { given[pair[0].lowercased()] = String(pair[1]) }
                }
                return word2vec(given)
            case "search":
                return search(texts.first ?? "", k: value?.tableRowCount ?? 5)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// `train word2vec …` in gensim, with the settings EmbedLab used (its small world's, or gensim's
    /// defaults for a file, then the options given). gensim draws its own random numbers: the
    /// vectors are alike, not equal.
    static func word2vec(_ options: [String: String]) -> String {
        let corpus = options["corpus"] ?? "small-world"
        let smallWorld = corpus == "small-world"
        var h: Word2VecHyperparameters = smallWorld ? .smallWorld : Word2VecHyperparameters()
        if let n = options["sg"].flatMap(Int.init) { h.architecture = n == 1 ? .skipGram : .cbow }
        if let n = options["dim"].flatMap(Int.init) { h.dimensions = n }
        if let n = options["epochs"].flatMap(Int.init) { h.epochs = n }
        if let n = options["window"].flatMap(Int.init) { h.window = n }
        if let n = options["negative"].flatMap(Int.init) { h.negative = n }
        if let x = options["sample"].flatMap(Double.init) { h.sample = x }
        if let n = (options["min-count"] ?? options["mincount"]).flatMap(Int.init) { h.minCount = n }
        if let n = options["seed"].flatMap(UInt64.init) { h.seed = n }
        if let x = (options["eta"] ?? options["lr"]).flatMap(Float.init) { h.learningRate = x; h.minLearningRate = min(h.minLearningRate, x) }
        let sg = h.architecture == .skipGram ? 1 : 0
        var args: [String] = ["sentences", "vector_size=\(h.dimensions)", "window=\(h.window)", "min_count=\(h.minCount)", "sg=\(sg)"]
        args += ["negative=\(h.negative)", "sample=\(h.sample)", "epochs=\(h.epochs)"]
        args += ["alpha=\(h.learningRate)", "min_alpha=\(h.minLearningRate)", "seed=\(h.seed)", "workers=1"]
        if let n = (options["max-vocab"]).flatMap(Int.init) { args.append("max_final_vocab=\(n)") }
        let file = smallWorld ? "small-world.txt" : corpus
        var lines = ["# Word2Vec in gensim with the settings EmbedLab used (gensim's random numbers differ: alike vectors, not equal ones)"]
        if smallWorld { lines.append("# the small world's sentences, one a line: embedlab train small-world small-world.txt --write-corpus") }
        lines.append("from gensim.models import Word2Vec")
        lines.append("sentences = [line.split() for line in open(\(py(file)), encoding=\"utf-8\") if line.split()]")
        lines.append("model = Word2Vec(" + args.joined(separator: ", ") + ")")
        lines.append("kv = model.wv")
        lines.append("print(kv)")
        return lines.joined(separator: "\n")
    }

    /// `search COLLECTION [K] "QUERY"` on a word model, as EmbedLab ranks it: each text the SIF mean of
    /// its words (weight a / (a + p(w)), a = 0.001, p(w) by Zipf's law over the model's frequency
    /// ranks), the collection's common component removed, documents by cosine.
    static func search(_ text: String, k: Int) -> String? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard let space = rest.firstIndex(where: { $0 == " " }) else { return nil }
        let collection = String(rest[..<space])
        rest = rest[space...].drop { $0 == " " }
        var count = k
        if let n = rest.split(separator: " ").first.flatMap({ Int($0) }) {
            count = n
            rest = rest.drop { $0 != " " }.drop { $0 == " " }
        }
        guard rest.count >= 2, rest.first == "\"", rest.last == "\"" else { return nil }
        let query = String(rest.dropFirst().dropLast())
        let file = collection.contains("/") || collection.contains(".") ? "\(py(collection))"
            : "os.path.join(os.environ.get(\"EMBEDLAB_COLLECTIONS\", \"collections\"), \(py(collection + ".txt")))"
        return """
            # sentence search as EmbedLab ranks it on a word model: each text is the SIF mean of its words'
            # vectors (weight a / (a + p(w)), p(w) by Zipf's law over the model's frequency ranks), the
            # collection's common component removed; documents by cosine, numbered from 1 as listed
            import re
            a, H = 1e-3, sum(1 / r for r in range(len(kv.index_to_key), 0, -1))
            def average(text):
                rows = [kv.key_to_index.get(w, kv.key_to_index.get(w.lower())) for w in re.findall(r"\\w+", text)]
                rows = [r for r in rows if r is not None]
                return sum(a / (a + 1 / ((r + 1) * H)) * kv.vectors[r] for r in rows) / len(rows) if rows else None
            lines = [l.rstrip("\\n") for l in open(\(file), encoding="utf-8")]
            documents = [l.split("\\t", 1)[-1] for l in lines if l.strip() and not l.startswith("#")]
            X = np.array([v for v in map(average, documents) if v is not None])
            u = np.linalg.svd(np.vstack([X, -X]), full_matrices=False)[2][0]
            def sentence(text):
                v = average(text)
                return v - np.dot(v, u) * u
            D, q = np.array([sentence(d) for d in documents]), sentence(\(py(query)))
            scores = D @ q / (np.linalg.norm(D, axis=1) * np.linalg.norm(q))
            for i in np.argsort(-scores, kind="stable")[:\(count)]:
                print(f"{i + 1}\\t{scores[i]:.4f}\\t{documents[i]}")
            """
    }

    /// Prints (word, score) pairs as EmbedLab lists them.
    static let printPairs = "for word, score in result:\n    print(f\"{word}\\t{score:.4f}\")"

    /// An expression as numpy arithmetic on `kv[...]` (nil for what has no such form here).
    static func vector(_ e: Expr) -> String? {
        switch e {
        case .word(let w, _): return "kv[\(py(w))]"
        case .number(let n, _): return String(n)
        case .vector(let items, _):
            let parts = items.compactMap(vector)
            return parts.count == items.count ? "np.array([\(parts.joined(separator: ", "))], dtype=np.float32)" : nil
        case .binary(let op, let a, let b, _):
            guard let x = vector(a), let y = vector(b) else { return nil }
            return "(\(x) \(op.rawValue) \(y))"
        case .negate(let a, _): return vector(a).map { "-\($0)" }
        default: return nil
        }
    }

    /// A Python string literal.
    static func py(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default:
                if u.value < 0x20 || u.value == 0x7f { out += String(format: "\\x%02x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

extension Value {
    /// How many neighbours a neighbour list has (nil for other values).
    var tableRowCount: Int? { if case .table(let t) = self { return t.rows.count } else { return nil } }
    var neighbourCount: Int? { if case .neighbours(let n) = self { return n.items.count } else { return nil } }
    var neighbourMethod: NeighbourList.Method? { if case .neighbours(let n) = self { return n.method } else { return nil } }
}

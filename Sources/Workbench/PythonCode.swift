import Foundation

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
                guard texts.first?.hasPrefix("word2vec") == true || options.isEmpty == false else { return nil }
                guard (texts.first ?? "").hasPrefix("word2vec") else { return nil }
                let corpus = options["corpus"] ?? "small-world"
                var args = ["sentences", "vector_size=\(options["dim"] ?? "100")", "window=\(options["window"] ?? "5")",
                            "min_count=\(options["min-count"] ?? options["mincount"] ?? "1")", "sg=\(options["sg"] ?? "0")",
                            "negative=\(options["negative"] ?? "5")", "epochs=\(options["epochs"] ?? "5")", "seed=\(options["seed"] ?? "1")", "workers=1"]
                if let alpha = options["alpha"] ?? options["lr"] { args.append("alpha=\(alpha)") }
                return "# Word2Vec in gensim on the same corpus (one sentence per line, words split on spaces)\n"
                    + "from gensim.models import Word2Vec\n"
                    + "sentences = [line.split() for line in open(\(py(corpus == "small-world" ? "small-world.txt" : corpus)), encoding=\"utf-8\")]\n"
                    + "model = Word2Vec(\(args.joined(separator: ", ")))\nkv = model.wv\nprint(kv)"
            case "search":
                return "# sentence search: a sentence is the mean of its words' vectors; documents ranked by cosine\n"
                    + "def sentence(text):\n    words = [w for w in text.lower().split() if w in kv.key_to_index]\n    return np.mean([kv[w] for w in words], axis=0)\n"
                    + "# documents = [...]  # the collection's texts\n# q = sentence(\"your query\")\n"
                    + "# scores = [float(np.dot(q, d) / (np.linalg.norm(q) * np.linalg.norm(d))) for d in map(sentence, documents)]"
            default:
                return nil
            }
        default:
            return nil
        }
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
    var neighbourCount: Int? { if case .neighbours(let n) = self { return n.items.count } else { return nil } }
    var neighbourMethod: NeighbourList.Method? { if case .neighbours(let n) = self { return n.method } else { return nil } }
}

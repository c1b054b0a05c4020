/// The `:help` texts: the command language, by topic.
public enum Help {
    public static let topics: [(name: String, summary: String, text: String)] = [
        ("words", "a word's vector, quoting, variables", """
        猫                     the vector of a word (any script; "new york" in quotes)
        show king              the same, with a bar per dimension
        let royal = king - man a variable: it shadows a word of the same name
        vars                   the variables you have made
        [0.3, 0.8, -0.2]       a literal vector
        """),
        ("similarity", "cosine, distance, dot product", """
        sim 猫 狗              cosine similarity (also cos 猫 狗, cos(猫, 狗))
        dist 猫 狗             Euclidean distance
        dot 猫 狗              dot product;  norm 猫: the vector's length
        """),
        ("neighbours", "nearest words, odd one out, rank", """
        near 猫                the nearest words by cosine (the word itself left out)
        near 5 king - man      the 5 nearest to any expression
        odd breakfast lunch dinner car   the word that fits least
        rank queen king        where queen ranks among king's neighbours
        """),
        ("arithmetic", "king - man + woman, analogies", """
        king - man + woman     the words nearest to the result; the input words are left out (and it says so)
        man : king :: woman : ?   the same analogy, written as a proportion
        2 * king, king / 2     scaling;  ( ) group, - negates
        :set exclude off       let input words be answers, to see why they are usually left out
        :set method 3cosmul    score analogies by 3CosMul instead of 3CosAdd
        """),
        ("model", "models, settings, evaluation", """
        :models                the bundled models;  :use glove-50d  switches;  :load FILE  reads any vectors file
        dims                   the model's size and dimension names
        vocab ki               words starting with "ki";  vocab /^qu.*n$/  a regular expression
        plot 猫 狗 汽车 飞机     a 2-D picture of the words (PCA)
        eval FILE [restrict=N] analogy accuracy (questions-words format) or word-pair correlation
        :set                   the settings: k, exclude, method, restrict
        """),
        ("text", "tokens, BPE merges, co-occurrence counts", """
        tokens "从Token到向量"       the text as words, characters, UTF-8 bytes (and BPE tokens) side by side
        bpe train "aaabdaaabac" vocab 259   learn byte-pair merges (vocab counts the 256 bytes: 259 = 3 merges);
                               afterwards tokens shows a BPE row cut by them
        cooccur "the cat sat on the mat" window 2   GloVe's counts X: a word at distance d counts 1/d
        Texts go in quotes; Chinese is cut into words by the bundled dictionary.
        """),
        ("training", "train GloVe vectors at the prompt", """
        train glove corpus=small-world dim=20 epochs=25   a bilingual toy world, trained in a blink
        train glove corpus=FILE dim=50 epochs=15          your own text: one sentence a line, tokens separated
                               by spaces (Chinese already segmented)
        options                dim, epochs, window, min-count, max-vocab, x-max, alpha, eta, threads, seed, name
        Ctrl-C                 stops training; the vectors of that moment stay usable
        Afterwards the new model is in use ('trained'):  king - man + woman,  北京 - 中国 + 法国;
        :use glove-50d goes back. To keep a model in a file: embedlab train CORPUS OUT.embv
        """),
        ("session", "history, saving, leaving", """
        Up/Down                earlier lines, also from earlier sessions;  Tab completes words and commands
        Ctrl-C                 clears the line, or stops a running command;  Ctrl-D or :quit leaves
        :save FILE.md          the session as a notebook;  embedlab run FILE.md replays it
        """),
    ]

    public static func text(topic: String?) -> String {
        if let topic {
            let t = topic.lowercased().trimmingWhitespace
            if let entry = topics.first(where: { $0.name == t || $0.name.hasPrefix(t) }) { return entry.text }
            return "no help on '\(topic)'; topics: " + topics.map(\.name).joined(separator: ", ")
        }
        var out = "EmbedLab: type a word, an expression or a command. Topics (:help TOPIC):\n"
        for entry in topics { out += "  \(entry.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.summary)\n" }
        out += "Try:  king - man + woman   ·   sim 猫 狗   ·   near paris   ·   :lesson"
        return out
    }
}

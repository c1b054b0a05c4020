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

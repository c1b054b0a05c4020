import FileAccess
/// The words an evaluation may use, as gensim's evaluations see them: the first `limit` words of
/// the model, keyed as compared (upper-cased when case-insensitive), the most frequent spelling of
/// a key winning. Shared by the analogy and word-pair evaluations.
struct SearchableWords {
    let limit: Int
    let fold: (String) -> String
    private var rows: [String: Int] = [:]

    init(_ model: WordVectors, restrictTo: Int, caseInsensitive: Bool) {
        limit = min(restrictTo, model.count)
        fold = caseInsensitive ? { $0.uppercased() } : { $0 }
        // Most frequent last, so that it overwrites rarer spellings of the same key.
        for i in stride(from: limit - 1, through: 0, by: -1) { rows[fold(model.word(at: i))] = i }
    }

    /// The row of a word already folded (as question files are read).
    subscript(folded key: String) -> Int? { rows[key] }

    /// The row of a word as written in a file.
    subscript(word word: String) -> Int? { rows[fold(word)] }
}

/// What kind of evaluation file a text is: word pairs (tab-separated, no `: section` lines)
/// or analogy questions.
public enum EvaluationFile {
    /// Reads an evaluation file as text with `\n` line breaks (LF, CRLF and a byte-order mark all
    /// read the same), through the one opener, with the limits of a data file (256 MiB, 64 KiB lines).
    public static func read(path: String) throws -> String {
        do {
            return try TextFile.text(atPath: path, limits: .dataFile, what: "evaluation file")
        } catch let error as FileAccessError {
            throw ModelFileError(error)
        }
    }

    public static func isWordPairs(_ text: String) -> Bool {
        text.contains("\t") && !text.hasPrefix(": ") && !text.contains("\n: ")
    }
}

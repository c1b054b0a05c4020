import VectorMath

extension CooccurrenceMatrix {
    /// Counts the co-occurrences of `corpus` for the words of `vocabulary`, `window` tokens on
    /// each side, on `threads` threads.
    ///
    /// The result is the same as `cooccur.c -symmetric 1 -distance-weighting 1 -window-size w`:
    /// - the window stops at the end of a line;
    /// - a token that is not in the vocabulary is skipped before windowing, so it takes no place
    ///   in the window (`cooccur.c` `continue`s before the word enters its history, and does not
    ///   advance its position), and its neighbours are one place nearer to each other than in
    ///   the raw text;
    /// - the counts are summed in double precision and stored as `Float`.
    ///
    /// How it is counted (not how `cooccur.c` counts, which streams the corpus through a dense
    /// table for frequent pairs and sorted temporary files for the rest): the corpus becomes an
    /// array of word indices, every word gets the list of the positions where it occurs, and
    /// then X is built one row at a time: for each occurrence of word i, add 1/d to an
    /// accumulator for each word at distance d ≤ window; then write out the row's nonzero
    /// entries in column order. Rows are independent, so threads take different rows.
    ///
    /// Memory: 4 bytes per token for the indices and 4 per in-vocabulary token for the position
    /// lists (about 85 MB for 10 million tokens, freed at the end), 12 V bytes per thread for the
    /// row accumulator, and 12 bytes per nonzero record for the result (340 MB for 28 million);
    /// records are gathered in about 32 slices of rows, so that the per-thread buffers hold
    /// about 1/32 of the result at a time.
    public init(counting corpus: Corpus, vocabulary: Vocabulary, window: Int = 15, threads: Int = Parallelism.cores) {
        self = CooccurrenceMatrix.count(corpus: corpus, vocabulary: vocabulary, window: window,
                                        threads: threads, isCancelled: nil)!
    }

    /// The counting behind `init(counting:vocabulary:window:threads:)`; nil when `isCancelled`
    /// says so between two slices of rows.
    static func count(corpus: Corpus, vocabulary: Vocabulary, window: Int, threads: Int,
                      isCancelled: (@Sendable () -> Bool)?) -> CooccurrenceMatrix? {
        precondition(window >= 1, "the window is at least 1 token on each side")
        let threads = Swift.max(1, threads)
        let tokens = TokenIndices(corpus: corpus, vocabulary: vocabulary, threads: threads)
        let occurrences = Occurrences(tokens, vocabularySize: vocabulary.count)
        let counter = RowCounter(tokens: tokens, occurrences: occurrences, window: window)
        guard let (storage, rowStarts) = counter.countAllRows(threads: threads, isCancelled: isCancelled) else { return nil }
        return CooccurrenceMatrix(vocabulary: vocabulary, window: window, storage: storage, rowStarts: rowStarts)
    }
}

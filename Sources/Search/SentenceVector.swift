/// A sentence turned into one vector, with what went into it: which words the model knew and
/// how much each counted, and which it lacked (reported, never silently dropped).
///
/// ```swift
/// let s = encoder.encode("a cat sat on the mat")
/// s.known     // ["a", "cat", "sat", "on", "the", "mat"]
/// s.missing   // []
/// s.vector    // 50 numbers
/// ```
public struct SentenceVector: Equatable, Sendable {
    /// The text as given.
    public var text: String
    /// The pooled vector (all zeros when no word was known).
    public var vector: [Float]
    /// The words found in the model, in order, as looked up (lower-cased where the model needed it).
    public var known: [String]
    /// Each known word's weight in the pool (1 for the mean; a/(a + p(w)) for SIF).
    public var weights: [Float]
    /// The words the model lacks, in order.
    public var missing: [String]

    /// True when not one word of the text is in the model: the vector means nothing.
    public var isEmpty: Bool { known.isEmpty }
}

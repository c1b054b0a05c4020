import Foundation

/// What can go wrong in the Tokenizers module, said so that a learner knows what to type instead.
///
/// ```swift
/// do { _ = try BPETokenizer.train(on: "hello", vocabularySize: 100) }
/// catch { print(error) }   // vocab 100 is too small: BPE starts from the 256 byte tokens…
/// ```
public enum TokenizerError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// BPE training was asked for fewer tokens than the 256 bytes it starts from.
    case vocabularyTooSmall(requested: Int)
    /// A token id that the tokenizer's vocabulary does not have.
    case unknownTokenID(Int, vocabularySize: Int)
    /// A list of merges that cannot be replayed (ids out of order or not yet defined).
    case invalidMerge(index: Int, reason: String)
    /// A segmentation dictionary line that is not `word frequency`.
    case malformedDictionary(source: String, line: Int, text: String)
    /// A resource file missing from the module's bundle.
    case missingResource(String)

    public var description: String {
        switch self {
        case .vocabularyTooSmall(let requested):
            return "vocab \(requested) is too small: BPE starts from the 256 byte tokens, so ask for at least 256 (e.g. vocab 300)"
        case .unknownTokenID(let id, let size):
            return "token id \(id) is not in the vocabulary: ids go from 0 to \(size - 1)"
        case .invalidMerge(let index, let reason):
            return "merge \(index) cannot be replayed: \(reason)"
        case .malformedDictionary(let source, let line, let text):
            return "\(source) line \(line): expected 'word frequency' (e.g. '北京 34488'), got '\(text)'"
        case .missingResource(let name):
            return "the resource \(name) is missing from the Tokenizers bundle; rebuild it with python3 scripts/build-segmentation-dict.py"
        }
    }

    public var errorDescription: String? { description }
}

/// What can go wrong with an approximate-neighbour index, said for a person: what, where, and
/// what to do instead.
///
/// ```swift
/// IndexError.file("glove-50d.hnsw", byte: 0, "wrong magic: not an EmbedLab HNSW index").description
/// // "glove-50d.hnsw: byte 0: wrong magic: not an EmbedLab HNSW index"
/// ```
public enum IndexError: Error, Equatable, CustomStringConvertible {
    /// A problem in an index file at a byte offset (nil: the file as a whole).
    case file(String, byte: Int?, String)
    /// A build or search parameter out of range.
    case badParameter(String)
    /// A query whose dimension differs from the indexed vectors'.
    case dimensionMismatch(query: Int, index: Int)
    /// The build was stopped (Ctrl-C) after this many of the points were inserted.
    case cancelled(inserted: Int, of: Int)

    public var description: String {
        switch self {
        case .file(let path, let byte?, let problem): return "\(path): byte \(byte): \(problem)"
        case .file(let path, nil, let problem): return "\(path): \(problem)"
        case .badParameter(let problem): return problem
        case .dimensionMismatch(let q, let d): return "the query has \(q) dimensions, the indexed vectors have \(d)"
        case .cancelled(let done, let total): return "index build stopped after \(done) of \(total) points; nothing was kept"
        }
    }
}

import FileAccess
/// A model file that cannot be read, with where and why, in one line a person can act on:
///
///     vectors/bad.txt: line 7: expected 50 numbers after 'cat', found 49
public struct ModelFileError: Error, Equatable, CustomStringConvertible {
    /// Where in the file the problem is.
    public enum Location: Equatable, Sendable {
        case file
        case line(Int)
        case byte(Int)
    }

    public let path: String
    public let location: Location
    public let problem: String

    public init(_ path: String, _ location: Location, _ problem: String) {
        self.path = path
        self.location = location
        // A problem quoting content is bounded (the readers quote excerpts already; this is the net).
        self.problem = problem.utf8.count > 1_000 ? PrintableText.excerpt(problem, limit: 1_000) : problem
    }

    public var description: String {
        switch location {
        case .file: return "\(path): \(problem)"
        case .line(let n): return "\(path): line \(n): \(problem)"
        case .byte(let n): return "\(path): byte \(n): \(problem)"
        }
    }
}

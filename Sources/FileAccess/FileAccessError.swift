/// Why a file could not be read or written, in one line a person can act on:
///
///     lessons/extra.md: is a named pipe (FIFO), not a file; EmbedLab reads only regular files
///
/// `kind` lets a caller react (a catalogue skips `.notFound`); `description` is what is printed.
public struct FileAccessError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case notFound, permissionDenied, isDirectory, isPipe, isDevice, isSocket, symlinkLoop, isLink, notAFolderOnTheWay
        case tooLarge, outsideAllowedFolders, notUTF8, lineTooLong, readFailed
        case targetNotRegular, writeFailed
    }

    public let path: String
    public let kind: Kind
    /// What went wrong and what to do instead, without the path.
    public let problem: String

    public init(_ path: String, _ kind: Kind, _ problem: String) {
        self.path = path
        self.kind = kind
        self.problem = problem
    }

    public var description: String { "\(PrintableText.escaping(path, limit: 300)): \(problem)" }
}

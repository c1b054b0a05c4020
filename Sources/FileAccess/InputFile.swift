#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened for reading: the one way EmbedLab opens a file it did not write.
///
/// Opening refuses, each with one line saying what the path is and what to do instead:
/// a folder, a named pipe (which would block forever), a device (`/dev/zero` never ends),
/// a socket, a loop of symbolic links, a file larger than the caller's limit, and, when a
/// `ReadPolicy` is in force, any file outside its folders. A pipe is never blocked on: the file
/// is examined with `stat` first and opened non-blocking.
///
/// ```swift
/// let file = try InputFile.open("vectors/toy.txt", maxBytes: 1 << 30, what: "model")
/// let bytes = try file.readAll()          // at most file.size bytes, read in a loop
/// let mapping = try file.map()            // or mapped read-only, for large binary models
/// ```
public final class InputFile {
    /// The path as the caller gave it (used in messages).
    public let path: String
    /// The file's size in bytes when it was opened.
    public let size: Int
    private let fd: Int32

    /// Generous defaults, per use; a caller passes its own limit.
    public static let defaultMaxBytes = 8 << 30

    private init(path: String, size: Int, fd: Int32) {
        self.path = path
        self.size = size
        self.fd = fd
    }

    deinit { close(fd) }

    /// Opens `path` for reading. `what` names the file in messages ("model", "lesson", "corpus").
    public static func open(_ path: String, maxBytes: Int = defaultMaxBytes, what: String = "file",
                            policy: ReadPolicy? = ReadPolicy.current) throws -> InputFile {
        guard !path.isEmpty else { throw FileAccessError(path, .notFound, "an empty path names no file") }
        // Look before opening: opening a FIFO or some devices can block or have effects.
        var st = stat()
        guard stat(path, &st) == 0 else { throw openError(path, errno, what: what) }
        try checkKind(st.st_mode, path: path, what: what)
        let fd = openNonBlocking(path)
        guard fd >= 0 else { throw openError(path, errno, what: what) }
        let file: InputFile
        do {
            // What was opened may differ from what was looked at (a race): check again.
            var opened = stat()
            guard fstat(fd, &opened) == 0 else { throw FileAccessError(path, .readFailed, "cannot be examined: \(errorText(errno))") }
            try checkKind(opened.st_mode, path: path, what: what)
            let size = Int(opened.st_size)
            guard size <= maxBytes else {
                throw FileAccessError(path, .tooLarge, "is \(size) bytes, more than the \(maxBytes) bytes \(aFile(what)) may have")
            }
            if let policy {
                try policy.checkReadable(openedPath(fd) ?? ReadPolicy.canonical(path), shown: path)
            }
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
            file = InputFile(path: path, size: size, fd: fd)
        } catch {
            close(fd)
            throw error
        }
        return file
    }

    /// The whole file, read in a loop; at most `size` bytes (a file that grows meanwhile is cut
    /// where it was when opened; one that shrinks is read to its new end).
    public func readAll() throws -> [UInt8] {
        try read(upTo: size)
    }

    /// The first `count` bytes (fewer when the file is shorter).
    public func read(upTo count: Int) throws -> [UInt8] {
        let wanted = max(0, min(count, size))
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            var done = 0
            while done < wanted {
                let n = pread(fd, buffer.baseAddress! + done, wanted - done, off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if failure != 0 { throw FileAccessError(path, .readFailed, "cannot be read: \(errorText(failure))") }
        return bytes
    }

    /// The file mapped read-only into memory (nothing copied); unmapped when the last user lets go.
    public func map() throws -> MappedBytes {
        guard size > 0 else { return MappedBytes(base: nil, count: 0) }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw FileAccessError(path, .readFailed, "cannot be mapped into memory: \(errorText(errno))")
        }
        return MappedBytes(base: p, count: size)
    }

    static func checkKind(_ mode: mode_t, path: String, what: String) throws {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw FileAccessError(path, .isDirectory, "is a folder, not \(aFile(what)); name a file inside it")
        case S_IFIFO: throw FileAccessError(path, .isPipe, "is a named pipe (FIFO), not a file; EmbedLab reads only regular files (save the data to a file first)")
        case S_IFCHR, S_IFBLK: throw FileAccessError(path, .isDevice, "is a device, not a file; EmbedLab reads only regular files")
        case S_IFSOCK: throw FileAccessError(path, .isSocket, "is a socket, not a file; EmbedLab reads only regular files")
        default: throw FileAccessError(path, .readFailed, "is not a regular file; EmbedLab reads only regular files")
        }
    }

    /// "a model file", "an evaluation file", "a file": `what` with its article, said once.
    static func aFile(_ what: String) -> String {
        let noun = what == "file" || what.hasSuffix(" file") ? what : what + " file"
        return ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun
    }

    static func openError(_ path: String, _ code: Int32, what: String) -> FileAccessError {
        switch code {
        case ENOENT: return FileAccessError(path, .notFound, "no such file")
        case EACCES, EPERM: return FileAccessError(path, .permissionDenied, "permission denied (check the file's permissions)")
        case ELOOP: return FileAccessError(path, .symlinkLoop, "is a loop of symbolic links; point the link at a real file")
        case ENOTDIR: return FileAccessError(path, .notAFolderOnTheWay, "a part of the path before the last '/' is a file, not a folder")
        case ENAMETOOLONG: return FileAccessError(path, .notFound, "the path is too long")
        default: return FileAccessError(path, .readFailed, "cannot be opened: \(errorText(code))")
        }
    }

    /// The canonical path of what `fd` refers to (Linux: /proc/self/fd).
    static func openedPath(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        buffer[n] = 0
        let s = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return s.hasPrefix("/") ? s : nil
    }
}

/// A read-only mapping of a whole file, unmapped when released.
public final class MappedBytes: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>
    public var count: Int { bytes.count }
    private let base: UnsafeMutableRawPointer?

    init(base: UnsafeMutableRawPointer?, count: Int) {
        self.base = base
        bytes = UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)
    }

    deinit { if let base { munmap(base, bytes.count) } }
}

func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

/// open(2) without blocking on a pipe and without taking a terminal as controlling terminal.
private func openNonBlocking(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
}

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
    /// `followLinks: false` refuses a symbolic link at `path` itself (a learner's answers file,
    /// where a link could only point at someone else's).
    public static func open(_ path: String, maxBytes: Int = defaultMaxBytes, what: String = "file",
                            policy: ReadPolicy? = ReadPolicy.current, followLinks: Bool = true) throws -> InputFile {
        guard !path.isEmpty else { throw FileAccessError(path, .notFound, "an empty path names no file") }
        // The policy decides first, on the path as written (links resolved): a refused path is never
        // examined, so the refusal cannot tell whether it exists, is a folder, or how large it is.
        if let policy { try policy.checkReadable(ReadPolicy.canonical(path), shown: path) }
        // Look before opening: opening a FIFO or some devices can block or have effects.
        var st = stat()
        guard (followLinks ? stat(path, &st) : lstat(path, &st)) == 0 else { throw openError(path, errno, what: what) }
        if !followLinks, st.st_mode & S_IFMT == S_IFLNK {
            throw FileAccessError(path, .isLink, "is a symbolic link; EmbedLab reads \(aFile(what)) only as a regular file, not through a link")
        }
        try checkKind(st.st_mode, path: path, what: what)
        let fd = openNonBlocking(path, followLinks: followLinks)
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

    /// Files up to this size are copied, not mapped, by `map()`.
    public static let snapshotMaxBytes = 512 << 20

    /// The file's bytes in memory that stay valid whatever happens to the file afterwards.
    /// A file up to `snapshotMaxBytes` is copied (a private snapshot: truncating or rewriting the
    /// file later changes nothing here); a larger one is mapped (`MAP_PRIVATE`) and remembers the
    /// file's identity (device, inode, size, modification time), so that `MappedBytes.checkUnchanged()`
    /// can refuse to go on with a file changed underneath before anything reads it again.
    ///
    /// `copyUpTo` lowers the size up to which the file is copied, for a caller that checks
    /// `checkUnchanged()` before each use anyway and must open large files in milliseconds (a word
    /// model: copying glove-50d's 6.6 MB took 12 ms of the start-up, zh-wiki's 15.6 MB 15-27 ms).
    public func map(copyUpTo: Int = InputFile.snapshotMaxBytes) throws -> MappedBytes {
        if size <= min(copyUpTo, Self.snapshotMaxBytes) { return try snapshot() }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileAccessError(path, .readFailed, "cannot be examined: \(errorText(errno))") }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw FileAccessError(path, .readFailed, "cannot be mapped into memory: \(errorText(errno))")
        }
        let copy = dup(fd)
        return MappedBytes(mapped: p, count: size, path: path, fd: copy, identity: FileIdentity(st))
    }

    /// The whole file copied into memory aligned for any scalar type (64 bytes), read in a loop.
    /// A file that shrinks while it is read is refused (it changed underneath).
    public func snapshot() throws -> MappedBytes {
        guard size > 0 else { return MappedBytes(owned: nil, count: 0) }
        guard let p = aligned(size) else {
            throw FileAccessError(path, .tooLarge, "is \(size) bytes; there is not enough memory to read it")
        }
        var done = 0
        while done < size {
            let n = pread(fd, p + done, size - done, off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                let failure = errno
                free(p)
                throw FileAccessError(path, .readFailed, "cannot be read: \(errorText(failure))")
            }
            if n == 0 {
                free(p)
                throw FileAccessError(path, .readFailed, "changed while it was read (\(size) bytes when opened, \(done) now); open it again")
            }
            done += n
        }
        return MappedBytes(owned: p, count: size)
    }

    private func aligned(_ count: Int) -> UnsafeMutableRawPointer? {
        var p: UnsafeMutableRawPointer?
        guard posix_memalign(&p, 64, count) == 0 else { return nil }
        return p
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

    public static func openError(_ path: String, _ code: Int32, what: String) -> FileAccessError {
        switch code {
        case ENOENT: return FileAccessError(path, .notFound, "no such file")
        case EACCES, EPERM: return FileAccessError(path, .permissionDenied, "permission denied (check the file's permissions)")
        case ELOOP, EMLINK: return FileAccessError(path, .symlinkLoop, "is a loop of symbolic links; point the link at a real file")
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

/// What identifies a file's contents for `MappedBytes.checkUnchanged()`: the same device and
/// inode, size and modification time (a `cp` over it, a `truncate`, a rewrite in place all change one).
struct FileIdentity: Equatable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    init(_ st: stat) {
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        #if canImport(Darwin)
        seconds = st.st_mtimespec.tv_sec; nanoseconds = st.st_mtimespec.tv_nsec
        #else
        seconds = st.st_mtim.tv_sec; nanoseconds = st.st_mtim.tv_nsec
        #endif
    }
}

/// A whole file's bytes in memory: a private copy (freed when released) or, for a file larger
/// than `InputFile.snapshotMaxBytes`, a read-only mapping (unmapped when released) that can tell
/// whether its file has changed since (`checkUnchanged`).
public final class MappedBytes: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>
    public var count: Int { bytes.count }
    private let base: UnsafeMutableRawPointer?
    private let isMapping: Bool
    private let path: String
    private let fd: Int32
    private let identity: FileIdentity?

    init(owned: UnsafeMutableRawPointer?, count: Int) {
        base = owned
        isMapping = false
        path = ""
        fd = -1
        identity = nil
        bytes = UnsafeBufferPointer(start: owned?.assumingMemoryBound(to: UInt8.self), count: count)
    }

    init(mapped: UnsafeMutableRawPointer, count: Int, path: String, fd: Int32, identity: FileIdentity) {
        base = mapped
        isMapping = true
        self.path = path
        self.fd = fd
        self.identity = identity
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// True when these bytes are a private copy (nothing that happens to the file can change them).
    public var isSnapshot: Bool { !isMapping }

    /// Throws when the mapped file was replaced, truncated or rewritten since it was opened (a copy
    /// never throws): reading the mapping then could fault or see other data.
    public func checkUnchanged() throws {
        guard isMapping, let identity else { return }
        var now = stat()
        guard fd >= 0, fstat(fd, &now) == 0, FileIdentity(now) == identity else {
            throw FileAccessError(path, .readFailed, "the model file changed while in use; :use it again")
        }
    }

    deinit {
        if let base {
            if isMapping { munmap(base, bytes.count) } else { free(base) }
        }
        if fd >= 0 { close(fd) }
    }
}

func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

/// open(2) without blocking on a pipe and without taking a terminal as controlling terminal
/// (and, with `followLinks: false`, without following a link put there since it was examined).
private func openNonBlocking(_ path: String, followLinks: Bool) -> Int32 {
    open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followLinks ? 0 : O_NOFOLLOW))
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that a crash or kill at any moment leaves either the old file or the new
/// one, never half of one, and never replaces what is not a plain file:
///
/// 1. refuse when the target is a folder, a pipe, a device, a socket or a symbolic link
///    (a rename would put a regular file where they were);
/// 2. remove temporary files that earlier, killed writers left beside the target;
/// 3. write a temporary file in the target's folder (`.NAME.tmp-PID-N-RANDOM`: a random part, so
///    nobody can plant a link there in advance; created with `O_EXCL|O_NOFOLLOW`, so a planted one
///    is never followed), with the target's
///    permissions when it exists (a 0600 file stays 0600), fsync it;
/// 4. rename it over the target, then fsync the folder so that the rename itself is durable.
///
/// ```swift
/// try SafeWrite.replace("notes.md", with: Array("# notes\n".utf8))
/// ```
public enum SafeWrite {
    /// Writes `bytes` to `path` as above. Throws `FileAccessError` (`.targetNotRegular`,
    /// `.writeFailed`, `.outsideAllowedFolders` under a `ReadPolicy`).
    public static func replace(_ path: String, with bytes: [UInt8], policy: ReadPolicy? = ReadPolicy.current) throws {
        try replace(path, policy: policy) { write in try bytes.withUnsafeBytes { try write($0) } }
    }

    /// Writes what `produce` hands to its `write` function, in pieces, to `path` as above.
    public static func replace(_ path: String, policy: ReadPolicy? = ReadPolicy.current,
                               produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard !path.isEmpty else { throw FileAccessError(path, .writeFailed, "an empty path names no file") }
        if let policy { try policy.checkWritable(ReadPolicy.canonical(path), shown: path) }
        let folder = parentFolder(of: path)
        let name = lastComponent(of: path)
        var st = stat()
        var keepMode: mode_t?
        if lstat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG: keepMode = st.st_mode & 0o7777
            case S_IFLNK: throw FileAccessError(path, .targetNotRegular, "is a symbolic link; EmbedLab will not replace it (write to the file it points to, or choose another name)")
            case S_IFDIR: throw FileAccessError(path, .targetNotRegular, "is a folder; choose a file name inside it")
            default: throw FileAccessError(path, .targetNotRegular, "is a device, pipe or socket, not a regular file; choose another name")
            }
        } else if errno != ENOENT {
            throw InputFile.openError(path, errno, what: "file").asWriteError()
        }
        removeStaleTemporaries(folder: folder, name: name)

        var temporary = ""
        var fd: Int32 = -1
        // A name taken (by chance, or by someone guessing) is never followed or reused: try another.
        for _ in 0..<8 {
            temporary = path.contains("/") ? (folder == "/" ? "/" : folder + "/") + temporaryName(name) : temporaryName(name)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw FileAccessError(path, .writeFailed, "cannot be written (\(errorText(errno)) in \(folder)); check that the folder exists and is writable")
        }
        var closed = false
        do {
            if let keepMode { _ = fchmod(fd, keepMode) }
            try produce { chunk in
                var done = 0
                while done < chunk.count {
                    let n = write(fd, chunk.baseAddress! + done, chunk.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw FileAccessError(path, .writeFailed, "cannot be written: \(errorText(errno))")
                    }
                    done += n
                }
            }
            guard fsync(fd) == 0 else { throw FileAccessError(path, .writeFailed, "cannot be written: \(errorText(errno))") }
            closed = true
            guard close(fd) == 0 else { throw FileAccessError(path, .writeFailed, "cannot be written: \(errorText(errno))") }
            guard rename(temporary, path) == 0 else {
                throw FileAccessError(path, .writeFailed, "cannot be replaced: \(errorText(errno))")
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
        let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// `.NAME.tmp-PID-N-RANDOM`: hidden, beside the target, unique within this process and not
    /// predictable from outside it (64 random bits).
    static func temporaryName(_ name: String) -> String {
        let n = counter.next()
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".\(name).tmp-\(getpid())-\(n)-\(random)"
    }

    /// Removes `.NAME.tmp-PID-N` files whose writer (PID) is no longer running.
    public static func removeStaleTemporaries(folder: String, name: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = ".\(name).tmp-"
        while let entry = readdir(dir) {
            // readdir's entry may be shorter than `dirent` (the name is as long as it needs), so the
            // name is read in place, never copied as the whole 256-byte field (found by fuzzing).
            let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let entryName = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            guard entryName.hasPrefix(prefix) else { continue }
            let rest = entryName.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = Int32(pidText) else { continue }
            // A writer of this process removes its own temporary files; only dead writers leave them.
            if pid == getpid() || isRunning(pid) { continue }
            unlink((folder == "/" ? "" : folder) + "/" + entryName)
        }
    }

    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    private static let counter = Counter()
}

/// A process-wide counter for temporary names (several writes may be under way at once).
private final class Counter: @unchecked Sendable {
    private var value = 0
    private var lock = pthread_mutex_t()
    init() { pthread_mutex_init(&lock, nil) }
    func next() -> Int {
        pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }
        value += 1
        return value
    }
}

extension FileAccessError {
    func asWriteError() -> FileAccessError {
        FileAccessError(path, kind == .notFound ? .writeFailed : kind, problem)
    }
}

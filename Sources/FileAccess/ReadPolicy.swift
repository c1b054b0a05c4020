#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which files untrusted content may touch. A lesson, a notebook run with `run`/`check`/`demo`,
/// and a graded answer may read only files under their own folder and the bundled models, and
/// write nowhere (unless `writableRoots` says where); the REPL itself keeps full access for its user.
///
/// The policy in force is `ReadPolicy.current` (a task-local value; nil means unrestricted), and
/// `InputFile.open` and `SafeWrite` enforce it on the file actually opened (after symbolic links
/// are resolved), so `../../etc/passwd` and a link pointing out of the folder are both refused.
///
/// ```swift
/// let policy = ReadPolicy.sandbox(document: "lessons/03-arithmetic.md", bundled: ["vectors"])
/// try policy.apply {
///     try InputFile.open("/etc/passwd")   // throws: outside the lesson's folder and the bundled models
/// }
/// ```
public struct ReadPolicy: Sendable, Equatable, CustomStringConvertible {
    /// Folders (canonical absolute paths) whose files may be read.
    public let readableRoots: [String]
    /// Folders (canonical absolute paths) where files may be written; empty: no writing at all.
    public let writableRoots: [String]
    /// Folders (canonical absolute paths) inside the readable ones that may not be read all the
    /// same: the folder of learners' answers and the grader's output, when they sit in a lesson's folder.
    public let deniedRoots: [String]

    /// The policy in force for the current task or thread; nil: unrestricted.
    @TaskLocal public static var current: ReadPolicy?

    /// A policy allowing `readable` folders (and `writable` ones for writing). Paths are made
    /// absolute and their symbolic links resolved now.
    public init(readable: [String], writable: [String] = []) {
        self.init(readable: readable, writable: writable, denied: [])
    }

    /// The same, with `denied` folders inside the readable ones that may not be read.
    public init(readable: [String], writable: [String] = [], denied: [String]) {
        readableRoots = readable.map(ReadPolicy.canonical)
        writableRoots = writable.map(ReadPolicy.canonical)
        deniedRoots = denied.map(ReadPolicy.canonical)
    }

    /// The policy for a lesson or notebook file: its own folder and the bundled model folders.
    public static func sandbox(document: String, bundled: [String]) -> ReadPolicy {
        ReadPolicy(readable: [parentFolder(of: document)] + bundled)
    }

    /// Runs `body` with this policy in force (for everything it opens on this task or thread).
    public func apply<T>(_ body: () throws -> T) rethrows -> T {
        try ReadPolicy.$current.withValue(self, operation: body)
    }

    /// True when the canonical path `file` lies in one of `roots`.
    static func contains(_ roots: [String], _ file: String) -> Bool {
        roots.contains { root in root == "/" || file == root || file.hasPrefix(root + "/") }
    }

    /// True when the canonical path `file` may be read under this policy.
    public func allowsReading(_ canonicalPath: String) -> Bool {
        ReadPolicy.contains(readableRoots, canonicalPath) && !ReadPolicy.contains(deniedRoots, canonicalPath)
    }

    /// Throws unless `canonicalPath` (as opened) may be read. The refusal reads the same for every
    /// refused path: nothing about the file (whether it exists, its kind, its size) is said.
    func checkReadable(_ canonicalPath: String, shown path: String) throws {
        guard allowsReading(canonicalPath) else {
            throw FileAccessError(path, .outsideAllowedFolders,
                "is outside the lesson's folder and the bundled models; a lesson or notebook may read only files beside it")
        }
    }

    /// Throws unless a file may be written at `canonicalPath`.
    func checkWritable(_ canonicalPath: String, shown path: String) throws {
        guard ReadPolicy.contains(writableRoots, canonicalPath) else {
            throw FileAccessError(path, .outsideAllowedFolders,
                "a lesson or notebook may not write files; save from the prompt instead")
        }
    }

    public var description: String {
        "read: " + readableRoots.joined(separator: ", ") + (writableRoots.isEmpty ? "; write: nowhere" : "; write: " + writableRoots.joined(separator: ", "))
    }

    /// The absolute path with `.`/`..` and symbolic links resolved; for a path that does not
    /// exist yet, its folder resolved and the last component appended.
    public static func canonical(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let folder = parentFolder(of: path)
        let name = lastComponent(of: path)
        if folder != path, let realFolder = realPath(folder) {
            return realFolder == "/" ? "/" + name : realFolder + "/" + name
        }
        return absolute(path)
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return cwd == "/" ? "/" + path : cwd + "/" + path
    }
}

/// The folder holding `path` ("." for a bare name).
func parentFolder(of path: String) -> String {
    var p = Substring(path)
    while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return "." }
    return slash == p.startIndex ? "/" : String(p[..<slash])
}

/// The last path component of `path`.
func lastComponent(of path: String) -> String {
    var p = Substring(path)
    while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return String(p) }
    return String(p[p.index(after: slash)...])
}

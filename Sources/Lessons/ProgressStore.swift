import Foundation

/// Where a learner is in every lesson, kept in `$XDG_STATE_HOME/embedlab/progress.json`
/// (default `~/.local/state/embedlab/`).
///
/// Every change is written at once and atomically: a temporary file in the same folder, fsync,
/// then rename over the old file, so a crash or a kill at any moment leaves either the old or
/// the new progress, never half a file. A file that cannot be read is moved aside (never
/// silently reset) and the learner is told where it went.
public final class ProgressStore: @unchecked Sendable {
    public struct LessonProgress: Codable, Equatable, Sendable {
        /// The step to resume at (a stable step id).
        public var current: String?
        public var completed: [String] = []
        public var skipped: [String] = []
        public var finished = false
        public init() {}
    }

    struct File: Codable, Equatable {
        var version = 1
        var language: Language?
        var lessons: [String: LessonProgress] = [:]
    }

    public let path: String
    private var file = File()
    /// Set when a corrupt file was moved aside while loading: the message to show the learner.
    public private(set) var warning: String?

    public init(path: String) {
        self.path = path
        load()
    }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
        return state + "/embedlab/progress.json"
    }

    private func load() {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
            let aside = path + ".corrupt-" + stamp
            try? FileManager.default.moveItem(atPath: path, toPath: aside)
            warning = "your progress file could not be read; it was moved to \(aside) and progress starts afresh"
            file = File()
        }
    }

    public func progress(of lesson: String) -> LessonProgress { file.lessons[lesson] ?? LessonProgress() }

    public var language: Language? {
        get { file.language }
        set { file.language = newValue; try? save() }
    }

    /// Changes a lesson's progress and saves at once.
    public func update(_ lesson: String, _ change: (inout LessonProgress) -> Void) throws {
        var p = progress(of: lesson)
        change(&p)
        file.lessons[lesson] = p
        try save()
    }

    /// Writes the whole file atomically: temporary file, fsync, rename.
    public func save() throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(file)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ProgressError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, data.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == data.count, synced == 0 else {
            unlink(temporary)
            throw ProgressError("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ProgressError("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
        // The rename itself is made durable by syncing the folder.
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}

public struct ProgressError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}

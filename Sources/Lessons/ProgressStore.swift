import FileAccess
import Foundation
import Rendering
import Workbench

/// Where a learner is in every lesson, kept in `$XDG_STATE_HOME/embedlab/progress.json`
/// (default `$HOME/.local/state/embedlab/`).
///
/// Every change is written at once and atomically: a temporary file in the same folder, fsync,
/// then rename over the old file, so a crash or a kill at any moment leaves either the old or
/// the new progress, never half a file. A file that cannot be read is moved aside to a free
/// name (never silently reset, never over another file) and the learner is told where it went;
/// when it cannot be moved, it is left alone and nothing is saved over it.
///
/// Progress never blocks learning: when it cannot be saved (the state folder is read-only, or
/// `progress.json` is a folder, a pipe or a link to nowhere), the lesson goes on with progress
/// kept for this session, and `takeNotice()` hands the one line that says why. A symbolic link
/// `progress.json` (as dotfile managers make) is followed: the file it points to is replaced
/// safely, the link stays.
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
    /// Set when the file could not be read while loading: the message to show the learner.
    public private(set) var warning: String?
    /// Set when saving would destroy something (a file that could not be moved aside): why saving is off.
    private var saveRefusal: String?
    /// Why progress is kept for this session only, not yet shown; and whether it was ever said.
    private var pendingNotice: String?
    private var noticeGiven = false

    /// The largest progress file read (it holds a few lines per lesson).
    static let maxBytes = 16 << 20

    public init(path: String) {
        self.path = path
        load()
    }

    /// `$XDG_STATE_HOME/embedlab/progress.json`, else `$HOME/.local/state/embedlab/progress.json`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        StatePaths.file("progress.json", environment: environment) ?? NSHomeDirectory() + "/.local/state/embedlab/progress.json"
    }

    private func load() {
        let data: [UInt8]
        do {
            // The learner's own file: no lesson's read policy applies to it.
            data = try InputFile.open(path, maxBytes: ProgressStore.maxBytes, what: "progress file", policy: nil).readAll()
        } catch let error as FileAccessError {
            if error.kind == .notFound { return }
            warning = "your progress file cannot be read (\(error)); progress is kept for this session only"
            saveRefusal = "progress is not saved: \(error)"
            noticeGiven = true
            return
        } catch {
            return
        }
        do {
            file = try JSONDecoder().decode(File.self, from: Data(data))
        } catch {
            if let aside = moveAside() {
                warning = "your progress file could not be read; it was moved to \(aside) and progress starts afresh"
            } else {
                warning = "your progress file could not be read and could not be moved aside (\(String(cString: strerror(errno)))); it is left as it is and progress is kept for this session only"
                saveRefusal = "progress is not saved: \(path) could not be read and is kept untouched"
                noticeGiven = true
            }
            file = File()
        }
    }

    /// Moves the unreadable file to a free name beside it (`progress.json.corrupt-STAMP[-N]`),
    /// never over an existing file; nil when that is impossible (the original then stays).
    private func moveAside() -> String? {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
        for n in 0..<1000 {
            let aside = path + ".corrupt-" + stamp + (n == 0 ? "" : "-\(n)")
            // link(2) fails when `aside` exists, so nothing is ever overwritten.
            if link(path, aside) == 0 {
                unlink(path)
                return aside
            }
            if errno == EEXIST { continue }
            // A file system without hard links: rename, after checking that the name is free.
            var st = stat()
            if lstat(aside, &st) != 0, errno == ENOENT, rename(path, aside) == 0 { return aside }
            return nil
        }
        return nil
    }

    public func progress(of lesson: String) -> LessonProgress { file.lessons[lesson] ?? LessonProgress() }

    public var language: Language? {
        get { file.language }
        set { file.language = newValue; saveOrKeepForSession() }
    }

    /// Changes a lesson's progress and saves at once. Never fails for want of saving: progress is
    /// then kept for this session and `takeNotice()` says why, once.
    public func update(_ lesson: String, _ change: (inout LessonProgress) -> Void) throws {
        var p = progress(of: lesson)
        change(&p)
        file.lessons[lesson] = p
        saveOrKeepForSession()
    }

    /// The one line saying why progress is kept for this session only, the first time it is asked
    /// after saving failed; nil otherwise (and ever after).
    public func takeNotice() -> String? {
        defer { pendingNotice = nil }
        return pendingNotice
    }

    private func saveOrKeepForSession() {
        do { try save() } catch {
            guard !noticeGiven else { return }
            noticeGiven = true
            pendingNotice = "progress is kept for this session only: \(PrintableText.escaping(String(describing: error), limit: 200, keepNewlines: false))"
        }
    }

    /// Writes the whole file atomically (`SafeWrite`: temporary file, fsync, rename, fsync of the
    /// folder; temporary files of killed runs removed; the file's permissions kept).
    public func save() throws {
        if let saveRefusal { throw ProgressError(saveRefusal) }
        // A link (a dotfile manager's) is followed: the file it points to is replaced, the link stays.
        var st = stat()
        let target = lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK ? ReadPolicy.canonical(path) : path
        let dir = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw ProgressError("the folder \(dir) cannot be created (\((error as NSError).localizedFailureReason ?? "permission denied"))")
        }
        let data = try JSONRenderer.encoder(pretty: true).encode(file)
        removeLegacyTemporaries(in: dir)
        do {
            // The learner's own file: no lesson's read policy applies to it.
            try SafeWrite.replace(target, with: [UInt8](data), policy: nil)
        } catch let error as FileAccessError {
            throw ProgressError(error.description)
        }
    }
}

extension ProgressStore {
    /// Earlier versions wrote `progress.json.tmp-PID`; those a killed run left behind are removed.
    func removeLegacyTemporaries(in dir: String) {
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(dir + "/" + name)
        }
    }
}

public struct ProgressError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}

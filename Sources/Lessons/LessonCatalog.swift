import FileAccess
import Foundation

/// The lessons in a folder (`lessons/`), in file-name order: `00-using-embedlab.md`, `01-library.md` …
public struct LessonCatalog: Sendable {
    public let lessons: [Lesson]

    public init(lessons: [Lesson]) { self.lessons = lessons }

    /// Reads every `.md` file in `directory` except FORMAT.md and README.md.
    public init(directory: String) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "FORMAT.md" && $0 != "README.md" }.sorted()
        lessons = files.compactMap { LessonCatalog.load(path: (directory as NSString).appendingPathComponent($0)) }
    }

    /// The lessons of several folders, in order: the bundled ones first, then a course's own
    /// (`embedlab --lessons DIR`).
    public init(directories: [String]) {
        lessons = directories.flatMap { LessonCatalog(directory: $0).lessons }
    }

    /// The first lesson started and not finished, with the step to resume at.
    public func unfinished(in store: ProgressStore) -> (lesson: Lesson, step: Int)? {
        for lesson in lessons {
            let p = store.progress(of: lesson.id)
            if !p.finished, let current = p.current, let step = lesson.stepIndex(id: current) { return (lesson, step) }
        }
        return nil
    }

    public static func load(path: String) -> Lesson? {
        try? read(path: path)
    }

    /// Reads one lesson file (LF, CRLF and a byte-order mark read the same), or throws
    /// `FileAccessError` saying in one line why it cannot be read.
    public static func read(path: String) throws -> Lesson {
        let text = try TextFile.text(atPath: path, limits: .document, what: "lesson")
        return Lesson(document: Document.parse(text), path: path)
    }

    public func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id } ?? lessons.first { $0.id.hasPrefix(id) } ?? Int(id).flatMap { n in
            lessons.first { ($0.path as NSString).lastPathComponent.hasPrefix(String(format: "%02d-", n)) }
        }
    }
}

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

    public static func load(path: String) -> Lesson? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else { return nil }
        return Lesson(document: Document.parse(text), path: path)
    }

    public func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id } ?? lessons.first { $0.id.hasPrefix(id) } ?? Int(id).flatMap { n in
            lessons.first { ($0.path as NSString).lastPathComponent.hasPrefix(String(format: "%02d-", n)) }
        }
    }
}

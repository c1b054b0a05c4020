import Foundation

/// Finds models by name ("glove-50d") in a list of folders, or by path.
///
/// The executable passes the folders (the `EMBEDLAB_VECTORS` variable, `./vectors`, the
/// `vectors/` beside the checkout it was built in); this type only looks for `NAME.embv` in them.
public struct ModelCatalog: Sendable {
    public let directories: [String]

    public init(directories: [String]) {
        var seen = Set<String>()
        self.directories = directories.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
    }

    /// One bundled model: its name, file and size.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var path: String
        public var bytes: Int
    }

    /// Every `.embv` file in the folders, first folder first, each name once.
    public func entries() -> [Entry] {
        var out: [Entry] = []
        var names = Set<String>()
        for dir in directories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for f in files.sorted() where f.hasSuffix(".embv") {
                let name = String(f.dropLast(5))
                guard names.insert(name).inserted else { continue }
                let path = (dir as NSString).appendingPathComponent(f)
                out.append(Entry(name: name, path: path, bytes: Self.fileSize(path) ?? 0))
            }
        }
        return out
    }

    /// The file a name or path refers to: an existing path as given, else a bundled model's file.
    public func resolve(_ nameOrPath: String) throws -> String {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        if nameOrPath.contains("/") {
            var st = stat()
            // A path that names nothing (not even a broken link, which the loader names): the hint
            // lists the names instead of a command, so it fits the prompt and the shell alike.
            if lstat(nameOrPath, &st) == 0 { return nameOrPath }
            throw ModelFileError(nameOrPath, .file, "no such file; \(bundledHint)")
        }
        // One stat per folder: listing the folders (entries) is only needed for the error below.
        for dir in directories {
            let path = (dir as NSString).appendingPathComponent(nameOrPath + ".embv")
            var st = stat()
            if lstat(path, &st) == 0 { return path }   // whatever it is (a pipe, say), the loader names it
        }
        throw ModelFileError(nameOrPath, .file, "is neither a file nor a bundled model; \(bundledHint)")
    }

    /// The bundled models' names, or where none were found and how to point to them.
    var bundledHint: String {
        let known = entries().map(\.name)
        return known.isEmpty
            ? "no bundled models were found in \(directories.joined(separator: ", ")); set EMBEDLAB_VECTORS to the vectors/ folder"
            : "the bundled models are: \(known.joined(separator: ", "))"
    }

    /// A file's size (following links), nil when it cannot be stat'ed. stat(2) directly: FileManager's
    /// attributes also look up the owner's and group's names, which reads /etc/passwd and /etc/group
    /// each time (eight times on the way to the first prompt).
    static func fileSize(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    /// Loads a model by name or path.
    public func load(_ nameOrPath: String) throws -> WordVectors {
        let path = try resolve(nameOrPath)
        let isBundled = !nameOrPath.contains("/") && !FileManager.default.fileExists(atPath: nameOrPath)
        return try WordVectors.load(path: path, name: isBundled ? nameOrPath : nil)
    }
}

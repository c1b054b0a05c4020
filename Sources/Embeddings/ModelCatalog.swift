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
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                out.append(Entry(name: name, path: path, bytes: size))
            }
        }
        return out
    }

    /// The file a name or path refers to: an existing path as given, else a bundled model's file.
    public func resolve(_ nameOrPath: String) throws -> String {
        if nameOrPath.contains("/") || FileManager.default.fileExists(atPath: nameOrPath) {
            return nameOrPath
        }
        if let entry = entries().first(where: { $0.name == nameOrPath }) { return entry.path }
        let known = entries().map(\.name)
        let hint = known.isEmpty
            ? "no bundled models were found in \(directories.joined(separator: ", ")); set EMBEDLAB_VECTORS to the vectors/ folder"
            : "the bundled models are: \(known.joined(separator: ", "))"
        throw ModelFileError(nameOrPath, .file, "is neither a file nor a bundled model; \(hint)")
    }

    /// Loads a model by name or path.
    public func load(_ nameOrPath: String) throws -> WordVectors {
        let path = try resolve(nameOrPath)
        let isBundled = !nameOrPath.contains("/") && !FileManager.default.fileExists(atPath: nameOrPath)
        return try WordVectors.load(path: path, name: isBundled ? nameOrPath : nil)
    }
}

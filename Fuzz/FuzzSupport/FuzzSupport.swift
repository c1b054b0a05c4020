import Embeddings
import FileAccess
import Foundation

/// What the fuzz targets share: the repository they were built from, the small bundled models
/// (loaded once per process, the fuzzer's own fixture, not input), and scratch folders.
public enum FuzzSupport {
    /// The repository's root (this file is Fuzz/FuzzSupport/FuzzSupport.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The small bundled models only (links in a scratch folder): a word not in the vocabulary
    /// makes a session look for it in every bundled model, and loading glove-50d for each input
    /// would make a fuzzer twenty times slower without reaching more code.
    public static let models: String = {
        let dir = NSTemporaryDirectory() + "embedlab-fuzz-models-small"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["toy.embv", "library.embv"] where !FileManager.default.fileExists(atPath: dir + "/" + name) {
            symlink(root + "/vectors/" + name, dir + "/" + name)
        }
        return dir
    }()
    public static let catalog = ModelCatalog(directories: [models])
    public static let toy = try! catalog.load("toy")
    /// Cells may read the bundled models and nothing else, and write nothing.
    public static let readPolicy = ReadPolicy(readable: [root + "/vectors", models])

    /// A new empty folder of this process's own, for one input (`removeScratch` deletes it).
    public static func makeScratch(_ name: String) -> String {
        let template = NSTemporaryDirectory() + "embedlab-fuzz-\(name)-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { fatalError("fuzz: cannot make a scratch folder in \(NSTemporaryDirectory()): errno \(errno)") }
        return String(cString: made)
    }

    /// Deletes a scratch folder and everything in it, never following a link out of it
    /// (`FileManager.removeItem` removes links, not their targets) and never opening a FIFO.
    public static func removeScratch(_ path: String) {
        // A folder the input made unreadable or unwritable is made writable first.
        chmodTree(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func chmodTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        chmod(path, 0o700)
        guard let dir = opendir(path) else { return }
        defer { closedir(dir) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let raw = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            let name = String(cString: raw)
            if name == "." || name == ".." { continue }
            chmodTree(path + "/" + name)
        }
    }
}

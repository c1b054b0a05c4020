import ArgumentParser
import Foundation
import Lessons

/// What the shell completes for each kind of argument (`embedlab --generate-completion-script
/// bash|zsh|fish`). Model and lesson arguments ask the executable itself (`embedlab ---completion …`),
/// so the names come from the same folders a run would search: the bundled model names and the
/// files that could be a model; the bundled lesson ids and the Markdown files that could be a lesson.
enum Completions {
    /// Extensions of files a model argument reads (ModelFormat's guesses, and encoders).
    static let modelExtensions = ["embv", "embt", "bin", "txt", "vec", "tsv"]

    /// A model argument: `glove-50d`, `minilm` … then vectors files and folders under the typed prefix.
    static let model = CompletionKind.custom { _, _, prefix in
        modelNames().filter { $0.hasPrefix(prefix) } + files(matching: prefix, extensions: modelExtensions)
    }

    /// A lesson argument: the bundled lessons' ids, then Markdown files and folders.
    static let lesson = CompletionKind.custom { _, _, prefix in
        lessonIDs().filter { $0.hasPrefix(prefix) } + files(matching: prefix, extensions: ["md"])
    }

    /// `eval`'s questions: the generated world's own, then analogy and word-pair files.
    static let questions = CompletionKind.custom { _, _, prefix in
        ["small-world"].filter { $0.hasPrefix(prefix) } + files(matching: prefix, extensions: ["txt", "tsv", "csv"])
    }

    /// `train`'s corpus: the generated world, then text files.
    static let corpus = CompletionKind.custom { _, _, prefix in
        ["small-world"].filter { $0.hasPrefix(prefix) } + files(matching: prefix, extensions: ["txt"])
    }

    /// A notebook, demo or lesson file.
    static let markdown = CompletionKind.file(extensions: ["md"])

    /// Every model the catalogue folders hold: word models (`NAME.embv`), then encoders (`NAME.embt`).
    static func modelNames() -> [String] {
        let catalog = Environment.catalog
        var names = catalog.entries().map(\.name)
        for dir in catalog.directories {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            for f in files where f.hasSuffix(".embt") && !names.contains(String(f.dropLast(5))) {
                names.append(String(f.dropLast(5)))
            }
        }
        return names
    }

    /// The bundled lessons' ids, in course order.
    static func lessonIDs() -> [String] {
        LessonCatalog(directory: Environment.lessonsDirectory).lessons.map(\.id)
    }

    /// Files with one of `extensions`, and folders (with a slash, to go on into), whose path starts
    /// with `prefix`. Hidden names only when the typed name starts with a dot.
    static func files(matching prefix: String, extensions: [String]) -> [String] {
        let folder: String, typed: String
        if let slash = prefix.lastIndex(of: "/") {
            folder = String(prefix[...slash])
            typed = String(prefix[prefix.index(after: slash)...])
        } else {
            folder = ""
            typed = prefix
        }
        let fm = FileManager.default
        let listed = folder.isEmpty ? fm.currentDirectoryPath : (folder as NSString).expandingTildeInPath
        guard let names = try? fm.contentsOfDirectory(atPath: listed) else { return [] }
        return names.sorted().compactMap { name in
            guard name.hasPrefix(typed), !name.hasPrefix(".") || typed.hasPrefix(".") else { return nil }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: (listed as NSString).appendingPathComponent(name), isDirectory: &isDirectory) else { return nil }
            if isDirectory.boolValue { return folder + name + "/" }
            return extensions.contains((name as NSString).pathExtension.lowercased()) ? folder + name : nil
        }
    }
}

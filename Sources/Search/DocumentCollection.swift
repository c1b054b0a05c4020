import Foundation

/// A small set of short texts to search, recommend from or classify: one document a line, or,
/// when every line has a tab, `label<TAB>text` (the labels name the classes).
///
/// Lines end with LF or CRLF, a UTF-8 byte-order mark is skipped, blank lines and lines starting
/// with `#` are left out. Lines are numbered as in the file, for messages.
///
/// ```swift
/// let faq = try DocumentCollection(text: "How do I reset my password?\nWhere is my order?\n", name: "faq")
/// faq.documents[1].text    // "Where is my order?"
/// let reviews = try DocumentCollection(text: "pos\tGreat book\nneg\tDull\n", name: "reviews")
/// reviews.labels           // ["neg", "pos"]
/// ```
public struct DocumentCollection: Sendable, Equatable {
    /// One document: its text, its class (labelled collections only) and its line in the file.
    public struct Document: Sendable, Equatable {
        public var text: String
        public var label: String?
        public var line: Int
    }

    public let name: String
    public let documents: [Document]

    /// The most documents a collection may hold (the bundled ones have hundreds).
    public static let maximumDocuments = 200_000

    /// Whether the documents carry labels.
    public var isLabelled: Bool { documents.first?.label != nil }

    /// The distinct labels, sorted.
    public var labels: [String] { Array(Set(documents.compactMap(\.label))).sorted() }

    public init(name: String, documents: [Document]) {
        self.name = name
        self.documents = documents
    }

    /// Parses a collection from the bytes of a file; `name` is used in messages.
    public init(data: Data, name: String) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [(Int, String)] = []
        var number = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw CollectionError(name, line: number, "is not valid UTF-8; save the file as UTF-8")
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            lines.append((number, text))
            guard lines.count <= Self.maximumDocuments else {
                throw CollectionError(name, line: number, "more than \(Self.maximumDocuments) documents; use a smaller collection")
            }
        }
        guard !lines.isEmpty else { throw CollectionError(name, line: nil, "has no documents: write one document a line, or label<TAB>text") }
        let labelled = lines.allSatisfy { $0.1.contains("\t") }
        var documents: [Document] = []
        for (number, text) in lines {
            if labelled {
                let parts = text.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                let label = parts[0].trimmingCharacters(in: .whitespaces), body = parts[1].trimmingCharacters(in: .whitespaces)
                guard !label.isEmpty, !body.isEmpty else {
                    throw CollectionError(name, line: number, "needs a label, a tab, then the text")
                }
                documents.append(Document(text: body, label: label, line: number))
            } else {
                documents.append(Document(text: text.trimmingCharacters(in: .whitespaces), label: nil, line: number))
            }
        }
        self.init(name: name, documents: documents)
    }

    /// Reads a collection file.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CollectionError(path, line: nil, exists ? "cannot be read (check its permissions)" : "no such file")
        }
        let base = (path as NSString).lastPathComponent
        let name = base.split(separator: ".").first.map(String.init) ?? base
        do {
            try self.init(data: data, name: name)
        } catch let error as CollectionError {
            throw CollectionError(path, line: error.line, error.problem)
        }
    }

    /// The document an `item` names: a line number as shown (1-based), or the first document that
    /// contains the text (case-insensitive).
    public func document(named item: String) -> Int? {
        if let n = Int(item.trimmingCharacters(in: .whitespaces)), n >= 1, n <= documents.count { return n - 1 }
        let needle = item.lowercased()
        return documents.firstIndex { $0.text.lowercased().contains(needle) }
    }
}

/// A collection file that cannot be used: which file, which line, what to do.
public struct CollectionError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let problem: String

    public init(_ path: String, line: Int?, _ problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var description: String {
        line.map { "\(path): line \($0): \(problem)" } ?? "\(path): \(problem)"
    }
}

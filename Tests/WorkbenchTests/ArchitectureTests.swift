import Foundation
import XCTest

/// ARCHITECTURE.md's import table says what Package.swift says: the two are read and compared, so
/// that the layers a newcomer reads about are the layers the compiler enforces.
final class ArchitectureTests: XCTestCase {
    /// Each target of Package.swift (libraries, system libraries, the executable `embedlab`) and its
    /// dependencies: target names in quotes and products by name (`.product(name: "Yams", …)`).
    static func packageDependencies(_ text: String) throws -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        // Targets declared only in the fuzz build (EMBEDLAB_FUZZ=1: Fuzz/'s targets and FuzzSupport,
        // which they share) are not modules of the product; ordinary builds never see them.
        let text = text.components(separatedBy: #"if Context.environment["EMBEDLAB_FUZZ"] == "1""#)[0]
        let declaration = try NSRegularExpression(pattern: #"\.(target|systemLibrary|executableTarget)\(\s*name:\s*"([^"]+)""#)
        let ns = text as NSString
        let matches = declaration.matches(in: text, range: NSRange(location: 0, length: ns.length))
        for (i, m) in matches.enumerated() {
            let kind = ns.substring(with: m.range(at: 1)), name = ns.substring(with: m.range(at: 2))
            if kind == "executableTarget" && name != "embedlab" { continue }   // benchmarks
            // The declaration runs until the next one.
            let end = i + 1 < matches.count ? matches[i + 1].range.location : ns.length
            let body = ns.substring(with: NSRange(location: m.range.location, length: end - m.range.location))
            var deps = Set<String>()
            if let open = body.range(of: "dependencies: [") {
                var depth = 1
                var list = ""
                for c in body[open.upperBound...] {
                    if c == "[" { depth += 1 } else if c == "]" { depth -= 1; if depth == 0 { break } }
                    list.append(c)
                }
                // Quoted names; a product's name is the first quoted string after `.product(name:`.
                let quoted = try NSRegularExpression(pattern: #"(\.product\(name:\s*)?"([^"]+)"(,\s*package:\s*"[^"]+"\))?"#)
                let ls = list as NSString
                for q in quoted.matches(in: list, range: NSRange(location: 0, length: ls.length)) {
                    deps.insert(ls.substring(with: q.range(at: 2)))
                }
            }
            out[name] = deps
        }
        return out
    }

    /// The rows of the table under "## What each module may import": module -> its "imports" cell's names.
    static func documentedImports(_ text: String) throws -> [String: Set<String>] {
        let section = try XCTUnwrap(text.range(of: "## What each module may import"))
        var out: [String: Set<String>] = [:]
        for line in text[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, !cells[1].isEmpty, cells[1] != "module", !cells[1].hasPrefix("---") else { continue }
            // "— (its dictionary is a resource)": what is in brackets is prose.
            var imports = cells[2]
            if let bracket = imports.firstIndex(of: "(") { imports = String(imports[..<bracket]) }
            out[cells[1]] = Set(imports.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "—" })
        }
        return out
    }

    func testTheImportTableIsPackageSwift() throws {
        let package = try String(contentsOf: Models.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let architecture = try String(contentsOf: Models.root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        let declared = try Self.packageDependencies(package)
        let documented = try Self.documentedImports(architecture)
        XCTAssertGreaterThan(declared.count, 10, "Package.swift was not read: \(declared)")
        XCTAssertEqual(declared["Word2Vec"], ["GloVe", "VectorMath"], "the reader of Package.swift is wrong")
        XCTAssertEqual(Set(documented.keys), Set(declared.keys), "ARCHITECTURE.md's import table names other modules than Package.swift's targets")
        for (module, imports) in declared.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(documented[module], imports,
                           "\(module): ARCHITECTURE.md says it imports \(documented[module]?.sorted() ?? []), Package.swift \(imports.sorted()); update the table")
        }
        XCTAssertFalse(architecture.contains("(planned)"), "every module in the diagram exists")
    }

    /// The declarations "Adding a command" quotes (`norm`, `:load`) are the repo's own, word for word:
    /// a newcomer copies what the table really says.
    func testTheCommandsTheGuideQuotesAreAsInTheRepo() throws {
        let architecture = try String(contentsOf: Models.root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        let folder = Models.root.appendingPathComponent("Sources/Workbench/Commands")
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        func folded(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let code = folded(sources)
        var quoted = 0
        for block in architecture.components(separatedBy: "```swift\n").dropFirst() {
            let body = block.components(separatedBy: "```")[0]
            guard let start = body.range(of: "static let ") else { continue }
            var lines = body[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while let last = lines.last, ["", "}"].contains(last.trimmingCharacters(in: .whitespaces)) { lines.removeLast() }
            let declaration = folded(lines.joined(separator: "\n"))
            XCTAssertTrue(code.contains(declaration), "ARCHITECTURE.md quotes a declaration the repo does not have:\n\(declaration)")
            quoted += 1
        }
        XCTAssertGreaterThanOrEqual(quoted, 2, "the guide quotes norm and :load")
    }

    /// Each module has a README that names what it may import, as Package.swift declares it.
    func testEveryModuleHasAReadme() throws {
        let package = try String(contentsOf: Models.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for module in try Self.packageDependencies(package).keys {
            let readme = Models.root.appendingPathComponent("Sources/\(module)/README.md").path
            XCTAssertTrue(FileManager.default.fileExists(atPath: readme), "\(module) has no README.md")
        }
    }
}

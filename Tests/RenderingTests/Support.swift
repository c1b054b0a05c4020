import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Embeddings
import Workbench

enum Models {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = ModelCatalog(directories: [root.appendingPathComponent("vectors").path])
    static func session(_ model: String = "toy") throws -> Session { Session(catalog: catalog, model: try catalog.load(model)) }
}

/// Golden files in `Tests/RenderingTests/Golden`: the output must equal the file byte for byte.
/// `EMBEDLAB_RECORD_GOLDEN=1 swift test --filter RenderingTests` writes them afresh (then read the diff).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["EMBEDLAB_RECORD_GOLDEN"] == "1" {
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return XCTFail("no golden file \(name); record it with EMBEDLAB_RECORD_GOLDEN=1", file: file, line: line)
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("\(name) differs from its golden file at line \(first + 1):\n- \(first < a.count ? String(a[first]) : "(end)")\n+ \(first < b.count ? String(b[first]) : "(end)")",
                    file: file, line: line)
        }
    }
}

/// What an XML parser saw in a document: whether it is well-formed, its elements and attributes.
final class XMLSummary: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [(element: String, name: String, value: String)] = []
    var texts: [String] = []
    var error: Error?
    private var text = ""

    static func parse(_ xml: String) -> XMLSummary {
        let summary = XMLSummary()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = summary
        if !parser.parse() { summary.error = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return summary
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
        for (k, v) in attributes.sorted(by: { $0.key < $1.key }) { self.attributes.append((name, k, v)) }
        text = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if !text.isEmpty { texts.append(text) }
        text = ""
    }

    /// Anything that would make the page load something or run a handler: links, images,
    /// embedded documents, `src`/`href`, event handlers, `url(`, addresses on the web.
    var externalReferences: [String] {
        var found: [String] = []
        for e in elements where ["a", "image", "use", "foreignObject", "iframe", "link", "object", "embed", "img"].contains(e) { found.append("<\(e)>") }
        for a in attributes {
            let name = a.name.lowercased(), value = a.value.lowercased()
            if name.hasPrefix("on") || name == "href" || name == "xlink:href" || name == "src" { found.append("\(a.element) \(a.name)") }
            if name != "xmlns", value.contains("url(") || value.contains("http:") || value.contains("https:") { found.append("\(a.element) \(a.name)=\(a.value)") }
        }
        return found
    }
}

/// Asserts that `svg` is well-formed XML with an `<svg>` root in the SVG namespace and no external references.
func assertValidSVG(_ svg: String, file: StaticString = #filePath, line: UInt = #line) {
    let summary = XMLSummary.parse(svg)
    XCTAssertNil(summary.error, "not well-formed XML: \(String(describing: summary.error))", file: file, line: line)
    XCTAssertEqual(summary.elements.first, "svg", file: file, line: line)
    XCTAssertTrue(summary.attributes.contains { $0.element == "svg" && $0.name == "xmlns" && $0.value == "http://www.w3.org/2000/svg" }, file: file, line: line)
    XCTAssertEqual(summary.externalReferences, [], file: file, line: line)
    XCTAssertFalse(summary.elements.contains("script"), "a picture has no script", file: file, line: line)
}

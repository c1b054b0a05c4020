import ArgumentParser
import FileAccess
import Foundation
import Embeddings
import Rendering
import Workbench

/// `embedlab projector MODEL [WORDS…|--top N] --html OUT.html`: the words on a page in the style of
/// the TensorFlow Embedding Projector (PCA to 2-D, a search box that lights up a word's nearest
/// neighbours), and beside it the Projector's own files (OUT.tsv with the vectors, OUT-metadata.tsv
/// with the words) for projector.tensorflow.org.
struct Projector: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a Projector-style page: words in 2-D with a neighbour search, plus the Projector's TSV files.",
        discussion: """
        Examples:
          embedlab projector glove-50d --top 500 --html glove.html
          embedlab projector glove-50d king queen man woman paris france rome italy --html royals.html
        """)

    @Argument(help: "A bundled model name (glove-50d, toy, library) or a vectors file.")
    var model: String

    @Argument(help: "The words to show (default: the model's most frequent, see --top).")
    var words: [String] = []

    @Option(help: "Show the model's N most frequent words, punctuation left out (1–\(ProjectorPage.wordLimit); default 500).")
    var top: Int?

    @Option(name: .shortAndLong, help: "How many neighbours a search lights up (1–100).")
    var k: Int = 10

    @Option(help: "The page to write (a .html file).")
    var html: String

    @Flag(help: "Do not write the TSV files beside the page.")
    var noTSV = false

    func validate() throws {
        let ext = (html as NSString).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else { throw ValidationError("--html writes an HTML page; give a file name ending in .html") }
        if let top, !(1...ProjectorPage.wordLimit).contains(top) { throw ValidationError("--top takes 1 to \(ProjectorPage.wordLimit) words, not \(top)") }
        if top != nil && !words.isEmpty { throw ValidationError("give words or --top N, not both") }
        guard (1...100).contains(k) else { throw ValidationError("-k takes 1 to 100 neighbours, not \(k)") }
    }

    func run() throws {
        let vectors: WordVectors
        do { vectors = try Environment.catalog.load(model) } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        // The most frequent tokens, punctuation (a token without a letter or digit) left out.
        let chosen = words.isEmpty ? Array(vectors.words.lazy.filter { $0.contains { $0.isLetter || $0.isNumber } }.prefix(top ?? 500)) : words
        let page: ProjectorPage
        do { page = try ProjectorPage(model: vectors, words: chosen, k: k) } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        let base = (html as NSString).deletingPathExtension
        let tsv = (vectors: base + ".tsv", metadata: base + "-metadata.tsv")
        let name = { (path: String) in (path as NSString).lastPathComponent }
        do {
            try SafeWrite.replace(html, with: Array(ProjectorPageHTML.render(page, tsv: noTSV ? nil : (name(tsv.vectors), name(tsv.metadata))).utf8), policy: nil)
            if !noTSV { try page.vectors.save(path: tsv.vectors, format: .projectorTSV) }
        } catch {
            Environment.warn("error: cannot write \(html): \(error)")
            throw ExitCode(1)
        }
        if !page.missing.isEmpty { Environment.warn("not in \(vectors.name), left out: \(page.missing.joined(separator: ", "))") }
        print("wrote \(html) (\(page.words.count) words, \(page.neighbours.first?.count ?? 0) neighbours each)"
              + (noTSV ? "" : " and \(tsv.vectors), \(tsv.metadata) for projector.tensorflow.org"))
    }
}

import ArgumentParser
import FileAccess
import Foundation
import Embeddings
import Rendering
import VectorMath
import Workbench

/// `embedlab projector MODEL [WORDS…|--top N] --html OUT.html`: the words on a page in the style of
/// the TensorFlow Embedding Projector (PCA to 2-D, a search box that lights up a word's nearest
/// neighbours), and beside it the Projector's own files (OUT.tsv with the vectors, OUT-metadata.tsv
/// with the words) for projector.tensorflow.org.
struct Projector: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Write a Projector-style page: words in 2-D with a neighbour search, plus the Projector's TSV files.", zh: "写出 Projector 风格的页面：二维中的词和近邻搜索，另附 Projector 的 TSV 文件。", indent: HelpText.column),
        discussion: HelpText.pick("""
        Examples:
          embedlab projector glove-50d --top 500 --html glove.html
          embedlab projector glove-50d king queen man woman paris france rome italy --html royals.html
        """, zh: "例：\n  embedlab projector glove-50d --top 500 --html glove.html\n  embedlab projector glove-50d king queen man woman paris france rome italy --html royals.html"))

    @Argument(help: .l("A bundled model name (glove-50d, toy, library) or a vectors file.", zh: "内置模型的名称（glove-50d、toy、library）或向量文件。"), completion: Completions.model)
    var model: String

    @Argument(help: .l("The words to show (default: the model's most frequent, see --top).", zh: "要显示的词（默认：模型中最常见的词，见 --top）。"))
    var words: [String] = []

    @Option(help: .l("Show the model's N most frequent words, punctuation left out (1–\(ProjectorPage.wordLimit); default 500).", zh: "显示模型中最常见的 N 个词，不含标点（1–\(ProjectorPage.wordLimit)；默认 500）。"))
    var top: Int?

    @Option(name: .shortAndLong, help: .l("How many neighbours a search lights up (1–100).", zh: "一次搜索点亮多少个近邻（1–100）。", suffixed: true))
    var k: Int = 10

    @Option(help: .l("The page to write (a .html file).", zh: "要写出的页面（.html 文件）。"), completion: .file(extensions: ["html"]))
    var html: String

    @Flag(help: .l("Do not write the TSV files beside the page.", zh: "不在页面旁写出 TSV 文件。"))
    var noTSV = false

    @Flag(help: .l("Only PCA: do not place the words by t-SNE too.", zh: "只用 PCA：不再用 t-SNE 排布词。"))
    var noTSNE = false

    @Option(help: .l("t-SNE's perplexity: about how many neighbours each word keeps (2–100).", zh: "t-SNE 的困惑度：每个词大约保留多少个近邻（2–100）。", suffixed: true))
    var perplexity: Double = 30

    @Option(help: .l("t-SNE's seed: the same seed gives the same picture.", zh: "t-SNE 的种子：同样的种子画出同样的图。", suffixed: true))
    var seed: UInt64 = 1

    @Option(help: .l("A metadata file (the Projector's TSV: a header line, the word first, then columns such as a category); its words are shown when no words are given.", zh: "元数据文件（Projector 的 TSV：一行表头，先是词，然后是类别等列）；没有给出词时显示其中的词。"), completion: .file(extensions: ["tsv", "txt"]))
    var metadata: String?

    @Option(name: .customLong("color-by"), help: .l("The metadata column to colour the points by (default: the second).", zh: "按哪一列元数据给点着色（默认：第二列）。"))
    var colorBy: String?

    @Option(name: .customLong("search-top"), help: .l("The search also finds the model's N most frequent words not on the page, lighting their nearest words on it (0–100000).", zh: "搜索也能找到页面上没有的、模型中最常见的 N 个词，并点亮页面上离它们最近的词（0–100000）。", suffixed: true))
    var searchTop: Int = 10000

    @Option(help: .l("The language of messages: en or zh (default: from LANG).", zh: "消息的语言：en 或 zh（默认：取自 LANG）。", suffixed: true))
    var lang: Language?

    func validate() throws {
        let ext = (html as NSString).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else { throw ValidationError("--html writes an HTML page; give a file name ending in .html") }
        if let top, !(1...ProjectorPage.wordLimit).contains(top) { throw ValidationError("--top takes 1 to \(ProjectorPage.wordLimit) words, not \(top)") }
        if top != nil && !words.isEmpty { throw ValidationError("give words or --top N, not both") }
        guard (1...100).contains(k) else { throw ValidationError("-k takes 1 to 100 neighbours, not \(k)") }
        guard perplexity.isFinite, (2...100).contains(perplexity) else { throw ValidationError("--perplexity takes 2 to 100, not \(perplexity)") }
        guard (0...100_000).contains(searchTop) else { throw ValidationError("--search-top takes 0 to 100000 words, not \(searchTop)") }
        if metadata != nil, top != nil { throw ValidationError("give --metadata (its words) or --top N, not both") }
        if colorBy != nil, metadata == nil { throw ValidationError("--color-by names a column of --metadata FILE; give the file too") }
    }

    func run() throws {
        let vectors: WordVectors
        do { vectors = try Environment.catalog.load(model) } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        var table: (column: String, categories: [String: String], words: [String])?
        if let metadata {
            do { table = try Projector.readMetadata(metadata, column: colorBy) } catch {
                Environment.warn("error: \(error)")
                throw ExitCode(1)
            }
        }
        // The most frequent tokens, punctuation (a token without a letter or digit) left out.
        let chosen = !words.isEmpty ? words : table.map(\.words)
            ?? Array(vectors.words.lazy.filter { $0.contains { $0.isLetter || $0.isNumber } }.prefix(top ?? 500))
        let page: ProjectorPage
        do {
            page = try ProjectorPage(model: vectors, words: chosen, k: k, tsne: noTSNE ? nil : TSNE(perplexity: perplexity, seed: seed),
                                     categories: table.map { t in chosen.map { t.categories[$0] ?? "" } }, categoryName: table?.column, searchTop: searchTop)
        } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
        let base = (html as NSString).deletingPathExtension
        let tsv = (vectors: base + ".tsv", metadata: base + "-metadata.tsv")
        if let metadata, !noTSV, [tsv.vectors, tsv.metadata].contains(where: { ReadPolicy.canonical($0) == ReadPolicy.canonical(metadata) }) {
            Environment.warn("error: the page's TSV files (\(tsv.vectors), \(tsv.metadata)) would replace --metadata \(metadata); name the page differently or add --no-tsv")
            throw ExitCode(64)
        }
        let name = { (path: String) in (path as NSString).lastPathComponent }
        do {
            try SafeWrite.replace(html, with: Array(ProjectorPageHTML.render(page, tsv: noTSV ? nil : (name(tsv.vectors), name(tsv.metadata))).utf8), policy: nil)
            if !noTSV { try page.vectors.save(path: tsv.vectors, format: .projectorTSV) }
        } catch {
            Environment.warn("error: cannot write \(html): \(error)")
            throw ExitCode(1)
        }
        if !page.missing.isEmpty { Environment.warn("not in \(vectors.name), left out: \(page.missing.joined(separator: ", "))") }
        print("wrote \(html) (\(page.words.count) words, \(page.neighbours.first?.count ?? 0) neighbours each" + (page.tsne == nil ? "" : "; PCA and t-SNE")
              + (page.offPage.isEmpty ? "" : "; search knows \(page.searchable) words") + ")"
              + (noTSV ? "" : " and \(tsv.vectors), \(tsv.metadata) for projector.tensorflow.org"))
    }

    /// A Projector metadata file: a header line (the word's column first), one line per word.
    /// Returns the column to colour by (`column`, else the second), each word's value and the words in order.
    static func readMetadata(_ path: String, column: String?) throws -> (column: String, categories: [String: String], words: [String]) {
        let lines = try TextFile.lines(atPath: path, limits: .dataFile, what: "metadata file").filter { !$0.isEmpty }
        let header = (lines.first ?? "").components(separatedBy: "\t")
        guard header.count >= 2 else {
            throw ValidationError("\(path):1: a metadata file starts with a header line of at least two tab-separated columns (word, then e.g. category)")
        }
        let index: Int
        if let column {
            guard let i = header.firstIndex(of: column), i > 0 else {
                throw ValidationError("\(path):1: there is no column '\(column)'; the columns are \(header.dropFirst().joined(separator: ", "))")
            }
            index = i
        } else { index = 1 }
        var categories: [String: String] = [:], words: [String] = []
        for line in lines.dropFirst() {
            let cells = line.components(separatedBy: "\t")
            guard let word = cells.first, !word.isEmpty else { continue }
            if categories[word] == nil { words.append(word) }
            categories[word] = index < cells.count ? cells[index] : ""
        }
        return (header[index], categories, words)
    }
}

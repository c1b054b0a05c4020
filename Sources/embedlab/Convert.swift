import ArgumentParser
import FileAccess
import Foundation
import Embeddings
import Rendering
import Workbench

/// `embedlab convert IN OUT`: between word2vec text/binary, GloVe text, Projector TSV and .embv.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Convert between vector file formats.", zh: "在各种向量文件格式之间转换。", indent: HelpText.column),
        discussion: HelpText.pick("""
        Formats: embedlab (.embv), word2vec (text with a 'V d' header), word2vec-bin (.bin), glove (text, no header), \
        tsv (Embedding Projector: OUT.tsv and OUT-metadata.tsv). Guessed from the file when not given.
        """, zh: "格式：embedlab（.embv）、word2vec（带 'V d' 头行的文本）、word2vec-bin（.bin）、glove（无头行的文本）、tsv（Embedding Projector：OUT.tsv 和 OUT-metadata.tsv）。未指定时根据文件猜测。"))

    @Argument(help: .l("The input vectors file, or a bundled model's name (`embedlab models`).", zh: "输入的向量文件，或内置模型的名称（`embedlab models`）。"), completion: Completions.model) var input: String
    @Argument(help: .l("The output file.", zh: "输出文件。"), completion: .file()) var output: String
    @Option(help: .l("Input format (embedlab, word2vec, word2vec-bin, glove, tsv).", zh: "输入格式（embedlab、word2vec、word2vec-bin、glove、tsv）。")) var from: String?
    @Option(help: .l("Output format (embedlab, word2vec, word2vec-bin, glove, tsv).", zh: "输出格式（embedlab、word2vec、word2vec-bin、glove、tsv）。")) var to: String?
    @Option(help: .l("Keep only the first N (most frequent) words.", zh: "只保留前 N 个（最常见的）词。")) var limit: Int?
    @Option(help: .l("A file with one dimension name per line (for .embv output).", zh: "每行一个维度名称的文件（用于 .embv 输出）。"), completion: .file()) var dimensionNames: String?
    @Flag(help: .l("Store float16 values in .embv output (half the size).", zh: ".embv 输出中以 float16 存储数值（大小减半）。")) var float16 = false
    @Flag(help: .l("Store int8 values with one scale per row in .embv output (a quarter of the size; read in place).", zh: ".embv 输出中以 int8 存储数值、每行一个缩放系数（大小为四分之一；可原地读取）。")) var int8 = false
    @OptionGroup var out: OutputOptions

    func run() throws {
        if let limit { try out.check([("limit", String(limit))], against: [.limit]) }
        func format(_ s: String?) throws -> ModelFormat? {
            guard let s else { return nil }
            guard let f = ModelFormat(rawValue: s) else {
                throw ValidationError("unknown format '\(s)'; use one of: \(ModelFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return f
        }
        // A bundled name (zh-wiki) is its file; an encoder is refused in one line.
        var path = input
        if !FileManager.default.fileExists(atPath: input) {
            let session = try out.session(anyModel: input)
            try out.refuseEncoder(session, command: "convert",
                                  instead: out.language.text(.convertEncoderInstead, ["model": input]))
            if let file = try? Environment.catalog.resolve(input) { path = file }
        }
        do {
            var model = try WordVectors.load(path: path, format: try format(from))
            if let limit { model = try model.prefix(limit) }
            if let dimensionNames {
                let names = try TextFile.lines(atPath: dimensionNames, limits: .dataFile, what: "dimension-names file").filter { !$0.isEmpty }
                model = try WordVectors(name: model.name, words: model.words, matrix: model.matrix, dimensionNames: names)
            }
            if float16 && int8 { throw ValidationError("--float16 and --int8 are two storages; give one") }
            try model.save(path: output, format: try format(to), float16: float16, int8: int8)
            if out.json {
                print(JSONRenderer.string(Converted(input: input, output: output, format: (try format(to) ?? ModelFormat.guess(path: output)).rawValue,
                                                    words: model.count, dimensions: model.dimensions, float16: float16)))
            } else {
                print("wrote \(output): \(model.count) words × \(model.dimensions) dimensions")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
    }
}

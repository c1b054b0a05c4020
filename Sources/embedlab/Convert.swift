import ArgumentParser
import FileAccess
import Foundation
import Embeddings
import Rendering
import Workbench

/// `embedlab convert IN OUT`: between word2vec text/binary, GloVe text, Projector TSV and .embv.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert between vector file formats.",
        discussion: """
        Formats: embedlab (.embv), word2vec (text with a 'V d' header), word2vec-bin (.bin), glove (text, no header), \
        tsv (Embedding Projector: OUT.tsv and OUT-metadata.tsv). Guessed from the file when not given.
        """)

    @Argument(help: "The input vectors file, or a bundled model's name (`embedlab models`).", completion: Completions.model) var input: String
    @Argument(help: "The output file.", completion: .file()) var output: String
    @Option(help: "Input format (embedlab, word2vec, word2vec-bin, glove, tsv).") var from: String?
    @Option(help: "Output format (embedlab, word2vec, word2vec-bin, glove, tsv).") var to: String?
    @Option(help: "Keep only the first N (most frequent) words.") var limit: Int?
    @Option(help: "A file with one dimension name per line (for .embv output).", completion: .file()) var dimensionNames: String?
    @Flag(help: "Store float16 values in .embv output (half the size).") var float16 = false
    @Flag(help: "Store int8 values with one scale per row in .embv output (a quarter of the size; read in place).") var int8 = false
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

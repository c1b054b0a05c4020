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
        Formats: embedlab (.embv), word2vec (text with a 'V d' header), word2vec-bin (.bin), glove (text, no header),
        tsv (Embedding Projector: OUT.tsv and OUT-metadata.tsv). Guessed from the file when not given.
        """)

    @Argument(help: "The input vectors file.") var input: String
    @Argument(help: "The output file.") var output: String
    @Option(help: "Input format (embedlab, word2vec, word2vec-bin, glove, tsv).") var from: String?
    @Option(help: "Output format (embedlab, word2vec, word2vec-bin, glove, tsv).") var to: String?
    @Option(help: "Keep only the first N (most frequent) words.") var limit: Int?
    @Option(help: "A file with one dimension name per line (for .embv output).") var dimensionNames: String?
    @Flag(help: "Store float16 values in .embv output (half the size).") var float16 = false
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
        do {
            var model = try WordVectors.load(path: input, format: try format(from))
            if let limit { model = try model.prefix(limit) }
            if let dimensionNames {
                let names = try TextFile.lines(atPath: dimensionNames, limits: .dataFile, what: "dimension-names file").filter { !$0.isEmpty }
                model = try WordVectors(name: model.name, words: model.words, matrix: model.matrix, dimensionNames: names)
            }
            try model.save(path: output, format: try format(to), float16: float16)
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

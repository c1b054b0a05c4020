import ArgumentParser
import Encoders
import Foundation
import Rendering
import Workbench

/// `embedlab embed MODEL TEXT... [--json]`: sentence vectors from a transformer encoder, one per text.
struct Embed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentence vector of each text, from a transformer encoder (minilm; e5-small for 中文 and English).",
        discussion: "Example: embedlab embed minilm 'the river bank' 'the bank raised its rates' --json. e5-small reads each text as \"query: TEXT\", as its authors advise for similarity.")

    @Argument(help: "An encoder: a bundled name (minilm, e5-small) or an .embt file.")
    var model: String

    @Argument(help: "One or more texts; each gets its own vector.")
    var texts: [String]

    @OptionGroup var output: OutputOptions

    /// One line of `--json` output.
    struct Line: Encodable {
        var type = "embedding"
        let text: String
        let vector: [Float]
    }

    func run() throws {
        let session = try output.session(Environment.defaultModel)
        let encoder: SentenceEncoder
        do {
            guard let e = try session.loadEncoder(model) else {
                throw ValidationError("'\(model)' is not a transformer encoder; the bundled encoders are minilm and e5-small (or give an .embt file)")
            }
            encoder = e
        } catch {
            output.fail(error, input: nil)
            throw ExitCode(1)
        }
        let vectors = encoder.encode(texts, threads: max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)))
        let encoder8 = JSONRenderer.encoder()
        for (i, text) in texts.enumerated() {
            let v = vectors.row(i)
            if output.json {
                let data = (try? encoder8.encode(Line(text: text, vector: v))) ?? Data()
                print(String(decoding: data, as: UTF8.self))
            } else {
                let head = v.prefix(6).map { String(format: "%.4f", $0) }.joined(separator: ", ")
                print("\(text)\n  [\(head), …]  (\(v.count) dimensions, \(encoder.name))")
            }
        }
    }
}

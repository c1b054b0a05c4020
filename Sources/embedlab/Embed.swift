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

    @Argument(help: "Any model `embedlab models` lists: an encoder (minilm, e5-small, an .embt file) or a static model (glove-50d, zh-wiki …: the SIF-weighted mean of the text's word vectors, as `\"TEXT\"` at the prompt).", completion: Completions.model)
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
        let session = try output.session(anyModel: model)
        let vectors: [[Float]]
        let name: String
        if let encoder = session.encoder {
            let m = encoder.encode(texts, threads: max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)))
            vectors = (0..<texts.count).map { m.row($0) }
            name = encoder.name
        } else {
            // A static model: the text as a sentence expression, as the prompt reads "TEXT".
            name = session.model.name
            vectors = try texts.map { text in
                let line = "\"" + text.replacingOccurrences(of: "\"", with: " ") + "\""
                do {
                    if case .vector(let v) = try session.evaluate(line).value { return v.values }
                    return []
                } catch {
                    output.fail(error, input: line)
                    throw ExitCode(1)
                }
            }
        }
        let encoder8 = JSONRenderer.encoder()
        for (i, text) in texts.enumerated() {
            let v = vectors[i]
            if output.json {
                let data = (try? encoder8.encode(Line(text: text, vector: v))) ?? Data()
                print(String(decoding: data, as: UTF8.self))
            } else {
                let head = v.prefix(6).map { String(format: "%.4f", $0) }.joined(separator: ", ")
                print("\(text)\n  [\(head), …]  (\(v.count) dimensions, \(name))")
            }
        }
    }
}

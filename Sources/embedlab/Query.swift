import ArgumentParser
import Foundation
import Rendering
import Workbench

/// `embedlab query MODEL EXPRESSION`: one line of the command language, evaluated and printed.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one expression or command on a model and print the result.",
        discussion: "Example: embedlab query glove-50d 'king - man + woman'")

    @Argument(help: "Any model `embedlab models` lists (glove-50d, zh-wiki, toy, minilm, e5-small …) or a vectors or .embt file.", completion: Completions.model)
    var model: String

    @Argument(help: "What you would type at the prompt, e.g. 'king - man + woman' or 'near paris'.")
    var expression: [String]

    @Option(name: .shortAndLong, parsing: .unconditional, help: "How many neighbours to show (1–1000; as :set k).")
    var k: Int?

    @Option(help: "Write the result's picture to this SVG file instead of printing it (for a slide).", completion: .file(extensions: ["svg"]))
    var svg: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let svg, (svg as NSString).pathExtension.lowercased() != "svg" {
            throw ValidationError("--svg writes an SVG picture; give a file name ending in .svg")
        }
    }

    func run() throws {
        if let k { try output.check([("k", String(k))], against: [.k]) }
        let session = try output.session(anyModel: model)
        if let k { try session.settings.apply("k", String(k), language: session.language) }
        let line = expression.joined(separator: " ")
        if let svg { return try PictureFile.write(svg, of: line, in: session, output: output) }
        try output.print(input: line, caret: true, rerun: { "embedlab query \($0) \(OutputOptions.shellQuoted(line))" }) { try session.evaluate(line).value }
    }
}

extension OutputOptions {
    /// A session on any model `embedlab models` lists, as the prompt would have it: a static model
    /// (a name or a vectors file) in use, or an encoder (minilm, e5-small, an .embt file) in use as
    /// after `:use minilm`, beside the static model a session starts on.
    func session(anyModel name: String) throws -> Session {
        let catalog = Environment.catalog
        if (try? catalog.resolve(name)) == nil {
            let s = try session(Environment.defaultModel(for: language, in: catalog))
            if s.encoderPath(name) != nil {
                do { _ = try s.useEncoder(name) } catch {
                    fail(error, input: nil)
                    throw ExitCode(1)
                }
                return s
            }
        }
        return try session(name)
    }

    /// Stops with one line when `session` has an encoder in use and `command` needs word vectors.
    func refuseEncoder(_ session: Session, command: String, instead: String) throws {
        guard let e = session.encoder else { return }
        Environment.warn(language.text(.errorPrefix) + language.text(.commandNeedsWordModel, ["model": e.name, "command": command, "instead": instead]))
        throw ExitCode(64)
    }
}

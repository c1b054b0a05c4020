import ArgumentParser
import Foundation
import Rendering
import Workbench

/// `embedlab query MODEL EXPRESSION`: one line of the command language, evaluated and printed.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one expression or command on a model and print the result.",
        discussion: "Example: embedlab query glove-50d 'king - man + woman'")

    @Argument(help: "A bundled model name (glove-50d, toy, library) or a vectors file.")
    var model: String

    @Argument(help: "What you would type at the prompt, e.g. 'king - man + woman' or 'near paris'.")
    var expression: [String]

    @Option(name: .shortAndLong, help: "How many neighbours to show (1–1000; as :set k).")
    var k: Int?

    @Option(help: "Write the result's picture to this SVG file instead of printing it (for a slide).")
    var svg: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let svg, (svg as NSString).pathExtension.lowercased() != "svg" {
            throw ValidationError("--svg writes an SVG picture; give a file name ending in .svg")
        }
    }

    func run() throws {
        if let k { try output.check([("k", String(k))], against: [.k]) }
        let session = try output.session(model)
        if let k { try session.settings.apply("k", String(k), language: session.language) }
        let line = expression.joined(separator: " ")
        if let svg { return try PictureFile.write(svg, of: line, in: session, output: output) }
        try output.print(input: line, caret: true) { try session.evaluate(line).value }
    }
}

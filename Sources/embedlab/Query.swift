import ArgumentParser
import Foundation
import Rendering
import Workbench

/// `embedlab query MODEL EXPRESSION`: one line of the command language, evaluated and printed.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Evaluate one expression or command on a model and print the result.", zh: "在一个模型上计算一个表达式或命令并打印结果。", indent: HelpText.column),
        discussion: HelpText.pick("Example: embedlab query glove-50d 'king - man + woman'", zh: "例：embedlab query glove-50d 'king - man + woman'"))

    @Argument(help: .l("Any model `embedlab models` lists (glove-50d, zh-wiki, toy, minilm, e5-small …) or a vectors or .embt file.", zh: "`embedlab models` 列出的任一模型（glove-50d、zh-wiki、toy、minilm、e5-small …），或向量文件、.embt 文件。"), completion: Completions.model)
    var model: String

    @Argument(help: .l("What you would type at the prompt, e.g. 'king - man + woman' or 'near paris'.", zh: "你会在提示符下输入的内容，例如 'king - man + woman' 或 'near paris'。"))
    var expression: [String]

    @Option(name: .shortAndLong, parsing: .unconditional, help: .l("How many neighbours to show (1–1000; as :set k).", zh: "显示多少个近邻（1–1000；同 :set k）。"))
    var k: Int?

    @Option(help: .l("Write the result's picture to this SVG file instead of printing it (for a slide).", zh: "把结果的图写入这个 SVG 文件，而不是打印出来（用于幻灯片）。"), completion: .file(extensions: ["svg"]))
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
        // An .embt file is an encoder, never a word model (resolve would find the file and read it as text).
        if name.hasSuffix(".embt") || (try? catalog.resolve(name)) == nil {
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

import ArgumentParser
import Embeddings
import Foundation
import Rendering
import Workbench

/// `embedlab models [--json]`: the bundled models. As text, the prompt's `:models` table; as
/// JSON, typed rows (schema/embedlab-output.schema.json, "models"): a name, the kind, the shape,
/// the size in bytes and whether it is the one in use, not display strings.
struct ModelList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: HelpText.pick("List the bundled models.", zh: "列出内置模型。", indent: HelpText.column))
    @OptionGroup var output: OutputOptions

    struct Row: Encodable {
        var name: String
        /// "words" (a word-vector model) or "encoder" (a transformer sentence encoder).
        var kind: String
        /// Words in the vocabulary (word models; null when the file cannot be read).
        var words: Int?
        var dimensions: Int?
        /// Transformer layers (encoders).
        var layers: Int?
        /// The file's size in bytes.
        var size: Int
        var in_use: Bool
        var path: String
    }

    struct Listing: Encodable {
        var type = "models"
        var models: [Row]
    }

    func run() throws {
        let session = try output.session(Environment.defaultModel)
        guard output.json else { return try output.print(input: ":models") { try session.invoke(":models") } }
        let current = session.encoder?.name ?? session.model.name
        var rows = session.catalog.entries().map { entry -> Row in
            let model = try? WordVectors.load(path: entry.path)
            return Row(name: entry.name, kind: "words", words: model?.count, dimensions: model?.dimensions, layers: nil,
                       size: entry.bytes, in_use: entry.name == current, path: entry.path)
        }
        let folders = session.catalog.directories
        rows += session.encoderEntries().map { entry in
            let path = folders.map { ($0 as NSString).appendingPathComponent(entry.name + ".embt") }.first { FileManager.default.fileExists(atPath: $0) } ?? entry.name + ".embt"
            return Row(name: entry.name, kind: "encoder", words: nil, dimensions: entry.config.hidden, layers: entry.config.layers,
                       size: entry.bytes, in_use: entry.name == current, path: path)
        }
        print(JSONRenderer.string(Listing(models: rows)))
    }
}

/// `embedlab convert --json`: what was written.
struct Converted: Encodable {
    var type = "converted"
    var input: String
    var output: String
    var format: String
    var words: Int
    var dimensions: Int
    var float16: Bool
}

import ArgumentParser
import Foundation
import Embeddings
import Workbench
import Rendering

/// `embedlab query MODEL EXPRESSION`: one line of the command language, evaluated and printed.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one expression or command on a model and print the result.",
        discussion: "Example: embedlab query glove-50d 'king - man + woman'")

    @Argument(help: "A bundled model name (glove-50d, toy, library) or a vectors file.")
    var model: String

    @Argument(help: "What you would type at the prompt, e.g. 'king - man + woman' or 'near paris'.")
    var expression: [String]

    @Option(name: .shortAndLong, help: "How many neighbours to show.")
    var k: Int?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let session = try Self.session(model)
        if let k { _ = try session.settings.apply("k", String(k)) }
        let line = expression.joined(separator: " ")
        do {
            let result = try session.evaluate(line)
            print(json ? JSONRenderer.render(result.value) : ValueRenderer.render(result.value, style: Environment.style(forTerminal: Environment.isTerminal(STDOUT_FILENO))))
        } catch {
            if json { print(JSONRenderer.error(error, input: line)) } else { Environment.warn(ErrorRenderer.render(error, input: line, style: .plain)) }
            throw ExitCode(1)
        }
    }

    /// A session on `model`, or a clear message and exit code 1.
    static func session(_ model: String) throws -> Session {
        let catalog = Environment.catalog
        do {
            return Session(catalog: catalog, model: try catalog.load(model))
        } catch {
            Environment.warn("error: \(error)")
            throw ExitCode(1)
        }
    }
}

struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the bundled models.")
    func run() throws {
        let session = try Query.session(Environment.defaultModel)
        print(ValueRenderer.render(try session.evaluate(":models").value, style: .plain))
    }
}

import ArgumentParser
import Foundation
import Rendering
import Workbench

/// What every subcommand that prints a value shares: `--json`, `--lang`, and how a value or an
/// error is printed (JSON on standard output under `--json`, else text; errors exit with 1).
struct OutputOptions: ParsableArguments {
    @Flag(help: .l("Print the result (or the error) as JSON.", zh: "以 JSON 打印结果（或错误）。"))
    var json = false

    @Option(help: .l("The language of messages and labels: en or zh (default: from LANG).", zh: "消息和标签的语言：en 或 zh（默认：取自 LANG）。", suffixed: true))
    var lang: Language?

    var language: Language { lang ?? Language.fromEnvironment() }

    /// A session on `model` in the chosen language, or the error printed and exit code 1.
    func session(_ model: String) throws -> Session {
        let catalog = Environment.catalog
        do {
            return Session(catalog: catalog, model: try catalog.load(model), language: language)
        } catch {
            fail(error, input: nil)
            throw ExitCode(1)
        }
    }

    /// Prints what `produce` returns, or its error (exit code 1). With `caret`, a text error shows
    /// the typed line with a caret under the mistake (`query`); else it is one line.
    /// `rerun`: the command line that runs the same on another model, for a hint that would say
    /// `:use NAME` at the prompt (`embedlab query zh-wiki '猫'`).
    func print(input: String, caret: Bool = false, rerun: ((String) -> String)? = nil, _ produce: () throws -> Value) throws {
        do {
            let value = try produce()
            Swift.print(json ? JSONRenderer.render(value) : ValueRenderer.render(value, style: Environment.style(forTerminal: Environment.isTerminal(STDOUT_FILENO)).withLanguage(language)))
        } catch var error as WorkbenchError {
            if let other = error.otherModel, let rerun {
                error.hint = language.text(.commandLineOtherModel, ["model": other, "command": rerun(other)])
            }
            fail(error, input: input, caret: caret)
            throw ExitCode(1)
        } catch {
            fail(error, input: input, caret: caret)
            throw ExitCode(1)
        }
    }

    /// A word or text quoted for the shell, as the user would type it again.
    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Checks options given on the command line against their declarations in the command table
    /// (the same ranges and wording as at the prompt); a bad one is a usage error: one line, exit 64.
    func check(_ given: [(String, String)], against specs: [OptionSpec]) throws {
        for (name, raw) in given {
            guard let spec = specs.first(where: { $0.isNamed(name) }) else { continue }
            do { _ = try spec.parse(raw, language: language) } catch {
                fail(error, input: nil)
                throw ExitCode(64)
            }
        }
    }

    /// An error: a JSON object on standard output under `--json`, else a message on standard error.
    func fail(_ error: Error, input: String?, caret: Bool = false) {
        if json {
            Swift.print(JSONRenderer.error(error, input: input ?? ""))
        } else if caret, let input {
            Environment.warn(ErrorRenderer.render(error, input: input, style: Style.plain.withLanguage(language)))
        } else {
            Environment.warn(language.text(.errorPrefix) + ErrorRenderer.line(error))
        }
    }
}

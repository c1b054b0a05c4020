import ArgumentParser
import FileAccess
import Foundation
import Rendering
import Workbench

/// `embedlab query MODEL EXPRESSION --svg FILE`: the value's picture as an SVG file.
enum PictureFile {
    static func write(_ path: String, of line: String, in session: Session, output: OutputOptions) throws {
        let value: Value
        do {
            value = try session.evaluate(line).value
        } catch {
            output.fail(error, input: line, caret: true)
            throw ExitCode(1)
        }
        guard let svg = SVGRenderer.file(value) else {
            output.fail(WorkbenchError("'\(line)' has no picture to write to \(path)", hint: "pictures come from: " + SVGRenderer.whatHasPictures), input: line)
            throw ExitCode(1)
        }
        do {
            // The user's own output file, named on the command line: no read policy.
            try SafeWrite.replace(path, with: Array(svg.utf8), policy: nil)
        } catch {
            output.fail(WorkbenchError("cannot write \(path): \(error)", hint: "choose a folder you can write to"), input: nil)
            throw ExitCode(1)
        }
        print(output.json ? JSONRenderer.string(["type": "file", "path": path, "format": "svg", "input": line]) : "wrote \(path)")
    }
}

import ArgumentParser
import Foundation
import Embeddings
import Rendering
import Workbench

/// What the executable learns from its surroundings: where models live, the terminal, colour.
enum Environment {
    /// One environment variable (`getenv`): on the start-up path, where `ProcessInfo.environment`
    /// would build a dictionary of every variable at each call.
    static func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// Folders searched for bundled models: `$EMBEDLAB_VECTORS`, `./vectors`, and the `vectors/`
    /// of the checkout the executable was built in (found by walking up from the executable).
    static var catalog: ModelCatalog {
        var dirs: [String] = []
        if let env = variable("EMBEDLAB_VECTORS"), !env.isEmpty { dirs.append(env) }
        dirs.append(FileManager.default.currentDirectoryPath + "/vectors")
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = (exe as NSString).deletingLastPathComponent
            while dir != "/" && !dir.isEmpty {
                let candidate = dir + "/vectors"
                if FileManager.default.fileExists(atPath: candidate + "/glove-50d.embv") { dirs.append(candidate); break }
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        return ModelCatalog(directories: dirs)
    }

    static let defaultModel = "glove-50d"
    /// The model a Chinese prompt starts on, when it is bundled.
    static let defaultChineseModel = "zh-wiki"

    /// The model to start on when none is named: zh-wiki in 中文 (when bundled), else glove-50d.
    static func defaultModel(for language: Language, in catalog: ModelCatalog) -> String {
        language == .zh && (try? catalog.resolve(defaultChineseModel)) != nil ? defaultChineseModel : defaultModel
    }

    /// A session on `model`, or the error on standard error and exit code 1.
    static func session(_ model: String, language: Language = .fromEnvironment()) throws -> Session {
        do {
            return Session(catalog: catalog, model: try catalog.load(model), language: language)
        } catch {
            warn(language.text(.errorPrefix) + "\(error)")
            throw ExitCode(1)
        }
    }

    /// The bundled lessons: `$EMBEDLAB_LESSONS`, `./lessons`, or the checkout's `lessons/`.
    static var lessonsDirectory: String {
        if let env = variable("EMBEDLAB_LESSONS"), !env.isEmpty { return env }
        let local = FileManager.default.currentDirectoryPath + "/lessons"
        if FileManager.default.fileExists(atPath: local + "/FORMAT.md") { return local }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = (exe as NSString).deletingLastPathComponent
            while dir != "/" && !dir.isEmpty {
                if FileManager.default.fileExists(atPath: dir + "/lessons/FORMAT.md") { return dir + "/lessons" }
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        return local
    }

    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func style(forTerminal terminal: Bool) -> Style {
        let noColor = variable("NO_COLOR").map { !$0.isEmpty } ?? false
        var width = 80
        if terminal {
            var ws = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { width = Int(ws.ws_col) }
        } else if let cols = variable("COLUMNS").flatMap(Int.init) {
            width = cols
        }
        return Style(width: width, color: terminal && !noColor && variable("TERM") != "dumb")
    }

    /// Writes a line to standard error.
    static func warn(_ message: String) {
        // Messages quote file names and words from files: shown escaped, never obeyed by the terminal.
        FileHandle.standardError.write(Data((TerminalText.printable(message, colour: style(forTerminal: isTerminal(STDERR_FILENO)).color) + "\n").utf8))
    }
}

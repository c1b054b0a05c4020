import Foundation
import XCTest

/// The built `embedlab` executable and the repository it belongs to.
enum Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var path: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("embedlab").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return root.appendingPathComponent(".build/debug/embedlab").path
    }

    /// Runs embedlab with `arguments`, `input` on standard input; returns (status, stdout, stderr).
    @discardableResult
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try run(arguments, bytes: Data(input.utf8), environment: environment)
    }

    /// The same with raw bytes on standard input (to send what is not valid UTF-8).
    static func run(_ arguments: [String], bytes input: Data, environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        // A learner's own progress and language choice never leak into a test (nor the other way).
        env["XDG_STATE_HOME"] = temporaryDirectory()
        for key in ["LC_ALL", "LC_MESSAGES"] { env.removeValue(forKey: key) }
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        try p.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

func temporaryDirectory() -> String {
    let dir = NSTemporaryDirectory() + "embedlab-repl-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// A real terminal: tmux runs embedlab in a pane; keys are sent with send-keys and the screen
/// read with capture-pane. Each test gets its own tmux server (socket), killed at the end.
final class Terminal {
    let socket = "embedlab-test-" + UUID().uuidString.prefix(8)
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// The terminal tests never skip: scripts/test.sh installs tmux, so a missing tmux is a failure
    /// that says what to install, not a silent skip that would hide a broken terminal.
    static func require() throws {
        guard available else {
            throw NSError(domain: "tmux is not installed at /usr/bin/tmux: run scripts/install-deps.sh (or apt-get install tmux)", code: 1)
        }
    }

    init(command: String, width: Int = 100, height: Int = 40) throws {
        // The tmux server outlives this call. Foundation's Process waits until every copy of its
        // bookkeeping descriptors is closed, and the server would keep one: start it with system().
        let status = system(shell(["/usr/bin/tmux", "-L", String(socket), "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", command]) + " </dev/null >/dev/null 2>&1")
        guard status == 0 else { throw NSError(domain: "tmux", code: Int(status)) }
    }

    deinit { _ = system(shell(["/usr/bin/tmux", "-L", String(socket), "kill-server"]) + " >/dev/null 2>&1") }

    private func shell(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    @discardableResult
    func tmux(_ args: [String], readOutput: Bool = true) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        p.arguments = ["-L", String(socket)] + args
        let out = Pipe()
        p.standardOutput = readOutput ? out : FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = readOutput ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Types text (sent literally) or named keys ("Tab", "Enter", "Up", "Left", "C-c", "BSpace").
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-t", "t", "-p"]) }

    /// Waits until the screen shows `text` (or `count` copies of it); fails the test after `timeout`.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.components(separatedBy: text).count - 1 >= count { return last }
            usleep(100_000)
        }
        XCTFail("the screen never showed '\(text)' (×\(count)):\n\(last)", file: file, line: line)
        return last
    }
}

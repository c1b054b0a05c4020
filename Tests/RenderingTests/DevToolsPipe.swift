import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A browser driven as a person would use it, over the Chrome DevTools Protocol on a pipe
/// (`--remote-debugging-pipe`: the browser reads commands on fd 3 and writes replies on fd 4, each
/// a JSON object ending in a NUL byte). Enough of the protocol to open a page, press keys and
/// read the document back; every wait has a deadline, so a stuck browser fails the test instead
/// of hanging it.
final class DevToolsPipe {
    private var pid: pid_t = 0
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var nextID = 1
    private var buffer = [UInt8]()
    private var session: String?

    init(browser: Browser, url: String) throws {
        var commands: [Int32] = [0, 0], replies: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&replies) == 0 else { throw DevToolsError("cannot make pipes") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, replies[1], 4)
        posix_spawn_file_actions_addclose(&actions, commands[1])
        posix_spawn_file_actions_addclose(&actions, replies[0])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [browser.executable] + browser.common + ["--remote-debugging-pipe", url]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let status = posix_spawn(&pid, browser.executable, &actions, nil, &argv, environ)
        close(commands[0]); close(replies[1])
        toBrowser = commands[1]; fromBrowser = replies[0]
        guard status == 0 else { close(toBrowser); close(fromBrowser); throw DevToolsError("cannot start \(browser.executable): \(status)") }
    }

    deinit {
        close(toBrowser); close(fromBrowser)
        if pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Attaches to the page the browser opened, and waits until it has loaded.
    func attachToPage() throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let targets = try send("Target.getTargets", [:], inSession: false)["targetInfos"] as? [[String: Any]] ?? []
            if let page = targets.first(where: { $0["type"] as? String == "page" && ($0["url"] as? String ?? "").hasPrefix("file:") }),
               let id = page["targetId"] as? String {
                session = try send("Target.attachToTarget", ["targetId": id, "flatten": true], inSession: false)["sessionId"] as? String
                // The target may still show about:blank for a moment: wait for the file itself to have loaded.
                while Date() < deadline {
                    if try evaluate("location.protocol === 'file:' && document.readyState === 'complete'") as? Bool == true { return }
                    usleep(50_000)
                }
                break
            }
            usleep(100_000)
        }
        throw DevToolsError("the page did not open within 15 s")
    }

    /// Types `text` into the focused element, one key press per character.
    func type(_ text: String) throws {
        for character in text {
            let s = String(character)
            _ = try send("Input.dispatchKeyEvent", ["type": "keyDown", "text": s, "unmodifiedText": s, "key": s])
            _ = try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": s])
        }
    }

    /// Presses and releases a key that types nothing (Backspace: 8, Enter: 13).
    func press(key: String, code: Int) throws {
        for type in ["rawKeyDown", "keyUp"] {
            _ = try send("Input.dispatchKeyEvent", ["type": type, "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code])
        }
    }

    /// The value of a JavaScript expression in the page (promises awaited).
    func evaluate(_ expression: String) throws -> Any? {
        let reply = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = reply["exceptionDetails"] { throw DevToolsError("the page threw: \(exception)") }
        return (reply["result"] as? [String: Any])?["value"]
    }

    /// Sends one command and waits (at most 10 s) for its reply.
    func send(_ method: String, _ params: [String: Any], inSession: Bool = true) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if inSession, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { write(toBrowser, $0.baseAddress, $0.count) }
            guard n > 0 else { throw DevToolsError("the browser closed its pipe") }
            written += n
        }
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                guard object["id"] as? Int == id else { continue }   // an event, or an older reply
                if let error = object["error"] { throw DevToolsError("\(method) failed: \(error)") }
                return object["result"] as? [String: Any] ?? [:]
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw DevToolsError("no reply to \(method) within 10 s") }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = read(fromBrowser, &chunk, chunk.count)
            guard n > 0 else { throw DevToolsError("the browser closed its pipe") }
            buffer += chunk[..<n]
        }
    }
}

struct DevToolsError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Where EmbedLab keeps a learner's state (progress, line history), following the XDG Base
/// Directory specification: `$XDG_STATE_HOME/embedlab`, where an unset, empty or relative
/// `XDG_STATE_HOME` means `$HOME/.local/state`.
///
/// ```swift
/// StatePaths.folder(environment: ["HOME": "/home/ada"])    // "/home/ada/.local/state/embedlab"
/// StatePaths.folder(environment: ["XDG_STATE_HOME": "/tmp/s", "HOME": "/home/ada"])   // "/tmp/s/embedlab"
/// ```
public enum StatePaths {
    /// The state folder, or nil when neither a usable `XDG_STATE_HOME` nor `HOME` is set.
    public static func folder(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return trimmed(state) + "/embedlab"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return trimmed(home) + "/.local/state/embedlab"
        }
        return nil
    }

    /// `name` inside the state folder (nil as for `folder`).
    public static func file(_ name: String, environment: [String: String]) -> String? {
        folder(environment: environment).map { $0 + "/" + name }
    }

    private static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        return p == "/" ? "" : String(p)
    }
}

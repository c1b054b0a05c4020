import Foundation
import XCTest

/// Headless Chromium, for reading pages as a reader's browser does: `dom(of:)` is the document
/// after its scripts ran (`--dump-dom`), `screenshot(of:)` a PNG of the first screen.
/// Debian's `chromium-headless-shell` (or `chromium`) is installed by `scripts/install-deps.sh`.
struct Browser {
    let executable: String

    static func find() -> Browser? {
        let names = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "headless_shell"]
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
            + ["/usr/lib/chromium", "/usr/lib/chromium-headless-shell"]
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return Browser(executable: folder + "/" + name)
            }
        }
        return nil
    }

    /// The browser, or a test failure that says how to install it.
    static func required(file: StaticString = #filePath, line: UInt = #line) throws -> Browser {
        guard let browser = find() else {
            XCTFail("no headless Chromium found; run scripts/install-deps.sh (Debian: chromium-headless-shell)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return browser
    }

    /// Flags for a browser run as root in a container, with no GPU, no network fetches of its own.
    var common: [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--font-render-hinting=none",
         "--user-data-dir=" + NSTemporaryDirectory() + "embedlab-chromium-\(getpid())"]
    }

    /// The serialised DOM of `url` after its scripts ran.
    func dom(of url: String) throws -> String {
        try run(common + ["--dump-dom", url]).out
    }

    /// A screenshot of `url` at `width`×`height` written to `png`.
    func screenshot(of url: String, to png: String, width: Int = 1100, height: Int = 1400) throws {
        _ = try run(common + ["--screenshot=" + png, "--window-size=\(width),\(height)", url])
    }

    func run(_ arguments: [String]) throws -> (out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Standard error to a file, so only one pipe is read and neither can fill up and block the browser.
        let errPath = NSTemporaryDirectory() + "embedlab-chromium-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).err"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: errPath)
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        let text = String(decoding: outData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "browser", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(executable) exited \(process.terminationStatus): \(String(decoding: errData.suffix(2000), as: UTF8.self))"])
        }
        return (text, String(decoding: errData, as: UTF8.self))
    }
}

/// How much a picture varies, from ImageMagick: the standard deviation of its grey levels (0 for
/// a blank screen) and the number of distinct colours.
func imageVariation(_ png: String) throws -> (deviation: Double, colours: Int) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["convert", png, "-colorspace", "Gray", "-format", "%[fx:standard_deviation] %k", "info:"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let parts = String(decoding: data, as: UTF8.self).split(separator: " ")
    guard process.terminationStatus == 0, parts.count == 2, let deviation = Double(parts[0]), let colours = Int(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
        throw NSError(domain: "convert", code: 1, userInfo: [NSLocalizedDescriptionKey: "ImageMagick's convert could not read \(png); run scripts/install-deps.sh"])
    }
    return (deviation, colours)
}

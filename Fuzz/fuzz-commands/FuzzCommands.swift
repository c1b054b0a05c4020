import Embeddings
import FileAccess
import Foundation
import Rendering
import Workbench

/// libFuzzer target: the command language, parsed and evaluated on the toy model, each result
/// rendered. Up to 4 lines an input; each line is given 1 second and then asked to stop, as a
/// learner's Ctrl-C would (work that ignores the request shows up as a libFuzzer timeout).
/// Files: only the bundled models may be read, nothing may be written.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
/// The small bundled models only (links in a scratch folder): a word not in the vocabulary makes
/// the session look for it in every bundled model, and loading glove-50d for each input would
/// make the fuzzer twenty times slower without reaching more code.
private let models: String = {
    let dir = NSTemporaryDirectory() + "embedlab-fuzz-commands-models"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for name in ["toy.embv", "library.embv"] where !FileManager.default.fileExists(atPath: dir + "/" + name) {
        symlink(root + "/vectors/" + name, dir + "/" + name)
    }
    return dir
}()
private let catalog = ModelCatalog(directories: [models])
private let toy = try! catalog.load("toy")   // the fuzzer's own fixture, not input
private let policy = ReadPolicy(readable: [root + "/vectors", models])
nonisolated(unsafe) private var deadline = DispatchTime.distantFuture

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommands(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let session = Session(catalog: catalog, model: toy, cancellation: Cancellation(signalFlag: { DispatchTime.now() > deadline }))
    session.readPolicy = policy
    for line in TextFile.lines(ofText: text).prefix(4) {
        deadline = DispatchTime.now() + .seconds(1)
        do {
            let value = try session.evaluate(String(line)).value
            _ = ValueRenderer.render(value, style: .plain)
            _ = JSONRenderer.render(value)
        } catch {
            _ = ErrorRenderer.render(error, input: String(line), style: .plain)
        }
    }
    return 0
}

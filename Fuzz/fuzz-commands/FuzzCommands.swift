import Embeddings
import FileAccess
import Foundation
import FuzzSupport
import Rendering
import Workbench

/// libFuzzer target: the command language, parsed and evaluated on the toy model, each result
/// rendered. Up to 4 lines an input; each line is given 1 second and then asked to stop, as a
/// learner's Ctrl-C would (work that ignores the request shows up as a libFuzzer timeout).
/// Files: only the bundled models may be read, nothing may be written.
private let catalog = FuzzSupport.catalog
private let toy = FuzzSupport.toy
private let policy = FuzzSupport.readPolicy
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

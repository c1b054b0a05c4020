import Embeddings
import Foundation

/// Start-up to the first prompt: the `embedlab` executable answering a piped `:quit` (timed by
/// hyperfine, or bench.sh's shell loop when hyperfine is missing), and the part of it spent loading
/// the default model, timed here in-process the way the executable loads it (`ModelCatalog.load`).
struct StartupBenchmark {
    struct Command: Decodable {
        var command: String
        var mean: Double
        var stddev: Double?
        var median: Double
        var min: Double
        var max: Double
        var times: [Double]?
    }
    private struct Export: Decodable {
        var tool: String?
        var results: [Command]
    }

    let tool: String
    let commands: [Command]
    /// The first load of the default model in this process, then the median of repeats.
    let firstLoad: Double
    let load: Samples
    /// What the first query adds: the unit-length copy of the rows (`WordVectors.normalized`).
    let normalise: Double

    init(exportPath: String, modelPath: String, repeats: Int) throws {
        if let data = FileManager.default.contents(atPath: exportPath) {
            let export = try JSONDecoder().decode(Export.self, from: data)
            tool = export.tool ?? "hyperfine"
            commands = export.results
        } else {
            tool = "not measured"
            commands = []
        }
        let directory = (modelPath as NSString).deletingLastPathComponent
        let name = ((modelPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let (model, first) = try Stopwatch.time { try ModelCatalog(directories: [directory]).load(name) }
        firstLoad = first
        normalise = Stopwatch.time { consume(model.normalized) }.1
        load = try Samples.measure(repeats: repeats) { try ModelCatalog(directories: [directory]).load(name) }.0
    }
}

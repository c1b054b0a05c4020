// encoder-bench: sentences per second of EmbedLab's transformer encoder (release build; not a test).
//
//   encoder-bench MODEL.embt SENTENCES.txt [--batch 32] [--threads 2] [--repeats 3] [--float32]
//
// SENTENCES.txt holds one sentence a line. Every repeat encodes all of them, `--batch` at a time with
// `--threads` threads; the median repeat is reported. Prints one JSON object (the last line):
// {"sentences": N, "batch": B, "threads": T, "seconds": [...], "median_seconds": s, "sentences_per_s": x,
//  "tokens": n, "vectors": "path"} — with `--vectors PATH`, the sentence vectors are written there as raw
// float32 so the calling script can compare them with the reference's. With `--ids PATH`, the token ids the
// forward pass reads (`[CLS]`, the pieces, `[SEP]`), one sentence a line, space-separated, so that a reference
// can run its forward pass on exactly EmbedLab's pieces. `--float32`: int8 weights dequantised
// at load and float32 products (the default keeps them int8: `TransformerEncoder.Arithmetic`).
import Encoders
import Foundation
import VectorMath

var args: [String] = []
var numbers: [String: Int] = ["--batch": 32, "--threads": 2, "--repeats": 3]
var vectorsPath: String? = nil
var idsPath: String? = nil
var arithmetic = TransformerEncoder.Arithmetic.int8
do {
    var rest = Array(CommandLine.arguments.dropFirst())[...]
    while let a = rest.popFirst() {
        if numbers[a] != nil, let v = rest.popFirst().flatMap({ Int($0) }), v > 0 { numbers[a] = v }
        else if a == "--vectors", let p = rest.popFirst() { vectorsPath = p }
        else if a == "--ids", let p = rest.popFirst() { idsPath = p }
        else if a == "--float32" { arithmetic = .float32 }
        else { args.append(a) }
    }
}
let batch = numbers["--batch"]!, threads = numbers["--threads"]!, repeats = numbers["--repeats"]!
guard args.count == 2 else {
    FileHandle.standardError.write(Data("usage: encoder-bench MODEL.embt SENTENCES.txt [--batch 32] [--threads 2] [--repeats 3] [--vectors OUT.f32] [--ids OUT.txt] [--float32]\n".utf8))
    exit(64)
}
let encoder: SentenceEncoder
let sentences: [String]
do {
    encoder = try SentenceEncoder(path: args[0], arithmetic: arithmetic)
    let text = try String(contentsOfFile: args[1], encoding: .utf8)
    sentences = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
} catch {
    FileHandle.standardError.write(Data("encoder-bench: \(error)\n".utf8))
    exit(1)
}
let tokenized = sentences.map { encoder.tokenize($0) }
let tokens = tokenized.reduce(0) { $0 + $1.ids.count }
if let idsPath {
    let lines = tokenized.map { $0.ids.map(String.init).joined(separator: " ") + "\n" }.joined()
    guard FileManager.default.createFile(atPath: idsPath, contents: Data(lines.utf8)) else {
        FileHandle.standardError.write(Data("encoder-bench: cannot write the token ids to \(idsPath): check that its folder exists and is writable\n".utf8))
        exit(1)
    }
}
_ = encoder.encode(Array(sentences.prefix(batch)), batchSize: batch, threads: threads)   // warm-up
var seconds: [Double] = []
var vectors = Matrix(rows: 0, columns: 0)
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    vectors = encoder.encode(sentences, batchSize: batch, threads: threads)
    seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
if let vectorsPath {
    let data = vectors.withUnsafeBufferPointer { Data(buffer: $0) }
    guard FileManager.default.createFile(atPath: vectorsPath, contents: data) else {
        FileHandle.standardError.write(Data("encoder-bench: cannot write the vectors to \(vectorsPath): check that its folder exists and is writable\n".utf8))
        exit(1)
    }
}
let median = seconds.sorted()[seconds.count / 2]
let report: [String: Any] = [
    "sentences": sentences.count, "batch": batch, "threads": threads, "tokens": tokens,
    "seconds": seconds.map { ($0 * 1000).rounded() / 1000 }, "median_seconds": (median * 1000).rounded() / 1000,
    "sentences_per_s": (Double(sentences.count) / median * 10).rounded() / 10,
]
let json = (try? JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])) ?? Data("{}".utf8)
print(String(decoding: json, as: UTF8.self))

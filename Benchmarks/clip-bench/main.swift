import CLIP
import Foundation
import VectorMath

// clip-bench: trains the picture-world CLIP in a release build and prints its figures.
//
//   clip-bench train [pictures=N epochs=E dim=D seed=S threads=T]      train from scratch, evaluate, time
//   clip-bench epoch DATA.bin [epochs=E threads=T]  write the training set for the PyTorch reference, then time our epochs on it
//
// Output: key value lines (bench.sh reads them).
var args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first, ["train", "epoch"].contains(mode) else {
    FileHandle.standardError.write("usage: clip-bench train [pictures=N epochs=E dim=D seed=S threads=T] | clip-bench epoch DATA.bin [epochs=E threads=T]\n".data(using: .utf8)!)
    exit(64)
}
args.removeFirst()
var dataPath: String?
if mode == "epoch" {
    guard let p = args.first, !p.contains("=") else {
        FileHandle.standardError.write("clip-bench epoch: name the file to write the training set to\n".data(using: .utf8)!)
        exit(64)
    }
    dataPath = p
    args.removeFirst()
}
var h = CLIPHyperparameters()
var save: String?
for a in args {
    let kv = a.split(separator: "=", maxSplits: 1).map(String.init)
    guard kv.count == 2 else { FileHandle.standardError.write("clip-bench: '\(a)' is not key=value\n".data(using: .utf8)!); exit(64) }
    switch kv[0] {
    case "pictures": h.pictures = Int(kv[1])!
    case "epochs": h.epochs = Int(kv[1])!
    case "dim": h.dimensions = Int(kv[1])!
    case "hidden": h.hidden = Int(kv[1])!
    case "seed": h.seed = UInt64(kv[1])!
    case "threads": h.threads = Int(kv[1])!
    case "batch": h.batchSize = Int(kv[1])!
    case "lr": h.learningRate = Float(kv[1])!
    case "save": save = kv[1]
    case "grey": h.greyscale = Double(kv[1])!
    default: FileHandle.standardError.write("clip-bench: unknown setting \(kv[0])\n".data(using: .utf8)!); exit(64)
    }
}

let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

if mode == "train" {
    let start = clock.now
    let run = CLIPTrainer(h).train(progress: { p in
        if p.isEpochEnd {
            print(String(format: "epoch %d loss %.4f heldout %.3f  (%.1f s)", p.epoch, p.loss, p.heldOutAccuracy ?? -1, seconds(clock.now - start)))
        }
    })
    let total = seconds(clock.now - start)
    let e = CLIPEvaluation(model: run.model, threads: h.threads)
    print(String(format: "clip_train_s %.2f", total))
    print(String(format: "clip_epoch_s %.3f", run.trainingSeconds / Double(max(1, run.epochLosses.count))))
    print(String(format: "heldout colour %.3f shape %.3f size %.3f position %.3f", e.colour, e.shape, e.size, e.position))
    print(String(format: "heldout zh colour %.3f shape %.3f position %.3f", e.colourZh, e.shapeZh, e.positionZh))
    print(String(format: "recall_at_1 %.3f zh %.3f", e.recallAt1, e.recallAt1Zh))
    do {
        let world = run.model.pictureWorld
        let pics = (0..<300).map { world.galleryPicture($0) }.filter { !world.isHeldOut($0.content) }
        let emb = run.model.embed(pictures: pics, threads: h.threads)
        for a in [PictureContent.Attribute.colour, .shape, .size, .position] {
            let labels = a.values.map { run.model.embed(caption: CLIPModel.prompt(a, $0, language: .en)).vector ?? [] }
            let chosen = run.model.classify(pictures: emb, labels: labels)
            let right = zip(chosen, pics).filter { a.values[$0.0] == $0.1.content.value(of: a) }.count
            print(String(format: "seen-kinds %@ %.3f", a.rawValue, Double(right) / Double(pics.count)))
        }
    }
    print(String(format: "clip_heldout_accuracy %.3f", e.heldOutAccuracy))
    if let save { try CLIPModelFile.write(run.model, evaluation: e, settings: h, to: save); print("saved \(save)") }
}

if mode == "epoch", let dataPath {
    // The same training set for both: drawn once here, written for scripts/bench_clip.py.
    h.evaluationPictures = 0
    let world = PictureWorld(seed: h.seed)
    let vocabulary = CaptionVocabulary.grammar()
    let data = CLIPTrainingSet(world: world, vocabulary: vocabulary, pictures: h.pictures, captionsPerPicture: h.captionsPerPicture,
                               greyscale: h.greyscale)
    let configuration = CLIPConfiguration(hidden: h.hidden, wordDimensions: h.wordDimensions, dimensions: h.dimensions, vocabulary: vocabulary.count)
    var out = Array("CLIPDATA".utf8)
    func int32(_ v: Int) { withUnsafeBytes(of: Int32(v).littleEndian) { out += $0 } }
    for v in [data.count, configuration.pixels, h.captionsPerPicture, vocabulary.count, h.hidden, h.wordDimensions, h.dimensions, h.batchSize] { int32(v) }
    withUnsafeBytes(of: h.learningRate.bitPattern.littleEndian) { out += $0 }
    data.pixels.withUnsafeBytes { out += $0 }
    for options in data.captions { for ids in options { int32(ids.count) } }
    for options in data.captions { for ids in options { for id in ids { int32(id) } } }
    guard FileManager.default.createFile(atPath: dataPath, contents: Data(out)) else {
        FileHandle.standardError.write("clip-bench: cannot write \(dataPath)\n".data(using: .utf8)!)
        exit(1)
    }
    let model = CLIPModel(configuration: configuration, vocabulary: vocabulary, world: world, seed: h.seed &+ 0xC11F)
    var last = clock.now
    var times: [Double] = []
    _ = CLIPTrainer(h).train(model, on: data, progress: { p in
        guard p.isEpochEnd else { return }
        let now = clock.now
        times.append(seconds(now - last))
        last = now
        print(String(format: "epoch %d loss %.4f %.3f s", p.epoch, p.loss, times.last!))
    })
    times.sort()
    print(String(format: "clip_epoch_s %.3f", times[times.count / 2]))
}

import CLIP
import Foundation
import VectorMath

/// Pictures and words in one space (issue 23): a small CLIP, trained here on a picture world of
/// our own (`Sources/CLIP`). The session's picture model is the bundled `pictures` model until
/// `train clip` makes another.
///
///     picture 3                                       gallery picture 3, drawn, with what it shows
///     draw "a blue star on the left"                  a new picture of a description
///     search pictures "红色的圆"                       gallery pictures ranked by a caption, either language
///     caption picture 3                               captions ranked by a picture
///     classify picture 3 as "circle", "square"        zero-shot: the label whose caption is nearest
///     pictures 1 2 3 4 5                              pictures × their captions: the similarity matrix
///     sim (picture 3), "a red circle"                 a picture and a caption (or two of either), in their space
///     train clip pictures=6000 epochs=12 dim=64       train from scratch, live
extension CommandSpec {
    static let picture = CommandSpec(
        "picture", arguments: .text(.text, keyword: nil, required: true), isFunction: true,
        topic: .pictures,
        summary: Localized(en: "a picture of the picture world, drawn in the terminal, with what it shows",
                           zh: "图片世界中的一张图片，画在终端里，并说明画的是什么"),
        examples: ["picture 3", "picture 42", #"sim (picture 3), "a red circle""#],
        usage: Localized(en: "picture N", zh: "picture 编号"),
        evaluate: { try $0.showPicture() })

    static let draw = CommandSpec(
        "draw", arguments: .text(.text, keyword: nil, required: true),
        topic: .pictures,
        summary: Localized(en: "draw a new picture from a description (a colour and a shape; a size and a place if you like)",
                           zh: "按描述画一张新图片（颜色和形状；大小和位置可选）"),
        examples: [#"draw "a blue star on the left""#, #"draw "左边一个小的红色圆形""#],
        usage: Localized(en: #"draw "description""#, zh: #"draw "描述""#),
        evaluate: { try $0.drawPicture() })

    static let caption = CommandSpec(
        "caption", arguments: .text(.text, keyword: nil, required: true),
        topic: .pictures,
        summary: Localized(en: "the captions nearest to a picture, in the shared space", zh: "在同一空间中离一张图片最近的描述"),
        examples: ["caption picture 3"],
        usage: Localized(en: "caption picture N [k]", zh: "caption picture 编号 [k]"),
        evaluate: { try $0.captionPicture() })

    static let pictures = CommandSpec(
        "pictures", arguments: .text(.text, keyword: nil, required: true),
        topic: .pictures,
        summary: Localized(en: "the similarity matrix of some pictures and their captions (the true pairs are on the diagonal)",
                           zh: "几张图片与其描述的相似度矩阵（正确的配对在对角线上）"),
        examples: ["pictures 1 2 3 4 5 6"],
        usage: Localized(en: "pictures N N N …", zh: "pictures 编号 编号 编号 …"),
        evaluate: { try $0.picturesMatrix() })
}

extension OptionSpec {
    /// The options only `train clip` has; it shares dim, epochs, seed, threads and eta with `train glove`.
    public static let clipOnly: [OptionSpec] = [
        OptionSpec("pictures", .integer(64...100_000),
                   help: Localized(en: "CLIP: training pictures, each with captions in English and Chinese (6000)",
                                   zh: "CLIP：训练图片数，每张配英文和中文描述（6000）"),
                   example: "pictures=6000"),
    ]
}

extension Invocation {
    var isPictureSearch: Bool { Self.firstWord(text) == "pictures" }
    var isPictureClassification: Bool { Self.firstWord(text) == "picture" }

    static func firstWord(_ text: String) -> String {
        String(text.drop { $0 == " " }.prefix { $0 != " " && $0 != "\"" }).lowercased()
    }

    private var captionLanguage: CaptionLanguage { language == .zh ? .zh : .en }

    /// "3" → 3, checked against the gallery.
    private func pictureNumber(_ raw: Substring) throws -> Int {
        let s = raw.trimmingCharacters(in: .whitespaces)
        guard let n = Int(s), (1...PictureState.galleryCount).contains(n) else {
            throw error(.picturesBadNumber, ["n": String(s.prefix(20)), "max": "\(PictureState.galleryCount)"], at: textSpan)
        }
        return n
    }

    private func item(_ p: Picture, label: String, model: CLIPModel, score: Double? = nil) -> PictureBoard.Item {
        PictureBoard.Item(label: label, description: p.content.describe(captionLanguage),
                          rgb: p.pixels.map { UInt8(max(0, min(255, ($0 * 255).rounded()))) }, score: score,
                          heldOut: model.pictureWorld.isHeldOut(p.content))
    }

    private func embedCaption(_ text: String, _ model: CLIPModel) throws -> [Float] {
        let (vector, unknown) = model.embed(caption: text)
        guard let vector, unknown.isEmpty else {
            throw error(.picturesNoKnownWord, ["text": String(text.prefix(60)), "unknown": unknown.joined(separator: " ")], at: textSpan)
        }
        return vector
    }

    static func dot(_ a: [Float], _ b: [Float]) -> Double { Double(zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }

    func showPicture() throws -> Value {
        let model = try session.pictures.current(session)
        let n = try pictureNumber(Substring(text))
        let p = session.pictures.picture(n, model)
        let it = item(p, label: "picture \(n)", model: model)
        return .table(Table(title: "picture \(n)", headers: [], rows: [["\(n)", it.description]], detail: .pictures(PictureBoard(items: [it]))))
    }

    func drawPicture() throws -> Value {
        let model = try session.pictures.current(session)
        let (content, missing) = PictureContent.parse(text)
        guard let content else {
            let names = missing.map { language.text($0 == .colour ? .picturesColour : .picturesShape) }
            throw error(.picturesDrawNeeds, ["missing": names.joined(separator: language.text(.picturesAndA))], at: textSpan)
        }
        let p = model.pictureWorld.picture(of: content)
        let it = item(p, label: "drawn", model: model)
        return .table(Table(title: it.description, headers: [], rows: [[it.label, it.description]], detail: .pictures(PictureBoard(items: [it]))))
    }

    /// `search pictures "红色的圆" [k]`.
    func searchPictures() throws -> Value {
        let model = try session.pictures.current(session)
        var rest = text.drop { $0 == " " }.dropFirst("pictures".count)
        var k = 5
        if let last = rest.split(separator: " ").last, let n = Int(last), !rest.hasSuffix("\"") {
            k = max(1, min(20, n))
            rest = rest.dropLast(last.count)
        }
        let query = rest.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"“”"))
        guard !query.isEmpty else { throw error(.picturesSearchNeeds, at: textSpan) }
        let v = try embedCaption(query, model)
        let gallery = session.pictures.gallery(model)
        let scores = (0..<gallery.rows).map { i in gallery.withRow(i) { r in Self.dot(Array(r), v) } }
        let top = scores.indices.sorted { scores[$0] > scores[$1] }.prefix(k)
        let items = top.map { i in item(session.pictures.picture(i + 1, model), label: "picture \(i + 1)", model: model, score: scores[i]) }
        return .table(Table(title: language.text(.picturesSearchTitle, ["query": query]), headers: [language.text(.picturesHeaderPicture), "cos", language.text(.picturesHeaderShows)],
                            rows: zip(top, items).map { ["\($0.0 + 1)", String(format: "%.3f", $0.1.score ?? 0),
                                                                         $0.1.description + ($0.1.heldOut ? language.text(.picturesHeldOutMark) : "")] }, numericColumns: [0, 1],
                            detail: .pictures(PictureBoard(items: items))))
    }

    /// `caption picture 3 [k]`: the full captions of all 300 kinds, ranked by the picture.
    func captionPicture() throws -> Value {
        let model = try session.pictures.current(session)
        let words = text.split(separator: " ")
        guard words.count >= 2, words[0].lowercased() == "picture" else { throw error(.picturesCaptionNeeds, at: textSpan) }
        let n = try pictureNumber(words[1])
        let k = words.count >= 3 ? max(1, min(20, Int(words[2]) ?? 5)) : 5
        let p = session.pictures.picture(n, model)
        let u = model.embed(pictures: [p]).row(0)
        let captions = PictureContent.all.map { $0.describe(captionLanguage) }
        let scored = captions.compactMap { c in model.embed(caption: c).vector.map { (c, Self.dot(u, $0)) } }.sorted { $0.1 > $1.1 }.prefix(k)
        let it = item(p, label: "picture \(n)", model: model)
        return .table(Table(title: language.text(.picturesCaptionTitle, ["n": "\(n)"]), headers: [language.text(.picturesHeaderCaption), "cos"],
                            rows: scored.map { [$0.0, String(format: "%.3f", $0.1)] }, numericColumns: [1],
                            detail: .pictures(PictureBoard(items: [it]))))
    }

    /// `classify picture 3 as "circle", "square", "triangle"`: zero-shot, as in the CLIP paper:
    /// each label is a caption, and the probabilities are the softmax of e^τ · cos.
    func classifyPicture() throws -> Value {
        let model = try session.pictures.current(session)
        let parts = text.components(separatedBy: " as ")
        let head = parts[0].split(separator: " ")
        guard parts.count >= 2, head.count == 2 else { throw error(.picturesClassifyNeeds, at: textSpan) }
        let n = try pictureNumber(head[1])
        let labels = parts.dropFirst().joined(separator: " as ").split(whereSeparator: { $0 == "," || $0 == "，" })
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"“”")) }
            .filter { !$0.isEmpty }
        guard labels.count >= 2 else { throw error(.picturesClassifyNeeds, at: textSpan) }
        let p = session.pictures.picture(n, model)
        let u = model.embed(pictures: [p]).row(0)
        let cosines = try labels.map { Self.dot(u, try embedCaption($0, model)) }
        let scale = Double(model.logitScale)
        let top = cosines.max() ?? 0
        let e = cosines.map { exp(scale * ($0 - top)) }
        let total = e.reduce(0, +)
        let order = labels.indices.sorted { cosines[$0] > cosines[$1] }
        let it = item(p, label: "picture \(n)", model: model)
        return .table(Table(title: language.text(.picturesClassifyTitle, ["n": "\(n)"]), headers: [language.text(.picturesHeaderLabel), language.text(.picturesHeaderProbability), "cos"],
                            rows: order.map { [labels[$0], String(format: "%.3f", e[$0] / total), String(format: "%.3f", cosines[$0])] },
                            numericColumns: [1, 2], detail: .pictures(PictureBoard(items: [it]))))
    }

    /// `pictures 1 2 3 4 5`: each picture against each one's caption.
    func picturesMatrix() throws -> Value {
        let model = try session.pictures.current(session)
        let numbers = try text.split(whereSeparator: { $0 == " " || $0 == "," }).map { try pictureNumber($0) }
        guard (2...8).contains(numbers.count) else { throw error(.picturesMatrixNeeds, at: textSpan) }
        let pictures = numbers.map { session.pictures.picture($0, model) }
        let u = model.embed(pictures: pictures)
        let captions = pictures.map { $0.content.describe(captionLanguage) }
        let v = try captions.map { try embedCaption($0, model) }
        let values = (0..<pictures.count).map { i in v.map { Self.dot(u.row(i), $0) } }
        let items = zip(numbers, pictures).map { item($0.1, label: "picture \($0.0)", model: model) }
        var rows: [[String]] = []
        for (i, n) in numbers.enumerated() { rows.append(["\(n)"] + values[i].map { String(format: "%.2f", $0) }) }
        return .table(Table(title: language.text(.picturesMatrixTitle), headers: [language.text(.picturesHeaderPicture)] + captions.indices.map { "c\($0 + 1)" }, rows: rows,
                            numericColumns: Set(1...captions.count),
                            detail: .pictures(PictureBoard(items: items, grid: .init(captions: captions, values: values)))))
    }

    /// `sim (picture 3), "a red circle"`, either way round, also `dist` and `dot`: a picture and a caption
    /// (or two pictures, or two captions beside a picture) in the picture model's space; nil when no
    /// operand is a picture. A vector of the word model (a variable, arithmetic) is refused: its space
    /// is another one.
    func pictureSimilarity(_ kind: ScalarValue.Kind) throws -> Value? {
        let e = evaluator
        guard expressions.contains(where: { e.pictureCall($0) != nil }) else { return nil }
        let model = try session.pictures.current(session)
        let example = #"sim (picture 3), "a red circle""#
        let operands: [(vector: [Float], label: String)] = try expressions.map { x in
            if let args = e.pictureCall(x) {
                guard args.count == 1, case .number(let n, _) = args[0], n == n.rounded(), (1...Double(PictureState.galleryCount)).contains(n) else {
                    let typed = args.map(e.render).joined(separator: " ")
                    throw WorkbenchError(language.text(.picturesBadNumber, ["n": String(typed.prefix(20)), "max": "\(PictureState.galleryCount)"]),
                                         at: args.first?.span ?? x.span, hint: example)
                }
                let picture = session.pictures.picture(Int(n), model)
                return (model.embed(pictures: [picture]).row(0), "picture \(Int(n))")
            }
            guard case .word(let text, let at) = x, session.variables[text] == nil else {
                throw WorkbenchError(language.text(.picturesAgainstWords, ["expression": e.render(x), "model": session.pictures.name ?? PictureState.bundledName, "words": self.model.name]),
                                     at: x.span, hint: example)
            }
            let (vector, unknown) = model.embed(caption: text)
            guard let vector, unknown.isEmpty else {
                throw WorkbenchError(language.text(.picturesNoKnownWord, ["text": String(text.prefix(60)), "unknown": unknown.joined(separator: " ")]),
                                     at: at, hint: example)
            }
            return (vector, "\"\(text)\"")
        }
        let (u, v) = (operands[0], operands[1])
        switch kind {
        case .cosine: return .scalar(ScalarValue(value: Double(u.vector.cosine(v.vector)), label: "cos(\(u.label), \(v.label))", kind: .cosine))
        case .distance: return .scalar(ScalarValue(value: Double(u.vector.distance(v.vector)), label: "dist(\(u.label), \(v.label))", kind: .distance))
        case .number: return .scalar(ScalarValue(value: Double(u.vector.dot(v.vector)), label: "dot(\(u.label), \(v.label))"))
        }
    }

    /// `train clip pictures=6000 epochs=12 dim=64 seed=1`: live, the loss and the held-out accuracy
    /// after every epoch; Ctrl-C keeps the model of that moment.
    func trainCLIP() throws -> Value {
        let notHere = OptionSpec.glove.filter { ["corpus", "window", "min-count", "max-vocab", "x-max", "alpha", "save", "float16"].contains($0.name) }
        try refuseOptions(notHere + OptionSpec.word2vecOnly, of: "glove", in: "clip")
        var h = CLIPHyperparameters()
        if let n = options.integer("pictures") { h.pictures = n }
        if let n = options.integer("epochs") { h.epochs = n }
        if let n = options.integer("dim") { h.dimensions = n }
        if let n = options.integer("seed") { h.seed = UInt64(n) }
        if let n = options.integer("threads") { h.threads = n }
        if let x = options.real("eta") { h.learningRate = Float(x) }
        try refuseOverBudget(estimate: TrainingMemory.clip(h))
        let name = options.given["name"] != nil ? (options.text("name") ?? "trained") : "pictures-trained"
        let onProgress = session.onProgress
        let language = language
        let cancellation = session.cancellation
        let clock = ContinuousClock()
        let start = clock.now
        var losses: [Double] = []
        var accuracies: [Double] = []
        let title = language.text(.picturesTrainingTitle, ["n": "\(h.pictures)"])
        let run = CLIPTrainer(h).train(progress: { p in
            if p.isEpochEnd { losses.append(p.loss); if let a = p.heldOutAccuracy { accuracies.append(a) } }
            guard let onProgress else { return }
            let detail = p.stage == .drawingPictures ? language.text(.picturesDrawing)
                : language.text(.picturesTrainingProgress, ["epoch": "\(p.epoch)", "epochs": "\(p.epochs)", "loss": String(format: "%.3f", p.loss),
                                                            "accuracy": accuracies.last.map { String(format: "%.2f", $0) } ?? "–"])
            onProgress(WorkProgress(title: title, fraction: p.fractionDone, detail: detail, series: losses, stage: p.stage == .drawingPictures ? "drawing" : "training"))
        }, isCancelled: { cancellation.isRequested })
        let seconds = (clock.now - start).components
        let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) * 1e-18
        guard !run.epochLosses.isEmpty || !run.wasCancelled else {
            return .text(language.text(.trainingStoppedBeforeStart))
        }
        session.pictures.adopt(run.model, name: name)
        let e = CLIPEvaluation(model: run.model, heldOutPictures: 300, candidates: 100, threads: h.threads)
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        let l = language
        let rows: [[String]] = [
            [l.text(.picturesRowModel), l.text(.picturesTrainedModel, ["name": name, "pictures": "\(h.pictures)", "dimensions": "\(h.dimensions)",
                                                                      "words": "\(run.model.vocabulary.count)"])],
            [l.text(.picturesRowEpochs), l.text(.picturesTrainedEpochs, ["done": "\(run.epochLosses.count)", "epochs": "\(h.epochs)"])
                + (run.wasCancelled ? l.text(.picturesTrainedByCtrlC) : "")],
            [l.text(.picturesRowLoss), run.epochLosses.first.map {
                l.text(.picturesTrainedLoss, ["first": String(format: "%.3f", $0), "last": String(format: "%.3f", run.epochLosses.last!), "n": "\(run.epochLosses.count)"])
            } ?? "–"],
            [l.text(.picturesRowHeldOut), l.text(.picturesTrainedHeldOut, ["colour": f(e.colour), "shape": f(e.shape), "position": f(e.position), "n": "\(e.heldOutPictures)"])],
            ["recall@1", l.text(.picturesTrainedRecall, ["en": f(e.recallAt1), "zh": f(e.recallAt1Zh), "n": "\(e.candidates)"])],
            [l.text(.picturesRowTime), String(format: "%.1f s", elapsed)],
            [l.text(.picturesRowSettings), "pictures \(h.pictures), epochs \(h.epochs), dim \(h.dimensions), batch \(h.batchSize), eta \(h.learningRate), threads \(h.threads), seed \(h.seed)"],
        ]
        let titleDone = run.wasCancelled ? language.text(.picturesTrainingStopped, ["name": name]) : language.text(.picturesTrainingDone, ["name": name])
        return .table(Table(title: titleDone, headers: [], rows: rows))
    }
}

extension Evaluator {
    /// The arguments of `(picture 3)` or `picture(3)`, nil for any other expression.
    func pictureCall(_ e: Expr) -> [Expr]? {
        guard case .call(let name, let args, _) = e, session.commands.command(name)?.name == CommandSpec.picture.name else { return nil }
        return args
    }

    /// A picture anywhere but in `sim`, `dist` or `dot` (`near (picture 3)`, `(picture 3) + king`): one line
    /// saying where a picture's vector can go; it is not in the word model's space.
    func refusePicture(_ e: Expr) throws {
        guard let args = pictureCall(e) else { return }
        let typed = "(picture \(args.map(render).joined(separator: " ")))"
        throw WorkbenchError(l(.picturesOnlyCompared, ["expression": typed]), at: e.span, hint: #"sim (picture 3), "a red circle""#)
    }
}

import Embeddings
import Foundation
import GloVe

/// Models and settings: `:models`, `:use`, `:load`, `:set`, and `eval FILE`.
extension CommandSpec {
    static let models = CommandSpec(
        ":models", topic: .model,
        summary: Localized(en: "the bundled models (* = in use)", zh: "自带的模型（* = 正在使用）"),
        examples: [":models"],
        evaluate: { inv in
            let current = inv.session.encoder?.name ?? inv.model.name
            var rows: [[String]] = inv.session.catalog.entries().map { entry in
                let shape = (try? WordVectors.load(path: entry.path)).map { "\($0.count) × \($0.dimensions)" } ?? inv.language.text(.unreadable)
                return [entry.name == current ? "* \(entry.name)" : "  \(entry.name)", shape, String(format: "%.1f MB", Double(entry.bytes) / 1e6)]
            }
            // Transformer encoders (NAME.embt): the header and configuration are read, not the weights.
            rows += inv.session.encoderEntries().map { entry in
                let shape = inv.language.text(.encoderShape, ["layers": "\(entry.config.layers)", "dims": "\(entry.config.hidden)"])
                return [entry.name == current ? "* \(entry.name)" : "  \(entry.name)", shape, String(format: "%.1f MB", Double(entry.bytes) / 1e6)]
            }
            let l = inv.language
            return .table(Table(title: l.text(.modelsTitle), headers: [l.text(.headerModel), l.text(.headerShape), l.text(.headerSize)],
                                rows: rows, numericColumns: [2]))
        })

    static let use = CommandSpec(
        ":use", arguments: .text(.model, keyword: nil, required: true),
        topic: .model,
        summary: Localized(en: "switch to another model (by name; :models lists them)", zh: "切换到另一个模型（按名称；:models 列出全部）"),
        examples: [":use glove-50d", ":use toy"],
        completions: .models,
        effects: .changesModel, files: [.reads(.text, names: .models)],
        evaluate: { try $0.useModel() })

    static let load = CommandSpec(
        ":load", arguments: .text(.file, keyword: nil, required: true),
        topic: .model,
        summary: Localized(en: "read any vectors file (word2vec text or binary, GloVe text, .embv)", zh: "读取任意向量文件（word2vec 文本或二进制、GloVe 文本、.embv）"),
        examples: [":load path/to/vectors.txt", ":load collection my-faq.txt"],
        effects: .changesModel, keywordEffects: ["collection": .loadsCollection],
        files: [.reads(.text, names: .models, form: .plain), .reads(.text, form: .keyword("collection"))], subverbs: ["collection"],
        evaluate: { try $0.useModel() })

    static let set = CommandSpec(
        ":set", arguments: .text(.setting, keyword: nil, required: false), options: OptionSpec.settings,
        topic: .model,
        summary: Localized(en: "show or change the settings", zh: "查看或修改设置"),
        examples: [":set", ":set k 5", ":set exclude off", ":set method 3cosmul", ":set restrict 10000"],
        completions: .settings,
        effects: .changesSettings,
        evaluate: { try $0.changeSettings() })

    static let eval = CommandSpec(
        "eval", arguments: .text(.file, keyword: nil, required: true),
        options: [OptionSpec("restrict", .integer(1...Int.max),
                             help: Localized(en: "use only the N most frequent words (default: the restrict setting, else 300000)",
                                             zh: "只用最常见的 N 个词（默认：restrict 设置，否则 300000）"),
                             example: "eval questions-words.txt restrict=30000"),
                  OptionSpec("pairs", .onOff, default: .bool(false),
                             help: Localized(en: "read the file as word pairs (otherwise guessed: tabs and no ': ' sections)",
                                             zh: "把文件当作词对读取（否则自动判断：有制表符且没有 ': ' 分节）"),
                             example: "eval simlex.tsv pairs=on")],
        topic: .model,
        summary: Localized(en: "analogy accuracy (questions-words format) or word-pair correlation (tab-separated)",
                           zh: "类比准确率（questions-words 格式）或词对相关系数（制表符分隔）"),
        examples: ["eval small-world", "eval questions-words.txt restrict=30000"],
        files: [.reads(.text, names: .corpus)],
        evaluate: { try $0.evaluateFile() })
}

extension Invocation {
    /// `:use NAME` and `:load FILE`; `:load collection FILE` reads a collection instead.
    func useModel() throws -> Value {
        if keyword == "collection" { return try loadCollection() }
        if command.name == ":use", let e = try session.useEncoder(text) {
            return .text(language.text(.nowUsingEncoder, ["model": e.name, "dims": "\(e.dimensions)", "layers": "\(e.config.layers)",
                                                          "tokens": "\(e.config.maxTokens)", "static": session.model.name]))
        }
        let m = try session.use(path(.text) ?? text)
        return .text(language.text(.nowUsing, ["model": m.name, "words": "\(m.count)", "dims": "\(m.dimensions)"]))
    }

    /// `:set` lists the settings; `:set NAME VALUE` changes one.
    func changeSettings() throws -> Value {
        var settings = session.settings
        var messages: [String] = []
        for spec in OptionSpec.settings {
            if let value = options.given[spec.name] { messages.append(try settings.set(spec, value, language: language)) }
        }
        if !text.isEmpty {
            // What the option splitter left: a setting with a value it does not accept, or no setting at all.
            let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
            messages.append(try settings.apply(parts[0], parts.count > 1 ? parts[1] : "", language: language, at: textSpan))
        }
        if messages.isEmpty {
            return .table(Table(title: language.text(.settingsTitle), headers: [language.text(.headerSetting), language.text(.headerValue)],
                                rows: settings.summary.map { [$0.0, $0.1] }))
        }
        session.settings = settings
        return .text(messages.joined(separator: "\n"))
    }

    /// `eval FILE [restrict=N]`: analogy accuracy (questions-words) or pair correlations (tab-separated).
    func evaluateFile() throws -> Value {
        let restrict = options.integer("restrict") ?? settings.restrictTo ?? 300_000
        let path = text
        // `eval small-world`: the generated world's own questions, no file needed.
        let contents: String
        if path == SmallWorldCorpus.name {
            contents = SmallWorldCorpus.analogyQuestions
        } else {
            // One reader for every file (FileAccess): CRLF and BOM read like LF, sizes are limited,
            // and a lesson's or notebook's read policy applies.
            do { contents = try EvaluationFile.read(path: self.path(.text) ?? path) } catch {
                throw WorkbenchError("\(error)", at: textSpan, hint: language.text(.evaluationFileHint))
            }
        }
        let l = language
        if options.bool("pairs") == true || EvaluationFile.isWordPairs(contents) {
            let r = WordPairEvaluation.run(model: model, pairs: contents, restrictTo: restrict)
            return .table(Table(title: l.text(.evaluationOn, ["file": path, "model": model.name]),
                                headers: [l.text(.headerMeasure), l.text(.headerValue)], rows: [
                ["pairs", "\(r.pairs)"], ["out of vocabulary", String(format: "%.1f%%", r.oovRatio)],
                ["Pearson", r.pearson.map { String(format: "%.4f", $0) } ?? "—"], ["Spearman", r.spearman.map { String(format: "%.4f", $0) } ?? "—"],
            ], numericColumns: [1], detail: .evaluation(EvaluationSummary(pairs: r, file: path, model: model.name, restrict: min(restrict, model.count)))))
        }
        let r = try AnalogyEvaluation.run(model: model, questions: contents, source: path, restrictTo: restrict,
                                          shouldStop: { session.cancellation.isRequested })
        // A section none of whose questions the model could be asked (all skipped) has no accuracy: "—", not 0.0%.
        let accuracy = { (s: AnalogyEvaluation.Score) in s.total == 0 ? "—" : String(format: "%.1f%%", s.accuracy * 100) }
        var rows = r.sections.map { [$0.section, "\($0.correct)/\($0.total)", accuracy($0)] }
        rows.append([r.total.section, "\(r.total.correct)/\(r.total.total)", accuracy(r.total)])
        let title = (r.cancelled ? l.text(.evaluationStopped, ["n": "\(r.total.total)"]) : "")
            + l.text(.evaluationAnalogies, ["file": path, "model": model.name, "n": "\(min(restrict, model.count))", "skipped": "\(r.skipped)"])
        return .table(Table(title: title, headers: [l.text(.headerSection), l.text(.headerCorrect), l.text(.headerAccuracy)],
                            rows: rows, numericColumns: [1, 2], detail: .evaluation(EvaluationSummary(analogies: r, file: path, model: model.name, restrict: min(restrict, model.count)))))
    }
}

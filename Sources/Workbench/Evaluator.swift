import Embeddings
import Foundation
import Encoders
import VectorMath

/// Evaluates parsed statements against a session: the one evaluator behind the REPL, piped
/// scripts, notebooks and lesson checks.
struct Evaluator {
    let session: Session
    var model: WordVectors { session.model }
    var settings: Settings { session.settings }

    /// An intermediate result of an expression.
    enum Operand {
        case vector([Float], sources: [String])
        case scalar(Double)
    }

    /// Runs a bound line: its command through the declaration's function, anything else directly.
    func evaluate(_ bound: BoundLine) throws -> Value {
        if let invocation = bound.invocation { return try run(invocation) }
        return try evaluate(bound.statement)
    }

    func evaluate(_ statement: Statement) throws -> Value {
        switch statement {
        case .empty:
            return .none
        case .expression(let e):
            return try evaluateExpression(e)
        case .assignment(let name, let e, _):
            switch try operand(e) {
            case .vector(let v, let sources):
                session.setVariable(name, VectorValue(values: v, label: render(e), sources: sources,
                                                      dimensionNames: v.count == model.dimensions ? model.dimensionNames : nil))
                let note = staticContextNote([e]).map { "\n\($0)" } ?? ""
                return .text("\(name) = \(render(e))  (a vector of \(v.count) dimensions)" + note)
            case .scalar:
                throw WorkbenchError(session.language.text(.variableNotNumber, ["expression": render(e)]), at: e.span, hint: "let v = king - man")
            }
        case .analogy(let a, let b, let c, let span):
            return try analogy(a: a, b: b, c: c, span: span)
        case .command, .meta:
            return try evaluate(try session.bind(statement, line: ""))
        }
    }

    /// Looks a command up in the session's table, binds its arguments and runs it.
    func invoke(_ name: String, _ args: [CommandArgument], _ span: Span) throws -> Value {
        guard let spec = session.commands.command(name) else {
            throw WorkbenchError(session.language.text(.unknownCommand, ["name": name]), at: span, hint: ":help")
        }
        return try invoke(spec, typedName: name, args, span)
    }

    func invoke(_ spec: CommandSpec, typedName: String, _ args: [CommandArgument], _ span: Span) throws -> Value {
        try run(try Invocation.bind(spec, typedName: typedName, arguments: args, span: span, session: session))
    }

    /// Runs a bound command: a host command is refused here (the REPL carries those out).
    func run(_ invocation: Invocation) throws -> Value {
        guard case .evaluate(let run) = invocation.command.action else {
            throw WorkbenchError(session.language.text(.hostCommandOnly, ["name": String(invocation.command.name.dropFirst())]), at: invocation.span)
        }
        let value = try run(invocation)
        // A command's number (norm, dot, sim) is checked like arithmetic: never inf or NaN.
        if case .scalar(let s) = value, !s.value.isFinite {
            throw WorkbenchError(l(.resultNotFinite, ["expression": s.label]), at: invocation.span)
        }
        return value
    }

    /// A bare expression: one word shows its vector; arithmetic shows its neighbours.
    func evaluateExpression(_ e: Expr) throws -> Value {
        if case .word(let w, let span) = e {
            if let v = session.variables[w] { return .vector(v) }
            if let encoder = session.encoder {
                return .vector(VectorValue(values: try sentenceVector(w, encoder, span), label: l(.sentenceVectorLabel, ["text": w, "model": encoder.name])))
            }
            let v = try wordOrSentence(w, span)
            return .vector(VectorValue(values: v.vector, label: v.label, sources: v.sources, dimensionNames: model.dimensionNames))
        }
        if case .contextual(let word, let sentence, let span) = e {
            if let encoder = session.encoder {
                // The pieces are shown: 打 in "我给妈妈打电话" is e5's one piece 打电话 (the tokens lesson's subwords).
                let c = try contextualWord(word, in: sentence, encoder, span)
                return .vector(VectorValue(values: c.vector, label: l(.contextualLabel, ["word": word, "sentence": sentence, "model": encoder.name,
                                                                                           "pieces": c.pieces.joined(separator: " ")])))
            }
            guard case .vector(let v, _) = try operand(e) else { return .none }
            let label = l(.staticWordLabel, ["word": (try? resolveWord(word, span)) ?? word, "model": model.name])
            return .vector(VectorValue(values: v, label: label, dimensionNames: model.dimensionNames))
        }
        if let w = e.analogyWords, session.encoder == nil, session.variables[w.a.0] == nil, session.variables[w.b.0] == nil, session.variables[w.c.0] == nil {
            return try analogy(a: try resolveWord(w.a.0, w.a.1), b: try resolveWord(w.b.0, w.b.1), c: try resolveWord(w.c.0, w.c.1), span: e.span, label: render(e))
        }
        switch try operand(e) {
        case .scalar(let x):
            return .scalar(ScalarValue(value: x, label: render(e)))
        case .vector(let v, let sources):
            if sources.isEmpty {
                return .vector(VectorValue(values: v, label: render(e), dimensionNames: model.dimensionNames))
            }
            return try neighbours(of: v, label: render(e), sources: sources, k: settings.k)
        }
    }

    /// The nearest words to a vector, leaving out the words it was made from when `exclude` is on.
    func neighbours(of v: [Float], label: String, sources: [String], k: Int) throws -> Value {
        if v.count != model.dimensions, let encoder = session.encoder, v.count == encoder.dimensions {
            // An encoder's vector (`near "the river bank"` after :use e5-small): there is no word list to search.
            let chinese = label.unicodeScalars.contains { $0.properties.isIdeographic }
            let text = label.hasPrefix("\"") ? label : "\"\(label)\""
            throw WorkbenchError(l(.nearOnEncoder, ["encoder": encoder.name, "model": model.name]),
                                 hint: "search \(chinese ? "faq-zh" : "faq-en") \(text)")
        }
        let excluded = settings.excludeInputs ? Array(Set(sources)).sorted { (model.index(of: $0) ?? 0) < (model.index(of: $1) ?? 0) } : []
        if settings.approximateSearch, settings.restrictTo == nil, let index = session.searchState.index(for: model) {
            // The HNSW index (`:set search approx`): ask for enough to fill k after the exclusions.
            let found = try index.nearest(to: v, k: k + excluded.count, ef: max(settings.ef, k + excluded.count))
            let items = found.filter { !excluded.contains(model.words[$0.index]) }.prefix(k)
                .map { Neighbour(word: model.words[$0.index], index: $0.index, score: $0.score) }
            return .neighbours(NeighbourList(query: label + " (HNSW, ef=\(settings.ef))", items: Array(items), excluded: excluded, method: .cosine))
        }
        let items = try model.nearest(to: v, k: k, excluding: Set(excluded), restrictTo: settings.restrictTo)
        return .neighbours(NeighbourList(query: label, items: items, excluded: excluded, method: .cosine))
    }

    func analogy(a: String, b: String, c: String, span: Span, label: String? = nil) throws -> Value {
        // An encoder has no word list to search (the `:use ENCODER` banner says so): as `near` there.
        if let encoder = session.encoder {
            throw WorkbenchError(l(.nearOnEncoder, ["encoder": encoder.name, "model": model.name]), at: span, hint: ":use \(model.name)", otherModel: model.name)
        }
        let wa = try resolveWord(a, span), wb = try resolveWord(b, span), wc = try resolveWord(c, span)
        let items = try model.analogy(a: wa, b: wb, c: wc, k: settings.k, method: settings.method,
                                      excludeInputs: settings.excludeInputs, restrictTo: settings.restrictTo)
        let method: NeighbourList.Method = settings.method == .cosAdd ? .cosAdd : .cosMul
        return .neighbours(NeighbourList(query: label ?? "\(wb) - \(wa) + \(wc)", items: items,
                                         excluded: settings.excludeInputs ? [wb, wa, wc] : [], method: method))
    }

    /// Threads for one sentence through an encoder (more would wait on each other for short texts).
    static let encoderThreads = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))

    func l(_ phrase: Phrase, _ values: [String: String] = [:]) -> String { session.language.text(phrase, values) }

    /// A text's sentence vector from the encoder in use.
    func sentenceVector(_ text: String, _ encoder: SentenceEncoder, _ span: Span) throws -> [Float] {
        try Self.refuseChinese(text, on: encoder, language: session.language, at: span)
        return encoder.encode(text, threads: Self.encoderThreads)
    }

    /// One line, not a vector of noise, when an English-only encoder (a WordPiece one: minilm) is given
    /// Chinese text: it names e5-small, which knows both.
    static func refuseChinese(_ text: String, on encoder: SentenceEncoder, language: Language, at span: Span?) throws {
        guard encoder.config.tokenizer.kind == .wordpiece, Session.isChinese(text) else { return }
        throw WorkbenchError(language.text(.encoderOnlyEnglish, ["model": encoder.name]), at: span, hint: ":use e5-small", otherModel: "e5-small")
    }

    /// `WORD in "SENTENCE"` on an encoder: the mean of the word's pieces' last hidden states.
    func contextualVector(_ word: String, in sentence: String, _ encoder: SentenceEncoder, _ span: Span) throws -> [Float] {
        try contextualWord(word, in: sentence, encoder, span).vector
    }

    /// `WORD in "SENTENCE"` on an encoder, with the pieces the vector was made from.
    func contextualWord(_ word: String, in sentence: String, _ encoder: SentenceEncoder, _ span: Span) throws -> ContextualWord {
        try Self.refuseChinese(sentence, on: encoder, language: session.language, at: span)
        do {
            return try encoder.contextualVector(of: word, in: sentence, threads: Self.encoderThreads)
        } catch let error as EncoderError {
            switch error {
            case .emptyWord:
                throw WorkbenchError(l(.contextualEmptyWord), at: span, hint: "bank in \"the river bank\"")
            case .wordNotInSentence(_, _, let words):
                throw WorkbenchError(l(.contextualWordMissing, ["word": word, "words": words.prefix(12).joined(separator: " ")]), at: span)
            case .wordTruncated(_, let maxTokens):
                throw WorkbenchError(l(.contextualWordTruncated, ["word": word, "n": "\(maxTokens)"]), at: span)
            }
        }
    }

    /// Evaluates an expression to a vector or a number, refusing what is not finite: every
    /// sub-expression passes here, so an overflow is reported at the operation that made it
    /// (`king * 1e39`, `1e308 * 10`), never carried on as inf or NaN into a table, a plot or JSON.
    func operand(_ e: Expr) throws -> Operand {
        let result = try computeOperand(e)
        try checkFinite(result, e)
        return result
    }

    /// The largest sum of squares a vector may have: the single-precision kernels square and add
    /// its values (norms, cosines), so anything above this would overflow to inf and give NaN.
    static let maximumSquaredNorm = Double(Float.greatestFiniteMagnitude)

    func checkFinite(_ result: Operand, _ e: Expr) throws {
        switch result {
        case .scalar(let x):
            guard x.isFinite else { throw WorkbenchError(l(.resultNotFinite, ["expression": render(e)]), at: e.span) }
        case .vector(let v, _):
            var sumOfSquares = 0.0
            for x in v { sumOfSquares += Double(x) * Double(x) }
            // NaN fails the comparison too.
            guard sumOfSquares <= Self.maximumSquaredNorm else {
                throw WorkbenchError(l(.vectorTooLarge, ["expression": render(e)]), at: e.span)
            }
        }
    }

    func computeOperand(_ e: Expr) throws -> Operand {
        switch e {
        case .number(let x, _):
            return .scalar(x)
        case .word(let w, let span):
            if let v = session.variables[w] { return .vector(v.values, sources: v.sources) }
            if let encoder = session.encoder { return .vector(try sentenceVector(w, encoder, span), sources: []) }
            let v = try wordOrSentence(w, span)
            return .vector(v.vector, sources: v.sources)
        case .contextual(let w, let sentence, let span):
            guard let encoder = session.encoder else {
                // A static model has one vector per word, whatever the sentence.
                let word = try resolveWord(w, span)
                return .vector(model.vector(word)!, sources: [word])
            }
            return .vector(try contextualVector(w, in: sentence, encoder, span), sources: [])
        case .vector(let items, let span):
            let values = try items.map { item -> Float in
                guard case .scalar(let x) = try operand(item) else {
                    throw WorkbenchError(session.language.text(.literalNumbersOnly), at: item.span, hint: "[0.3, 0.8, -0.2]")
                }
                return Float(x)
            }
            guard !values.isEmpty else { throw WorkbenchError(session.language.text(.emptyVector), at: span, hint: "[0.3, 0.8, -0.2]") }
            return .vector(values, sources: [])
        case .negate(let inner, _):
            switch try operand(inner) {
            case .scalar(let x): return .scalar(-x)
            case .vector(let v, let s): return .vector(v.map { -$0 }, sources: s)
            }
        case .binary(let op, let lhs, let rhs, let span):
            return try binary(op, try operand(lhs), try operand(rhs), lhs: lhs, rhs: rhs, span: span)
        case .call(let name, let args, let span):
            try refusePicture(e)
            let value = try invoke(name, args.map { .expr($0) }, span)
            guard let x = value.number else { throw WorkbenchError(session.language.text(.functionNotNumber, ["name": name]), at: span) }
            return .scalar(x)
        }
    }

    func binary(_ op: BinaryOperator, _ a: Operand, _ b: Operand, lhs: Expr, rhs: Expr, span: Span) throws -> Operand {
        switch (op, a, b) {
        case (_, .scalar(let x), .scalar(let y)):
            switch op {
            case .add: return .scalar(x + y)
            case .subtract: return .scalar(x - y)
            case .multiply: return .scalar(x * y)
            case .divide:
                guard y != 0 else { throw WorkbenchError(session.language.text(.divisionByZero), at: rhs.span) }
                return .scalar(x / y)
            }
        case (.add, .vector(let u, let s), .vector(let v, let t)), (.subtract, .vector(let u, let s), .vector(let v, let t)):
            guard u.count == v.count else {
                throw WorkbenchError(session.language.text(op == .add ? .cannotAddVectors : .cannotSubtractVectors, ["a": "\(u.count)", "b": "\(v.count)"]), at: span,
                                     hint: session.language.text(.sameDimensionsHint, ["n": "\(model.dimensions)"]))
            }
            return .vector(u.adding(v, times: op == .add ? 1 : -1), sources: s + t)
        case (.multiply, .scalar(let x), .vector(let v, let s)), (.multiply, .vector(let v, let s), .scalar(let x)):
            return .vector(v.map { $0 * Float(x) }, sources: s)
        case (.divide, .vector(let v, let s), .scalar(let x)):
            guard x != 0 else { throw WorkbenchError(session.language.text(.divisionByZero), at: rhs.span) }
            return .vector(v.map { $0 / Float(x) }, sources: s)
        case (.multiply, .vector, .vector):
            throw WorkbenchError(session.language.text(.cannotMultiplyVectors), at: span, hint: session.language.text(.cannotMultiplyVectorsHint, ["example": "dot \(render(lhs)), \(render(rhs))"]))
        case (.divide, _, .vector):
            throw WorkbenchError(session.language.text(.cannotDivideByVector), at: rhs.span, hint: session.language.text(.cannotDivideByVectorHint))
        default:
            throw WorkbenchError(session.language.text(op == .add ? .cannotAddNumber : .cannotSubtractNumber), at: span,
                                 hint: session.language.text(.numbersScaleHint))
        }
    }

    /// A vocabulary word for `w`: exactly, or in lower case (GloVe's words are lower-case), else a
    /// clear error: close spellings and variables, or the bundled models that do have the word.
    func resolveWord(_ w: String, _ span: Span) throws -> String {
        if model.contains(w) { return w }
        let lower = w.lowercased()
        if lower != w, model.contains(lower) { return lower }
        let l = session.language
        let message = l.text(.notInVocabulary, ["word": w, "model": model.name])
        let elsewhere = session.bundledModels(containing: w)
        if let other = elsewhere.first {
            throw WorkbenchError(message, at: span, hint: l.text(.otherModelHasWord, ["model": other, "word": w]), otherModel: other)
        }
        let variables = session.variables.keys.filter { Self.resembles($0, w) }.sorted()
        let all = variables + model.suggestions(for: w)
        throw WorkbenchError(message, at: span, hint: all.isEmpty ? l.text(.vocabularyHint, ["start": String(w.prefix(2))])
                                                                 : l.text(.didYouMean, ["words": all.prefix(3).map { "'\($0)'" }.joined(separator: ", ")]))
    }

    /// Whether a variable's name looks like what was typed: the same letters in another case,
    /// or one a beginning of the other (`royal` for `royalty`).
    static func resembles(_ name: String, _ typed: String) -> Bool {
        name.lowercased() == typed.lowercased() || (name.count > 2 && (name.hasPrefix(typed) || typed.hasPrefix(name)))
    }

    /// The expression as the learner would write it (for labels).
    func render(_ e: Expr) -> String {
        switch e {
        case .word(let w, _): return w.contains(" ") ? "\"\(w)\"" : w
        case .number(let x, _): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .vector(let items, _): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .negate(let inner, _): return "-" + render(inner)
        case .binary(let op, let a, let b, _):
            let wrap: (Expr) -> String = { x in
                if case .binary(let inner, _, _, _) = x, (op == .multiply || op == .divide), inner == .add || inner == .subtract { return "(\(render(x)))" }
                return render(x)
            }
            return "\(wrap(a)) \(op.rawValue) \(wrap(b))"
        case .call(let name, let args, _): return "\(name)(" + args.map(render).joined(separator: ", ") + ")"
        case .contextual(let word, let sentence, _): return "\(word) in \"\(sentence)\""
        }
    }
}

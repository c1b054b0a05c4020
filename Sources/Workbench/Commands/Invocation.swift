import Embeddings
import GloVe

/// One command as typed, bound to its declaration: the expressions or text it was given and its
/// options, already checked against `CommandSpec` (counts, names, ranges). An evaluation function
/// reads what it needs from here and returns a `Value`.
///
/// ```swift
/// // near 5 king - man
/// invocation.options.integer("k")   // 5
/// invocation.expressions            // [king - man]
/// ```
public struct Invocation: Sendable {
    public let session: Session
    public let command: CommandSpec
    /// The name as typed ("cos" for the command "sim").
    public let typedName: String
    /// The whole command in the line.
    public let span: Span
    /// The expressions of an expression command (options and a positional number taken out).
    public let expressions: [Expr]
    /// The text of a text or meta command, without its keyword and options, quotes removed.
    public let text: String
    public let textSpan: Span
    /// Whether the text was written in quotes.
    public let textWasQuoted: Bool
    public let options: OptionValues
    /// Which of the command's keywords or sub-verbs was typed (`word2vec` in `train word2vec …`,
    /// `build` in `index build`, `collection` in `:load collection FILE`), if it has any.
    public internal(set) var keyword: String? = nil
    /// A collection command's parts (`search faq-en "how do I pay" 3`): the collection named first,
    /// then the query, item or text after it; a count after that is the positional option (`k`).
    public internal(set) var collection: CollectionArgument? = nil
    /// The files this line reads and writes, as declared by `CommandSpec.files`, resolved once
    /// (`Session.resolve(path:)`); names that are not files (`small-world`, a bundled model) are left out.
    public internal(set) var files: [FileUse] = []
    /// What this line does besides returning a value: the command's declared effects for the keyword typed.
    public var effects: CommandEffects { command.effects(keyword: keyword) }
    /// The value of the command's naming option when one was given (`train … name=news`): a model of its own.
    public var givenName: String? {
        command.namingOption.flatMap { options.given[$0] }.map { if case .text(let t) = $0 { return t } else { return $0.description } }
    }

    /// The resolved path of the file named by `source` (the text, or an option), if the line names one.
    public func path(_ source: FileParameter.Source) -> String? { files.first { $0.source == source }?.path }

    public var language: Language { session.language }
    var evaluator: Evaluator { Evaluator(session: session) }
    var model: WordVectors { session.model }
    var settings: Settings { session.settings }

    /// An error at this command, in the learner's language, with the command's first example as the hint.
    func error(_ phrase: Phrase, _ values: [String: String] = [:], at span: Span? = nil, hint: String? = nil) -> WorkbenchError {
        var v = values
        v["command"] = v["command"] ?? typedName
        return WorkbenchError(language.text(phrase, v), at: span ?? self.span, hint: hint ?? command.examples.first)
    }
}

extension Invocation {
    /// Binds parsed arguments to `spec`: options by name (and a leading number for a positional
    /// option), then the count of expressions. Every check that a declaration implies is here.
    static func bind(_ spec: CommandSpec, typedName: String, arguments: [CommandArgument], span: Span, session: Session) throws -> Invocation {
        let language = session.language
        var options = OptionValues(specs: spec.options)
        var expressions: [Expr] = []
        var text = "", textSpan = Span(span.end, span.end), quoted = false
        var keyword: String?
        var subverb: String?
        var collection: CollectionArgument?
        func fail(_ phrase: Phrase, _ values: [String: String], at: Span) -> WorkbenchError {
            var v = values
            v["command"] = typedName
            return WorkbenchError(language.text(phrase, v), at: at, hint: spec.examples.first)
        }
        func setOption(_ key: String, _ raw: String, _ at: Span) throws {
            guard let option = spec.options.first(where: { $0.isNamed(key) }) else {
                if spec.options.isEmpty { throw fail(.optionNotHere, [:], at: at) }
                throw fail(.optionUnknown, ["name": key, "options": spec.options.map(\.name).joined(separator: ", ")], at: at)
            }
            guard options.given[option.name] == nil else { throw fail(.optionTwice, ["name": option.name], at: at) }
            options.given[option.name] = try option.parse(raw, language: language, at: at)
            options.spans[option.name] = at
        }

        // One pass over what the parser gave: options by name are set wherever they stand (the
        // command line gives them apart from the text: `embedlab eval M F --restrict N`); what is
        // left is the expressions of an expression command or the text of a text command.
        if case .none = spec.arguments, let first = arguments.first {
            throw fail(.argumentsNone, [:], at: first.span + (arguments.last?.span ?? first.span))
        }
        var raw = "", rawSpan = Span(span.end, span.end)
        var texts: [Span] = []
        for argument in arguments {
            switch argument {
            case .expr(let e): expressions.append(e)
            case .option(let key, let value, let at): try setOption(key, value, at)
            case .text(let t, let s): raw = t; rawSpan = s; texts.append(s)
            }
        }

        switch spec.arguments {
        case .none:
            break
        case .expressions(let kind, let count, _):
            if let at = texts.first { throw fail(.argumentWordsOnly, ["found": "\"…\""], at: at) }
            if let positional = spec.options.first(where: \.positional), expressions.count > count.lowerBound,
               case .number(let n, let at) = expressions[0] {
                try setOption(positional.name, OptionValue.real(n).description, at)
                expressions.removeFirst()
            }
            guard count.contains(expressions.count) else {
                let got = "\(expressions.count)"
                if count.lowerBound == count.upperBound {
                    throw fail(.argumentsExactly, ["count": kind.count(count.lowerBound, language), "got": got], at: span)
                } else if count.upperBound == Int.max {
                    throw fail(.argumentsAtLeast, ["count": kind.count(count.lowerBound, language), "got": got], at: span)
                }
                throw fail(.argumentsBetween, ["low": "\(count.lowerBound)", "high": kind.count(count.upperBound, language), "got": got], at: span)
            }
        case .options(let keywords):
            if let e = expressions.first {
                throw fail(.optionUnknown, ["name": "\(e)", "options": spec.options.map(\.name).joined(separator: ", ")], at: e.span)
            }
            let split = try OptionText.split(raw, at: rawSpan, keywords: keywords, options: spec.options, language: language,
                                             command: typedName, hint: spec.examples.first)
            keyword = split.keyword
            for (key, value, at) in split.options { try setOption(key, value, at) }
            if !split.text.isEmpty {
                // Something that is not an option: name the first word (its key, if it has one).
                let first = split.text.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? split.text
                let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
                if spec.options.contains(where: { $0.isNamed(name) }) { throw fail(.optionNeedsValue, ["name": name], at: split.textSpan) }
                throw fail(.optionUnknown, ["name": name, "options": spec.options.map(\.name).joined(separator: ", ")], at: split.textSpan)
            }
        case .text(let kind, let keyword, let required):
            if let e = expressions.first { throw fail(.argumentNeedsText, ["what": kind.what(language)], at: e.span) }
            // A sub-verb first (`index build`, `:load collection FILE`) chooses the form; the text follows it.
            if !spec.subverbs.isEmpty {
                let chars = Array(raw)
                let wordEnd = chars.firstIndex(where: \.isWhitespace) ?? chars.count
                let first = String(chars[..<wordEnd]).lowercased()
                if spec.subverbs.contains(first) {
                    subverb = first
                    var start = wordEnd
                    while start < chars.count, chars[start].isWhitespace { start += 1 }
                    raw = String(chars[start...])
                    rawSpan = Span(rawSpan.start + start, rawSpan.end)
                }
            }
            let split = try OptionText.split(raw, at: rawSpan, keyword: keyword, options: spec.options, language: language,
                                             command: typedName, hint: spec.examples.first)
            for (key, value, at) in split.options { try setOption(key, value, at) }
            text = split.text; textSpan = split.textSpan; quoted = split.quoted
            if kind == .collection, !text.isEmpty {
                let positional = spec.options.first(where: \.positional)
                let (argument, count) = try CollectionArgument.split(text, at: textSpan, takesCount: positional != nil, fail: fail)
                collection = argument
                if let positional, let count { try setOption(positional.name, count.text, count.span) }
            }
            if required && text.isEmpty {
                throw fail(.argumentNeedsText, ["what": kind.what(language)], at: span)
            }
        }
        var invocation = Invocation(session: session, command: spec, typedName: typedName, span: span, expressions: expressions,
                          text: text, textSpan: textSpan, textWasQuoted: quoted, options: options)
        invocation.keyword = keyword ?? subverb
        invocation.collection = collection
        invocation.files = invocation.resolveFiles()
        return invocation
    }
}

extension Invocation {
    /// This invocation for `session`: the same command, arguments and checked options; its files
    /// resolved against that session (see `BoundLine.bound(in:)`).
    func moved(to session: Session) -> Invocation {
        var moved = Invocation(session: session, command: command, typedName: typedName, span: span, expressions: expressions,
                               text: text, textSpan: textSpan, textWasQuoted: textWasQuoted, options: options)
        moved.keyword = keyword
        moved.collection = collection
        moved.files = moved.resolveFiles()
        return moved
    }
}

/// A file a bound line will read or write: as typed, and resolved once through `Session.resolve(path:)`.
public struct FileUse: Sendable, Equatable {
    public var access: FileParameter.Access
    public var source: FileParameter.Source
    /// As typed (`corpora/news.txt`).
    public var given: String
    /// Where it is (`~` expanded, a relative name placed in `Session.fileFolder`).
    public var path: String
    public var span: Span
}

extension Invocation {
    /// The declared file parameters of this line, with their values, resolved.
    func resolveFiles() -> [FileUse] {
        command.files.compactMap { parameter -> FileUse? in
            guard parameter.form.includes(keyword) else { return nil }
            let given: String, at: Span
            switch parameter.source {
            case .text:
                given = text; at = textSpan
            case .option(let name):
                guard let value = options.given[name] else { return nil }
                if case .text(let t) = value { given = t } else { given = value.description }
                at = options.spans[name] ?? span
            case .collection:
                guard let collection else { return nil }
                given = collection.name; at = collection.nameSpan
            }
            guard !given.isEmpty else { return nil }
            switch parameter.names {
            case .none: break
            case .models: if session.knowsModel(given) { return nil }
            case .corpus: if given == SmallWorldCorpus.name { return nil }
            case .collections:
                if !(given.contains("/") || given.contains(".")) || session.searchState.documents[given] != nil { return nil }
            }
            return FileUse(access: parameter.access, source: parameter.source, given: given, path: session.resolve(path: given), span: at)
        }
    }
}

/// What a collection command (`search`, `recommend`, `classify`) was given: the collection named
/// first, and what follows it, read by the binder once:
///
///     search faq-en "how do I pay" 3      name faq-en, item "how do I pay" (quoted), count 3 (the k option)
///     recommend items-en acoustic guitar  name items-en, item "acoustic guitar"
///     recommend items-en 3                name items-en, item "3" (an item's number, not a count)
///     classify polarity-en                name polarity-en, no item
public struct CollectionArgument: Sendable, Equatable {
    /// The collection: a bundled or loaded one's name, or a file (`notes/faq.txt`).
    public var name: String
    public var nameSpan: Span
    /// The query, item or text after it, quotes removed ("" when none).
    public var item: String
    public var itemSpan: Span
    public var itemWasQuoted: Bool

    /// Splits a collection command's text (options already taken off). With `takesCount` (the command
    /// has a positional option), a quoted item may be followed by a count, and a bare one of several
    /// words gives up a last word that is a number as the count; nothing else may follow a quoted item.
    static func split(_ text: String, at span: Span, takesCount: Bool,
                      fail: (Phrase, [String: String], Span) -> WorkbenchError) throws -> (CollectionArgument, count: (text: String, span: Span)?) {
        let words = Quotes.spans(text)
        func at(_ w: Quotes.WordSpan) -> Span { Span(span.start + w.start, span.start + w.end) }
        guard let first = words.first else { return (CollectionArgument(name: "", nameSpan: span, item: "", itemSpan: span, itemWasQuoted: false), nil) }
        let name = Quotes.unquote(first.text).text
        var rest = Array(words.dropFirst())
        var count: (text: String, span: Span)?
        var quoted = false
        if let item = rest.first, Quotes.unquote(item.text).quoted {
            quoted = true
            if rest.count > 2 || (rest.count == 2 && (!takesCount || Double(rest[1].text) == nil)) {
                throw fail(.collectionAfterText, ["found": rest[1].text], at(rest[1]) + at(rest[rest.count - 1]))
            }
            if rest.count == 2 { count = (rest[1].text, at(rest[1])); rest.removeLast() }
        } else if takesCount, rest.count > 1, let last = rest.last, Double(last.text) != nil {
            count = (last.text, at(last)); rest.removeLast()
        }
        guard let from = rest.first, let to = rest.last else {
            return (CollectionArgument(name: name, nameSpan: at(first), item: "", itemSpan: Span(at(first).end, at(first).end), itemWasQuoted: false), count)
        }
        let chars = Array(text)
        var item = String(chars[from.start..<to.end])
        if quoted { item = Quotes.unquote(item).text }
        return (CollectionArgument(name: name, nameSpan: at(first), item: item, itemSpan: at(from) + at(to), itemWasQuoted: quoted), count)
    }
}

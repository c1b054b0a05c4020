import Workbench

/// What a `uses` check asks of the learner's command, so that a shortcut with the right type of
/// answer still fails:
///
///     uses sim                                  the command sim (cos is the same command)
///     uses sim 电脑 计算机                        sim on exactly these words, in any order
///     uses analogy apple fruit company          apple − fruit + company, written any way
///                                               (fruit : apple :: company : ?, analogy fruit apple company …)
///     uses plot with 8 words                    plot with eight different words
///     uses bpe "aaabdaaabac" vocab=258          the quoted text and the option's value
///     uses train dim=10 epochs=15               options given as key=value or key value
public struct CommandPattern: Equatable, Sendable {
    /// The command's name as the check wrote it; matched through the table (`cos` is `sim`).
    public var command: String
    /// Exactly these words (any order); for `analogy`: start, subtracted, added.
    public var words: [String]
    public var texts: [String]
    public var options: [String: String]
    /// At least this many different words.
    public var wordCount: Int?

    init(parsing parts: [String], line: String) throws {
        let usage = "expected 'uses COMMAND [WORD …] [\"TEXT\"] [KEY=VALUE …] [with N words]', not '\(line)'"
        guard let first = parts.first else { throw CheckSyntaxError(usage) }
        command = CommandPattern.canonical(first)
        // Re-split the rest with quotes kept together ("北京 北京 北京" is one text).
        let rest = line.trimmingWhitespace.dropFirst("uses".count).trimmingWhitespace.dropFirst(first.count)
        var tokens = CommandPattern.tokens(String(rest))
        words = []; texts = []; options = [:]; wordCount = nil
        if tokens.count >= 3, tokens[tokens.count - 3] == .bare("with"), tokens.last == .bare("words") || tokens.last == .bare("word"),
           case .bare(let n) = tokens[tokens.count - 2] {
            guard let count = Int(n), count >= 1 else { throw CheckSyntaxError(usage) }
            wordCount = count
            tokens.removeLast(3)
        }
        for token in tokens {
            switch token {
            case .bare(let w): words.append(w)
            case .quoted(let t): texts.append(t)
            case .option(let k, let v): options[k] = v
            }
        }
        if command == "analogy", !words.isEmpty, words.count != 3 {
            throw CheckSyntaxError("'uses analogy' takes three words, start − subtracted + added: 'uses analogy king man woman', not '\(line)'")
        }
    }

    /// The command's own name in `table` (`cos` is `sim`); names that are no command ("analogy",
    /// "expression", "let") stay as they are.
    static func canonical(_ name: String, in table: CommandTable = .standard) -> String { table.command(name)?.name ?? name }

    enum Token: Equatable { case bare(String), quoted(String), option(String, String) }

    /// The words of a check's arguments as the command language reads a text (`Quotes.words`):
    /// "quoted text" whole, `key=value` an option.
    static func tokens(_ text: String) -> [Token] {
        Quotes.words(text).map { word in
            if word.quoted { return .quoted(word.text) }
            if let eq = word.text.firstIndex(of: "="), eq != word.text.startIndex {
                return .option(String(word.text[..<eq]), Quotes.unquote(String(word.text[word.text.index(after: eq)...])).text)
            }
            return .bare(word.text)
        }
    }
}

/// What the learner's line asked for, read from its bound line (`Session.bind`): the command under
/// its own name, the words it names, quoted texts and options under their declared names. The other
/// side of a `CommandPattern`.
struct CommandCall: Equatable {
    var command: String
    var words: [String] = []
    var texts: [String] = []
    var options: [String: String] = [:]
    /// a : b :: c : ? when the line is an analogy (however it was written).
    var analogy: (a: String, b: String, c: String)?

    static func == (x: CommandCall, y: CommandCall) -> Bool {
        x.command == y.command && x.words == y.words && x.texts == y.texts && x.options == y.options
            && x.analogy.map { [$0.a, $0.b, $0.c] } == y.analogy.map { [$0.a, $0.b, $0.c] }
    }

    /// The command as the table names it (aliases resolved), to match a pattern's names against.
    var spec: CommandSpec?
    var table: CommandTable = .standard

    /// Reads the bound line: the command's own name, the words of its expressions, its text (quoted
    /// parts as texts, the rest as words) and its options under their declared names.
    init(_ bound: BoundLine) {
        command = bound.statement.commandName
        table = bound.commands
        switch bound.statement {
        case .expression(.call(let name, let args, _)):
            // `cos(king, queen)` is the command sim written as a function.
            spec = table.command(name)
            command = spec?.name ?? name
            words = args.flatMap(\.words)
            texts = args.flatMap(CommandPattern.sentences(in:))
        case .expression(let e), .assignment(_, let e, _):
            words = e.words
            analogy = e.analogyShape
        case .analogy(let a, let b, let c, _):
            words = [a, b, c]
            analogy = (a, b, c)
        case .command, .meta, .empty:
            break
        }
        guard let invocation = bound.invocation else { return }
        spec = invocation.command
        command = invocation.command.name
        for e in invocation.expressions {
            words += e.words
            texts += CommandPattern.sentences(in: e)
            if let shape = e.analogyShape { analogy = shape }
        }
        if invocation.textWasQuoted {
            texts.append(invocation.text)
        } else {
            for word in Quotes.words(invocation.text) {
                if word.quoted { texts.append(word.text) } else { words.append(word.text) }
            }
        }
        for (name, value) in invocation.options.given { options[name] = value.description }
        if command == "analogy", words.count == 3 { analogy = (words[0], words[1], words[2]) }
    }
}

extension CommandPattern {
    /// Nil when the call fits; otherwise what is wrong, as a kind of mistake (never the expected value).
    func mismatch(_ call: CommandCall, language: Language) -> String? {
        let isAnalogy = call.command == "analogy" || (call.analogy != nil && (call.command == "near" || call.command == "expression"))
        if command == "analogy" {
            guard isAnalogy, let shape = call.analogy else {
                return call.command.isEmpty ? language.text(.patternNeedsCalculation)
                    : language.text(.patternNeedsAnalogy, ["given": CommandPattern.describe(call.command, language)])
            }
            guard words.count == 3 else { return nil }
            let (b, a, c) = (words[0], words[1], words[2])
            // b − a + c = c − a + b: the start and the added word may trade places.
            let startOK = shape.b == b || (shape.b == c && shape.c == b)
            if shape.a != a {
                return language.text(.patternWrongSubtracted, ["word": shape.a])
            }
            if !startOK {
                return language.text(.patternWrongStart, ["word": shape.b])
            }
            if !(shape.c == c || (shape.b == c && shape.c == b)) {
                return language.text(.patternWrongAdded, ["word": shape.c])
            }
            return nil
        }
        let command = CommandPattern.canonical(self.command, in: call.table)
        guard call.command == command else {
            return language.text(.patternOtherCommand, ["given": CommandPattern.describe(call.command, language).spacedBeforeHan(language)])
        }
        if !words.isEmpty, words.sorted() != call.words.sorted() {
            return language.text(.patternWrongWords, ["words": call.words.joined(separator: " ")])
        }
        if let n = wordCount, Set(call.words).count < n {
            return language.text(.patternTooFewWords, ["n": "\(Set(call.words).count)"])
        }
        // A quoted sentence is a text of a text command, a word of an expression (sim "a", "b"), or the sentence of WORD in "…".
        for t in texts where !call.texts.contains(t) && !call.words.contains(t) {
            _ = t
            return language.text(.patternWrongText)
        }
        for (key, v) in options.sorted(by: { $0.key < $1.key }) {
            // The option under its declared name (`dims=10` is `dim`), its value read as the declaration reads it.
            let option = call.spec?.options.first { $0.isNamed(key) }
            let k = option?.name ?? key
            let given = call.options[k]
            let wanted = (try? option?.parse(v, language: language))?.description ?? v
            let same = given.map { g in Double(g).flatMap { x in Double(wanted).map { $0 == x } } ?? (g == wanted) } ?? false
            if !same {
                return given == nil
                    ? language.text(.patternOptionMissing, ["option": k])
                    : language.text(.patternOptionWrong, ["option": k])
            }
        }
        return nil
    }

    /// "the command near", "an expression": how to name what the learner typed.
    static func describe(_ command: String, _ language: Language) -> String {
        switch command {
        case "expression": return language.text(.patternAnExpression)
        case "analogy": return language.text(.patternAnAnalogy)
        case "let": return language.text(.patternAnAssignment)
        case "": return language.text(.patternAnEmptyLine)
        default: return language.text(.patternTheCommand, ["command": command])
        }
    }
}

extension String {
    /// Before Chinese text that follows it in a sentence: `一个表达式` joins without a space, `命令 near`
    /// keeps one after the Latin word (English needs none added: its sentences have their spaces).
    func spacedBeforeHan(_ language: Language) -> String {
        language == .zh && (last.map { $0.isASCII } ?? false) ? self + " " : self
    }
}

extension CommandPattern {
    /// The sentences of `WORD in "SENTENCE"` expressions, so that `uses sim "S1" "S2"` holds a
    /// contextual comparison to the sentences the step gives.
    static func sentences(in e: Expr) -> [String] {
        switch e {
        case .contextual(_, let sentence, _): return [sentence]
        case .vector(let items, _): return items.flatMap(sentences(in:))
        case .binary(_, let a, let b, _): return sentences(in: a) + sentences(in: b)
        case .negate(let x, _): return sentences(in: x)
        case .call(_, let args, _): return args.flatMap(sentences(in:))
        case .word, .number: return []
        default: return []
        }
    }
}

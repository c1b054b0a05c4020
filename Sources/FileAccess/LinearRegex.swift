/// A regular expression matched in time linear in the text: Thompson's construction run as a
/// Pike VM (Russ Cox, "Regular Expression Matching: the Virtual Machine Approach"). All threads
/// advance together over the text, one step per character, so `(a+)+$` or `(.*.*)*x` cannot make
/// matching backtrack for ever: the work is at most (text length + 1) × (program size), and a step
/// budget stops it well before that could take seconds.
///
/// Patterns come from lessons and learners (`vocab /^qu.*n$/`, a check `text matches /RE/`), so
/// they are untrusted input too. The syntax is the common subset of ICU/PCRE that such patterns use:
///
/// | syntax | meaning |
/// |---|---|
/// | `abc`, `\.`, `\\`, `\/`, `\t`, `\n`, `\uFFFF`, `\xFF` | literal characters |
/// | `.` | any character but a line break |
/// | `[abc]`, `[^a-z]`, `[\d_]` | one character from a set (or not in it) |
/// | `\d \D \w \W \s \S` | digit, word character (letters of every script, digits, `_`), space; and their opposites |
/// | `^ $ \A \z \Z \b \B` | start, end (before a final line break), start, end, end; word boundary and not |
/// | `x* x+ x? x{n} x{n,} x{n,m}` (and lazy `*?` …) | repetition, at most 1000 |
/// | `(x)`, `(?:x)`, `(?<name>x)`, `x|y` | grouping and alternatives |
/// | `(?i)` at the start | ignore case |
///
/// Back-references (`\1`) and look-around (`(?=x)`) need backtracking, so they are refused with a message.
///
/// ```swift
/// let re = try LinearRegex("^qu.*n$")
/// try re.matches(in: "queen")               // true
/// try LinearRegex("(a+)+$").matches(in: String(repeating: "a", count: 100_000) + "b")   // false, at once
/// ```
public struct LinearRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    let program: [Instruction]
    let ignoreCase: Bool
    /// Whether the program starts with `^`/`\A`: then only a match at the start is tried.
    let anchoredAtStart: Bool

    /// Programs larger than this are refused (`(x{1000}){1000}` would be a million instructions).
    public static let maximumProgramSize = 20_000
    /// Work per `matches` call (threads stepped), about a tenth of a second.
    public static let defaultStepBudget = 20_000_000

    /// Why a pattern is refused or a match was given up; `description` is one line for people.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let pattern: String
        public let problem: String
        public var description: String { "'\(PrintableText.escaping(pattern, limit: 200, keepNewlines: false))': \(problem)" }
    }

    public init(_ pattern: String) throws {
        self.pattern = pattern
        var scalars = Array(pattern.unicodeScalars)
        var ignoreCase = false
        if scalars.starts(with: Array("(?i)".unicodeScalars)) {
            ignoreCase = true
            scalars.removeFirst(4)
        }
        self.ignoreCase = ignoreCase
        var parser = PatternParser(scalars: scalars, pattern: pattern)
        let tree = try parser.parse()
        var compiler = Compiler(pattern: pattern, ignoreCase: ignoreCase)
        try compiler.emit(tree)
        compiler.append(.match)
        program = compiler.program
        if case .assert(.textStart)? = program.first { anchoredAtStart = true } else { anchoredAtStart = false }
    }

    /// True when the pattern matches somewhere in `text`. Throws `Failure` when the match would
    /// take more than `stepBudget` steps (a huge text with a large pattern).
    public func matches(in text: String, stepBudget: Int = LinearRegex.defaultStepBudget) throws -> Bool {
        var budget = stepBudget
        return try matches(in: text, budget: &budget)
    }

    /// The same, drawing on a budget shared by many calls (`vocab /RE/` over a whole vocabulary):
    /// each call takes its steps from `budget` and throws once it is spent.
    public func matches(in text: String, budget: inout Int) throws -> Bool {
        try Matcher(self).matches(in: text, budget: &budget)
    }

    /// A matcher that keeps its thread lists between calls: for matching many short texts.
    public func matcher() -> Matcher { Matcher(self) }

    /// Runs one `LinearRegex`, reusing its working memory from one text to the next. Not for
    /// sharing between threads (each thread makes its own with `regex.matcher()`).
    public final class Matcher {
        let regex: LinearRegex
        private var current: ThreadList
        private var next: ThreadList
        private var stack: [Int] = []
        private var input: [Unicode.Scalar] = []

        init(_ regex: LinearRegex) {
            self.regex = regex
            current = ThreadList(capacity: regex.program.count)
            next = ThreadList(capacity: regex.program.count)
        }

        /// Whether the pattern matches somewhere in `text`, taking its steps from `budget`.
        public func matches(in text: String, budget: inout Int) throws -> Bool {
            input.removeAll(keepingCapacity: true)
            input.append(contentsOf: text.unicodeScalars)
            current.clear()
            next.clear()
            let program = regex.program, anchored = regex.anchoredAtStart, ignoreCase = regex.ignoreCase
            for position in 0...input.count {
                if position == 0 || !anchored {
                    addThread(0, at: position, &current)
                }
                if current.isEmpty { if anchored { return false }; continue }
                let scalar: Unicode.Scalar? = position < input.count ? input[position] : nil
                next.clear()
                budget -= current.count
                for k in 0..<current.count {
                    let pc = current[k]
                    switch program[pc] {
                    case .match:
                        return true
                    case .scalar(let s):
                        if let c = scalar, c == s || (ignoreCase && ScalarSet.folded(c) == ScalarSet.folded(s)) { addThread(pc + 1, at: position + 1, &next) }
                    case .any:
                        if let c = scalar, c != "\n", c != "\r" { addThread(pc + 1, at: position + 1, &next) }
                    case .set(let set):
                        if let c = scalar, set.contains(c, ignoreCase: ignoreCase) { addThread(pc + 1, at: position + 1, &next) }
                    case .split, .jump, .assert:
                        break   // followed in addThread
                    }
                }
                if budget < 0 {
                    throw Failure(pattern: regex.pattern, problem: "matching takes too long (the text has \(input.count) characters); use a simpler pattern")
                }
                swap(&current, &next)
            }
            return false
        }

        /// Adds the thread at `start` and everything reachable from it without consuming a character.
        private func addThread(_ start: Int, at position: Int, _ list: inout ThreadList) {
            stack.append(start)
            while let pc = stack.popLast() {
                guard list.insert(pc) else { continue }
                switch regex.program[pc] {
                case .jump(let to): stack.append(to)
                case .split(let a, let b): stack.append(b); stack.append(a)
                case .assert(let kind): if kind.holds(at: position, in: input) { stack.append(pc + 1) }
                default: break
                }
            }
        }
    }
}

// MARK: - The program

enum Instruction: Sendable, Equatable {
    case scalar(Unicode.Scalar)
    case any
    case set(ScalarSet)
    case split(Int, Int)
    case jump(Int)
    case assert(Assertion)
    case match
}

enum Assertion: Sendable, Equatable {
    case textStart, textEnd, textEndOrFinalNewline, wordBoundary, notWordBoundary

    func holds(at i: Int, in input: [Unicode.Scalar]) -> Bool {
        switch self {
        case .textStart: return i == 0
        case .textEnd: return i == input.count
        case .textEndOrFinalNewline: return i == input.count || (i == input.count - 1 && input[i] == "\n")
        case .wordBoundary, .notWordBoundary:
            let before = i > 0 && ScalarSet.isWord(input[i - 1])
            let after = i < input.count && ScalarSet.isWord(input[i])
            return (before != after) == (self == .wordBoundary)
        }
    }
}

/// A set of characters: ranges and classes (`\d`, `\w`, `\s`), possibly negated.
struct ScalarSet: Sendable, Equatable {
    enum Class: Sendable, Equatable { case digit, word, space, notDigit, notWord, notSpace }
    var ranges: [ClosedRange<UInt32>] = []
    var classes: [Class] = []
    var negated = false

    func contains(_ c: Unicode.Scalar, ignoreCase: Bool) -> Bool {
        var hit = containsExactly(c)
        if !hit, ignoreCase {
            let lower = ScalarSet.folded(c)
            hit = containsExactly(lower) || ScalarSet.upper(c).map(containsExactly) == true
        }
        return hit != negated
    }

    private func containsExactly(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        for r in ranges where r.contains(v) { return true }
        for k in classes {
            switch k {
            case .digit: if ScalarSet.isDigit(c) { return true }
            case .word: if ScalarSet.isWord(c) { return true }
            case .space: if c.properties.isWhitespace { return true }
            case .notDigit: if !ScalarSet.isDigit(c) { return true }
            case .notWord: if !ScalarSet.isWord(c) { return true }
            case .notSpace: if !c.properties.isWhitespace { return true }
            }
        }
        return false
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }

    /// ICU's `\w`: letters and marks of every script, decimal digits, connector punctuation (`_`).
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        let p = c.properties
        if p.isAlphabetic || p.numericType == .decimal { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
        default: return c == "\u{200C}" || c == "\u{200D}"
        }
    }

    /// The lower-case form when it is one scalar (enough for ignoring case in short patterns).
    static func folded(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let m = c.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first! : c
    }

    static func upper(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        let m = c.properties.uppercaseMapping.unicodeScalars
        return m.count == 1 ? m.first! : nil
    }
}

/// A pair of thread lists' storage: a sparse set of program counters, in insertion order
/// (the order is the threads' priority; only existence matters here, but it keeps runs deterministic).
struct ThreadList {
    private var dense: [Int]
    private var sparse: [Int]
    private(set) var count = 0

    init(capacity: Int) {
        dense = [Int](repeating: 0, count: capacity)
        sparse = [Int](repeating: 0, count: capacity)
    }

    var isEmpty: Bool { count == 0 }
    subscript(_ k: Int) -> Int { dense[k] }

    mutating func clear() { count = 0 }

    /// Inserts `pc`; false when it was already there.
    mutating func insert(_ pc: Int) -> Bool {
        let i = sparse[pc]
        if i < count && dense[i] == pc { return false }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return true
    }
}

// MARK: - Parsing

indirect enum PatternNode: Sendable {
    case empty
    case scalar(Unicode.Scalar)
    case any
    case set(ScalarSet)
    case assert(Assertion)
    case concatenation([PatternNode])
    case alternation([PatternNode])
    case repetition(PatternNode, min: Int, max: Int?)
}

/// Recursive descent over the pattern's scalars; nesting is limited so no pattern can exhaust the stack.
struct PatternParser {
    let scalars: [Unicode.Scalar]
    let pattern: String
    var i = 0
    var depth = 0
    static let maximumNesting = 64
    static let maximumRepeat = 1000

    init(scalars: [Unicode.Scalar], pattern: String) {
        self.scalars = scalars
        self.pattern = pattern
    }

    func fail(_ problem: String) -> LinearRegex.Failure { LinearRegex.Failure(pattern: pattern, problem: problem) }

    mutating func parse() throws -> PatternNode {
        let node = try alternation()
        if i < scalars.count {
            throw fail(scalars[i] == ")" ? "has a ')' without its '('" : "cannot be read at character \(i + 1)")
        }
        return node
    }

    mutating func alternation() throws -> PatternNode {
        var branches = [try concatenation()]
        while i < scalars.count, scalars[i] == "|" {
            i += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func concatenation() throws -> PatternNode {
        var items: [PatternNode] = []
        while i < scalars.count, scalars[i] != "|", scalars[i] != ")" {
            var atom = try self.atom()
            if let (low, high) = try quantifier() {
                if case .assert = atom { throw fail("repeats an anchor (^, $ or \\b), which matches no character") }
                atom = .repetition(atom, min: low, max: high)
                if i < scalars.count, scalars[i] == "?" { i += 1 }   // lazy: the same for whether it matches
                else if i < scalars.count, scalars[i] == "+" { throw fail("uses a possessive quantifier (*+, ++), which is not supported") }
                if i < scalars.count, scalars[i] == "*" || scalars[i] == "+" || scalars[i] == "?" || startsCountedRepeat() {
                    throw fail("repeats a repetition (like a**); put the inner one in parentheses")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .concatenation(items)
    }

    /// Whether `{` at i starts `{n}`, `{n,}` or `{n,m}` (otherwise it is a literal brace).
    func startsCountedRepeat() -> Bool {
        guard i < scalars.count, scalars[i] == "{" else { return false }
        var j = i + 1
        var digits = 0
        while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1; digits += 1 }
        guard digits > 0, j < scalars.count else { return false }
        if scalars[j] == "}" { return true }
        guard scalars[j] == "," else { return false }
        j += 1
        while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
        return j < scalars.count && scalars[j] == "}"
    }

    mutating func quantifier() throws -> (Int, Int?)? {
        guard i < scalars.count else { return nil }
        switch scalars[i] {
        case "*": i += 1; return (0, nil)
        case "+": i += 1; return (1, nil)
        case "?": i += 1; return (0, 1)
        case "{" where startsCountedRepeat():
            i += 1
            let low = try number()
            var high: Int? = low
            if scalars[i] == "," {
                i += 1
                high = scalars[i] == "}" ? nil : try number()
            }
            i += 1   // "}"
            if let high, high < low { throw fail("has a repetition {\(low),\(high)} whose maximum is below its minimum") }
            return (low, high)
        default:
            return nil
        }
    }

    mutating func number() throws -> Int {
        var n = 0
        while i < scalars.count, ("0"..."9").contains(scalars[i]) {
            n = n * 10 + Int(scalars[i].value - 48)
            if n > PatternParser.maximumRepeat { throw fail("repeats more than \(PatternParser.maximumRepeat) times") }
            i += 1
        }
        return n
    }

    mutating func atom() throws -> PatternNode {
        let c = scalars[i]
        i += 1
        switch c {
        case "(":
            depth += 1
            defer { depth -= 1 }
            guard depth <= PatternParser.maximumNesting else { throw fail("nests parentheses more than \(PatternParser.maximumNesting) deep") }
            if i < scalars.count, scalars[i] == "?" {
                let rest = String(String.UnicodeScalarView(scalars[i..<min(scalars.count, i + 3)]))
                if rest.hasPrefix("?:") { i += 2 }
                else if rest.hasPrefix("?<"), !rest.hasPrefix("?<=") && !rest.hasPrefix("?<!") {
                    guard let close = scalars[i...].firstIndex(of: ">") else { throw fail("has a group name without its closing '>'") }
                    i = close + 1
                } else if rest.hasPrefix("?=") || rest.hasPrefix("?!") || rest.hasPrefix("?<") {
                    throw fail("uses look-around ((?=, (?!, (?<=, (?<!), which is not supported; patterns here are matched in linear time")
                } else {
                    throw fail("uses a (? group that is not supported; write (?:…) for a group, or (?i) at the very start to ignore case")
                }
            }
            let inner = try alternation()
            guard i < scalars.count, scalars[i] == ")" else { throw fail("has a '(' without its ')'") }
            i += 1
            return inner
        case ")": throw fail("has a ')' without its '('")
        case "*", "+", "?": throw fail("starts a repetition ('\(c)') with nothing before it to repeat")
        case "{" where isCountedRepeatAt(i - 1): throw fail("starts a repetition ('{') with nothing before it to repeat")
        case ".": return .any
        case "^": return .assert(.textStart)
        case "$": return .assert(.textEndOrFinalNewline)
        case "[": return .set(try characterSet())
        case "\\": return try escape(inSet: false)
        default: return .scalar(c)
        }
    }

    private func isCountedRepeatAt(_ j: Int) -> Bool {
        var copy = self
        copy.i = j
        return copy.startsCountedRepeat()
    }

    /// After `\`: a literal, a class, or an anchor.
    mutating func escape(inSet: Bool) throws -> PatternNode {
        guard i < scalars.count else { throw fail("ends with a lone '\\'") }
        let c = scalars[i]
        i += 1
        func cls(_ k: ScalarSet.Class) -> PatternNode { .set(ScalarSet(classes: [k])) }
        switch c {
        case "d": return cls(.digit)
        case "D": return cls(.notDigit)
        case "w": return cls(.word)
        case "W": return cls(.notWord)
        case "s": return cls(.space)
        case "S": return cls(.notSpace)
        case "b" where !inSet: return .assert(.wordBoundary)
        case "B" where !inSet: return .assert(.notWordBoundary)
        case "A" where !inSet: return .assert(.textStart)
        case "z" where !inSet: return .assert(.textEnd)
        case "Z" where !inSet: return .assert(.textEndOrFinalNewline)
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "e": return .scalar("\u{1B}")
        case "a": return .scalar("\u{07}")
        case "u": return .scalar(try hex(4))
        case "x": return .scalar(try hex(2))
        case "1"..."9": throw fail("uses a back-reference (\\\(c)), which is not supported; patterns here are matched in linear time")
        case "p", "P": throw fail("uses a Unicode property (\\\(c){…}), which is not supported; use a set like [a-z] or \\w")
        default:
            if c.properties.isAlphabetic || ("0"..."9").contains(c) { throw fail("uses the unknown escape \\\(c)") }
            return .scalar(c)
        }
    }

    mutating func hex(_ digits: Int) throws -> Unicode.Scalar {
        guard i + digits <= scalars.count, let v = UInt32(String(String.UnicodeScalarView(scalars[i..<i + digits])), radix: 16),
              let s = Unicode.Scalar(v) else { throw fail("has an escape that needs \(digits) hex digits") }
        i += digits
        return s
    }

    /// After `[`: members up to the closing `]`.
    mutating func characterSet() throws -> ScalarSet {
        var set = ScalarSet()
        if i < scalars.count, scalars[i] == "^" { set.negated = true; i += 1 }
        var first = true
        while true {
            guard i < scalars.count else { throw fail("has a '[' without its ']'") }
            let c = scalars[i]
            if c == "]" && !first { i += 1; return set }
            if c == "[" { throw fail("nests sets ([ inside [ ]), which is not supported; write \\[ for a bracket") }
            first = false
            i += 1
            var low: Unicode.Scalar
            if c == "\\" {
                switch try escape(inSet: true) {
                case .scalar(let s): low = s
                case .set(let inner): set.classes += inner.classes; continue
                default: throw fail("has an escape that cannot be in a set")
                }
            } else {
                low = c
            }
            if i + 1 < scalars.count, scalars[i] == "-", scalars[i + 1] != "]" {
                i += 1
                var high = scalars[i]
                i += 1
                if high == "\\" {
                    guard case .scalar(let s) = try escape(inSet: true) else { throw fail("has a range that ends in a class") }
                    high = s
                }
                guard low.value <= high.value else { throw fail("has a range \(low)-\(high) that runs backwards") }
                set.ranges.append(low.value...high.value)
            } else {
                set.ranges.append(low.value...low.value)
            }
        }
    }
}

// MARK: - Compiling

/// Thompson's construction: each node becomes instructions; repetition unrolls its counted part.
struct Compiler {
    let pattern: String
    let ignoreCase: Bool
    var program: [Instruction] = []

    init(pattern: String, ignoreCase: Bool) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
    }

    mutating func append(_ instruction: Instruction) { program.append(instruction) }

    mutating func check() throws {
        if program.count > LinearRegex.maximumProgramSize {
            throw LinearRegex.Failure(pattern: pattern, problem: "is too large once its repetitions are written out (more than \(LinearRegex.maximumProgramSize) steps); use fewer or smaller {n,m}")
        }
    }

    mutating func emit(_ node: PatternNode) throws {
        try check()
        switch node {
        case .empty: break
        case .scalar(let s): append(.scalar(s))
        case .any: append(.any)
        case .set(let set): append(.set(set))
        case .assert(let a): append(.assert(a))
        case .concatenation(let items): for item in items { try emit(item) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split … 
            var jumps: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = program.count
                    append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(program.count)
                    append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .repetition(let inner, let low, let high):
            for _ in 0..<low { try emit(inner) }
            if let high {
                // (inner (inner (…)?)?)? : each optional copy may skip to the end.
                var splits: [Int] = []
                for _ in low..<high {
                    splits.append(program.count)
                    append(.split(program.count + 1, -1))
                    try emit(inner)
                }
                for s in splits { program[s] = .split(s + 1, program.count) }
            } else {
                // L: split body, end; body; jump L
                let loop = program.count
                append(.split(loop + 1, -1))
                try emit(inner)
                append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        try check()
    }
}

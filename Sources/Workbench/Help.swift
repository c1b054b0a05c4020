/// The `:help` texts, written from the command table: the topics, a topic's commands, and one
/// command's synopsis, options (type, default, range) and examples, in the learner's language.
public enum Help {
    /// `:help` (nil), `:help TOPIC` or `:help COMMAND`.
    public static func text(_ query: String?, table: CommandTable = .standard, language l: Language) -> String {
        guard let query = query?.trimmingWhitespace.lowercased(), !query.isEmpty else { return overview(table, l) }
        if let command = table.command(query) ?? table.command(":" + query) { return describe(command, l) }
        if let topic = HelpTopic.allCases.first(where: { $0.rawValue == query }) ?? HelpTopic.allCases.first(where: { $0.rawValue.hasPrefix(query) }) {
            return describe(topic, table, l)
        }
        return l.text(.helpNoTopic, ["query": query, "topics": HelpTopic.allCases.map(\.rawValue).joined(separator: ", ")])
    }

    static func overview(_ table: CommandTable, _ l: Language) -> String {
        var out = l.text(.helpIntro) + "\n"
        for topic in HelpTopic.allCases {
            out += "  " + DisplayText.pad(topic.rawValue, to: 12) + " " + topic.title.text(l) + "\n"
        }
        out += l.text(.helpTry)
        return out
    }

    static func describe(_ topic: HelpTopic, _ table: CommandTable, _ l: Language) -> String {
        var lines: [(String, String)] = topic.notes.map { ($0.line, $0.text.text(l)) }
        for c in table.commands(in: topic) + topic.alsoLists.compactMap({ table.command($0) }) {
            lines.append((c.synopsis(l), c.summary.text(l)))
        }
        let width = min(28, lines.map { DisplayText.width($0.0) }.max() ?? 0)
        var out = [topic.rawValue + ": " + topic.title.text(l)]
        for (left, right) in lines {
            if left.isEmpty { out.append("  " + right); continue }
            out.append("  " + (DisplayText.width(left) > width ? left + "\n  " + String(repeating: " ", count: width) : DisplayText.pad(left, to: width)) + "  " + right)
        }
        out.append(l.text(.helpMore))
        return out.joined(separator: "\n")
    }

    static func describe(_ c: CommandSpec, _ l: Language) -> String {
        var out = [c.synopsis(l), "  " + c.summary.text(l)]
        if !c.aliases.isEmpty { out.append("  " + l.text(.helpAlso, ["names": c.aliases.joined(separator: ", ")])) }
        if c.isFunction { out.append("  " + l.text(.helpFunction, ["example": "\(c.name)(…)"])) }
        if !c.options.isEmpty {
            out.append(l.text(.helpOptions))
            let width = c.options.map { DisplayText.width($0.name) }.max() ?? 0
            for o in c.options {
                var facts = o.accepted(l)
                if let d = o.defaultValue { facts += "; " + l.text(.helpDefault, ["value": d.description]) }
                out.append("  " + DisplayText.pad(o.name, to: width) + "  " + o.help.text(l) + "  [" + facts + "]")
            }
        }
        if !c.examples.isEmpty {
            out.append(l.text(.helpExamples))
            out += c.examples.map { "  " + $0 }
        }
        return out.joined(separator: "\n")
    }
}

/// Terminal widths for help's columns: a CJK character takes two columns.
enum DisplayText {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return n + (wide ? 2 : (u.properties.generalCategory == .nonspacingMark ? 0 : 1))
        }
    }
    static func pad(_ s: String, to n: Int) -> String { s + String(repeating: " ", count: max(0, n - width(s))) }
}

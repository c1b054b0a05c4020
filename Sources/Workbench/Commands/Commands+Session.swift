/// The session's own commands: help, language, saving and leaving, and the lesson commands. The
/// ones marked `.host(…)` are carried out by the REPL, which switches on their `HostCommand`.
extension CommandSpec {
    static let help = CommandSpec(
        ":help", aliases: [":h", ":?"], arguments: .text(.topic, keyword: nil, required: false),
        topic: .session,
        summary: Localized(en: "the topics; :help TOPIC or :help COMMAND for more", zh: "帮助主题；:help 主题 或 :help 命令 查看详情"),
        examples: [":help", ":help near", ":help training"],
        completions: .help,
        evaluate: { inv in .text(Help.text(inv.text.isEmpty ? nil : inv.text, table: inv.session.commands, language: inv.language)) })

    static let lang = CommandSpec(
        ":lang", arguments: .text(.language, keyword: nil, required: true),
        options: [OptionSpec("save", .onOff, default: .bool(false),
                             help: Localized(en: "also start later sessions in this language", zh: "以后的会话也用这种语言"),
                             example: ":lang zh save=on")],
        topic: .session,
        summary: Localized(en: "the language of help, messages and lessons for this session: en or zh (save=on: later sessions too)",
                           zh: "本次会话中帮助、提示信息和课程的语言：en 或 zh（save=on：以后的会话也用）"),
        examples: [":lang zh", ":lang en", ":lang zh save=on"],
        completions: .fixed(Language.allCases.map(\.rawValue)),
        effects: .changesLanguage,
        evaluate: { inv in
            guard let l = Language(rawValue: inv.text.lowercased()) else {
                throw inv.error(.languageUnknown, ["value": inv.text], at: inv.textSpan)
            }
            inv.session.language = l
            return .text(l.text(.languageNow))
        })

    static let save = CommandSpec(
        ":save", arguments: .text(.file, keyword: nil, required: true), topic: .session,
        summary: Localized(en: "the session as a notebook (FILE.md; embedlab run FILE.md replays it) or a page (FILE.html)",
                           zh: "把会话存为笔记本（文件.md，embedlab run 文件.md 可重放）或网页（文件.html）"),
        examples: [":save notes.md", ":save notes.html"], files: [.writes(.text)], action: .host(.save))

    static let quit = CommandSpec(
        ":quit", aliases: [":q", ":exit"], topic: .session,
        summary: Localized(en: "leave (Ctrl-D too)", zh: "退出（也可按 Ctrl-D）"),
        examples: [":quit"], action: .host(.quit))

    static let lesson = CommandSpec(
        ":lesson", arguments: .text(.lesson, keyword: nil, required: false), topic: .lessons,
        summary: Localized(en: "the lessons; :lesson ID starts or resumes one; :lesson off leaves", zh: "课程列表；:lesson 编号 开始或继续；:lesson off 离开"),
        examples: [":lesson", ":lesson 1", ":lesson off"], completions: .lessons, action: .host(.lesson))

    static let hint = CommandSpec(
        ":hint", topic: .lessons,
        summary: Localized(en: "the next hint for the exercise", zh: "本练习的下一条提示"),
        examples: [":hint"], action: .host(.hint))

    static let skip = CommandSpec(
        ":skip", topic: .lessons,
        summary: Localized(en: "go on to the next step", zh: "跳到下一步"),
        examples: [":skip"], action: .host(.skip))

    static let back = CommandSpec(
        ":back", topic: .lessons,
        summary: Localized(en: "go back one step", zh: "回到上一步"),
        examples: [":back"], action: .host(.back))

    static let progress = CommandSpec(
        ":progress", topic: .lessons,
        summary: Localized(en: "how far you are in every lesson", zh: "每门课程的进度"),
        examples: [":progress"], action: .host(.progress))
}

import ArgumentParser
import Foundation
import Rendering
import Workbench

/// `--help` in the language of the command line: `--lang zh` among the arguments, else a Chinese
/// `LANG` (as every other message). Each text is written in both languages where it is declared,
/// as the command table's help is (`Localized`). The Chinese is wrapped here, at the width the
/// help is printed at (COLUMNS, else the terminal's, else 80), because swift-argument-parser
/// breaks lines only at spaces and counts a 汉字 as one column.
enum HelpText {
    static let language: Language = {
        let arguments = CommandLine.arguments.dropFirst()
        for (i, a) in zip(arguments.indices, arguments) {
            if a == "--lang", arguments.indices.contains(i + 1) { return Language(rawValue: arguments[i + 1]) ?? .fromEnvironment() }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7))) { return l }
        }
        return .fromEnvironment()
    }()

    /// The width swift-argument-parser prints help at: COLUMNS, else the terminal's, else 80.
    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return 80
    }

    /// `en`, or `zh` wrapped to the width left after `indent` columns (an option's column, or
    /// "OVERVIEW: ").
    static func pick(_ en: String, zh: String, indent: Int = 0) -> String {
        guard language == .zh else { return en }
        return TerminalText.wrapped(zh, width: max(20, width - indent))
    }

    /// The column an option's or a subcommand's help starts in (swift-argument-parser's label
    /// column, 26, and two for its indent).
    static let column = 28
}

extension ArgumentHelp {
    /// An argument's, option's or flag's help in both languages. swift-argument-parser adds
    /// " (default: glove)" or " (values: en, zh)" to the last line, measuring it in characters:
    /// the Chinese keeps room for it there.
    /// `suffixed`: an option with a default value or a list of values, which the parser adds.
    static func l(_ en: String, zh: String, suffixed: Bool = false) -> ArgumentHelp {
        guard HelpText.language == .zh else { return ArgumentHelp(en) }
        let available = max(30, HelpText.width - HelpText.column)
        let text = TerminalText.wrapped(zh, width: available)
        let last = text.components(separatedBy: "\n").last ?? ""
        // No room after the last line for what the parser adds: it goes on a line of its own.
        return ArgumentHelp(suffixed && DisplayWidth.of(last) > available - 32 ? text + "\n" : text)
    }
}

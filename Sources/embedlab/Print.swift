import Rendering
import Foundation

/// `print` for the executable: what it prints (lint problems that quote a lesson's lines, lesson
/// titles, file names, rendered values) passes the one sanitiser on its way to the terminal, so
/// text from a file is shown (`\e]2;…\a`), never obeyed. It shadows Swift's `print` in this
/// module; JSON is unchanged (its strings already escape control characters).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { String(describing: $0) }.joined(separator: separator)
    Swift.print(TerminalText.printable(text, colour: printsColour), terminator: terminator)
}

/// Whether standard output may carry EmbedLab's own colours (a terminal, no NO_COLOR, not TERM=dumb).
let printsColour = Environment.style(forTerminal: Environment.isTerminal(STDOUT_FILENO)).color

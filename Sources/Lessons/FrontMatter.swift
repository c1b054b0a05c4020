import Workbench
import Yams

/// The front matter of a document: the YAML between a first line `---` and the next `---`,
/// read with Yams, so that a comma or a colon in a quoted title is just text and every mistake
/// has a line and a column:
///
///     ---
///     id: arithmetic
///     title: { en: "Vector arithmetic", zh: 向量运算 }
///     model: glove-50d
///     ---
///
/// Values are text, or a mapping of text (`title`'s languages). Which keys are allowed is the
/// reader's business (`Lesson` and `Notebook` each say), since the same format serves both.
public struct FrontMatter: Equatable, Sendable {
    public var values: [String: Document.FrontMatterValue] = [:]
    /// Where each key was written (file line and column, 1-based).
    public var positions: [String: Document.Position] = [:]
    public var problems: [Document.Problem] = []

    /// Parses `yaml`, whose first line is line `firstLine` of the file.
    public static func parse(_ yaml: String, firstLine: Int) -> FrontMatter {
        var fm = FrontMatter()
        let offset = firstLine - 1
        func position(_ mark: Mark?) -> Document.Position {
            Document.Position(line: (mark?.line ?? 1) + offset, column: mark?.column ?? 1)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            fm.problems.append(problem(error, offset: offset))
            return fm
        } catch {
            fm.problems.append(Document.Problem(at: Document.Position(line: firstLine, column: 1), .lessonFrontMatterNotYAML, ["error": "\(error)"]))
            return fm
        }
        guard let root else { return fm }
        guard case .mapping(let mapping) = root else {
            fm.problems.append(Document.Problem(at: position(root.mark), .lessonFrontMatterNotPairs))
            return fm
        }
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                fm.problems.append(Document.Problem(at: position(keyNode.mark), .lessonFrontMatterKeyNotWord))
                continue
            }
            fm.positions[key.string] = position(keyNode.mark)
            switch valueNode {
            case .scalar(let value):
                fm.values[key.string] = .text(value.string)
            case .mapping(let map):
                var texts: [String: String] = [:]
                for (k, v) in map {
                    guard case .scalar(let name) = k, case .scalar(let text) = v else {
                        fm.problems.append(Document.Problem(at: position(k.mark), .lessonFrontMatterTextPerLanguage, ["key": key.string]))
                        continue
                    }
                    texts[name.string] = text.string
                }
                fm.values[key.string] = .map(texts)
            default:
                fm.problems.append(Document.Problem(at: position(valueNode.mark), .lessonFrontMatterNotList, ["key": key.string]))
            }
        }
        return fm
    }

    /// Yams' error as one line with the file's line and column.
    static func problem(_ error: YamlError, offset: Int) -> Document.Problem {
        func at(_ mark: Mark) -> Document.Position { Document.Position(line: mark.line + offset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            guard let context else { return Document.Problem(at: at(mark), .lessonYAMLInvalid, ["problem": problem]) }
            return Document.Problem(at: at(mark), .lessonYAMLInvalidWhile, ["problem": problem, "context": context.text, "line": "\(context.mark.line + offset)"])
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Document.Problem(at: at(context.mark), .lessonYAMLTwice, ["keys": duplicates.joined(separator: ", ")])
        default:
            return Document.Problem(at: Document.Position(line: offset + 1, column: 1), .lessonYAMLOther, ["error": "\(error)"])
        }
    }
}

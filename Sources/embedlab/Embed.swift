import ArgumentParser
import Foundation
import Rendering
import Workbench

/// `embedlab embed MODEL TEXT... [--json]`: sentence vectors from a transformer encoder, one per text.
struct Embed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("Print the sentence vector of each text, from a transformer encoder (minilm; e5-small for 中文 and English).", zh: "打印每段文字的句向量，来自 Transformer 编码器（minilm；中文和英文用 e5-small）。", indent: HelpText.column),
        discussion: HelpText.pick("Example: embedlab embed minilm 'the river bank' 'the bank raised its rates' --json. e5-small reads each text as \"query: TEXT\", as its authors advise for similarity.", zh: "例：embedlab embed minilm 'the river bank' 'the bank raised its rates' --json。e5-small 按作者对相似度任务的建议，把每段文字读作 \"query: 文字\"。"))

    @Argument(help: .l("Any model `embedlab models` lists: an encoder (minilm, e5-small, an .embt file) or a static model (glove-50d, zh-wiki …: the SIF-weighted mean of the text's word vectors, as `\"TEXT\"` at the prompt).", zh: "`embedlab models` 列出的任一模型：编码器（minilm、e5-small、.embt 文件）或静态模型（glove-50d、zh-wiki …：文字中各词向量的 SIF 加权平均，同提示符下的 `\"文字\"`）。"), completion: Completions.model)
    var model: String

    @Argument(help: .l("One or more texts; each gets its own vector.", zh: "一段或多段文字；每段得到自己的向量。"))
    var texts: [String]

    @OptionGroup var output: OutputOptions

    /// One line of `--json` output.
    struct Line: Encodable {
        var type = "embedding"
        let text: String
        let vector: [Float]
    }

    func run() throws {
        let session = try output.session(anyModel: model)
        let name = session.encoder?.name ?? session.model.name
        let encoder8 = JSONRenderer.encoder()
        for text in texts {
            // The workbench's `embed "TEXT"`, bound by the table as if typed at the prompt.
            let v: [Float]
            do {
                guard case .vector(let vector) = try session.invoke("embed", text: Self.quoted(text)) else { continue }
                v = vector.values
            } catch {
                output.fail(error, input: nil)
                throw ExitCode(1)
            }
            if output.json {
                let data = (try? encoder8.encode(Line(text: text, vector: v))) ?? Data()
                print(String(decoding: data, as: UTF8.self))
            } else {
                let head = v.prefix(6).map { String(format: "%.4f", $0) }.joined(separator: ", ")
                print("\(text)\n  [\(head), …]  (\(v.count) dimensions, \(name))")
            }
        }
    }

    /// `text` in quotes whose closing quote it does not hold, so that the command reads it whole
    /// (a word such as `k=3` in it is text, not an option); with every kind of quote in it, its
    /// straight double quotes become spaces.
    static func quoted(_ text: String) -> String {
        for (open, close) in [("\"", "\""), ("“", "”"), ("「", "」"), ("'", "'")] where !text.contains(close) {
            return open + text + close
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: " ") + "\""
    }
}

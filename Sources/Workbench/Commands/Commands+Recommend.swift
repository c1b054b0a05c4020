import Foundation
import Embeddings
import Encoders
import FileAccess
import Index
import Search
import Tokenizers
import VectorMath

/// Recommendation: `recommend items-en "guitar"`, the items of a collection most like one item.
extension CommandSpec {
    static let recommend = CommandSpec(
        "recommend", arguments: .text(.collection, keyword: nil, required: true), options: [.documents],
        topic: .neighbours,
        summary: Localized(en: "the items of a collection most like one item (by number or by a word in it)",
                           zh: "集合中与某一项最相似的项（按编号或其中的词）"),
        examples: [#"recommend items-en "guitar""#, "recommend items-en 3"],
        usage: Localized(en: "recommend COLLECTION ITEM [k]", zh: "recommend 集合 项 [k]"),
        files: [.reads(.collection, names: .collections)],
        evaluate: { try $0.recommendItems() })
}

extension Invocation {
    /// `recommend COLLECTION ITEM`.
    func recommendItems() throws -> Value {
        let (name, item, count) = collectionArguments()
        let s = try semanticIndex(name)
        guard !item.isEmpty, let doc = s.collection.document(named: item) else {
            throw WorkbenchError(language.pick(en: "no item '\(item)' in \(name): give its number (1–\(s.collection.documents.count)) or a word in it",
                                               zh: "\(name) 中没有“\(item)”：请给出编号（1–\(s.collection.documents.count)）或其中的词"), at: textSpan)
        }
        return hitsTable(language.pick(en: "like \(doc + 1): \(s.collection.documents[doc].text)", zh: "与第 \(doc + 1) 项相似：\(s.collection.documents[doc].text)"),
                         s.recommend(item: doc, k: count), note: nil)
    }
}

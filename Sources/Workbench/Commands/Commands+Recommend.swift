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
            throw WorkbenchError(language.text(.recommendNoItem, ["item": item, "name": name, "count": "\(s.collection.documents.count)"]), at: textSpan)
        }
        return hitsTable(language.text(.recommendTitle, ["n": "\(doc + 1)", "text": s.collection.documents[doc].text]),
                         s.recommend(item: doc, k: count), note: nil)
    }
}

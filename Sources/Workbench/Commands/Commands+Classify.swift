import Foundation
import Embeddings
import Encoders
import FileAccess
import Index
import Search
import Tokenizers
import VectorMath

/// Classification: `classify polarity-en "wonderful"` (a class by nearest centroid and by k-NN), and
/// `classify reviews-zh` (accuracy and confusion on the held-out split).
extension CommandSpec {
    static let classify = CommandSpec(
        "classify", arguments: .text(.collection, keyword: nil, required: true),
        topic: .neighbours,
        summary: Localized(en: "a text's class in a labelled collection (nearest centroid, k-NN); alone: accuracy on held-out documents",
                           zh: "文本在带标签集合中的类别（最近质心、k 近邻）；只给集合：留出文档上的准确率"),
        examples: [#"classify polarity-en "wonderful""#, "classify polarity-en", #"classify picture 3 as "circle", "square", "triangle""#],
        usage: Localized(en: #"classify COLLECTION ["text"]"#, zh: #"classify 集合 ["文本"]"#),
        files: [.reads(.collection, names: .collections)],
        evaluate: { $0.isPictureClassification ? try $0.classifyPicture() : try $0.classifyText() })
}

extension Invocation {
    /// "nearest centroid", "15-nearest neighbours" / "最近质心", "15 个最近邻".
    func methodName(_ m: TextClassifier.Method) -> String {
        switch m {
        case .nearestCentroid: return language.text(.methodNearestCentroid)
        case .kNearest(let k): return language.text(.methodKNearest, ["k": "\(k)"])
        }
    }

    /// `classify COLLECTION "text"` or `classify COLLECTION`.
    func classifyText() throws -> Value {
        let (name, sentence, _) = collectionArguments()
        let s = try semanticIndex(name, documentsAs: .query)   // classification is symmetric: e5 reads both sides as queries
        guard s.collection.isLabelled else {
            throw WorkbenchError(language.text(.collectionNoLabels, ["name": name]), at: textSpan)
        }
        let split = LabelledSplit(collection: s.collection, heldOut: 0.2, seed: 1)
        let classifier = TextClassifier(index: s, training: split.training)
        let methods: [TextClassifier.Method] = [.nearestCentroid, .kNearest(15)]
        if sentence.isEmpty {
            // The confusion matrix, one column per (true, predicted) pair: "neg→pos" counts the
            // held-out neg documents classified as pos.
            let labels = classifier.labels
            var rows: [[String]] = []
            for m in methods {
                let r = classifier.evaluate(split.test, method: m)
                rows.append([methodName(m), String(format: "%.3f", r.accuracy), "\(r.correct)/\(r.total)"]
                            + r.labels.indices.flatMap { i in r.labels.indices.map { "\(r.confusion[i][$0])" } })
            }
            let pairs = labels.flatMap { truth in labels.map { "\(truth)→\($0)" } }
            return .table(Table(title: language.text(.classifyHeldOutTitle, ["name": name, "training": "\(split.training.count)", "test": "\(split.test.count)"]),
                                headers: [language.text(.headerMethod), language.text(.headerAccuracy), language.text(.headerCorrect)] + pairs,
                                rows: rows, numericColumns: Set(1..<(3 + pairs.count))))
        }
        let v = s.encoder.encode(sentence)
        guard !v.isEmpty else {
            throw WorkbenchError(language.text(.collectionNoWordOfText, ["text": sentence, "model": model.name]), at: textSpan)
        }
        let rows = methods.compactMap { m -> [String]? in
            guard let p = classifier.classify(vector: v.vector, method: m) else { return nil }
            return [methodName(m), p.label, p.scores.map { "\($0.label) \(m == .nearestCentroid ? String(format: "%.3f", $0.value) : String(Int($0.value)))" }.joined(separator: ", ")]
        }
        return .table(Table(title: [language.text(.classifyTitle, ["text": sentence, "name": name]), missingNote(v)].compactMap { $0 }.joined(separator: "\n"),
                            headers: [language.text(.headerMethod), language.text(.headerClass), language.text(.headerScores)], rows: rows))
    }
}

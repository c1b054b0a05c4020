import VectorMath

/// Classifies texts by their sentence vectors, two ways:
///
/// - nearest centroid: each class is the mean of its training vectors (unit length first);
///   a text gets the class whose centroid has the highest cosine with it;
/// - k nearest neighbours: the k training texts with the highest cosine vote, one vote each;
///   a tie goes to the class with the larger summed cosine.
///
/// ```swift
/// let split = LabelledSplit(collection: reviews, heldOut: 0.2, seed: 1)
/// let classifier = TextClassifier(index: reviews, training: split.training)
/// classifier.classify("物流很快，质量很好", method: .nearestCentroid).label   // "pos"
/// classifier.evaluate(split.test, method: .kNearest(5)).accuracy
/// ```
public struct TextClassifier: Sendable {
    /// How a text is assigned a class.
    public enum Method: Equatable, Sendable {
        case nearestCentroid
        case kNearest(Int)

        public var name: String {
            switch self {
            case .nearestCentroid: return "nearest centroid"
            case .kNearest(let k): return "\(k)-nearest neighbours"
            }
        }
    }

    /// The encoded, labelled collection.
    public let index: SemanticIndex
    /// Documents (positions in the collection) the classifier learns from.
    public let training: [Int]
    /// The classes, sorted.
    public let labels: [String]
    /// One unit-length centroid per class, in `labels` order.
    public let centroids: Matrix
    private let trainingVectors: Matrix
    private let trainingLabels: [Int]

    /// A classifier that learns from `training` (positions of labelled documents with known words).
    public init(index: SemanticIndex, training: [Int]) {
        self.index = index
        let usable = training.filter { index.encoded.indices.contains($0) && !index.encoded[$0].isEmpty && index.collection.documents[$0].label != nil }
        self.training = usable
        labels = Array(Set(usable.compactMap { index.collection.documents[$0].label })).sorted()
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        trainingLabels = usable.map { position[index.collection.documents[$0].label!]! }
        let dims = index.unitVectors.columns
        var sums = [[Float]](repeating: [Float](repeating: 0, count: dims), count: labels.count)
        var rows: [[Float]] = []
        for (i, doc) in usable.enumerated() {
            let v = index.unitVectors.row(doc)
            rows.append(v)
            sums[trainingLabels[i]] = sums[trainingLabels[i]].adding(v)
        }
        centroids = labels.isEmpty ? Matrix(rows: 0, columns: dims) : Matrix(rowVectors: sums.map(\.normalized))
        trainingVectors = rows.isEmpty ? Matrix(rows: 0, columns: dims) : Matrix(rowVectors: rows)
    }

    /// The class of a vector, and the evidence: the score of the winner (a cosine for the
    /// centroid, the number of votes for k-NN) and the nearest training documents (k-NN).
    public func classify(vector: [Float], method: Method) -> Prediction? {
        guard !labels.isEmpty, vector.count == centroids.columns else { return nil }
        let unit = Matrix(rowVectors: [vector.normalized])
        switch method {
        case .nearestCentroid:
            let ranked = centroids.nearest(batch: unit, k: labels.count)[0]
            guard let best = ranked.first else { return nil }
            return Prediction(label: labels[best.index], method: method,
                              scores: ranked.map { (labels[$0.index], $0.score) }.map(Prediction.Score.init), neighbours: [])
        case .kNearest(let k):
            let near = trainingVectors.nearest(batch: unit, k: max(1, k))[0]
            guard !near.isEmpty else { return nil }
            var votes = [Int](repeating: 0, count: labels.count), sum = [Float](repeating: 0, count: labels.count)
            for n in near { votes[trainingLabels[n.index]] += 1; sum[trainingLabels[n.index]] += n.score }
            let order = labels.indices.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : (sum[$0] != sum[$1] ? sum[$0] > sum[$1] : $0 < $1) }
            return Prediction(label: labels[order[0]], method: method,
                              scores: order.filter { votes[$0] > 0 }.map { Prediction.Score(label: labels[$0], value: Float(votes[$0])) },
                              neighbours: near.map { n in
                                  let doc = training[n.index]
                                  return SearchHit(document: doc, text: index.collection.documents[doc].text,
                                                   label: index.collection.documents[doc].label, score: n.score)
                              })
        }
    }

    /// Classifies a text; nil when none of its words is in the model (see `index.encoder.encode(text).missing`).
    public func classify(_ text: String, method: Method) -> Prediction? {
        let s = index.encoder.encode(text)
        return s.isEmpty ? nil : classify(vector: s.vector, method: method)
    }

    /// Accuracy and confusion on held-out documents (positions in the collection).
    public func evaluate(_ test: [Int], method: Method) -> ClassificationReport {
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        var skipped = 0
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        for doc in test {
            guard let truth = index.collection.documents[doc].label.flatMap({ position[$0] }), !index.encoded[doc].isEmpty,
                  let predicted = classify(vector: index.encoded[doc].vector, method: method), let p = position[predicted.label] else {
                skipped += 1
                continue
            }
            confusion[truth][p] += 1
        }
        return ClassificationReport(method: method, labels: labels, confusion: confusion, skipped: skipped)
    }
}

/// A classifier's answer: the class, and the scores behind it, best first.
public struct Prediction: Equatable, Sendable {
    public struct Score: Equatable, Sendable {
        public var label: String
        /// A cosine (nearest centroid) or a number of votes (k-NN).
        public var value: Float
    }
    public var label: String
    public var method: TextClassifier.Method
    public var scores: [Score]
    /// The nearest training documents (k-NN only).
    public var neighbours: [SearchHit]
}

/// How well a classifier did on held-out documents.
///
/// `confusion[i][j]` counts documents of class `labels[i]` predicted as `labels[j]`: the diagonal
/// is what it got right.
public struct ClassificationReport: Equatable, Sendable {
    public var method: TextClassifier.Method
    public var labels: [String]
    public var confusion: [[Int]]
    /// Held-out documents without a single known word (not counted).
    public var skipped: Int

    public var total: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } }
    public var correct: Int { labels.indices.reduce(0) { $0 + confusion[$1][$1] } }
    /// correct / total (0 when nothing was classified).
    public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }
}

/// A seeded, stratified split of a labelled collection: the same share of every class is held
/// out for testing, chosen the same way every time for the same seed.
public struct LabelledSplit: Equatable, Sendable {
    public let training: [Int]
    public let test: [Int]

    public init(collection: DocumentCollection, heldOut fraction: Double = 0.2, seed: UInt64 = 1) {
        var rng = SeededGenerator(seed: seed)
        var training: [Int] = [], test: [Int] = []
        for label in collection.labels {
            var members = collection.documents.indices.filter { collection.documents[$0].label == label }
            rng.shuffle(&members)
            let held = members.count < 2 ? 0 : max(1, Int((Double(members.count) * min(max(fraction, 0), 1)).rounded()))
            test += members.prefix(held)
            training += members.dropFirst(held)
        }
        self.training = training.sorted()
        self.test = test.sorted()
    }
}

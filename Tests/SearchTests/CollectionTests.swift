import Foundation
import XCTest
import Search

final class CollectionTests: XCTestCase {
    func testLinesAndLabelledLinesReadTheSameWithLFCRLFAndABOM() throws {
        let plain = try DocumentCollection(data: Data("\u{FEFF}first doc\r\n\r\n# a comment\nsecond doc\n".utf8), name: "c")
        XCTAssertEqual(plain.documents.map(\.text), ["first doc", "second doc"])
        XCTAssertEqual(plain.documents.map(\.line), [1, 4])
        XCTAssertFalse(plain.isLabelled)
        let labelled = try DocumentCollection(data: Data("pos\tgreat\r\nneg\tawful\r\n".utf8), name: "c")
        XCTAssertEqual(labelled.labels, ["neg", "pos"])
        XCTAssertEqual(labelled.documents[1].text, "awful")
    }

    func testBadCollectionsAreRefusedWithTheLine() {
        XCTAssertThrowsError(try DocumentCollection(data: Data("\n# nothing\n".utf8), name: "empty.txt")) {
            XCTAssertEqual("\($0)", "empty.txt: has no documents: write one document a line, or label<TAB>text")
        }
        XCTAssertThrowsError(try DocumentCollection(data: Data([0x61, 0x0A, 0xFF, 0xFE, 0x0A]), name: "bad.txt")) {
            XCTAssertEqual("\($0)", "bad.txt: line 2: is not valid UTF-8; save the file as UTF-8")
        }
        XCTAssertThrowsError(try DocumentCollection(data: Data("pos\tgood\n\tno label\n".utf8), name: "l.tsv")) {
            XCTAssertEqual("\($0)", "l.tsv: line 2: needs a label, a tab, then the text")
        }
        XCTAssertThrowsError(try DocumentCollection(path: "/nonexistent/c.txt")) {
            XCTAssertEqual("\($0)", "/nonexistent/c.txt: no such file")
        }
    }

    func testTheBundledCollectionsAreThere() {
        for (file, at_least) in [("faq-en.txt", 40), ("faq-zh.txt", 40), ("items-en.txt", 40), ("items-zh.txt", 40), ("reviews-zh.tsv", 600), ("polarity-en.tsv", 600)] {
            XCTAssertGreaterThanOrEqual(Bundled.collection(file).documents.count, at_least, file)
        }
        XCTAssertEqual(Bundled.collection("reviews-zh.tsv").labels, ["neg", "pos"])
    }
}

final class SearchAndRecommendTests: XCTestCase {
    static let faq = SemanticIndex(collection: Bundled.collection("faq-en.txt"), encoder: Bundled.encoder(Bundled.glove))
    static let items = SemanticIndex(collection: Bundled.collection("items-en.txt"), encoder: Bundled.encoder(Bundled.glove))

    func testSearchFindsTheRightAnswerInTheEnglishFAQ() {
        XCTAssertTrue(Self.faq.search("I forgot my password", k: 1).hits[0].text.hasPrefix("How do I reset my password?"))
        XCTAssertTrue(Self.faq.search("track my delivery", k: 1).hits[0].text.hasPrefix("How long does shipping take?"))
        let hits = Self.faq.search("can I get a refund", k: 3).hits
        XCTAssertTrue(hits[0].text.hasPrefix("When do I get my money back?"))
        XCTAssertEqual(hits.map(\.score), hits.map(\.score).sorted(by: >))
    }

    func testSearchFindsTheRightAnswerInTheChineseFAQ() {
        let faq = SemanticIndex(collection: Bundled.collection("faq-zh.txt"), encoder: Bundled.encoder(Bundled.chinese, .mean))
        XCTAssertTrue(faq.search("包裹什么时候到", k: 2).hits.contains { $0.text.hasPrefix("我的订单到哪里了") })
    }

    func testAQueryWithNoKnownWordFindsNothingAndSaysWhy() {
        let r = Self.faq.search("zxqwv qqqq", k: 3)
        XCTAssertEqual(r.hits, [])
        XCTAssertEqual(r.query.missing, ["zxqwv", "qqqq"])
    }

    func testRecommendationsStayInTheItemsKind() {
        func recommended(_ name: String) -> [String] {
            let item = Self.items.collection.document(named: name)!
            return Self.items.recommend(item: item, k: 3).map { String($0.text.prefix { $0 != ":" }) }
        }
        XCTAssertEqual(Set(recommended("Acoustic guitar")), ["Drum kit", "Flute", "Violin for students"])
        XCTAssertTrue(Set(recommended("Garden hose")).isSubset(of: ["Watering can", "Lawn mower", "Pruning shears", "Flower seeds", "Compost bin"]))
        XCTAssertTrue(recommended("Cast iron skillet").contains("Nonstick frying pan"))
        XCTAssertFalse(recommended("Yoga mat").contains("Yoga mat"), "an item is not recommended to itself")
        XCTAssertEqual(Self.items.collection.document(named: "3"), 2)
    }
}

final class ClassificationTests: XCTestCase {
    func testWordPolarityFromGloVeVectorsBeatsAFloorOnHeldOutWords() {
        let c = Bundled.collection("polarity-en.tsv")
        let split = LabelledSplit(collection: c, heldOut: 0.2, seed: 1)
        XCTAssertEqual(split.test.count, 120)
        XCTAssertTrue(Set(split.test).isDisjoint(with: split.training))
        let classifier = TextClassifier(index: SemanticIndex(collection: c, encoder: Bundled.encoder(Bundled.glove, .mean)), training: split.training)
        for method in [TextClassifier.Method.nearestCentroid, .kNearest(5)] {
            let report = classifier.evaluate(split.test, method: method)
            XCTAssertEqual(report.total, 120)
            XCTAssertGreaterThanOrEqual(report.accuracy, 0.85, method.name)   // measured: 0.91
            XCTAssertEqual(report.correct, report.confusion[0][0] + report.confusion[1][1])
        }
        XCTAssertEqual(classifier.classify("wonderful", method: .nearestCentroid)?.label, "pos")
        XCTAssertEqual(classifier.classify("horrible", method: .kNearest(5))?.label, "neg")
    }

    func testChineseReviewSentimentBeatsAFloorOnHeldOutReviews() {
        let c = Bundled.collection("reviews-zh.tsv")
        let split = LabelledSplit(collection: c, heldOut: 0.2, seed: 1)
        let classifier = TextClassifier(index: SemanticIndex(collection: c, encoder: Bundled.encoder(Bundled.chinese, .sif)), training: split.training)
        let report = classifier.evaluate(split.test, method: .kNearest(15))
        XCTAssertGreaterThanOrEqual(report.accuracy, 0.65)   // measured: 0.73; chance is 0.5
        XCTAssertGreaterThanOrEqual(classifier.evaluate(split.test, method: .nearestCentroid).accuracy, 0.62)   // measured: 0.67
    }

    func testTheSplitIsStratifiedAndSeeded() {
        let c = Bundled.collection("reviews-zh.tsv")
        let a = LabelledSplit(collection: c, heldOut: 0.2, seed: 1), b = LabelledSplit(collection: c, heldOut: 0.2, seed: 1)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.test.filter { c.documents[$0].label == "pos" }.count, 60)
        XCTAssertNotEqual(a, LabelledSplit(collection: c, heldOut: 0.2, seed: 2))
    }
}

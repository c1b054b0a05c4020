import XCTest
import Workbench
@testable import Rendering

/// A training run's summary on a narrow terminal: lines break between pieces, never inside one.
final class TrainingWrappingTests: XCTestCase {
    static let run = TrainingSummary(corpus: "small-world", modelName: "trained", words: 316, dimensions: 20, tokens: 35820, records: 6288,
                                     epochs: 25, epochCosts: [0.5, 0.2, 0.0123], seconds: 1.39, cancelled: false,
                                     settings: [.init("dim", "20"), .init("epochs", "25"), .init("window", "5")],
                                     suggestions: ["king - man + woman", "北京 - 中国 + 法国", "near 猫", ":use glove-50d"])

    func testAtEightyColumnsNoFigureOrCommandIsCutAcrossLines() {
        for language in [Language.en, .zh] {
            for width in [60, 80, 120] {
                let text = TrainingRenderer.render(Self.run, title: "trained GloVe on small-world", style: Style(width: width, language: language))
                let lines = text.split(separator: "\n").map(String.init)
                XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(language) at \(width):\n\(text)")
                for piece in [":use glove-50d", "北京 - 中国 + 法国", language.pick(en: "in 1.39 s", zh: "用时 1.39 秒")] {
                    XCTAssertTrue(lines.contains { $0.contains(piece) }, "'\(piece)' whole on one line (\(language), \(width)):\n\(text)")
                }
            }
        }
        let wide = TrainingRenderer.render(Self.run, title: nil, style: Style(width: 120))
        XCTAssertTrue(wide.contains("6288 records · 3 of 25 epochs in 1.39 s"), "one line where it fits:\n\(wide)")
    }
}

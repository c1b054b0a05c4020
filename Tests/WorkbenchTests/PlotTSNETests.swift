import XCTest
@testable import Workbench
import Embeddings

/// `plot … method=tsne`: the same words placed by t-SNE instead of PCA, seeded, declared in the table.
final class PlotTSNETests: XCTestCase {
    let words = "king queen prince princess paris rome berlin madrid cat dog horse cow"

    func scatter(_ line: String, on session: Session) throws -> ScatterPlot {
        guard case .scatter(let plot) = try session.evaluate(line).value else { throw XCTSkip("not a plot: \(line)") }
        return plot
    }

    func testTSNEKeepsNeighboursTogetherAndTheSameSeedGivesTheSamePicture() throws {
        let s = try Models.session("glove-50d")
        let plot = try scatter("plot \(words) method=tsne perplexity=3", on: s)
        XCTAssertEqual(plot.points.map(\.label), words.split(separator: " ").map(String.init))
        XCTAssertEqual(plot.xLabel, "t-SNE 1")
        XCTAssertTrue(plot.title.contains("t-SNE of 12 vectors (perplexity 3)"), plot.title)
        // Each capital's nearest point on the picture is another capital (the groups t-SNE keeps).
        func nearest(_ label: String) -> String {
            let p = plot.points.first { $0.label == label }!
            return plot.points.filter { $0.label != label }.min { hypot($0.x - p.x, $0.y - p.y) < hypot($1.x - p.x, $1.y - p.y) }!.label
        }
        for capital in ["paris", "rome", "berlin", "madrid"] {
            XCTAssertTrue(["paris", "rome", "berlin", "madrid"].contains(nearest(capital)), "\(capital) is nearest to \(nearest(capital))")
        }
        XCTAssertEqual(try scatter("plot \(words) method=tsne perplexity=3", on: s), plot, "seeded: the same picture again")
        XCTAssertNotEqual(try scatter("plot \(words) method=tsne perplexity=3 seed=2", on: s).points, plot.points)
        XCTAssertTrue(try scatter("plot \(words)", on: s).xLabel.hasPrefix("PC1"), "PCA stays the default")
    }

    func testTheTableDeclaresTheOptionsAndChecksThem() throws {
        let spec = try XCTUnwrap(CommandTable.standard.command("plot"))
        XCTAssertEqual(spec.options.map(\.name), ["method", "perplexity", "seed"])
        let s = try Models.session("toy")
        XCTAssertThrowsError(try s.evaluate("plot 猫 狗 汽车 method=umap")) { error in
            XCTAssertTrue("\(error)".contains("method is one of pca, tsne, not 'umap'"), "\(error)")
        }
        XCTAssertThrowsError(try s.evaluate("plot 猫 狗 汽车 method=tsne perplexity=1000")) { error in
            XCTAssertTrue("\(error)".contains("perplexity"), "\(error)")
        }
        // A whole number given as name=value reads as typed (it was the lexer's 2.0, refused).
        if case .neighbours(let list) = try Models.session("glove-50d").evaluate("near king k=3").value {
            XCTAssertEqual(list.items.count, 3)
        } else { XCTFail("near king k=3 lists neighbours") }
        s.language = .zh
        XCTAssertTrue(try scatter("plot 猫 狗 汽车 飞机 method=tsne", on: s).title.contains("t-SNE（困惑度 1）"))
    }
}

import Foundation
import XCTest
@testable import Embeddings
import VectorMath

/// The bundled Chinese Wikipedia model (int8 rows read in place) and the int8 scan behind it.
final class ZhWikiTests: XCTestCase {
    func testTheBundledFileIsWhatTheBuildScriptRecorded() throws {
        let recorded = try String(contentsOfFile: Repo.path("vectors/zh-wiki.sha256"), encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = ["zh-wiki.embv"]
        p.currentDirectoryURL = URL(fileURLWithPath: Repo.path("vectors"))
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(text, recorded, "rebuild with scripts/build-zh-wiki.sh")
    }

    func testTheArticlesCapitalAnalogyGivesParisFirst() throws {
        let m = Repo.zhWiki
        XCTAssertEqual(m.count, 125_145)
        XCTAssertEqual(m.dimensions, 100)
        XCTAssertNotNil(m.quantized, "stored int8, read in place")
        XCTAssertEqual(try m.analogy(a: "中国", b: "北京", c: "法国", k: 1).first?.word, "巴黎")
        XCTAssertFalse(m.contains("</s>"))
        XCTAssertFalse(m.contains("<doc"))
    }

    func testTheInt8ScanGivesTheExactFloat32Answer() throws {
        let m = Repo.zhWiki
        let unit = m.quantized!.dequantized().normalizedRows()
        for word in ["电脑", "猫", "北京", "国王", "苹果", "月"] {
            let i = try m.requireIndex(word)
            let q = unit.row(i)
            for limit in [nil, 1_000] as [Int?] {
                let exact = unit.nearest(to: q, k: 10, rowLimit: limit, excluding: [i])
                let scanned = m.quantized!.nearest(to: q, k: 10, rowLimit: limit, excluding: [i])
                XCTAssertEqual(scanned, exact, word)
            }
            XCTAssertEqual(m.unitRow(i), q, word)
        }
        XCTAssertEqual(try m.similarity("猫", "狗"), unit.row(try m.requireIndex("猫")).dot(unit.row(try m.requireIndex("狗"))))
    }

    func testInt8RoundTripsAndQuantizesWithinHalfAStep() throws {
        let dir = temporaryDirectory()
        let rows = Matrix(rowVectors: [[0.3, 0.8, -0.2], [0.4, 0.7, -0.1], [-0.5, 0.1, 0.9], [0, 0, 0]])
        let model = try WordVectors(words: ["猫", "狗", "汽车", "零"], matrix: rows)
        try model.save(path: dir + "/a.embv", int8: true)
        let back = try WordVectors.load(path: dir + "/a.embv")
        XCTAssertNotNil(back.quantized)
        XCTAssertEqual(back.words, model.words)
        for r in 0..<4 {
            let step = rows.row(r).map(abs).max()! / 127
            for (x, y) in zip(rows.row(r), back.matrix.row(r)) { XCTAssertEqual(x, y, accuracy: step / 2 + 1e-7) }
        }
        XCTAssertEqual(back.matrix.row(3), [0, 0, 0])
        XCTAssertEqual(try back.nearest(to: "猫", k: 1).first?.word, "狗")
        // Writing an int8 model as int8 again keeps its bytes.
        try back.save(path: dir + "/b.embv", int8: true)
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "/a.embv"), FileManager.default.contents(atPath: dir + "/b.embv"))
    }

    func testAnInt8FileWithABadScaleOrSizeIsRefusedWithOneLine() throws {
        let dir = temporaryDirectory()
        let model = try WordVectors(words: ["a", "b"], matrix: Matrix(rowVectors: [[1, 2], [3, 4]]))
        try model.save(path: dir + "/ok.embv", int8: true)
        var bytes = [UInt8](FileManager.default.contents(atPath: dir + "/ok.embv")!)
        let n = bytes.count
        bytes.replaceSubrange((n - 4)..<n, with: withUnsafeBytes(of: Float.nan.bitPattern.littleEndian, Array.init))
        write(bytes, to: dir + "/nan.embv")
        XCTAssertThrowsError(try WordVectors.load(path: dir + "/nan.embv")) { error in
            XCTAssertTrue("\(error)".contains("scale of 'b'"), "\(error)")
        }
        write(Array(bytes.dropLast(3)), to: dir + "/short.embv")
        XCTAssertThrowsError(try WordVectors.load(path: dir + "/short.embv")) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
    }
}

import XCTest
@testable import Embeddings
import VectorMath

final class FormatsTests: XCTestCase {
    var dir = ""
    override func setUp() { dir = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func toy() throws -> WordVectors {
        write(toyText, to: dir + "/toy.txt")
        return try WordVectors.load(path: dir + "/toy.txt")
    }

    func testWord2VecTextReadsTheArticlesVectors() throws {
        let m = try toy()
        XCTAssertEqual(m.words, ["猫", "狗", "汽车", "飞机"])
        XCTAssertEqual(m.vector("猫"), [0.3, 0.8, -0.2])
        XCTAssertEqual(m.name, "toy")
        XCTAssertEqual(try m.nearest(to: "猫", k: 1).first?.word, "狗")
    }

    func testEveryFormatRoundTripsExactly() throws {
        let m = try Repo.glove.prefix(300)
        for (file, format) in [("a.txt", ModelFormat.word2vecText), ("a.bin", .word2vecBinary), ("a.glove", .gloveText), ("a.embv", .embedlab), ("a.tsv", .projectorTSV)] {
            let path = dir + "/" + file
            try m.save(path: path, format: format)
            let back = try WordVectors.load(path: path, format: format)
            XCTAssertEqual(back.words, m.words, "\(format)")
            XCTAssertEqual(back.matrix, m.matrix, "\(format)")
        }
    }

    func testFormatsAreRecognisedFromTheFile() throws {
        let m = try Repo.glove.prefix(50)
        try m.save(path: dir + "/x.vec", format: .word2vecBinary)
        XCTAssertEqual(ModelFormat.guess(path: dir + "/x.vec"), .word2vecBinary)
        try m.save(path: dir + "/y.vec", format: .word2vecText)
        XCTAssertEqual(ModelFormat.guess(path: dir + "/y.vec"), .word2vecText)
        try m.save(path: dir + "/z.vec", format: .gloveText)
        XCTAssertEqual(ModelFormat.guess(path: dir + "/z.vec"), .gloveText)
        try m.save(path: dir + "/w.model", format: .embedlab)
        XCTAssertEqual(ModelFormat.guess(path: dir + "/w.model"), .embedlab)
    }

    func testFloat16HalvesTheSizeAndKeepsThreeDecimals() throws {
        let m = try Repo.glove.prefix(1000)
        try m.save(path: dir + "/32.embv")
        try m.save(path: dir + "/16.embv", float16: true)
        let size = { (p: String) in try FileManager.default.attributesOfItem(atPath: p)[.size] as! Int }
        XCTAssertLessThan(Double(try size(dir + "/16.embv")), 0.6 * Double(try size(dir + "/32.embv")))
        let back = try WordVectors.load(path: dir + "/16.embv")
        for r in [0, 500, 999] { XCTAssertEqual(back.matrix.row(r).distance(m.matrix.row(r)), 0, accuracy: 5e-3) }
    }

    func testDimensionNamesSurviveTheBinaryFormat() throws {
        let m = try WordVectors(name: "t", words: ["a", "b"], matrix: Matrix(rowVectors: [[1, 0], [0, 1]]), dimensionNames: ["alive/有生命", "machine/机器"])
        try m.save(path: dir + "/n.embv")
        XCTAssertEqual(try WordVectors.load(path: dir + "/n.embv").dimensionNames, ["alive/有生命", "machine/机器"])
    }

    func testTheBundledModelLoadsByMappingWithoutCopying() throws {
        let m = try WordVectors.load(path: Repo.path("vectors/glove-50d.embv"))
        XCTAssertEqual(m.count, 30_000)
        XCTAssertEqual(m.dimensions, 50)
        XCTAssertEqual(m.words.prefix(3), ["the", ",", "."])
    }
}

/// Every bad file is refused with one line naming the file, where, and what is wrong.
final class BadFilesTests: XCTestCase {
    var dir = ""
    override func setUp() { dir = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func refusal(_ bytes: [UInt8], name: String, format: ModelFormat? = nil) -> ModelFileError? {
        let path = dir + "/" + name
        write(bytes, to: path)
        do {
            _ = try WordVectors.load(path: path, format: format)
            XCTFail("\(name) was accepted")
            return nil
        } catch let error as ModelFileError {
            XCTAssertTrue(error.description.hasPrefix(path), error.description)
            XCTAssertFalse(error.description.contains("\n"), "one line: \(error.description)")
            return error
        } catch {
            XCTFail("not a ModelFileError: \(error)")
            return nil
        }
    }

    func testWrongMagic() {
        let e = refusal(Array("NOTEMBEDLAB, just some bytes here to pass the header length check......................".utf8), name: "x.embv")
        XCTAssertEqual(e?.location, .byte(0))
        XCTAssertTrue(e?.problem.contains("wrong magic") ?? false)
    }

    func testTruncatedBinaryModelNamesTheByteOffset() throws {
        try Repo.glove.prefix(100).save(path: dir + "/full.embv")
        let bytes = [UInt8](FileManager.default.contents(atPath: dir + "/full.embv")!)
        let e = refusal(Array(bytes.prefix(bytes.count - 40)), name: "cut.embv")
        XCTAssertTrue(e?.problem.hasPrefix("truncated") ?? false, "\(String(describing: e))")
        guard case .byte = e?.location else { return XCTFail("expected a byte offset") }
        let header = refusal(Array(bytes.prefix(30)), name: "tiny.embv")
        XCTAssertEqual(header?.location, .byte(30))
    }

    func testALineWithTheWrongNumberOfValues() {
        let e = refusal(Array("2 3\ncat 0.1 0.2 0.3\ndog 0.1 0.2\n".utf8), name: "short.txt")
        XCTAssertEqual(e?.location, .line(3))
        XCTAssertEqual(e?.problem, "expected 3 numbers after 'dog', found 2")
    }

    func testNaNAndInfinityAreRefused() {
        XCTAssertEqual(refusal(Array("1 2\ncat nan 0.2\n".utf8), name: "nan.txt")?.location, .line(2))
        XCTAssertEqual(refusal(Array("cat 0.1 inf\n".utf8), name: "inf.glove", format: .gloveText)?.location, .line(1))
        var bin = Array("1 2\ncat ".utf8)
        for x: Float in [0.5, .nan] { withUnsafeBytes(of: x.bitPattern.littleEndian) { bin.append(contentsOf: $0) } }
        let e = refusal(bin, name: "nan.bin")
        XCTAssertTrue(e?.problem.contains("NaN") ?? false)
    }

    func testNonUTF8WordsAreRefused() {
        let e = refusal([0x31, 0x20, 0x32, 0x0A, 0xC3, 0x28, 0x20, 0x30, 0x20, 0x31, 0x0A], name: "latin1.txt")
        XCTAssertEqual(e?.location, .line(2))
        XCTAssertTrue(e?.problem.contains("UTF-8") ?? false)
    }

    func testDuplicateWordsNameBothLines() {
        let e = refusal(Array("3 1\ncat 1\ndog 2\ncat 3\n".utf8), name: "dup.txt")
        XCTAssertEqual(e?.location, .line(4))
        XCTAssertEqual(e?.problem, "the word 'cat' appears again (first on line 2); each word may appear once")
    }

    func testHeaderCountsTooLargeForTheFileAreRefusedBeforeAllocating() {
        // 10^12 words would need terabytes: refused from the header alone.
        XCTAssertTrue(refusal(Array("1000000000000 300\ncat 1\n".utf8), name: "huge.txt")?.problem.contains("more than a file") ?? false)
        XCTAssertTrue(refusal(Array("1000000000000 300\ncat ".utf8), name: "huge.bin")?.problem.contains("truncated, or a wrong header") ?? false)
        var header = Array("EMBEDLAB".utf8)
        func put<T: FixedWidthInteger>(_ x: T) { withUnsafeBytes(of: x.littleEndian) { header.append(contentsOf: $0) } }
        put(UInt32(1)); put(UInt32(1)); put(UInt64(1) << 39); put(UInt64(1000)); put(UInt64(0)); put(UInt64(0)); put(UInt64(64)); put(UInt64(0))
        XCTAssertTrue(refusal(header, name: "huge.embv")?.problem.hasPrefix("truncated") ?? false)
    }

    func testFewerWordsThanTheHeaderPromises() {
        let e = refusal(Array("3 2\ncat 1 2\ndog 3 4\n".utf8), name: "few.txt")
        XCTAssertTrue(e?.problem.hasPrefix("truncated: the header promises 3 words") ?? false)
    }

    func testAMissingFileSaysSo() {
        XCTAssertThrowsError(try WordVectors.load(path: dir + "/nothing.embv")) { error in
            XCTAssertTrue(String(describing: error).contains("no such file"))
        }
    }
}

import XCTest
@testable import Embeddings
import VectorMath

/// `.embv` version 2 carries its word index: opening finds words without building anything,
/// version 1 files still open, and a damaged index is refused with the byte where it is wrong.
final class StoredWordIndexTests: XCTestCase {
    var dir = ""
    override func setUp() { dir = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func saved(_ words: [String]) throws -> (path: String, bytes: [UInt8]) {
        let matrix = Matrix(rowVectors: words.indices.map { [Float($0), 1] })
        let path = dir + "/m.embv"
        try WordVectors(name: "m", words: words, matrix: matrix).save(path: path)
        return (path, [UInt8](FileManager.default.contents(atPath: path)!))
    }

    func load(_ bytes: [UInt8]) throws -> WordVectors {
        let path = dir + "/edited.embv"
        write(bytes, to: path)
        return try WordVectors.load(path: path)
    }

    func u64(_ b: [UInt8], _ o: Int) -> Int { b[o..<o + 8].reversed().reduce(0) { $0 << 8 | Int($1) } }
    func put32(_ b: inout [UInt8], _ o: Int, _ v: UInt32) { for i in 0..<4 { b[o + i] = UInt8(truncatingIfNeeded: v >> (8 * i)) } }

    func testTheBundledModelFindsEveryWordThroughItsStoredIndex() throws {
        let m = try WordVectors.load(path: Repo.path("vectors/glove-50d.embv"))
        guard case .stored = m.vocabulary else { return XCTFail("vectors/glove-50d.embv has no stored word index; rebuild it") }
        XCTAssertEqual(m.index(of: "king"), m.words.firstIndex(of: "king"))
        for i in stride(from: 0, to: m.count, by: 997) { XCTAssertEqual(m.index(of: m.word(at: i)), i) }
        XCTAssertNil(m.index(of: "kingz"))
        XCTAssertNil(m.index(of: ""))
        XCTAssertEqual(try m.analogy(a: "man", b: "king", c: "woman", k: 1).first?.word, "queen")
    }

    func testWordsOfEveryScriptAndLengthRoundTrip() throws {
        let words = ["猫", "狗", "a", "naïve", "🙂", String(repeating: "long", count: 100), "北京", "Beijing", "beijing"]
        let m = try WordVectors.load(path: try saved(words).path)
        XCTAssertEqual(m.words, words)
        for (i, w) in words.enumerated() { XCTAssertEqual(m.index(of: w), i, w) }
        XCTAssertNil(m.index(of: "北"))
    }

    func testAVersion1FileWithoutAnIndexStillOpens() throws {
        var (_, bytes) = try saved(["cat", "dog", "car"])
        put32(&bytes, 8, 1)                       // version 1
        for i in 56..<64 { bytes[i] = 0 }         // no index: its bytes become padding
        let m = try load(bytes)
        guard case .built = m.vocabulary else { return XCTFail("a version-1 file builds its dictionary") }
        XCTAssertEqual(m.index(of: "dog"), 1)
    }

    func testADamagedIndexIsRefusedWithItsByteOffset() throws {
        let (_, good) = try saved(["cat", "dog", "car"])
        let index = u64(good, 56), slots = u64(good, index)
        let slotStart = index + 8 + 4 * 4
        var cases: [(String, [UInt8])] = []
        var b = good; put32(&b, slotStart + 4 * (slots - 1), 99); cases.append(("points at row", b))
        b = good; for s in 0..<slots { put32(&b, slotStart + 4 * s, 1) }; cases.append(("no empty slot", b))
        b = good; put32(&b, index + 8 + 4, 2); cases.append(("does not end a word", b))
        b = good; b[56] = 3; cases.append(("word index offset", b))
        b = good; b[index] = 3; cases.append(("slots", b))
        for (expected, bytes) in cases {
            XCTAssertThrowsError(try load(bytes), expected) { error in
                guard let e = error as? ModelFileError else { return XCTFail("\(error)") }
                XCTAssertTrue(e.problem.contains(expected), "\(e.problem)")
                guard case .byte = e.location else { return XCTFail("no byte offset: \(e)") }
            }
        }
    }

    func testANaNValueIsRefusedAtLoadNamingTheWord() throws {
        var (_, bytes) = try saved(["cat", "dog", "car"])
        let matrix = u64(bytes, 48)
        let nan = Float.nan.bitPattern
        put32(&bytes, matrix + 4 * 3, nan)   // dog's second value
        XCTAssertThrowsError(try load(bytes)) { error in
            XCTAssertTrue(String(describing: error).contains("value 2 of 'dog' is NaN"), "\(error)")
        }
    }
}

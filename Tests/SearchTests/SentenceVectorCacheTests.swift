import Foundation
import Search
import VectorMath
import XCTest

/// The file a collection's sentence vectors are saved in: read back only when every check passes.
final class SentenceVectorCacheTests: XCTestCase {
    let vectors = Matrix(rows: 3, columns: 4, values: [0.5, 0.5, 0.5, 0.5, 1, 0, 0, 0, 0, 0.6, 0.8, 0])
    let key = SentenceVectorCache.Key(encoder: 7, collection: SentenceVectorCache.fingerprint(of: ["a", "b", "c"]))

    func saved() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString).vectors").path
        try SentenceVectorCache.write(vectors, key: key, to: path)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func refusal(_ path: String, key: SentenceVectorCache.Key? = nil, rows: Int = 3) -> String {
        do {
            _ = try SentenceVectorCache.read(path, key: key ?? self.key, rows: rows, columns: 4)
            return "read"
        } catch let r as SentenceVectorCache.Refusal {
            return r.problem
        } catch {
            return "\(error)"
        }
    }

    func testVectorsComeBackAsTheyWereSaved() throws {
        let path = try saved()
        XCTAssertEqual(try SentenceVectorCache.read(path, key: key, rows: 3, columns: 4), vectors)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, 64 + 3 * 4 * 4)
    }

    func testAnotherEncoderOrOtherDocumentsMakeTheFileStale() throws {
        let path = try saved()
        XCTAssertEqual(refusal(path, key: .init(encoder: 8, collection: key.collection)), "was computed by another encoder")
        let edited = SentenceVectorCache.fingerprint(of: ["a", "b", "c!"])
        XCTAssertNotEqual(edited, key.collection)
        XCTAssertNotEqual(SentenceVectorCache.fingerprint(of: ["ab", "c"]), SentenceVectorCache.fingerprint(of: ["a", "bc"]))
        XCTAssertEqual(refusal(path, key: .init(encoder: 7, collection: edited)), "was computed from other documents")
        XCTAssertEqual(refusal(path, rows: 4), "holds 3 × 4 vectors, not 4 × 4")
    }

    func testADamagedFileIsRefusedNeverTrusted() throws {
        let path = try saved()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = bytes
        flipped[64 + 17] ^= 0x01   // one bit of one value
        try flipped.write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(refusal(path), "fails its checksum (byte 40): the file is damaged")
        try bytes.prefix(100).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(refusal(path), "has 100 bytes, not 112")
        try Data("EMBLABTF and more".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(refusal(path), "has 17 bytes, less than the 64-byte header")
        bytes[0] = UInt8(ascii: "X")
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(refusal(path), "is not a sentence-vector cache (no EMBLCVEC at byte 0)")
        // A value that is not a number, with a checksum that matches it, is still refused.
        var nan = vectors
        nan.withUnsafeMutableBufferPointer { $0[5] = .nan }
        try SentenceVectorCache.write(nan, key: key, to: path)
        XCTAssertEqual(refusal(path), "has a value that is not a number at byte 84")
        try? FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(refusal(path), "no such file")
    }
}

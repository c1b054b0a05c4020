import Embeddings
import Encoders
import Foundation
import XCTest

/// Weight files are untrusted input: each broken file is refused with one line naming the file and the byte.
final class EncoderFileTests: XCTestCase {
    var tiny: [UInt8] = []
    override func setUpWithError() throws {
        tiny = Array(try Data(contentsOf: Repo.fixtures.appendingPathComponent("tiny.embt")))
    }

    func refusal(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).embt").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SentenceEncoder(path: path)
            XCTFail("a broken file was accepted", file: file, line: line)
            return ""
        } catch let error as ModelFileError {
            XCTAssertEqual(error.path, path, file: file, line: line)
            XCTAssertFalse("\(error)".contains("\n"), file: file, line: line)
            return error.problem
        } catch {
            XCTFail("not a ModelFileError: \(error)", file: file, line: line)
            return ""
        }
    }

    func testTheTinyFileLoadsAndRuns() throws {
        let path = Repo.fixtures.appendingPathComponent("tiny.embt").path
        let tiny = try SentenceEncoder(path: path)
        XCTAssertEqual(tiny.tokenize("The river banks.").ids, [2, 4, 5, 6, 8, 10, 3])
        let v = tiny.encode("the river bank")
        XCTAssertEqual(v.count, 8)
        XCTAssertTrue(v.allSatisfy(\.isFinite))
    }

    func testTruncatedFilesAreRefused() {
        XCTAssertTrue(refusal(Array(tiny.prefix(40))).hasPrefix("truncated: 40 bytes is shorter than the 64-byte header"))
        XCTAssertTrue(refusal(Array(tiny.dropLast(100))).hasPrefix("truncated: the header says \(tiny.count) bytes"))
        XCTAssertTrue(refusal([]).hasPrefix("truncated"))
    }

    func testWrongMagicVersionAndSizesAreRefused() {
        var b = tiny; b[0] = UInt8(ascii: "X")
        XCTAssertTrue(refusal(b).hasPrefix("wrong magic"))
        b = tiny; b[8] = 9
        XCTAssertEqual(refusal(b), "format version 9 is not supported (this EmbedLab reads version 1)")
        b = tiny; b[16...23] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F][...]
        XCTAssertTrue(refusal(b).contains("do not fit before the data"))
    }

    func testBrokenDirectoryAndValuesAreRefused() throws {
        let dir = Int(tiny[32]) | Int(tiny[33]) << 8
        var b = tiny
        b[dir + 88] = 0xF0; b[dir + 89] = 0xFF   // the first tensor's offset points past the end
        XCTAssertTrue(refusal(b).contains("runs past the end of the file"))
        b = tiny
        b[dir] = UInt8(ascii: "x")   // the first tensor renamed: now missing
        XCTAssertEqual(refusal(b), "the tensor 'embeddings.token' is missing")
        // a NaN in the float32 position embeddings (the second tensor)
        let pos = dir + 96
        let offset = (0..<8).reduce(0) { $0 | Int(b[pos + 88 + $1]) << (8 * $1) }
        b = tiny
        b[offset..<(offset + 4)] = [0x00, 0x00, 0xC0, 0x7F][...]
        XCTAssertEqual(refusal(b), "value 0 of tensor 'embeddings.position' is NaN or infinite")
        // Issue 25: a finite weight of 3e38 overflowed in the first product and embed printed -nan.
        b = tiny
        withUnsafeBytes(of: Float(3e38).bitPattern.littleEndian) { b[offset..<(offset + 4)] = ArraySlice($0) }
        XCTAssertTrue(refusal(b).hasPrefix("value 0 of tensor 'embeddings.position' is 3e+38, beyond ±10000"), refusal(b))
    }

    func testBadConfigurationIsRefused() {
        var b = tiny
        let text = String(decoding: b[64..<300], as: UTF8.self)
        let at = 64 + text.utf8.count - text.drop { $0 != "\"" }.utf8.count   // the first key's quote
        b[at] = UInt8(ascii: "{")
        XCTAssertTrue(refusal(b).hasPrefix("the model configuration is not valid JSON"))
    }

    /// A SentencePiece file without its tokenizer tables, and e5-small with its normalisation table broken.
    func testUnigramTablesAreChecked() throws {
        var b = tiny
        let config = Array(b[64..<600])
        let kind = Array("\"wordpiece\"".utf8), unigram = Array("\"unigram\"  ".utf8)
        let at = try XCTUnwrap((0...(config.count - kind.count)).first { Array(config[$0..<($0 + kind.count)]) == kind })
        b.replaceSubrange((64 + at)..<(64 + at + kind.count), with: unigram)
        XCTAssertEqual(refusal(b), "the tensor 'tokenizer.scores' is missing")

        let e5 = try EncoderFile(path: Repo.path("vectors/e5-small.embt"))
        let offsets = try XCTUnwrap(e5.tensors["tokenizer.normalizer.offsets"])
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: e5.path)))
        bytes[offsets.offset + 4 * 10 + 3] = 0x7F   // one offset far past the table
        XCTAssertEqual(refusal(bytes), "the tokenizer's normalisation table (tokenizer.normalizer.*) is inconsistent")
    }
}

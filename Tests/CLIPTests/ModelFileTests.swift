import CLIP
import Foundation
import XCTest

final class ModelFileTests: XCTestCase {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("vectors/pictures.clip").path

    func testTheBundledModelReproducesItsHeldOutAccuracy() throws {
        let contents = try CLIPModelFile.read(path: Self.bundled)
        let recorded = try XCTUnwrap(contents.evaluation)
        let measured = CLIPEvaluation(model: contents.model, heldOutPictures: recorded.heldOutPictures, candidates: recorded.candidates, threads: 2)
        XCTAssertEqual(measured.colour, recorded.colour, accuracy: 0.005)
        XCTAssertEqual(measured.shape, recorded.shape, accuracy: 0.005)
        XCTAssertEqual(measured.position, recorded.position, accuracy: 0.005)
        XCTAssertEqual(measured.recallAt1, recorded.recallAt1, accuracy: 0.005)
        // The goals, on pictures of colour–shape pairs it never saw.
        XCTAssertGreaterThanOrEqual(measured.colour, 0.95)
        XCTAssertGreaterThanOrEqual(measured.shape, 0.90)
        XCTAssertGreaterThanOrEqual(measured.position, 0.90)
        XCTAssertGreaterThanOrEqual(measured.recallAt1, 0.8)
    }

    func testBadModelFilesAreRefusedWithOneLine() throws {
        let good = try CLIPModelFile.bytes(CLIPModelFile.read(path: Self.bundled).model, evaluation: nil, settings: nil)
        var nan = good
        nan.replaceSubrange(nan.count - 4..<nan.count, with: [0, 0, 0xC0, 0x7F])
        var lying = good
        if let i = String(decoding: good.prefix(4000), as: UTF8.self).range(of: "\"hidden\":256") {
            let offset = String(decoding: good.prefix(4000), as: UTF8.self).utf8.distance(from: String(decoding: good.prefix(4000), as: UTF8.self).startIndex, to: i.lowerBound)
            lying.replaceSubrange(offset..<offset + 12, with: Array("\"hidden\":999".utf8))
        }
        let cases: [(String, [UInt8])] = [
            ("empty", []), ("text", Array("hello, world\n".utf8)), ("truncated", Array(good.prefix(good.count - 10))),
            ("longer", good + [0, 0, 0, 0]), ("not a number", nan), ("header lies", lying),
            ("huge header", Array("EMBCLIP1".utf8) + [0xFF, 0xFF, 0xFF, 0x7F]),
            ("broken JSON", Array("EMBCLIP1".utf8) + [3, 0, 0, 0] + Array("{x]".utf8)),
        ]
        for (name, bytes) in cases {
            XCTAssertThrowsError(try CLIPModelFile.read(bytes: bytes, path: "bad.clip"), name) { error in
                let line = "\(error)"
                XCTAssertTrue(line.hasPrefix("bad.clip: "), "\(name): \(line)")
                XCTAssertFalse(line.contains("\n"), "\(name): \(line)")
            }
        }
        XCTAssertNoThrow(try CLIPModelFile.read(bytes: good, path: "good.clip"))
    }
}

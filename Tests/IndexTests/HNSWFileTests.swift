import Foundation
import XCTest
import VectorMath
@testable import Index

final class HNSWFileTests: XCTestCase {
    var data: Matrix!
    var path: String!
    var bytes: Data!

    override func setUpWithError() throws {
        data = clusteredVectors(rows: 400, columns: 12)
        path = try temporaryFolder() + "/model.hnsw"
        try HNSWIndex.build(data, parameters: HNSWParameters(m: 6, efConstruction: 30)).write(to: path)
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func refusal(_ damaged: Data, vectors: Matrix? = nil) -> String {
        let bad = path + ".bad"
        FileManager.default.createFile(atPath: bad, contents: damaged)
        do {
            _ = try HNSWIndex.read(path: bad, vectors: vectors ?? data)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testASavedIndexMapsBackAndAnswersTheSame() throws {
        let built = try HNSWIndex.build(data, parameters: HNSWParameters(m: 6, efConstruction: 30))
        let loaded = try HNSWIndex.read(path: path, vectors: data)
        XCTAssertEqual(loaded.parameters, HNSWParameters(m: 6, efConstruction: 30))
        XCTAssertEqual(loaded.topLayer, built.topLayer)
        for q in stride(from: 0, to: 400, by: 37) {
            XCTAssertEqual(try loaded.nearest(to: data.row(q), k: 7, ef: 20), try built.nearest(to: data.row(q), k: 7, ef: 20))
        }
    }

    func testEmptyAndSinglePointIndexesRoundTrip() throws {
        for rows in [[[Float]](), [[1, 2, 3]]] {
            let m = rows.isEmpty ? Matrix(rows: 0, columns: 3) : Matrix(rowVectors: rows)
            let p = path + ".\(rows.count)"
            try HNSWIndex.build(m).write(to: p)
            XCTAssertEqual(try HNSWIndex.read(path: p, vectors: m).nearest(to: [1, 2, 3], k: 2, ef: 5).count, rows.count)
        }
    }

    func testANonIndexIsRefusedByItsMagic() {
        XCTAssertEqual(refusal(Data("EMBEDLAB" .utf8) + bytes.dropFirst(8)), "\(path!).bad: byte 0: wrong magic: not an EmbedLab HNSW index (.hnsw)")
    }

    func testEveryTruncationIsRefusedNamingTheSize() {
        for cut in [0, 7, 100, 128, 600, bytes.count / 2, bytes.count - 1] {
            let message = refusal(bytes.prefix(cut))
            XCTAssertTrue(message.contains("truncated") || message.contains("wrong magic"), "cut at \(cut): \(message)")
            XCTAssertTrue(message.hasPrefix(path + ".bad: byte "), message)
        }
        XCTAssertTrue(refusal(bytes + Data([0])).hasSuffix("1 unexpected bytes after the graph"))
    }

    func testAnIndexOfOtherVectorsIsRefused() {
        var other = data!
        other[5, 5] += 1
        XCTAssertTrue(refusal(bytes, vectors: other).contains("built for other vectors"), refusal(bytes, vectors: other))
        XCTAssertTrue(refusal(bytes, vectors: data.prefix(rows: 399)).contains("built for other vectors"))
    }

    func testALinkOutOfRangeOrAnOverfullListIsRefused() {
        let zeroAt = 128 + 448   // header, then 400 level bytes padded to 64
        var link = bytes!
        link.replaceSubrange(zeroAt + 4 ..< zeroAt + 8, with: withUnsafeBytes(of: UInt32(400).littleEndian) { Data($0) })
        XCTAssertEqual(refusal(link), "\(path!).bad: byte \(zeroAt + 4): a link to point 400, but the index has 400")
        var count = bytes!
        count.replaceSubrange(zeroAt ..< zeroAt + 4, with: withUnsafeBytes(of: UInt32(13).littleEndian) { Data($0) })
        XCTAssertEqual(refusal(count), "\(path!).bad: byte \(zeroAt): a link list of 13, more than its 12 places")
    }

    func testRandomDamageIsRefusedOrHarmlessNeverACrash() throws {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<120 {
            var damaged = bytes!
            let at = rng.nextInt(below: damaged.count)
            damaged[at] = UInt8(truncatingIfNeeded: rng.next())
            let bad = path + ".fuzz"
            FileManager.default.createFile(atPath: bad, contents: damaged)
            if let index = try? HNSWIndex.read(path: bad, vectors: data) {
                XCTAssertLessThanOrEqual(try index.nearest(to: data.row(at % 400), k: 5, ef: 10).count, 5)
            }
        }
    }

    func testAMissingFileSaysHowToMakeOne() {
        XCTAssertThrowsError(try HNSWIndex.read(path: path + ".nothing", vectors: data)) { error in
            XCTAssertEqual("\(error)", "\(path!).nothing: no such index; `index build` makes one")
        }
    }
}

/// Issue 25: the index file is written by the one safe writer and read by the one opener.
final class HNSWFileTrustTests: XCTestCase {
    func testALinkPlantedAtTheOldTemporaryNameNeverRedirectsTheWrite() throws {
        let folder = try temporaryFolder()
        let victim = folder + "/victim.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        let path = folder + "/my.hnsw"
        // The names a writer could once be predicted to use: NAME.tmp-PID and .NAME.tmp-PID-N.
        for n in 1...4 { symlink(victim, folder + "/.my.hnsw.tmp-\(getpid())-\(n)") }
        symlink(victim, path + ".tmp-\(getpid())")
        let m = Matrix(rowVectors: [[1, 0], [0, 1], [1, 1]])
        try HNSWIndex.build(m).write(to: path)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious")
        var st = stat()
        XCTAssertEqual(lstat(path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFREG, "the index is a regular file, not a link")
        XCTAssertEqual(try HNSWIndex.read(path: path, vectors: m).count, 3)
    }

    func testALinkOrFolderAtTheIndexNameIsRefusedNotReplaced() throws {
        let folder = try temporaryFolder()
        let victim = folder + "/victim.txt"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        symlink(victim, folder + "/linked.hnsw")
        mkdir(folder + "/dir.hnsw", 0o755)
        let m = Matrix(rowVectors: [[1, 0], [0, 1]])
        for name in ["linked.hnsw", "dir.hnsw"] {
            XCTAssertThrowsError(try HNSWIndex.build(m).write(to: folder + "/" + name)) { error in
                XCTAssertTrue("\(error)".contains("refuse") || "\(error)".contains("will not replace") || "\(error)".contains("is a folder"), "\(error)")
            }
        }
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious")
    }

    func testAPipeNamedLikeAnIndexIsRefusedWithoutBlocking() throws {
        let path = try temporaryFolder() + "/pipe.hnsw"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        XCTAssertThrowsError(try HNSWIndex.read(path: path, vectors: Matrix(rowVectors: [[1, 0]]))) { error in
            XCTAssertTrue("\(error)".contains("named pipe"), "\(error)")
        }
    }

    func testAnIndexTruncatedAfterLoadingStillAnswers() throws {
        let path = try temporaryFolder() + "/t.hnsw"
        let m = clusteredVectors(rows: 300, columns: 8)
        try HNSWIndex.build(m).write(to: path)
        let loaded = try HNSWIndex.read(path: path, vectors: m)
        XCTAssertEqual(truncate(path, 0), 0)
        XCTAssertEqual(try loaded.nearest(to: m.row(5), k: 3, ef: 20).count, 3)
    }
}

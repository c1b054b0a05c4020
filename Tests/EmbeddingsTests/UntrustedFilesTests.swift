import FileAccess
import Foundation
import XCTest
@testable import Embeddings

/// Every model or evaluation file is untrusted input: a path that is not a plain file, a header
/// whose sizes overflow, CRLF line ends and a byte-order mark each get a one-line answer.
final class UntrustedFilesTests: XCTestCase {
    let dir = temporaryDirectory()

    func assertOneLineModelError(_ path: String, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try WordVectors.load(path: path), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(text), "\(error)", file: file, line: line)
            XCTAssertFalse("\(error)".contains("\n"), "one line: \(error)", file: file, line: line)
        }
    }

    func testAFolderAPipeADeviceAndALinkLoopAreRefusedAsModels() {
        mkfifo(dir + "/pipe.embv", 0o600)
        symlink(dir + "/b.txt", dir + "/a.txt")
        symlink(dir + "/a.txt", dir + "/b.txt")
        assertOneLineModelError(dir, contains: "is a folder")
        assertOneLineModelError(dir + "/pipe.embv", contains: "named pipe")
        assertOneLineModelError("/dev/zero", contains: "is a device")
        assertOneLineModelError(dir + "/a.txt", contains: "loop of symbolic links")
        assertOneLineModelError(dir + "/missing.embv", contains: "no such file")
        // Through the catalogue (a model named at the prompt or on the command line), the names, not a command.
        XCTAssertThrowsError(try ModelCatalog(directories: []).load(dir + "/missing.embv")) { error in
            XCTAssertTrue("\(error)".contains("missing.embv: no such file; no bundled models were found"), "\(error)")
            XCTAssertFalse("\(error)".contains(":models"), "no command of the prompt's at the shell: \(error)")
        }
    }

    func testHeadersWhoseSizesOverflowAreRefused() {
        write("1 9223372036854775807\nx 1\n", to: dir + "/huge.txt")
        assertOneLineModelError(dir + "/huge.txt", contains: "more than a file of")
        write("9223372036854775807 2\nx 1 2\n", to: dir + "/many.txt")
        assertOneLineModelError(dir + "/many.txt", contains: "more than a file of")
        write(Array("1 4611686018427387904\n".utf8) + [0x78, 0x20, 0, 0, 0, 0], to: dir + "/huge.bin")
        assertOneLineModelError(dir + "/huge.bin", contains: "the header promises")
        write(Array("9223372036854775807 9223372036854775807\n".utf8) + [0x78, 0x20, 0, 0, 0, 0], to: dir + "/both.bin")
        assertOneLineModelError(dir + "/both.bin", contains: "the header promises")
    }

    func testWord2VecTextWithCRLFAndAByteOrderMarkReadsLikeLF() throws {
        let lf = dir + "/lf.txt", crlf = dir + "/crlf.txt", bom = dir + "/bom.txt"
        write(toyText, to: lf)
        write(toyText.replacingOccurrences(of: "\n", with: "\r\n"), to: crlf)
        write("\u{FEFF}" + toyText.replacingOccurrences(of: "\n", with: "\r\n"), to: bom)
        let reference = try WordVectors.load(path: lf)
        for path in [crlf, bom] {
            let model = try WordVectors.load(path: path)
            XCTAssertEqual(model.words, ["猫", "狗", "汽车", "飞机"], path)
            XCTAssertEqual(model.matrix.row(3), reference.matrix.row(3), path)
        }
    }

    func testGloVeTextWithAByteOrderMarkKeepsItOutOfTheFirstWord() throws {
        write("\u{FEFF}cat 1 2\r\ndog 3 4\r\n", to: dir + "/g.txt")
        XCTAssertEqual(try WordVectors.load(path: dir + "/g.txt", format: .gloveText).words, ["cat", "dog"])
    }

    func testAnAnalogyFileWithCRLFScoresTheSameAsWithLF() throws {
        let text = try String(contentsOfFile: Repo.fixture("facts-analogies.txt"), encoding: .utf8)
        write("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"), to: dir + "/crlf-analogies.txt")
        let r = try AnalogyEvaluation.run(model: Repo.glove, questionsPath: dir + "/crlf-analogies.txt", restrictTo: 30_000)
        XCTAssertEqual(r.sections.map(\.section), ["capital-cities", "family", "comparative", "not-in-the-vocabulary"])
        XCTAssertEqual(r.total.correct, 15)
        XCTAssertEqual(r.total.total, 18)
    }

    func testAPairFileWithCRLFScoresTheSameAsWithLF() throws {
        let text = try String(contentsOfFile: Repo.fixture("facts-pairs.tsv"), encoding: .utf8)
        write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: dir + "/crlf-pairs.tsv")
        let r = try WordPairEvaluation.run(model: Repo.glove, pairsPath: dir + "/crlf-pairs.tsv", restrictTo: 30_000)
        XCTAssertEqual(r.pairs, 11)
        XCTAssertEqual(r.outOfVocabulary, 2)
    }

    func testAnEvaluationFileThatIsNotAFileOrNotTextIsOneLine() {
        XCTAssertThrowsError(try EvaluationFile.read(path: dir)) { XCTAssertTrue("\($0)".contains("is a folder"), "\($0)") }
        write([0x3A, 0x20, 0x61, 0x0A, 0xFF, 0xFE, 0x0A], to: dir + "/binary.txt")
        XCTAssertThrowsError(try EvaluationFile.read(path: dir + "/binary.txt")) { XCTAssertTrue("\($0)".contains("line 2 is not UTF-8"), "\($0)") }
        XCTAssertThrowsError(try EvaluationFile.read(path: dir + "/none.txt")) { XCTAssertTrue("\($0)".contains("no such file"), "\($0)") }
    }

    func testKeepingANegativeNumberOfWordsIsAnErrorNotATrap() {
        XCTAssertThrowsError(try Repo.glove.prefix(-1)) { XCTAssertTrue("\($0)".contains("keep at least 1"), "\($0)") }
        XCTAssertThrowsError(try Repo.glove.prefix(0))
    }

    func testSavingKeepsPermissionsAndRefusesWhatIsNotARegularFile() throws {
        let model = try WordVectors.load(path: Repo.path("vectors/toy.embv"))
        let target = dir + "/private.embv"
        try model.save(path: target)
        chmod(target, 0o600)
        try model.save(path: target)
        var st = stat()
        stat(target, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        mkfifo(dir + "/pipe.txt", 0o600)
        XCTAssertThrowsError(try model.save(path: dir + "/pipe.txt")) { XCTAssertTrue("\($0)".contains("not a regular file"), "\($0)") }
        symlink(target, dir + "/link.embv")
        XCTAssertThrowsError(try model.save(path: dir + "/link.embv")) { XCTAssertTrue("\($0)".contains("symbolic link"), "\($0)") }
    }

    func testUnderALessonsPolicyOnlyItsFolderAndTheBundledModelsLoad() throws {
        let policy = ReadPolicy(readable: [dir, Repo.path("vectors")])
        write(toyText, to: dir + "/mine.txt")
        try policy.apply {
            XCTAssertEqual(try WordVectors.load(path: dir + "/mine.txt").count, 4)
            XCTAssertEqual(try WordVectors.load(path: Repo.path("vectors/toy.embv")).dimensions, 3)
            XCTAssertThrowsError(try WordVectors.load(path: "/etc/passwd")) { XCTAssertTrue("\($0)".contains("outside the lesson's folder"), "\($0)") }
            XCTAssertThrowsError(try EvaluationFile.read(path: "/etc/passwd")) { XCTAssertTrue("\($0)".contains("outside"), "\($0)") }
        }
    }
}

/// Issue 25: a model in use never faults when its file changes underneath (truncated, rewritten
/// with junk of the same size): a small file is a private copy that nothing can change; a large
/// one (a bundled model: glove-50d, zh-wiki) is mapped, for a load in milliseconds, and refuses to
/// be read again once its file has changed (the session checks it before each line).
final class ModelFileChangedUnderneathTests: XCTestCase {
    func damage(_ path: String, _ how: String) throws {
        if how == "truncate" {
            XCTAssertEqual(truncate(path, 4096), 0)
        } else {
            let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let h = try XCTUnwrap(FileHandle(forWritingAtPath: path))
            h.write(Data(repeating: 0xFF, count: size))
            h.closeFile()
        }
    }

    func testASmallModelIsAPrivateCopyThatNothingChanges() throws {
        let dir = temporaryDirectory()
        for how in ["truncate", "junk"] {
            let path = dir + "/toy-\(how).embv"
            try FileManager.default.copyItem(atPath: Repo.path("vectors/toy.embv"), toPath: path)
            let model = try WordVectors.load(path: path, name: "toy")
            let before = try model.nearest(to: "猫", k: 3).map(\.word)
            try damage(path, how)
            XCTAssertEqual(try model.nearest(to: "猫", k: 3).map(\.word), before)
            XCTAssertNoThrow(try model.checkUnchanged(), "a private copy never needs to be opened again")
        }
    }

    func testALargeModelChangedUnderneathIsRefusedBeforeItIsReadAgain() throws {
        let dir = temporaryDirectory()
        for how in ["truncate", "junk"] {
            let path = dir + "/g-\(how).embv"
            try FileManager.default.copyItem(atPath: Repo.path("vectors/glove-50d.embv"), toPath: path)
            let model = try WordVectors.load(path: path, name: "g")
            XCTAssertEqual(try model.nearest(to: "king", k: 3).count, 3)
            XCTAssertNoThrow(try model.checkUnchanged())
            try damage(path, how)
            // Before issue 25: the next query read the mapping and died of SIGBUS (truncate) or SIGSEGV (junk).
            XCTAssertThrowsError(try model.checkUnchanged(), how) { error in
                XCTAssertTrue("\(error)".contains("the model file changed while in use; :use it again"), "\(error)")
            }
        }
    }

    func testACopyOverAModelInUseLeavesTheOpenedFileReadable() throws {
        // cp to a new name then mv over it (what an editor or a package manager does) replaces the
        // directory entry; the mapping still holds the old file, which nobody can change.
        let dir = temporaryDirectory()
        let path = dir + "/g.embv"
        try FileManager.default.copyItem(atPath: Repo.path("vectors/glove-50d.embv"), toPath: path)
        let model = try WordVectors.load(path: path, name: "g")
        let before = try model.nearest(to: "king", k: 3).map(\.word)
        try FileManager.default.copyItem(atPath: Repo.path("vectors/toy.embv"), toPath: dir + "/new.embv")
        XCTAssertEqual(rename(dir + "/new.embv", path), 0)
        XCTAssertNoThrow(try model.checkUnchanged())
        XCTAssertEqual(try model.nearest(to: "king", k: 3).map(\.word), before)
    }
}

/// Issue 25: an error quotes at most a bounded excerpt of a file's content.
final class BoundedErrorTextTests: XCTestCase {
    func testAModelOfOneLongLineIsQuotedInAtMostEightyCharacters() {
        let dir = temporaryDirectory()
        write([UInt8](repeating: 0, count: 4 << 20), to: dir + "/nul.txt")
        write(String(repeating: "猫", count: 200_000) + " 1 x\n", to: dir + "/long.txt")
        for name in ["nul.txt", "long.txt"] {
            XCTAssertThrowsError(try WordVectors.load(path: dir + "/" + name)) { error in
                let text = "\(error)"
                XCTAssertLessThan(text.count, 700, "\(name): \(text.prefix(800))")  // 80 characters, each at most 6 when escaped
                XCTAssertFalse(text.contains("\n"), text)
            }
        }
    }

    func testAnExcerptNeverCutsACharacterInHalf() {
        XCTAssertEqual(PrintableText.excerpt("e\u{301}" + String(repeating: "x", count: 100), limit: 3), "e\u{301}xx…")
        XCTAssertEqual(PrintableText.excerpt("\u{1B}[2Jok"), "\\e[2Jok")
    }
}

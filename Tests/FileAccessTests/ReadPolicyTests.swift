import Foundation
import XCTest
@testable import FileAccess

final class ReadPolicyTests: FolderTestCase {
    var lesson = "", models = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(atPath: folder + "/lesson", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/vectors", withIntermediateDirectories: true)
        lesson = try file("lesson/01.md", "# lesson\n")
        models = folder + "/vectors"
        try file("vectors/toy.txt", "cat 1 2\n")
        try file("lesson/corpus.txt", "the cat sat\n")
        try file("secret.txt", "password\n")
    }

    var policy: ReadPolicy { .sandbox(document: lesson, bundled: [models]) }

    func testALessonReadsItsOwnFolderAndTheBundledModels() throws {
        try policy.apply {
            XCTAssertEqual(try InputFile.open(folder + "/lesson/corpus.txt").size, 12)
            XCTAssertEqual(try InputFile.open(folder + "/vectors/toy.txt").size, 8)
        }
    }

    func testALessonCannotReadOutsideIt() {
        policy.apply {
            assertRefused(.outsideAllowedFolders, "outside the lesson's folder") { try InputFile.open(folder + "/secret.txt") }
            assertRefused(.outsideAllowedFolders, "outside the lesson's folder") { try InputFile.open(folder + "/lesson/../secret.txt") }
            assertRefused(.outsideAllowedFolders, "outside the lesson's folder") { try InputFile.open("/etc/passwd") }
        }
    }

    func testALinkOutOfTheFolderIsFollowedAndRefused() {
        XCTAssertEqual(symlink(folder + "/secret.txt", folder + "/lesson/innocent.txt"), 0)
        policy.apply {
            assertRefused(.outsideAllowedFolders, "outside") { try InputFile.open(folder + "/lesson/innocent.txt") }
        }
    }

    func testAFolderNamedLikeTheLessonFolderIsNotInside() throws {
        try FileManager.default.createDirectory(atPath: folder + "/lesson-other", withIntermediateDirectories: true)
        try file("lesson-other/x.txt", "x")
        policy.apply {
            assertRefused(.outsideAllowedFolders, "outside") { try InputFile.open(folder + "/lesson-other/x.txt") }
        }
    }

    func testNoPolicyMeansTheUsersOwnFullAccess() throws {
        XCTAssertNil(ReadPolicy.current)
        XCTAssertEqual(try InputFile.open(folder + "/secret.txt").size, 9)
    }

    func testThePolicyEndsWithItsScope() throws {
        policy.apply { XCTAssertNotNil(ReadPolicy.current) }
        XCTAssertNil(ReadPolicy.current)
    }

    func testASandboxWritesNowhereUnlessAllowed() throws {
        policy.apply {
            assertRefused(.outsideAllowedFolders, "may not write") { try SafeWrite.replace(folder + "/lesson/out.md", with: [0x41]) }
        }
        try ReadPolicy(readable: [folder], writable: [folder + "/lesson"]).apply {
            try SafeWrite.replace(folder + "/lesson/out.md", with: [0x41])
        }
        XCTAssertEqual(FileManager.default.contents(atPath: folder + "/lesson/out.md"), Data([0x41]))
    }
}

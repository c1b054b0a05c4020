import XCTest
import Foundation

/// Progress is written atomically: killing embedlab at random moments while it saves never
/// leaves an unreadable progress file.
final class KillTests: XCTestCase {
    func testKillingTheProcessWhileItSavesNeverCorruptsProgress() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("embedlab").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { return XCTFail("embedlab is not built beside the tests at \(binary): swift test builds it (LessonsTests depends on the embedlab target)") }
        let dir = temporaryDirectory()
        // A script that moves back and forth through a lesson: every line saves progress.
        var script = ":lesson arithmetic\n"
        for _ in 0..<3000 { script += ":skip\n:back\n" }
        let scriptPath = dir + "/script.txt"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let progress = dir + "/state/embedlab/progress.json"
        var kills = 0
        var rng = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.currentDirectoryURL = Repo.root
            p.environment = ["XDG_STATE_HOME": dir + "/state", "PATH": "/usr/bin:/bin", "EMBEDLAB_VECTORS": Repo.path("vectors"), "EMBEDLAB_LESSONS": Repo.path("lessons")]
            p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: scriptPath))
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Kill only once the run is saving (a loaded machine may take longer than any fixed delay to
            // start and open the lesson), then at a random moment of its saving loop.
            // Every save renames a new file into place, so a new inode means this run has saved.
            func inode() -> Int? { (try? FileManager.default.attributesOfItem(atPath: progress))?[.systemFileNumber] as? Int }
            let before = inode()
            let started = Date()
            while p.isRunning, inode() == before, Date().timeIntervalSince(started) < 30 {
                usleep(5_000)
            }
            usleep(UInt32.random(in: 0...200_000, using: &rng))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); kills += 1 }
            p.waitUntilExit()
            if let data = FileManager.default.contents(atPath: progress) {
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), "round \(round): unreadable progress file")
            }
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/state/embedlab")) ?? []
            XCTAssertFalse(leftovers.contains { $0.contains("corrupt") }, "round \(round): \(leftovers)")
        }
        XCTAssertGreaterThan(kills, 5, "the process was killed mid-run")
        XCTAssertTrue(FileManager.default.fileExists(atPath: progress))
    }
}

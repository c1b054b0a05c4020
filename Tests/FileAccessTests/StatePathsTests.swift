import XCTest
@testable import FileAccess

final class StatePathsTests: XCTestCase {
    func testXDGStateHomeWhenAbsolute() {
        XCTAssertEqual(StatePaths.folder(environment: ["XDG_STATE_HOME": "/tmp/s/", "HOME": "/home/ada"]), "/tmp/s/embedlab")
    }

    func testHomeWhenXDGIsUnsetEmptyOrRelative() {
        for xdg in [nil, "", "relative/state"] {
            var env = ["HOME": "/home/ada"]
            env["XDG_STATE_HOME"] = xdg
            XCTAssertEqual(StatePaths.folder(environment: env), "/home/ada/.local/state/embedlab", "\(xdg ?? "unset")")
        }
        XCTAssertEqual(StatePaths.file("progress.json", environment: ["HOME": "/"]), "/.local/state/embedlab/progress.json")
    }

    func testNothingUsableIsNil() {
        XCTAssertNil(StatePaths.folder(environment: [:]))
        XCTAssertNil(StatePaths.folder(environment: ["HOME": "relative"]))
    }
}

import XCTest
@testable import Lessons
import Workbench

/// `uses` checks compare the learner's bound command (aliases and option names resolved), not its text.
final class CommandPatternTests: XCTestCase {
    func passes(_ check: String, _ line: String, in session: Session) throws -> Bool {
        let c = try Check.parse(check)
        return c.grade(try session.evaluate(line), language: .en).passed
    }

    func testAliasesOptionNamesAndSpellingsOfAValueAreTheSameCall() throws {
        let s = Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d"))
        XCTAssertTrue(try passes("uses sim king queen", "cos queen king", in: s))
        XCTAssertTrue(try passes("uses sim", "cos(king, queen)", in: s))
        XCTAssertFalse(try passes("uses sim king queen", "sim king prince", in: s))
        XCTAssertTrue(try passes(#"uses bpe "aaabdaaabac" vocab=258"#, #"bpe train "aaabdaaabac" vocab 258"#, in: s))
        XCTAssertTrue(try passes(#"uses bpe "aaabdaaabac" vocab=258"#, #"bpe train “aaabdaaabac” vocab=258"#, in: s))
        XCTAssertFalse(try passes(#"uses bpe "aaabdaaabac" vocab=258"#, #"bpe train "aaabdaaabac" vocab 259"#, in: s))
        XCTAssertTrue(try passes("uses train dim=3 epochs=2", "train glove corpus=small-world dims=3 iter=2", in: s))
        XCTAssertFalse(try passes("uses train dim=3 epochs=2", "train glove corpus=small-world dim=3 epochs=3", in: s))
    }

    func testASentenceCommandOnOtherSentencesFails() throws {
        let s = Session(catalog: Repo.catalog, model: try Repo.catalog.load("glove-50d"))
        let check = #"uses sim "a cat sat on the mat" "a dog lay on the rug""#
        XCTAssertTrue(try passes(check, #"sim "a cat sat on the mat", "a dog lay on the rug""#, in: s))
        XCTAssertFalse(try passes(check, #"sim "a cat sat on the mat", "the stock market fell""#, in: s))
    }
}

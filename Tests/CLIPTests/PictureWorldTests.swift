import CLIP
import VectorMath
import XCTest

final class PictureWorldTests: XCTestCase {
    func testTheSameSeedDrawsTheSamePicturesBitForBit() {
        let a = PictureWorld(seed: 7), b = PictureWorld(seed: 7)
        for i in [0, 1, 17, 999] {
            XCTAssertEqual(a.picture(i).pixels.map(\.bitPattern), b.picture(i).pixels.map(\.bitPattern))
            XCTAssertEqual(a.galleryPicture(i), b.galleryPicture(i))
        }
        XCTAssertNotEqual(a.picture(3).pixels, PictureWorld(seed: 8).picture(3).pixels)
        XCTAssertNotEqual(a.picture(3).pixels, a.picture(4).pixels)
        // A picture does not depend on the ones drawn before it.
        let late = PictureWorld(seed: 7)
        XCTAssertEqual(late.picture(999), a.picture(999))
    }

    func testTrainingNeverShowsAHeldOutPair() {
        let world = PictureWorld(seed: 1)
        XCTAssertEqual(world.heldOutKinds.count, 3 * 2 * 5)
        for i in 0..<500 {
            let c = world.picture(i).content
            XCTAssertFalse(c.colour == .green && c.shape == .triangle, "picture \(i) is a green triangle")
            XCTAssertFalse(world.isHeldOut(c))
        }
        for i in 0..<50 { XCTAssertTrue(world.isHeldOut(world.heldOutPicture(i).content)) }
        let candidates = world.candidatePictures(100)
        XCTAssertEqual(Set(candidates.map(\.content)).count, 100, "the 100 candidates are 100 different kinds")
    }

    func testAPictureShowsItsShapeInItsColourAtItsPlace() {
        let world = PictureWorld(seed: 3)
        let p = world.picture(of: PictureContent(shape: .square, colour: .red, size: .large, position: .left))
        // The middle of the left half is red, the right edge is the dark background.
        let (r, g, b) = p.rgb(x: 8, y: 16)
        XCTAssertGreaterThan(r, 0.7); XCTAssertLessThan(g, 0.3); XCTAssertLessThan(b, 0.3)
        let (r2, _, _) = p.rgb(x: 29, y: 16)
        XCTAssertLessThan(r2, 0.2)
        XCTAssertTrue(p.pixels.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    func testCaptionsInBothLanguagesAreWordsOfTheVocabulary() {
        let vocabulary = CaptionVocabulary.grammar()
        XCTAssertEqual(CaptionVocabulary.tokens("左边有一个红色的圆"), ["左边", "有", "一个", "红色", "的", "圆"])
        XCTAssertEqual(CaptionVocabulary.tokens("A small red circle, on the LEFT"), ["a", "small", "red", "circle", "on", "the", "left"])
        var rng = SeededGenerator(seed: 1)
        let grammar = CaptionGrammar()
        for content in PictureContent.all.prefix(60) {
            for language in CaptionLanguage.allCases {
                let text = grammar.fullCaption(content, language: language, rng: &rng)
                XCTAssertEqual(vocabulary.encode(text).unknown, [], text)
            }
        }
        XCTAssertEqual(vocabulary.encode("红色的圆").unknown, [])
        XCTAssertEqual(vocabulary.encode("a red dog").unknown, ["dog"])
    }
}

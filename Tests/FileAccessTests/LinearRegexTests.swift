import FileAccess
import Foundation
import XCTest

/// The linear-time matcher agrees with ICU (NSRegularExpression) on the patterns lessons and
/// learners write, finishes at once on the patterns that make backtracking engines hang, and
/// refuses what it cannot match in linear time with a reason.
final class LinearRegexTests: XCTestCase {
    let words = ["king", "queen", "question", "quick", "qatar", "kingdom", "sing", "singing", "a", "aa", "aab", "banana",
                 "北京", "北京市", "上海", "e-mail", "u.s.", "1990s", "42", "x", "", "abc123", "ABC", "Queen", "naïve",
                 "× 10 dimensions", "5 merges done", "window 1", "window 12", "line\n", "two words", "tab\there"]
    let patterns = ["^qu.*n$", "^..ng$", "ing$", "^k", "a+b", "(an)+a$", "^(a|b)*$", "[aeiou]{2}", "[^a-z]", "\\d+", "^\\d{2}$",
                    "\\w+\\s\\w+", "\\bwindow 1\\b", "× 10 dimensions", "\\b5 merges\\b", "北京.?", "^.{3,5}$", "(?:ab|cd)c",
                    "q(?:ue)?", "^$", "\\.", "s$", "e-?m", "x?y?z?", "(?i)^queen$", "[a-c]+\\d", "na(ï|i)ve", "\\Aking\\z",
                    "\\Bing", "colou?r", "^[\\w.]+$", "\\S+\\s\\S+", "line$", "a{2,}", "(a|aa)*b", "[-.]", "^[^\\d]+$"]

    func testAgreesWithICUOnOrdinaryPatterns() throws {
        for p in patterns {
            let ours = try LinearRegex(p)
            let icu = try NSRegularExpression(pattern: p)
            for w in words {
                let expected = icu.firstMatch(in: w, range: NSRange(w.startIndex..., in: w)) != nil
                XCTAssertEqual(try ours.matches(in: w), expected, "/\(p)/ on '\(w)'")
            }
        }
    }

    func testCatastrophicPatternsAreLinear() throws {
        let text = String(repeating: "a", count: 50_000) + "!"
        let started = Date()
        XCTAssertFalse(try LinearRegex("(a+)+$").matches(in: text))
        XCTAssertFalse(try LinearRegex("(.*.*)*x").matches(in: text))
        XCTAssertFalse(try LinearRegex("^(a|aa)+$").matches(in: text))
        XCTAssertTrue(try LinearRegex("(a+)+!$").matches(in: text))
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "four passes over 50,000 characters (a hang guard, not a speed test)")
    }

    func testAStepBudgetStopsAHugeMatch() throws {
        let re = try LinearRegex("(a|b|c|d|e|f|g|h){100}z")
        XCTAssertThrowsError(try re.matches(in: String(repeating: "abcdefgh", count: 100_000), stepBudget: 1_000_000)) { error in
            XCTAssertTrue("\(error)".contains("takes too long"), "\(error)")
        }
        // A budget shared by many calls runs out across them.
        var budget = 50
        XCTAssertThrowsError(try (0..<100).forEach { _ in _ = try re.matches(in: "abcdefgh", budget: &budget) })
    }

    func testWhatNeedsBacktrackingIsRefusedWithAReason() {
        let refused: [(String, String)] = [("(a)\\1", "back-reference"), ("a(?=b)", "look-around"), ("(?<!a)b", "look-around"),
                                           ("(x{1000}){1000}", "too large"), ("a{2000}", "more than 1000"), ("(ab", "without its ')'"),
                                           ("ab)", "without its '('"), ("[ab", "without its ']'"), ("*a", "nothing before it"),
                                           ("a**", "repeats a repetition"), ("a*+", "possessive"), ("\\p{Han}", "Unicode property"),
                                           ("[z-a]", "runs backwards"), ("a{3,1}", "below its minimum"), ("^*", "anchor"),
                                           (String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100), "nests parentheses")]
        for (pattern, reason) in refused {
            XCTAssertThrowsError(try LinearRegex(pattern), pattern) { error in
                XCTAssertTrue("\(error)".contains(reason), "/\(pattern)/: \(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }
}

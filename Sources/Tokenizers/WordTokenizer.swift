/// Cuts text into words the way a simple regular expression would, optionally with a Chinese
/// word segmenter for runs of Chinese characters.
///
/// The rules, in order:
/// - spaces separate words and are dropped;
/// - a run of letters and digits is one word (`Token`, `GPT4`, `café`); an apostrophe between
///   two letters stays inside the word (`don't`, `O’Brien`);
/// - a Chinese character (or Japanese kana) is a word of its own, unless a `ChineseSegmenter`
///   is given: then each run of Chinese characters is cut into dictionary words;
/// - any other character (punctuation, symbol, emoji) is a token of its own.
///
/// ```swift
/// WordTokenizer().tokenize("don't panic, 北京!").map(\.text)
/// // ["don't", "panic", ",", "北", "京", "!"]
/// WordTokenizer(segmenter: try .bundled()).tokenize("从Token到向量").map(\.text)
/// // ["从", "Token", "到", "向量"]
/// ```
public struct WordTokenizer: Tokenizer {
    /// Groups runs of Chinese characters into words; `nil` keeps one character per word.
    public var segmenter: ChineseSegmenter?

    public init(segmenter: ChineseSegmenter? = nil) {
        self.segmenter = segmenter
    }

    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        var offset = 0   // UTF-8 offset of `index`

        /// Emits text[index..<end] as one token and moves past it.
        func emit(upTo end: String.Index) {
            let piece = text[index..<end]
            tokens.append(Token(piece, byteOffset: offset))
            offset += piece.utf8.count
            index = end
        }
        func skip(upTo end: String.Index) {
            offset += text[index..<end].utf8.count
            index = end
        }

        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                skip(upTo: text.index(after: index))
            } else if character.isWordCharacter {
                emit(upTo: endOfWord(in: text, from: index))
            } else if character.isHan, let segmenter {
                let end = text[index...].firstIndex { !$0.isHan } ?? text.endIndex
                let run = String(text[index..<end])
                tokens += segmenter.tokenize(run).map { word in
                    Token(bytes: word.bytes, byteRange: (word.byteRange.lowerBound + offset)..<(word.byteRange.upperBound + offset))
                }
                skip(upTo: end)
            } else {
                emit(upTo: text.index(after: index))
            }
        }
        return tokens
    }

    /// The end of the run of letters and digits starting at `start`, taking in an apostrophe
    /// only where a letter stands on both sides of it.
    private func endOfWord(in text: String, from start: String.Index) -> String.Index {
        var end = text.index(after: start)
        while end < text.endIndex {
            let character = text[end]
            if character.isWordCharacter {
                end = text.index(after: end)
            } else if character.isApostrophe, text[text.index(before: end)].isLetter,
                      case let next = text.index(after: end), next < text.endIndex,
                      text[next].isWordCharacter, text[next].isLetter {
                end = next
            } else {
                break
            }
        }
        return end
    }
}

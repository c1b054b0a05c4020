#!/usr/bin/env python3
"""Reads synonyms 3.10.2's `words.vector` (word2vec binary, 125,796 words x 100 float32, in frequency
order, trained on Chinese Wikipedia) and writes the words that are words, in the same order, as
word2vec binary (float32, unchanged).

Usage: extract_zh_wiki.py words.vector OUT.bin

The rule for "a word" (everything else is left out, and counted):
  1. it is letters (Unicode category L*: Han characters, Latin letters, ...) and digits (N*), with
     at most one joiner (the name dot ·, a hyphen -, an apostrophe ', an ampersand &) between two
     letters or digits: 中国, NBA, 19世纪, 约翰·肯尼迪, Wi-Fi, AT&T stay; </s>, <br>, ；不, 日本）所,
     公里/小时, -bit, 约翰· (a name cut at its dot) go;
  2. it is not one of the names that the Wikipedia dump's markup put into the text: the document
     header `<doc id=.. url=https://zh.wikipedia.org/wiki?curid=.. title=..>` and HTML/wiki tags
     (MARKUP below). These are the dump's, not the language's: 'title' and 'url' are the 10th and
     11th most frequent "words" of the file only because every article starts with them.
"""
import struct
import sys
import unicodedata

MARKUP = {
    # the document header of WikiExtractor's output
    "doc", "id", "url", "https", "http", "org", "wiki", "wikipedia", "curid", "title", "zh",
    # HTML and wiki tags and attributes left in the text
    "br", "BR", "li", "td", "tr", "th", "div", "ref", "span", "sup", "sub", "small", "poem", "nowiki",
    "onlyinclude", "noinclude", "includeonly", "formula", "codice", "references-small", "text-align",
    "background-color", "zh-hans", "zh-hant", "zh-tw", "zh-cn", "zh-hk", "zh-sg", "zh-mo", "align",
    "style", "colspan", "rowspan", "bgcolor", "width", "nbsp", "amp", "quot", "gt", "lt",
}
JOINERS = "·-'&"


def is_word(w):
    if not w or w in MARKUP:
        return False
    prev_joiner = True  # a word may not start with a joiner
    joiners = 0
    for ch in w:
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            prev_joiner = False
        elif ch in JOINERS:
            if prev_joiner:
                return False
            prev_joiner = True
            joiners += 1
        else:
            return False
    return not prev_joiner and joiners <= 1


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, "rb") as f:
        data = f.read()
    end = data.index(b"\n")
    n, d = map(int, data[:end].split())
    pos = end + 1
    kept = []
    dropped = []
    for _ in range(n):
        space = data.index(b" ", pos)
        word = data[pos:space].decode("utf-8").lstrip("\n")
        start = space + 1
        row = data[start:start + 4 * d]
        pos = start + 4 * d
        if len(row) != 4 * d:
            sys.exit(f"{src}: truncated at word {len(kept) + len(dropped) + 1}")
        (kept if is_word(word) else dropped).append((word, row))
    seen = set()
    out = []
    for word, row in kept:
        if word in seen:  # never happens in 3.10.2; a duplicate would be refused by EmbedLab
            dropped.append((word, row))
            continue
        seen.add(word)
        out.append((word, row))
    with open(dst, "wb") as f:
        f.write(f"{len(out)} {d}\n".encode())
        for word, row in out:
            f.write(word.encode("utf-8") + b" " + row + b"\n")
    print(f"kept {len(out)} of {n} tokens; left out {len(dropped)} that are not words, e.g. "
          + " ".join(w for w, _ in dropped[:12]))


if __name__ == "__main__":
    main()

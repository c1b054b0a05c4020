#!/usr/bin/env python3
"""Rebuild Sources/Tokenizers/Resources/zh-dict.txt from jieba's dictionary.

The Chinese word segmenter (Sources/Tokenizers/ChineseSegmenter.swift) uses jieba's method and
jieba's word frequencies. jieba (MIT licence) ships its dictionary as `jieba/dict.txt` inside
its PyPI sdist, one `word freq tag` per line, 349,046 lines in version 0.42.1 (about 5 MB).

EmbedLab bundles a smaller list derived from it:
  1. download the sdist with pip (`pip download --no-deps jieba==VERSION`) into a temp dir;
  2. read `jieba/dict.txt`; a word listed twice keeps its last frequency, as jieba does;
  3. keep the words whose frequency is at least --min-freq (default 5: the rare names and
     idioms with jieba's placeholder frequencies 2-4 are dropped), and the 70 words that mix in
     ASCII (C++, C#, T恤, IP地址, C语言): all of them are rare, but no path through single
     characters can rebuild them; 136,617 words are kept, 1.6 MB;
  4. drop the part-of-speech tag: one `word freq` per line;
  5. sort by UTF-8 bytes (= code point order), so the segmenter loads the file without sorting;
  6. write it after one `#` header line that says where it came from.

Usage:
  python3 scripts/build-segmentation-dict.py                 # jieba 0.42.1, min freq 5
  python3 scripts/build-segmentation-dict.py --sdist jieba-0.42.1.tar.gz   # offline
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPO, "Sources", "Tokenizers", "Resources", "zh-dict.txt")


def download_sdist(version, directory):
    """pip download the jieba sdist (jieba publishes no wheels) and return its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
         f"jieba=={version}", "-d", directory],
        check=True, stdout=subprocess.DEVNULL)
    archives = [name for name in os.listdir(directory) if name.endswith((".tar.gz", ".zip"))]
    if len(archives) != 1:
        sys.exit(f"expected one jieba sdist in {directory}, found {archives}")
    return os.path.join(directory, archives[0])


def read_jieba_dict(sdist):
    """The raw bytes of jieba/dict.txt inside the sdist."""
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            if member.name.endswith("/jieba/dict.txt"):
                return archive.extractfile(member).read()
    sys.exit(f"{sdist} has no jieba/dict.txt")


def parse_frequencies(raw):
    """word -> frequency, in file order; a repeated word keeps its last frequency (as jieba)."""
    frequencies = {}
    for number, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        fields = line.strip().split(" ")
        if len(fields) < 2:
            sys.exit(f"dict.txt line {number}: expected 'word freq tag', got {line!r}")
        frequencies[fields[0]] = int(fields[1])
    return frequencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--version", default="0.42.1", help="jieba version on PyPI (default 0.42.1)")
    parser.add_argument("--min-freq", type=int, default=5, help="keep words with at least this frequency")
    parser.add_argument("--sdist", help="use this jieba sdist instead of downloading one")
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or download_sdist(args.version, tmp)
        raw = read_jieba_dict(sdist)

    frequencies = parse_frequencies(raw)
    def keep(word, frequency):
        return frequency >= args.min_freq or any(ord(c) < 128 for c in word)

    kept = sorted(((w, f) for w, f in frequencies.items() if keep(w, f)),
                  key=lambda entry: entry[0].encode("utf-8"))
    if any(w.startswith("#") or " " in w for w, _ in kept):
        sys.exit("a word starts with '#' or contains a space: the file format cannot hold it")

    header = (f"# zh-dict.txt: word frequencies from jieba {args.version} dict.txt (MIT licence, "
              f"PyPI sdist, sha256 {hashlib.sha256(raw).hexdigest()[:16]}...): "
              f"the {len(kept)} of {len(frequencies)} words with freq >= {args.min_freq} or with ASCII in them, "
              f"'word freq' per line, sorted by UTF-8 bytes. "
              f"Rebuild: python3 scripts/build-segmentation-dict.py\n")
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(header)
        for word, frequency in kept:
            out.write(f"{word} {frequency}\n")

    size = os.path.getsize(args.output)
    total = sum(f for _, f in kept)
    print(f"wrote {args.output}: {len(kept)} words, total frequency {total}, {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()

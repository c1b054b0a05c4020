#!/usr/bin/env python3
"""Check the hand-written source vectors in this folder and print the figures quoted in README.md.

    python3 vectors/sources/verify_sources.py          # prints figures, exits 1 if a claim fails

Cosine similarity is cos(a, b) = a·b / (|a| |b|); "nearest" always excludes the word itself.
Needs numpy only (gensim, if installed, is used to prove the files load as word2vec text).
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(claim, ok):
    print(f"  [{'ok' if ok else 'FAIL'}] {claim}")
    if not ok:
        failures.append(claim)


def load_word2vec_text(name):
    """word2vec text format: first line 'V d', then 'word v1 ... vd' per line, UTF-8."""
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        v, d = map(int, f.readline().split())
        words, rows = [], []
        for line in f:
            parts = line.split()
            words.append(parts[0])
            rows.append([float(x) for x in parts[1:]])
    matrix = np.array(rows, dtype=np.float64)
    assert matrix.shape == (v, d), f"{name}: header says {v}x{d}, body is {matrix.shape}"
    assert len(set(words)) == v, f"{name}: duplicate words"
    return words, matrix


def read_lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def cosine_matrix(matrix):
    unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    return unit @ unit.T


def nearest(words, sims, word, k=3):
    i = words.index(word)
    order = [j for j in np.argsort(-sims[i], kind="stable") if j != i][:k]
    return [(words[j], float(sims[i, j])) for j in order]


def check_no_ties(words, matrix, margin=0.002, rank_gap=1e-4, ranks=5):
    """Every word's nearest neighbour wins by at least `margin`, and its first `ranks` neighbours differ
    by at least `rank_gap`, by cosine and by Euclidean distance: float32 code then ranks them exactly
    as this float64 check does, and a lesson's table of neighbours has one right answer."""
    sims = cosine_matrix(matrix)
    dists = np.linalg.norm(matrix[:, None, :] - matrix[None, :, :], axis=2)
    for label, scores in [("cosine", sims), ("Euclidean distance", -dists)]:
        close, tied = [], []
        for i, w in enumerate(words):
            top = np.sort(np.delete(scores[i], i))[::-1][:ranks + 1]
            if top[0] - top[1] < margin:
                close.append(w)
            if np.any(-np.diff(top) < rank_gap):
                tied.append(w)
        check(f"every nearest neighbour wins by >= {margin} in {label}" + (f" (not: {close})" if close else ""),
              not close)
        check(f"no ties among the top {ranks} neighbours by {label}" + (f" (tied: {tied})" if tied else ""),
              not tied)


def show_neighbours(words, sims, k=3):
    width = max(len(w) for w in words)
    for w in words:
        row = "  ".join(f"{n} {s:.3f}" for n, s in nearest(words, sims, w, k))
        print(f"  {w}{' ' * (width - len(w))}  {row}")


def toy():
    print("toy.txt")
    words, m = load_word2vec_text("toy.txt")
    dims = read_lines("toy.dims")
    print(f"  {len(words)} words x {m.shape[1]} dims: {', '.join(dims)}")
    s = cosine_matrix(m)
    ix = {w: i for i, w in enumerate(words)}
    cos = lambda a, b: float(s[ix[a], ix[b]])
    check("the article's four vectors are exact",
          m[ix["猫"]].tolist() == [0.3, 0.8, -0.2] and m[ix["狗"]].tolist() == [0.4, 0.7, -0.1]
          and m[ix["汽车"]].tolist() == [-0.5, 0.1, 0.9] and m[ix["飞机"]].tolist() == [-0.6, 0.2, 0.8])
    check(f"nearest(猫) = 狗, cos {cos('猫', '狗'):.4f}", nearest(words, s, "猫", 1)[0][0] == "狗")
    check("nearest(狗) = 猫", nearest(words, s, "狗", 1)[0][0] == "猫")
    check(f"nearest(汽车) = 飞机, cos {cos('汽车', '飞机'):.4f}", nearest(words, s, "汽车", 1)[0][0] == "飞机")
    check("nearest(飞机) = 汽车", nearest(words, s, "飞机", 1)[0][0] == "汽车")
    check(f"cos(猫, 汽车) = {cos('猫', '汽车'):.4f} < 0", cos("猫", "汽车") < 0)
    for a, b in [("猫", "飞机"), ("狗", "汽车"), ("狗", "飞机")]:
        check(f"cos({a}, {b}) = {cos(a, b):.4f} < 0", cos(a, b) < 0)
    check(f"cos(电脑, 计算机) = {cos('电脑', '计算机'):.4f}, nearest(电脑) = 计算机",
          nearest(words, s, "电脑", 1)[0][0] == "计算机")
    twins = dict(cat="猫", dog="狗", car="汽车", plane="飞机", rabbit="兔子", tiger="老虎", lion="狮子",
                 fish="鱼", bird="鸟", horse="马", train="火车", bicycle="自行车", ship="轮船",
                 carriage="马车", computer="计算机")
    lost = [en for en, zh in twins.items() if nearest(words, s, en, 1)[0][0] != zh
            and not (en == "computer" and nearest(words, s, en, 1)[0][0] == "电脑")]
    check("every English word's nearest is its Chinese twin" + (f" (not: {lost})" if lost else ""), not lost)
    check_no_ties(words, m)
    d = lambda a, b: float(np.linalg.norm(m[ix[a]] - m[ix[b]]))
    print(f"  Euclidean: |猫-狗| {d('猫', '狗'):.4f}  |汽车-飞机| {d('汽车', '飞机'):.4f}  |猫-汽车| {d('猫', '汽车'):.4f}")
    print("  top 3 neighbours of every word (cosine):")
    show_neighbours(words, s)


def library():
    print("library.txt")
    words, m = load_word2vec_text("library.txt")
    dims = read_lines("library.dims")
    print(f"  {len(words)} books x {m.shape[1]} dims: {', '.join(dims)}")
    check("no title contains a space", all(" " not in w for w in words))
    check("every title is in 《》", all(w.startswith("《") and w.endswith("》") for w in words))
    s = cosine_matrix(m)
    ix = {w: i for i, w in enumerate(words)}
    cos = lambda a, b: float(s[ix[a], ix[b]])
    check(f"nearest(《人工智能导论》) = 《机器学习实战》, cos {cos('《人工智能导论》', '《机器学习实战》'):.4f}",
          nearest(words, s, "《人工智能导论》", 1)[0][0] == "《机器学习实战》")
    check(f"nearest(《红楼梦》) = 《百年孤独》, cos {cos('《红楼梦》', '《百年孤独》'):.4f}",
          nearest(words, s, "《红楼梦》", 1)[0][0] == "《百年孤独》")
    check(f"cos(《人工智能导论》, 《红楼梦》) = {cos('《人工智能导论》', '《红楼梦》'):.4f}",
          cos("《人工智能导论》", "《红楼梦》") < 0.5)
    topics = {
        "AI and computing": "人工智能导论 机器学习实战 深度学习 统计学习方法 算法导论 计算机程序的构造和解释 人月神话",
        "classic novels": "红楼梦 百年孤独 西游记 水浒传 三国演义 战争与和平 傲慢与偏见",
        "history": "史记 资治通鉴 万历十五年 罗马帝国衰亡史",
        "science and astronomy": "时间简史 宇宙 物种起源 自然哲学的数学原理",
    }
    topic_of = {f"《{t}》": name for name, titles in topics.items() for t in titles.split()}
    strays = [w for w in topic_of if topic_of.get(nearest(words, s, w, 1)[0][0]) != topic_of[w]]
    check("every book of a topic has its nearest book in the same topic" + (f" (not: {strays})" if strays else ""),
          not strays)
    between = [w for w in words if w not in topic_of]
    print("  between topics: " + ", ".join(f"{w} -> {nearest(words, s, w, 1)[0][0]} {nearest(words, s, w, 1)[0][1]:.3f}"
                                            for w in between))
    check_no_ties(words, m)
    print("  top 3 neighbours of every book (cosine):")
    show_neighbours(words, s)

    print("library-ids.tsv")
    rows = read_lines("library-ids.tsv")
    assert rows[0] == "id\ttitle", "library-ids.tsv: first line must be the header id<TAB>title"
    shelf = {}
    for r in rows[1:]:
        i, t = r.split("\t")
        shelf[t] = int(i)
    check("same books as library.txt, ids 1..N", set(shelf) == set(words)
          and sorted(shelf.values()) == list(range(1, len(words) + 1)))
    gaps = [abs(shelf[w] - shelf[nearest(words, s, w, 1)[0][0]]) for w in words]
    n = len(words)
    random_gap = (n + 1) / 3  # expected |i - j| for two distinct ids drawn at random from 1..n
    print(f"  shelf distance between each book and its meaning-nearest book: mean {np.mean(gaps):.1f}, "
          f"median {np.median(gaps):.0f}, min {min(gaps)}, max {max(gaps)} "
          f"(two random books: {random_gap:.1f} on average)")
    for w in ["《人工智能导论》", "《红楼梦》"]:
        nb = nearest(words, s, w, 1)[0][0]
        print(f"  {w} is shelf {shelf[w]}, its nearest {nb} is shelf {shelf[nb]}")
    check("ordering by id scatters related books (mean gap > 5)", np.mean(gaps) > 5)


def gensim_loads():
    try:
        from gensim.models import KeyedVectors
    except ImportError:
        print("gensim not installed: skipped the load check")
        return
    print("gensim")
    for name, word in [("toy.txt", "猫"), ("library.txt", "《人工智能导论》")]:
        kv = KeyedVectors.load_word2vec_format(os.path.join(HERE, name), binary=False)
        top = kv.most_similar(word, topn=1)[0]
        print(f"  {name}: loads as word2vec text, {len(kv)} x {kv.vector_size}; most_similar({word}) = {top[0]} {top[1]:.4f}")


if __name__ == "__main__":
    np.set_printoptions(precision=4)
    toy()
    library()
    gensim_loads()
    print("all claims hold" if not failures else f"{len(failures)} claim(s) failed")
    sys.exit(1 if failures else 0)

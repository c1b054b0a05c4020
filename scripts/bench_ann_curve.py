#!/usr/bin/env python3
"""The recall–speed curves of scripts/bench-ann.sh: the ratio of queries per second at equal recall, and an SVG
drawn as ANN-Benchmarks draws its plots (recall@10 on x, queries per second on a log scale on y, one line
per library, a point per ef).

    python3 scripts/bench_ann_curve.py RESULT.json [--svg docs/ann-curve.svg]

RESULT.json is bench-ann.sh's JSON object (ann_curve and hnswlib_curve: lists of [ef, recall, qps]).
`min_ratio_at_equal_recall(ours, theirs)` is what bench-ann.sh reports as ann_min_qps_ratio_at_equal_recall:
both curves are read as log(qps) against recall, piecewise linear between measured points; at every measured
recall of either curve that both curves reach, ours / theirs; the smallest of those.
"""
import argparse, json, math, sys
from html import escape


def frontier(curve):
    """The points sorted by recall, keeping for equal recall the fastest (a curve read as qps(recall))."""
    pts = sorted(((r, q) for _, r, q in curve), key=lambda p: (p[0], -p[1]))
    out = []
    for r, q in pts:
        if out and abs(out[-1][0] - r) < 1e-12:
            continue
        out.append((r, q))
    return out


def at(points, recall):
    """log-linear interpolation of qps at `recall` (None outside the measured range)."""
    if not points or recall < points[0][0] - 1e-12 or recall > points[-1][0] + 1e-12:
        return None
    for (r0, q0), (r1, q1) in zip(points, points[1:]):
        if r0 - 1e-12 <= recall <= r1 + 1e-12:
            if r1 == r0:
                return max(q0, q1)
            t = (recall - r0) / (r1 - r0)
            return math.exp(math.log(q0) + t * (math.log(q1) - math.log(q0)))
    return points[0][1] if len(points) == 1 else None


def ratios_at_equal_recall(ours, theirs):
    a, b = frontier(ours), frontier(theirs)
    lo, hi = max(a[0][0], b[0][0]), min(a[-1][0], b[-1][0])
    out = []
    for r in sorted({r for r, _ in a + b if lo - 1e-12 <= r <= hi + 1e-12}):
        qa, qb = at(a, r), at(b, r)
        if qa and qb:
            out.append((r, qa / qb))
    return out


def min_ratio_at_equal_recall(ours, theirs):
    rs = ratios_at_equal_recall(ours, theirs)
    return min(x for _, x in rs) if rs else None


def svg(ours, theirs, title, note=""):
    W, H, L, R, T, B = 640, 430, 70, 20, 54, 50
    recalls = [p[1] for p in ours + theirs]
    qps = [p[2] for p in ours + theirs]
    x0 = math.floor(min(recalls) * 20) / 20
    x1 = 1.0
    y0 = 10 ** math.floor(math.log10(min(qps)))
    y1 = 10 ** math.ceil(math.log10(max(qps)))
    def X(r): return L + (r - x0) / (x1 - x0) * (W - L - R)
    def Y(q): return T + (math.log10(y1) - math.log10(q)) / (math.log10(y1) - math.log10(y0)) * (H - T - B)
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{escape(title)}</text>',
         f'<text x="{W / 2}" y="34" text-anchor="middle" font-size="10" fill="#555">{escape(note)}</text>']
    # grid: recall every 0.05, qps at each power of ten (and 2×, 5×)
    r = x0
    while r <= x1 + 1e-9:
        s.append(f'<line x1="{X(r):.1f}" y1="{T}" x2="{X(r):.1f}" y2="{H - B}" stroke="#ddd"/>')
        s.append(f'<text x="{X(r):.1f}" y="{H - B + 16}" text-anchor="middle">{r:.2f}</text>')
        r += 0.05
    d = y0
    while d <= y1 * 1.0001:
        for m in (1, 2, 5):
            q = d * m
            if y0 <= q <= y1 * 1.0001:
                s.append(f'<line x1="{L}" y1="{Y(q):.1f}" x2="{W - R}" y2="{Y(q):.1f}" stroke="{"#ccc" if m == 1 else "#eee"}"/>')
                s.append(f'<text x="{L - 6}" y="{Y(q) + 4:.1f}" text-anchor="end">{q:,.0f}</text>')
        d *= 10
    s.append(f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="#333"/>')
    s.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">Recall@10</text>')
    s.append(f'<text transform="translate(16 {(T + H - B) / 2}) rotate(-90)" text-anchor="middle">Queries per second (1/s), log scale</text>')
    for name, curve, colour, mark in (("EmbedLab", ours, "#d62728", "circle"), ("hnswlib", theirs, "#1f77b4", "square")):
        pts = sorted(curve, key=lambda p: p[1])
        s.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (colour, " ".join(f"{X(p[1]):.1f},{Y(p[2]):.1f}" for p in pts)))
        for ef, rec, q in pts:
            s.append(f'<g><title>{name} ef={ef}: recall {rec:.4f}, {q:,.0f} queries/s</title>')
            if mark == "circle":
                s.append(f'<circle cx="{X(rec):.1f}" cy="{Y(q):.1f}" r="3.5" fill="{colour}"/>')
            else:
                s.append(f'<rect x="{X(rec) - 3:.1f}" y="{Y(q) - 3:.1f}" width="6" height="6" fill="{colour}"/>')
            s.append('</g>')
    lx, ly = L + 12, T + 16
    for i, (name, colour) in enumerate((("EmbedLab", "#d62728"), ("hnswlib", "#1f77b4"))):
        s.append(f'<line x1="{lx}" y1="{ly + 18 * i - 4}" x2="{lx + 24}" y2="{ly + 18 * i - 4}" stroke="{colour}" stroke-width="2"/>')
        s.append(f'<text x="{lx + 30}" y="{ly + 18 * i}">{name}</text>')
    s.append("</svg>")
    return "\n".join(s) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("result")
    ap.add_argument("--svg")
    a = ap.parse_args()
    res = json.loads(open(a.result).read().strip().splitlines()[-1])
    ours, theirs = res["ann_curve"], res["hnswlib_curve"]
    for r, x in ratios_at_equal_recall(ours, theirs):
        print(f"recall {r:.4f}: EmbedLab / hnswlib queries per CPU second = {x:.2f}", file=sys.stderr)
    if a.svg:
        title = (f'GloVe 6B 50d, {res.get("ann_base_rows", 399000):,} × 50, cosine, M={res.get("ann_m", 16)}, '
                 f'efConstruction={res.get("ann_ef_construction", 200)}, 1 thread, CPU time')
        with open(a.svg, "w") as f:
            note = (f'ef {", ".join(str(p[0]) for p in ours)}; both in one run of scripts/bench-ann.sh'
                    + (f', load average {res["load_ann"]}' if res.get("load_ann") else "") + '; up and to the right is better')
            f.write(svg(ours, theirs, title, note))


if __name__ == "__main__":
    main()

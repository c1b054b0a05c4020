#!/usr/bin/env python3
"""Turns the last line of `scripts/bench.sh --json` (one JSON object) into the README's benchmark table.

  scripts/bench.sh --json | tail -n 1 | python3 scripts/bench_readme.py

Every figure comes from that one run: EmbedLab's median, the peer's median measured in the same run,
their ratio (peer / EmbedLab: above 1, EmbedLab is faster) and issue 11's goal with whether it was met.
"""
import json
import sys


def main():
    lines = [l for l in sys.stdin.read().splitlines() if l.strip()]
    if not lines:
        sys.exit("bench_readme: no input; pipe in the last line of scripts/bench.sh --json")
    r = json.loads(lines[-1])

    def get(key):
        return r.get(key)

    def ratio(peer, ours):
        return f"{peer / ours:.2f}×" if peer and ours else "—"

    def met(ok):
        return "met" if ok else "**not met**"

    rows = []
    n30, p30, f30 = get("nearest_30k_ms"), get("numpy_30k_ms"), get("floor_30k_ms")
    if n30:
        rows.append((f"nearest k=10, 30,000 × 50", f"{n30:.3f} ms", f"numpy {p30:.3f} ms" if p30 else "—", ratio(p30, n30),
                     f"≤ 0.10 ms and ≥ 2.5× numpy: {met(n30 <= 0.10 and p30 and p30 / n30 >= 2.5)}; float32 floor {f30:.3f} ms"))
    n4, p4, f4 = get("nearest_400k_ms"), get("numpy_400k_ms"), get("floor_400k_ms")
    if n4:
        rows.append((f"nearest k=10, 400,000 × 50", f"{n4:.2f} ms", f"numpy {p4:.2f} ms" if p4 else "—", ratio(p4, n4),
                     f"≥ 2× numpy, ≤ 1.3× floor ({f4:.2f} ms, ours {n4 / f4:.2f}×): {met(p4 and p4 / n4 >= 2 and n4 / f4 <= 1.3)}"))
    b4, pb4 = get("batch_400k_ms_per_query"), get("numpy_batch_400k_ms_per_query")
    if b4:
        rows.append(("200 queries as one batch, 400k, per query", f"{b4:.2f} ms", f"numpy `Q @ m.T` {pb4:.2f} ms" if pb4 else "—",
                     ratio(pb4, b4), f"≥ 2×: {met(pb4 and pb4 / b4 >= 2)}"))
    e, g = get("eval_30k_s"), get("gensim_eval_30k_s")
    if e:
        same = get("eval_30k_correct") == get("gensim_eval_30k_correct") and get("eval_30k_total") == get("gensim_eval_30k_total")
        rows.append(("questions-words, restrict 30,000", f"{e:.2f} s, {get('eval_30k_correct')}/{get('eval_30k_total')}",
                     f"gensim {g:.2f} s, {get('gensim_eval_30k_correct')}/{get('gensim_eval_30k_total')}" if g else "—", ratio(g, e),
                     f"≥ 8×, same counts: {met(g and g / e >= 8 and same)}"))
    if get("startup_ms"):
        rows.append(("start to first prompt, default model (hyperfine median)", f"{get('startup_ms'):.1f} ms", "", "",
                     f"≤ 15 ms: {met(get('startup_ms') <= 15)}"))
    if get("load_ms"):
        rows.append(("open glove-50d `.embv` (mmap, stored word index)", f"{get('load_ms'):.2f} ms", "", "",
                     f"≤ 2 ms: {met(get('load_ms') <= 2)}"))

    la = get("load_average_start") or []
    print(f"Measured {get('date')} on {get('cpu')}, {get('threads')} threads; load average at the start "
          f"{', '.join(f'{x:.1f}' for x in la)} (a shared machine: figures vary from run to run). numpy/gensim ran in the "
          f"same run with {get('numpy_blas') or 'their BLAS'}, {get('numpy_blas_threads')} BLAS threads.")
    print()
    print("| measurement | EmbedLab | peer (same run) | ratio | goal (issue 11) |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turns the last line of `scripts/bench.sh --json` (one JSON object) into the README's benchmark table.

  scripts/bench.sh --json | tail -n 1 | python3 scripts/bench_readme.py

Every figure comes from that one run: EmbedLab's median, the peer's median measured in the same run,
their ratio (peer / EmbedLab: above 1, EmbedLab is faster) and the goal (issue 11, then issue 24) with whether it
was met. The parts' keys (scripts/bench-*.sh), when present, give a second table: search, encoders against PyTorch
and onnxruntime, the ANN curve against hnswlib, GloVe against glove-python, Word2Vec against gensim.
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
    parts = part_rows(get)
    if parts:
        print()
        print("| part (scripts/bench-*.sh, same run) | EmbedLab | peer (same run) | ratio | goal (issue 24) |")
        print("|---|---|---|---|---|")
        for row in parts:
            print("| " + " | ".join(row) + " |")


def part_rows(get):
    """Rows for the parts' keys (ratio: EmbedLab / peer in speed, above 1: EmbedLab is faster)."""
    def met(ok):
        return "met" if ok else "**not met**"
    rows = []
    if get("search_first_ms") is not None:
        runs = get("search_first_ms_runs") or []
        spread = f" ({min(runs):.0f}–{max(runs):.0f})" if runs else ""
        rows.append((f"first `search` of a session, {get('search_encoder')} on {get('search_collection')} (vectors cached)",
                     f"{get('search_first_ms'):.0f} ms{spread}, {get('search_first_cpu_ms') or 0:.0f} ms CPU",
                     f"before the cache: {get('search_first_uncached_ms'):.0f} ms", f"{get('search_first_uncached_ms') / get('search_first_ms'):.1f}×",
                     f"≤ 50 ms: {met(get('search_first_ms') <= 50)}"))
    for prefix, name in (("", "minilm"), ("e5_", "e5-small")):
        ours, torch, ort8, ort32 = (get(prefix + k) for k in ("encoder_sentences_per_s", "reference_encoder_sentences_per_s",
                                                              "encoder_ort_sentences_per_s", "encoder_ort_f32_sentences_per_s"))
        if ours and torch:
            rows.append((f"{name}, sentences/s, 1,000 sentences, batch {get('encoder_batch')}, {get('encoder_threads')} threads",
                         f"{ours:.1f} (cosine ≥ {get(prefix + 'encoder_min_cosine_vs_reference')})", f"PyTorch float32 {torch:.1f}",
                         f"{ours / torch:.2f}×", f"≥ 2× PyTorch: {met(ours / torch >= 2)}"))
        if ours and ort8:
            rows.append((f"{name}, against onnxruntime", f"{ours:.1f}",
                         f"int8 {ort8:.1f} (cosine ≥ {get(prefix + 'encoder_ort_min_cosine_vs_reference')}), float32 {ort32:.1f}",
                         f"{ours / ort8:.2f}× int8, {ours / ort32:.2f}× float32", f"≥ 1.0× int8: {met(ours / ort8 >= 1.0)}"))
    if get("ann_curve") and get("hnswlib_curve"):
        def fmt(c): return "; ".join(f"ef {ef}: {rec:.3f}, {q:,.0f}/s" for ef, rec, q in c)
        r = get("ann_min_qps_ratio_at_equal_recall")
        rows.append(("HNSW 399,000 × 50, M=16, efConstruction=200, 1 thread: ef, recall@10, queries per CPU second",
                     fmt(get("ann_curve")), "hnswlib " + fmt(get("hnswlib_curve")), f"{r:.2f}× (smallest at equal recall)",
                     f"≥ 1.5× at every recall both reach: {met(r >= 1.5)}"))
    if get("ann_build_s") and get("hnswlib_build_s"):
        rows.append(("HNSW build, CPU seconds", f"{get('ann_build_s'):.1f} s", f"hnswlib {get('hnswlib_build_s'):.1f} s",
                     f"{get('ann_build_ratio'):.2f} of its time", f"≤ 0.5: {met(get('ann_build_ratio') <= 0.5)}"))
    if get("glove_records_per_s") and get("peer_glove_records_per_s"):
        rows.append((f"GloVe, {get('glove_epochs')} epochs, {get('glove_threads')} threads: records per second (seconds per epoch)",
                     f"{get('glove_records_per_s') / 1e6:.2f} M ({get('glove_epoch_s'):.2f} s), cost {get('glove_costs')[0]:.4f} → {get('glove_costs')[-1]:.4f}, "
                     f"{get('glove_accuracy')[0]}/{get('glove_accuracy')[1]}",
                     f"{get('peer_glove')}: {get('peer_glove_records_per_s') / 1e6:.2f} M ({get('peer_glove_epoch_s'):.2f} s), "
                     f"cost {get('peer_glove_costs')[0]:.4f} → {get('peer_glove_costs')[-1]:.4f}, {get('peer_glove_accuracy')[0]}/{get('peer_glove_accuracy')[1]}",
                     f"{get('glove_records_per_s_ratio'):.2f}×" + (f" ({get('glove_cpu_ratio'):.2f}× per CPU s)" if get("glove_cpu_ratio") else ""),
                     f"≥ 5×: {met(get('glove_records_per_s_ratio') >= 5)}"))
    for prefix, name in (("word2vec_", "CBOW"), ("word2vec_sg_", "skip-gram")):
        ours, peer = get(prefix + "words_per_s"), get("gensim_" + prefix + "words_per_s")
        if ours and peer:
            acc, pacc = get(prefix + "accuracy"), get("gensim_" + prefix + "accuracy")
            rows.append((f"Word2Vec {name}, words/s; accuracy %", f"{ours:,}; {acc}", f"gensim {peer:,}; {pacc}",
                         f"{get(prefix + 'speed_ratio'):.2f}×", f"≥ 2×, accuracy within 1 point: {met(get(prefix + 'speed_ratio') >= 2 and acc >= pacc - 1)}"))
    return rows


if __name__ == "__main__":
    main()

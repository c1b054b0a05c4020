#!/usr/bin/env python3
"""Turns the last line of `scripts/bench.sh --json` (one JSON object) into the README's benchmark table.

  scripts/bench.sh --json | tail -n 1 | python3 scripts/bench_readme.py

Every figure comes from that one run: EmbedLab's median, the peer's median measured in the same run,
their ratio (peer / EmbedLab: above 1, EmbedLab is faster) and the goal (issue 11, then issue 24) with whether it
was met. The parts' keys (scripts/bench-*.sh), when present, give a second table: search, the Chinese model,
encoders against PyTorch and onnxruntime, the ANN curve against hnswlib, GloVe against glove-python, Word2Vec against
gensim, CLIP against PyTorch; with the spread of every repeated figure (lowest–highest) and how long each part ran.
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
        p90 = f" (p90 {get('nearest_400k_p90_ms'):.2f})" if get("nearest_400k_p90_ms") else ""
        same = {True: ", same top-10 as numpy", False: ", top-10 differs from numpy"}.get(get("nearest_same_top10_as_numpy"), "")
        rows.append((f"nearest k=10, 400,000 × 50", f"{n4:.2f} ms{p90}{same}", f"numpy {p4:.2f} ms" if p4 else "—", ratio(p4, n4),
                     f"≤ 0.75× the float32 floor ({f4:.2f} ms): ours {n4 / f4:.2f}×, {met(n4 / f4 <= 0.75)}"))
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
        rows.append(("start to first prompt, default model (hyperfine median, static binary)", f"{get('startup_ms'):.1f} ms", "", "",
                     f"≤ 10 ms: {met(get('startup_ms') <= 10)}"))
    if get("load_ms"):
        rows.append(("open glove-50d `.embv` (mmap, stored word index)", f"{get('load_ms'):.2f} ms", "", "",
                     f"≤ 2 ms: {met(get('load_ms') <= 2)}"))

    la = get("load_average_start") or []
    print(f"Measured {get('date')} on {get('cpu')}, {get('threads')} threads; load average at the start "
          f"{', '.join(f'{x:.1f}' for x in la)} (a shared machine: figures vary from run to run). numpy/gensim ran in the "
          f"same run with {get('numpy_blas') or 'their BLAS'}, {get('numpy_blas_threads')} BLAS threads.")
    print()
    print("| measurement | EmbedLab | peer (same run) | ratio | goal (issues 11 and 24) |")
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
    took = sorted((k[len("bench_part_"):-2], v) for k, v in r.items() if k.startswith("bench_part_") and k.endswith("_s"))
    if took:
        print()
        print("Each part's wall-clock time in that run: " + ", ".join(f"{p} {v // 60} min {v % 60:02d} s" for p, v in took) +
              (f"; load average at the end {', '.join(f'{x:.1f}' for x in get('load_average_end_of_parts'))}."
               if get("load_average_end_of_parts") else "."))
    errors = sorted((k, v) for k, v in r.items() if k.endswith("_error"))
    for k, v in errors:
        print(f"\nPart {k[:-len('_error')]} failed in that run: {v}")


def part_rows(get):
    """Rows for the parts' keys (ratio: EmbedLab / peer in speed, above 1: EmbedLab is faster)."""
    def met(ok):
        return "met" if ok else "**not met**"
    def span(values, fmt="{:.1f}"):
        values = [v for v in (values or []) if v is not None]
        return f" ({fmt.format(min(values))}–{fmt.format(max(values))})" if len(values) > 1 else ""

    def rate_spread(n, seconds):  # items per second from each pass's seconds, lowest–highest
        return span([n / s for s in seconds or [] if s], "{:.1f}") if n else ""

    rows = []
    if get("search_first_ms") is not None:
        runs = get("search_first_ms_runs") or []
        spread = f" ({min(runs):.0f}–{max(runs):.0f})" if runs else ""
        rows.append((f"first `search` of a session, {get('search_encoder')} on {get('search_collection')} (vectors cached)",
                     f"{get('search_first_ms'):.0f} ms{spread}, {get('search_first_cpu_ms') or 0:.0f} ms CPU",
                     f"before the cache: {get('search_first_uncached_ms'):.0f} ms", f"{get('search_first_uncached_ms') / get('search_first_ms'):.1f}×",
                     f"≤ 50 ms: {met(get('search_first_ms') <= 50)}"))
    if get("nearest_zh_wiki_ms") is not None:
        exact = ", same top-10 as the exact float32 scan" if get("nearest_zh_wiki_exact") else ", top-10 differs from the exact scan"
        rows.append(("zh-wiki nearest k=10, 125,145 × 100 (int8 rows)", f"{get('nearest_zh_wiki_ms'):.3f} ms{exact}",
                     f"its float32 floor {get('floor_zh_wiki_ms'):.2f} ms", f"{get('nearest_zh_wiki_floor_ratio'):.2f}× the floor",
                     f"≤ 0.75× the float32 floor: {met(get('nearest_zh_wiki_floor_ratio') <= 0.75)}"))
    for prefix, name in (("", "minilm"), ("e5_", "e5-small")):
        ours, torch, ort8, ort32 = (get(prefix + k) for k in ("encoder_sentences_per_s", "reference_encoder_sentences_per_s",
                                                              "encoder_ort_sentences_per_s", "encoder_ort_f32_sentences_per_s"))
        if ours and torch:
            n = get("encoder_sentences")
            rows.append((f"{name}, sentences/s, 1,000 sentences, batch {get('encoder_batch')}, {get('encoder_threads')} threads",
                         f"{ours:.1f}{rate_spread(n, get(prefix + 'encoder_seconds'))} (cosine ≥ {get(prefix + 'encoder_min_cosine_vs_reference')}"
                         + (f"; ≥ {get(prefix + 'encoder_min_cosine_same_tokens')} on the same token ids, "
                            f"{get(prefix + 'sentences_tokenised_differently')} of {n:,} sentences' token ids differ from the reference tokenizer's, "
                            f"{get(prefix + 'sentences_needing_a_pruned_piece')} of them because the reference's cut needs a pruned piece"
                            if get(prefix + 'encoder_min_cosine_same_tokens') is not None else "") + ")",
                         f"PyTorch float32 {torch:.1f}{rate_spread(n, get(prefix + 'reference_encoder_seconds'))}",
                         f"{ours / torch:.2f}×", f"≥ 2× PyTorch: {met(ours / torch >= 2)}"))
        if ours and ort8:
            n = get("encoder_sentences")
            rows.append((f"{name}, against onnxruntime", f"{ours:.1f}",
                         f"int8 {ort8:.1f}{rate_spread(n, get(prefix + 'encoder_ort_seconds'))} (cosine ≥ {get(prefix + 'encoder_ort_min_cosine_vs_reference')}), "
                         f"float32 {ort32:.1f}{rate_spread(n, get(prefix + 'encoder_ort_f32_seconds'))}",
                         f"{ours / ort8:.2f}× int8, {ours / ort32:.2f}× float32", f"≥ 1.0× int8: {met(ours / ort8 >= 1.0)}"))
    if get("ann_curve") and get("hnswlib_curve"):
        def fmt(c): return "; ".join(f"ef {ef}: {rec:.3f}, {q:,.0f}/s" for ef, rec, q in c)
        r = get("ann_min_qps_ratio_at_equal_recall")
        rows.append(("HNSW 399,000 × 50, M=16, efConstruction=200, 1 thread: ef, recall@10, queries per CPU second",
                     fmt(get("ann_curve")), "hnswlib " + fmt(get("hnswlib_curve")), f"{r:.2f}× (smallest at equal recall)",
                     f"≥ 1.5× at every recall both reach: {met(r >= 1.5)}"))
    if get("ann_build_s") and get("hnswlib_build_s"):
        rows.append(("HNSW build, CPU seconds", f"{get('ann_build_s'):.1f} s{span(get('ann_build_s_all'))}",
                     f"hnswlib {get('hnswlib_build_s'):.1f} s{span(get('hnswlib_build_s_all'))}",
                     f"{get('ann_build_ratio'):.3f} of its time", f"≤ 0.5: {met(get('ann_build_ratio') <= 0.5)}"))
    if get("glove_records_per_s") and get("peer_glove_records_per_s"):
        costs, peer_costs = get("glove_costs"), get("peer_glove_costs")
        shared = min(len(costs), len(peer_costs))
        rows.append((f"GloVe, {get('glove_epochs')} epochs (peer: {get('peer_glove_epochs')}), {get('glove_threads')} threads: records per second "
                     "(median seconds per epoch); cost after epoch 1 → after the peer's last",
                     f"{get('glove_records_per_s') / 1e6:.2f} M ({get('glove_epoch_s'):.2f} s{span(get('glove_epoch_s_runs'), '{:.2f}')}), "
                     f"cost {costs[0]:.4f} → {costs[shared - 1]:.4f} (→ {costs[-1]:.4f} after {len(costs)}), "
                     f"{get('glove_accuracy')[0]}/{get('glove_accuracy')[1]}",
                     f"{get('peer_glove')}: {get('peer_glove_records_per_s') / 1e6:.2f} M ({get('peer_glove_epoch_s'):.2f} s{span(get('peer_glove_epoch_s_runs'), '{:.2f}')}), "
                     f"cost {peer_costs[0]:.4f} → {peer_costs[shared - 1]:.4f}, {get('peer_glove_accuracy')[0]}/{get('peer_glove_accuracy')[1]}",
                     f"{get('glove_records_per_s_ratio'):.2f}×" + (f" ({get('glove_cpu_ratio'):.2f}× per CPU s)" if get("glove_cpu_ratio") else ""),
                     f"≥ 5×: {met(get('glove_records_per_s_ratio') >= 5)}"))
    for prefix, name in (("word2vec_", "CBOW"), ("word2vec_sg_", "skip-gram")):
        ours, peer = get(prefix + "words_per_s"), get("gensim_" + prefix + "words_per_s")
        if ours and peer:
            acc, pacc = get(prefix + "accuracy"), get("gensim_" + prefix + "accuracy")
            def wspread(key):
                lo, hi = get(key + "_min"), get(key + "_max")
                return f" ({lo:,}–{hi:,})" if lo is not None and hi is not None and lo != hi else ""
            rows.append((f"Word2Vec {name}, words/s; accuracy %", f"{ours:,}{wspread(prefix + 'words_per_s')}; {acc}",
                         f"gensim {peer:,}{wspread('gensim_' + prefix + 'words_per_s')}; {pacc}",
                         f"{get(prefix + 'speed_ratio'):.2f}×", f"≥ 2×, accuracy within 1 point: {met(get(prefix + 'speed_ratio') >= 2 and acc >= pacc - 1)}"))
    if get("clip_epoch_s") and get("reference_clip_epoch_s"):
        rows.append(("CLIP, seconds per epoch (6,000 pictures); from scratch to the figures",
                     f"{get('clip_epoch_s'):.2f} s; {get('clip_train_s'):.1f} s, held out colour {get('clip_heldout_colour')}, "
                     f"shape {get('clip_heldout_shape')}, position {get('clip_heldout_position')}, recall@1 {get('clip_recall_at_1')}",
                     f"PyTorch {get('reference_clip_epoch_s'):.2f} s", f"{get('clip_epoch_ratio'):.2f} of its time",
                     f"≤ 1.0 of its time, from scratch ≤ 60 s: {met(get('clip_epoch_ratio') <= 1.0 and get('clip_train_s') <= 60)}"))
    return rows


if __name__ == "__main__":
    main()

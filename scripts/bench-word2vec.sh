#!/usr/bin/env bash
# The Word2Vec benchmark (release build; not part of the tests): EmbedLab's Word2Vec and gensim's, side by side
# on the same corpus with the same settings, both architectures (CBOW, then skip-gram), BENCH_RUNS times each
# (EmbedLab and gensim alternating, so that both meet the same load on a shared machine): training words a
# second (raw words: every corpus token, once an epoch, over the time of training alone, after the vocabulary is
# counted) and questions-words accuracy on the 30,000 most frequent words (gensim's copy of questions-words.txt;
# EmbedLab's evaluation answers exactly as gensim's does).
#
#   scripts/bench-word2vec.sh [--json] CORPUS(.txt|.txt.gz) [settings, e.g. --epochs 3 --arch sg]
#
# CORPUS (required; the benchmark's figures use a 10-million-token English corpus): one sentence or paragraph a line,
# tokens separated by spaces. Settings default to gensim's Word2Vec defaults with 2 workers: --dim 100 --window 5
# --negative 5 --epochs 5 --min-count 5 --sample 0.001 --alpha 0.025 --threads 2 --seed 1; --arch both (cbow, sg
# or both) says which architectures run.
# BENCH_RUNS (default 3) runs of each; figures are medians, with the lowest and highest beside them.
# With --json the last line is one JSON object (accuracies in percent); for CBOW:
#   word2vec_words_per_s, gensim_word2vec_words_per_s, word2vec_accuracy, gensim_word2vec_accuracy,
#   word2vec_speed_ratio (ours / gensim's, median of the per-pair ratios), the *_min / *_max spread;
# for skip-gram the same keys with word2vec_sg_ in place of word2vec_ (gensim_word2vec_sg_words_per_s, …);
# and the settings.
# Needs swift and python3 with gensim (installed with pip when missing). Builds in .build-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
json=0
if [ "${1:-}" = "--json" ]; then json=1; shift; fi
corpus=
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then corpus=$1; shift; fi
[ -n "$corpus" ] || { echo "usage: scripts/bench-word2vec.sh [--json] CORPUS(.txt|.txt.gz) [settings]" >&2; exit 64; }
runs=${BENCH_RUNS:-3}
say() { echo "== $*" >&2; }
die() { echo "bench-word2vec.sh: $*" >&2; exit 1; }
[ -f "$corpus" ] || die "corpus $corpus is missing (give its path as the first argument)"

# The settings: gensim's defaults, then whatever was given.
declare -A s=([arch]=both [dim]=100 [window]=5 [negative]=5 [epochs]=5 [min-count]=5 [sample]=0.001 [alpha]=0.025
              [threads]=2 [seed]=1 [restrict]=30000)
while [ $# -gt 0 ]; do
  key=${1#--}
  [ -n "${s[$key]+set}" ] || die "unknown setting $1 (settings: ${!s[*]})"
  [ $# -ge 2 ] || die "$1 needs a value"
  s[$key]=$2; shift 2
done
settings=()
for key in dim window negative epochs min-count sample alpha threads seed restrict; do settings+=("--$key" "${s[$key]}"); done

python3 -c 'import gensim' 2>/dev/null || { say "installing gensim (pip)"; python3 -m pip install --quiet gensim; }
questions="$(python3 -c 'import gensim, os; print(os.path.dirname(gensim.__file__))')/test/test_data/questions-words.txt"
[ -f "$questions" ] || die "gensim's questions-words.txt is not at $questions"

work=$(mktemp -d "${TMPDIR:-/tmp}/embedlab-w2v-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
say "building word2vec-bench (release, .build-bench)"
swift build -c release --product word2vec-bench --scratch-path .build-bench >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; die "the build failed"; }
bench="$(swift build -c release --scratch-path .build-bench --show-bin-path)/word2vec-bench"

case "$corpus" in
  *.gz) say "unpacking $corpus"; gunzip -c "$corpus" > "$work/corpus.txt"; text="$work/corpus.txt" ;;
  *) text="$corpus" ;;
esac

case "${s[arch]}" in
  both) archs=(0 1) ;; cbow) archs=(0) ;; sg) archs=(1) ;;
  *) die "--arch takes cbow, sg or both, not ${s[arch]}" ;;
esac
for run in $(seq 1 "$runs"); do
  for sg in "${archs[@]}"; do
    say "run $run of $runs, sg $sg: EmbedLab (${settings[*]})"
    "$bench" "$text" "$questions" --sg "$sg" "${settings[@]}" | tail -n 1 > "$work/ours-$sg-$run.json"
    say "run $run of $runs, sg $sg: gensim"
    python3 scripts/bench_word2vec_gensim.py "$text" "$questions" --sg "$sg" "${settings[@]}" | tail -n 1 > "$work/gensim-$sg-$run.json"
  done
done

python3 - "$work" "$runs" "$json" "${archs[*]}" "${settings[@]}" <<'PY'
import json, statistics, sys
work, runs, as_json, archs, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4].split(), sys.argv[5:]
med = statistics.median
settings = {rest[i][2:].replace("-", "_"): float(rest[i + 1]) if "." in rest[i + 1] else int(rest[i + 1])
            for i in range(0, len(rest), 2)}
result = {"word2vec_runs": runs, "word2vec_settings": settings}
for sg in archs:
  ours = [json.load(open(f"{work}/ours-{sg}-{r}.json")) for r in range(1, runs + 1)]
  peer = [json.load(open(f"{work}/gensim-{sg}-{r}.json")) for r in range(1, runs + 1)]
  out = {
      "word2vec_words_per_s": round(med(o["words_per_s"] for o in ours)),
      "gensim_word2vec_words_per_s": round(med(p["words_per_s"] for p in peer)),
      "word2vec_accuracy": round(100 * med(o["accuracy"] for o in ours), 2),
      "gensim_word2vec_accuracy": round(100 * med(p["accuracy"] for p in peer), 2),
      "word2vec_speed_ratio": round(med(o["words_per_s"] / p["words_per_s"] for o, p in zip(ours, peer)), 3),
      "word2vec_words_per_s_min": round(min(o["words_per_s"] for o in ours)),
      "word2vec_words_per_s_max": round(max(o["words_per_s"] for o in ours)),
      "gensim_word2vec_words_per_s_min": round(min(p["words_per_s"] for p in peer)),
      "gensim_word2vec_words_per_s_max": round(max(p["words_per_s"] for p in peer)),
      "word2vec_accuracy_min": round(100 * min(o["accuracy"] for o in ours), 2),
      "word2vec_accuracy_max": round(100 * max(o["accuracy"] for o in ours), 2),
      "gensim_word2vec_accuracy_min": round(100 * min(p["accuracy"] for p in peer), 2),
      "gensim_word2vec_accuracy_max": round(100 * max(p["accuracy"] for p in peer), 2),
      "word2vec_vocabulary": ours[0]["vocabulary"], "gensim_word2vec_vocabulary": peer[0]["vocabulary"],
      # Every run, in order, so that the spread can be read run by run.
      "word2vec_words_per_s_runs": [round(o["words_per_s"]) for o in ours],
      "gensim_word2vec_words_per_s_runs": [round(p["words_per_s"]) for p in peer],
      "word2vec_accuracy_runs": [round(100 * o["accuracy"], 2) for o in ours],
      "gensim_word2vec_accuracy_runs": [round(100 * p["accuracy"], 2) for p in peer],
  }
  rows = [("words/s (median, min–max)", f'{out["word2vec_words_per_s"]:,} ({out["word2vec_words_per_s_min"]:,}–{out["word2vec_words_per_s_max"]:,})',
           f'{out["gensim_word2vec_words_per_s"]:,} ({out["gensim_word2vec_words_per_s_min"]:,}–{out["gensim_word2vec_words_per_s_max"]:,})'),
          ("questions-words accuracy, %", f'{out["word2vec_accuracy"]} ({out["word2vec_accuracy_min"]}–{out["word2vec_accuracy_max"]})',
           f'{out["gensim_word2vec_accuracy"]} ({out["gensim_word2vec_accuracy_min"]}–{out["gensim_word2vec_accuracy_max"]})'),
          ("vocabulary", str(out["word2vec_vocabulary"]), str(out["gensim_word2vec_vocabulary"]))]
  name = "CBOW" if sg == "0" else "skip-gram"
  print(f'{"Word2Vec " + name + ", " + ", ".join(f"{k} {v}" for k, v in settings.items()):<40}', file=sys.stderr)
  print(f'{"":<32}{"EmbedLab":>28}{"gensim":>28}', file=sys.stderr)
  for name, a, b in rows:
      print(f"{name:<32}{a:>28}{b:>28}", file=sys.stderr)
  print(f'speed ratio EmbedLab / gensim (median of {runs} paired runs): {out["word2vec_speed_ratio"]}\n', file=sys.stderr)
  # CBOW's keys are word2vec_…, skip-gram's word2vec_sg_…
  result.update({k if sg == "0" else k.replace("word2vec_", "word2vec_sg_", 1): v for k, v in out.items()})
if as_json:
  print(json.dumps(result, sort_keys=True))
PY

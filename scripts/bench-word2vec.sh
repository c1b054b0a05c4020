#!/usr/bin/env bash
# The Word2Vec benchmark (release build; not part of the tests): EmbedLab's Word2Vec and gensim's, side by side
# on the same corpus with the same settings, BENCH_RUNS times each (alternating, so that both meet the same load
# on a shared machine): training words a second (raw words: every corpus token, once an epoch, over the time of
# training alone, after the vocabulary is counted) and questions-words accuracy on the 30,000 most frequent
# words (gensim's copy of questions-words.txt; EmbedLab's evaluation answers exactly as gensim's does).
#
#   scripts/bench-word2vec.sh [--json] [CORPUS(.txt|.txt.gz)] [settings, e.g. --sg 1 --epochs 3]
#
# CORPUS defaults to ../shared/data/corpus-en-10m.txt.gz beside the checkout: one sentence or paragraph a line,
# tokens separated by spaces. Settings default to gensim's Word2Vec defaults with 2 workers: --sg 0 (CBOW)
# --dim 100 --window 5 --negative 5 --epochs 5 --min-count 5 --sample 0.001 --alpha 0.025 --threads 2 --seed 1.
# BENCH_RUNS (default 3) runs of each; figures are medians, with the lowest and highest beside them.
# With --json the last line is one JSON object (accuracies in percent):
#   word2vec_words_per_s, gensim_word2vec_words_per_s, word2vec_accuracy, gensim_word2vec_accuracy,
#   word2vec_speed_ratio (ours / gensim's, median of the per-pair ratios), the *_min / *_max spread, and the settings.
# Needs swift and python3 with gensim (installed with pip when missing). Builds in .build-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
json=0
if [ "${1:-}" = "--json" ]; then json=1; shift; fi
corpus=../shared/data/corpus-en-10m.txt.gz
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then corpus=$1; shift; fi
runs=${BENCH_RUNS:-3}
say() { echo "== $*" >&2; }
die() { echo "bench-word2vec.sh: $*" >&2; exit 1; }
[ -f "$corpus" ] || die "corpus $corpus is missing (give its path as the first argument)"

# The settings: gensim's defaults, then whatever was given.
declare -A s=([sg]=0 [dim]=100 [window]=5 [negative]=5 [epochs]=5 [min-count]=5 [sample]=0.001 [alpha]=0.025
              [threads]=2 [seed]=1 [restrict]=30000)
while [ $# -gt 0 ]; do
  key=${1#--}
  [ -n "${s[$key]+set}" ] || die "unknown setting $1 (settings: ${!s[*]})"
  [ $# -ge 2 ] || die "$1 needs a value"
  s[$key]=$2; shift 2
done
settings=()
for key in sg dim window negative epochs min-count sample alpha threads seed restrict; do settings+=("--$key" "${s[$key]}"); done

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

for run in $(seq 1 "$runs"); do
  say "run $run of $runs: EmbedLab (${settings[*]})"
  "$bench" "$text" "$questions" "${settings[@]}" | tail -n 1 > "$work/ours-$run.json"
  say "run $run of $runs: gensim"
  python3 scripts/bench_word2vec_gensim.py "$text" "$questions" "${settings[@]}" | tail -n 1 > "$work/gensim-$run.json"
done

python3 - "$work" "$runs" "$json" "${settings[@]}" <<'PY'
import json, statistics, sys
work, runs, as_json, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4:]
ours = [json.load(open(f"{work}/ours-{r}.json")) for r in range(1, runs + 1)]
peer = [json.load(open(f"{work}/gensim-{r}.json")) for r in range(1, runs + 1)]
med = statistics.median
settings = {rest[i][2:].replace("-", "_"): float(rest[i + 1]) if "." in rest[i + 1] else int(rest[i + 1])
            for i in range(0, len(rest), 2)}
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
    "word2vec_runs": runs,
    "word2vec_settings": settings,
}
rows = [("words/s (median, min–max)", f'{out["word2vec_words_per_s"]:,} ({out["word2vec_words_per_s_min"]:,}–{out["word2vec_words_per_s_max"]:,})',
         f'{out["gensim_word2vec_words_per_s"]:,} ({out["gensim_word2vec_words_per_s_min"]:,}–{out["gensim_word2vec_words_per_s_max"]:,})'),
        ("questions-words accuracy, %", f'{out["word2vec_accuracy"]} ({out["word2vec_accuracy_min"]}–{out["word2vec_accuracy_max"]})',
         f'{out["gensim_word2vec_accuracy"]} ({out["gensim_word2vec_accuracy_min"]}–{out["gensim_word2vec_accuracy_max"]})'),
        ("vocabulary", str(out["word2vec_vocabulary"]), str(out["gensim_word2vec_vocabulary"]))]
print(f'{"Word2Vec, " + ", ".join(f"{k} {v}" for k, v in settings.items()):<40}', file=sys.stderr)
print(f'{"":<32}{"EmbedLab":>28}{"gensim":>28}', file=sys.stderr)
for name, a, b in rows:
    print(f"{name:<32}{a:>28}{b:>28}", file=sys.stderr)
print(f'speed ratio EmbedLab / gensim (median of {runs} paired runs): {out["word2vec_speed_ratio"]}', file=sys.stderr)
if as_json:
    print(json.dumps(out, sort_keys=True))
PY

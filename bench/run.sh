#!/usr/bin/env bash
# The mq benchmark: one command, release build, mq side by side with DuckDB and SQLite.
#   bench/run.sh            10,000 and 100,000 documents
#   DOCS="10000" bench/run.sh   only the sizes listed
# Results go to bench/results/ (not committed); docs/performance.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
GEN=${GENCORPUS:-$ROOT/../shared/bench/gencorpus.py}
OUT=$ROOT/bench/out
RES=$ROOT/bench/results
DOCS=${DOCS:-"10000 100000"}
RUNS=${RUNS:-5}
mkdir -p "$OUT" "$RES"
python3 -c "import duckdb" 2>/dev/null || python3 -m pip install -q duckdb
python3 -c "import pexpect" 2>/dev/null || python3 -m pip install -q pexpect
make -s release >/dev/null
MQ=$ROOT/.build/release/mq
export MQ_NO_CACHE=1   # measure real loads; the re-open figure uses its own cache

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "# mq benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
for n in $DOCS; do
  gen=$OUT/gen$n corpus=$OUT/c$n
  [ -f "$gen/manifest.tsv" ] || python3 "$GEN" "$gen" --docs "$n" >/dev/null
  # The bulk TSV catalog and facts (the form an import takes), and the hand-curated YAML form beside it.
  [ -f "$corpus/catalog/entities.tsv" ] || python3 bench/convert.py "$gen" "$corpus"
  [ -f "$corpus-yaml/catalog/entities.yaml" ] || python3 bench/convert.py "$gen" "$corpus-yaml" --yaml
  bytes=$(find "$gen/documents" -name '*.txt' -print0 | xargs -0 cat | wc -c)
  echo
  echo "## $n documents, $bytes bytes of text"
  # (1) load plus matching, both cores and one core; peak memory.
  python3 bench/load_time.py "$MQ" "$corpus" "$bytes" --runs "$RUNS" --label "load + match, both cores" --floor
  python3 bench/load_time.py "$MQ" "$corpus" "$bytes" --runs "$RUNS" --label "load + match, both cores, documents read from disk" --floor --cold
  python3 bench/load_time.py "$MQ" "$corpus" "$bytes" --runs "$RUNS" --pin 0 --label "load + match, one core"
  python3 bench/load_time.py "$MQ" "$corpus-yaml" "$bytes" --runs "$RUNS" --label "load + match, both cores, YAML catalog and facts"
  "$MQ" corpus match-rate "$corpus" --runs "$RUNS"
  python3 bench/score.py "$gen/truth/mentions.tsv" <("$MQ" corpus mentions "$corpus" | awk -F'\t' 'NR == 1 || $3 != "0"') > "$RES/score-$n.txt"
  head -2 "$RES/score-$n.txt"
  # (2) re-opening an unchanged corpus.
  "$MQ" corpus open-time "$corpus" --runs "$RUNS"
  # (4) completion latency for entity names.
  "$MQ" bench --corpus "$corpus" --runs "$RUNS" --complete 'ent("Kata' --complete 'ent("Ma' --complete 'entities | wh'
  # (5) the queries, side by side.
  python3 bench/compare.py "$MQ" "$corpus" "$gen" --runs "$RUNS"
done
# (3) REPL start to the first prompt on seeds/.
python3 bench/repl_start.py "$MQ" --runs 10
# (6) Ctrl-C in the REPL on one 50 MB sentence (kwic, has, contains, mentions' text).
python3 bench/cancel_latency.py "$MQ" --runs 5

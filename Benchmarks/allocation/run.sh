#!/usr/bin/env bash
# Times `corridor allocate --format json` (release) against `glpsol --lp` on the LP file corridor
# writes for the same model, on generated corridor networks; then warm vs cold re-solve.
#
# usage: Benchmarks/allocation/run.sh [RUNS]      (from the repository root; RUNS default 5)
# Needs: a release build (swift build -c release --product corridor), glpsol, hyperfine, python3.
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
corridor="$root/.build/release/corridor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$corridor" ] || { echo "build first: swift build -c release --product corridor" >&2; exit 2; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "glpsol: $(glpsol --version | head -1)"
# The generator goes to 2000 nodes / 6000 links / 300 demands (SIZES="2000 6000 300"), but that
# program (≈270,000 columns, 60,000 rows) keeps GLPK — ours and glpsol alike — busy for more than
# ten minutes on this machine, so the default sizes stop at 800 nodes.
sizes=${SIZES:-"200 600 40;400 1200 60;800 2400 120"}
IFS=';' read -r -a size_list <<< "$sizes"
for size in "${size_list[@]}"; do
  set -- $size
  file="$work/net-$1.json"
  python3 "$root/Benchmarks/allocation/generate.py" "$1" "$2" "$3" --seed 7 > "$file"
  "$corridor" allocate "$file" --format json --write-lp "$work/net-$1.lp" > "$work/out-$1.json"
  echo
  echo "== $1 nodes, $2 links, $3 demands: $(grep -c '' "$work/net-$1.lp") LP lines"
  for i in $(seq "$runs"); do
    "$corridor" allocate "$file" --format json --timings 2>&1 >/dev/null | sed 's/^corridor: //'
  done | sort | sed -n "1p;$(( (runs + 1) / 2 ))p" | sed '1s/^/  fastest: /;2s/^/  median:  /'
  ours=$(python3 -c "import json;print(json.load(open('$work/out-$1.json'))['objective'])")
  theirs=$(glpsol --lp "$work/net-$1.lp" -o "$work/glpsol-$1.txt" >/dev/null; grep '^Objective' "$work/glpsol-$1.txt")
  echo "  objective: corridor $ours; glpsol $theirs"
  hyperfine --runs "$runs" --style basic --export-markdown "$work/h-$1.md" \
    -n "corridor allocate --format json" "$corridor allocate $file --format json" \
    -n "glpsol --lp (defaults)" "glpsol --lp $work/net-$1.lp" > /dev/null
  sed 's/^/  /' "$work/h-$1.md"
done

echo
echo "== warm re-solve after one capacity change vs cold solve (largest network)"
cd "$root"
CORRIDOR_BENCH_NETWORK="$file" swift test --filter warmResolveBenchmark 2>&1 \
  | grep -E "warm re-solve|×" | sed 's/^/  /'
